package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code respond --to mailto:} (company) and {@code responses record --smime-trust} (office): a response travels by
 * S/MIME email through a real SMTPS server on loopback, is verified against the company's receipt certificate and
 * recorded once.
 */
class RespondByEmailCliTest {
    private static final String PW = "s3cret";
    private static final String OFFICE_MAILBOX = "fitf-responses@agency.example";
    private static final String COMPANY_MAIL = SampleData.passingShare().recipient().contacts().get(0).email();

    @TempDir
    static Path keys;
    static Path envelope;

    @TempDir
    Path dir;

    GreenMail mail;

    /** One PKI for the class: GreenMail keeps the first SMTPS key store it loads for the life of the JVM. */
    @BeforeAll
    static void keysAndAnEnvelope() {
        CliTest.Result init = CliTest.run("keys", "init", keys.toString(), "--password", PW, "--tls");
        assertThat(init.code()).as(init.err()).isZero();
        envelope = keys.resolve("share.jws.json");
        CliTest.Result sign = CliTest.run("sign", TestResources.samplesDirectory().resolve("passing-share.json")
                .toString(), "--key", k("sender.p12"), "--password", PW, "-o", envelope.toString());
        assertThat(sign.code()).as(sign.err()).isZero();
    }

    @BeforeEach
    void startMail() {
        // One JVM per test class (surefire reuseForks=false): GreenMail keeps the first key store it loads.
        System.setProperty("greenmail.tls.keystore.file", k("server-tls.p12"));
        System.setProperty("greenmail.tls.keystore.password", PW);
        System.setProperty("greenmail.tls.key.password", PW);
        ServerSetup smtps = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort();
        // GreenMail's default 2 s start-up limit fails on a loaded machine; wait a minute instead.
        smtps.setServerStartupTimeout(60_000);
        mail = new GreenMail(smtps);
        mail.start();
        mail.setUser(COMPANY_MAIL, "smc-mailer", "mail-pw");
    }

    @AfterEach
    void stopMail() {
        mail.stop();
    }

    private static String k(String name) {
        return keys.resolve(name).toString();
    }

    private CliTest.Result respond(String... more) {
        List<String> args = new ArrayList<>(List.of("respond", envelope.toString(), "--kind", "acknowledged",
                "--key", k("recipient.p12"), "--password", PW, "--signer-trust", k("ca.pem")));
        args.addAll(Arrays.asList(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    private String[] smtp() {
        return new String[] {"--to", "mailto:" + OFFICE_MAILBOX, "--tls-trust", k("ca.pem"), "--smtp-host",
            "localhost", "--smtp-port", String.valueOf(mail.getSmtps().getPort()), "--smtp-security", "smtps",
            "--smtp-user", "smc-mailer", "--smtp-password", "mail-pw", "--from", COMPANY_MAIL};
    }

    private CliTest.Result record(Path audit, Path message, String... more) {
        List<String> args = new ArrayList<>(List.of("responses", "record", message.toString(), "--office", "fitf",
                "--signer-trust", k("ca.pem"), "--audit", audit.toString(), "--sealer-key", k("audit-sealer.p12"),
                "--password", PW, "--sent", envelope.toString()));
        args.addAll(Arrays.asList(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    private Path receivedMessage() throws Exception {
        MimeMessage[] messages = mail.getReceivedMessages();
        assertThat(messages).hasSize(1);
        assertThat(messages[0].getAllRecipients()[0].toString()).isEqualTo(OFFICE_MAILBOX);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        messages[0].writeTo(raw);
        Path eml = dir.resolve("response.eml");
        Files.write(eml, raw.toByteArray());
        return eml;
    }

    @Test
    void aResponseMailedToTheOfficeIsVerifiedAgainstTheReceiptCertificateAndRecordedOnce() throws Exception {
        CliTest.Result sent = respond(smtp());
        assertThat(sent.code()).as(sent.out() + sent.err()).isZero();
        assertThat(sent.out()).contains("signed response response-").contains("delivered to mailto:" + OFFICE_MAILBOX);
        Path eml = receivedMessage();
        assertThat(Files.readString(eml)).contains("application/pkcs7-signature");

        Path audit = dir.resolve("audit.log");
        CliTest.Result first = record(audit, eml, "--smime-trust", k("ca.pem"));
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("recorded response-").contains("ACKNOWLEDGED")
                .contains("from " + SampleData.passingShare().recipient().id());
        CliTest.Result again = record(audit, eml, "--smime-trust", k("ca.pem"));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("already recorded response-");
    }

    @Test
    void aMailedResponseWithoutSmimeTrustOrUnderAnotherAuthorityIsNotRecorded() throws Exception {
        assertThat(respond(smtp()).code()).isZero();
        Path eml = receivedMessage();
        Path audit = dir.resolve("audit.log");

        CliTest.Result withoutTrust = record(audit, eml);
        assertThat(withoutTrust.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(withoutTrust.err()).contains("response.eml").contains("--smime-trust");

        Path otherCa = dir.resolve("other");
        assertThat(CliTest.run("keys", "init", otherCa.toString(), "--password", PW).code()).isZero();
        CliTest.Result untrusted = record(audit, eml, "--smime-trust", otherCa.resolve("ca.pem").toString());
        assertThat(untrusted.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(untrusted.err()).contains("response refused");
        assertThat(untrusted.out()).doesNotContain("recorded");
    }

    @Test
    void mailtoWithoutItsServerOptionsIsAUsageErrorBeforeAnythingIsSigned() {
        CliTest.Result r = respond("--to", "mailto:" + OFFICE_MAILBOX, "--tls-trust", k("ca.pem"));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--smtp-host").contains("--from");
        assertThat(r.out()).doesNotContain("signed response");
        CliTest.Result other = respond("--to", "ftp://office.example/responses", "--tls-trust", k("ca.pem"));
        assertThat(other.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(other.err()).contains("mailto:");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }
}

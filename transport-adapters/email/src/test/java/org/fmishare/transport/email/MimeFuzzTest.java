package org.fmishare.transport.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.mail.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.Credentials;
import org.fmishare.testkit.FuzzCorpus;
import org.fmishare.testkit.TestResources;
import org.fmishare.transport.email.internal.SmimeComposer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Hostile mail for the receiver's MIME and S/MIME reading (signed, and encrypted to the receiver): a message is
 * received, or refused with {@link EmailTransportException}. Any other exception, a hang or an
 * {@link OutOfMemoryError} is a finding. The valid seeds are signed by a fixed PKI kept beside the corpus, at a fixed
 * time the receiver's clock is set to, so mutations reach the signature, envelope and disclosure checks.
 */
class MimeFuzzTest {
    private static final String PKI = "/org/fmishare/transport/email/MimeFuzzTestInputs/";
    /** Read on first use, so that writing a new PKI does not need the old one. */
    private static final class Pki {
        static final X509Certificate ROOT = Credentials.certificatesFromPem(read("root.pem")).get(0);
        static final List<X509Certificate> RECIPIENT_CHAIN = Credentials.certificatesFromPem(read("recipient.pem"));
        static final PrivateKey RECIPIENT_KEY = Credentials.privateKeyFromPem(read("recipient-key.pem"));
        static final Clock CLOCK = Clock.fixed(Instant.parse(read("now.txt").strip()), ZoneOffset.UTC);
        /** The office signs mail with a separate certificate, bound to its sender id by pinned key. */
        static final X509Certificate MAIL_SIGNER = Credentials.certificatesFromPem(read("mail-signer.pem")).get(0);
    }

    private static EmailReceiver receiver() {
        return EmailReceiver.builder().smimeTrustAnchors(List.of(Pki.ROOT))
                .senderDirectory(org.fmishare.core.envelope.SenderDirectory.builder()
                        .bind("fitf", org.fmishare.core.envelope.SenderDirectory.PinnedKey.of(Pki.MAIL_SIGNER)).build())
                .envelopeVerifier(EnvelopeVerifier.builder().trustAnchor(Pki.ROOT).clock(Pki.CLOCK)
                        .expectedRecipient(MailFixture.recipientId()).build())
                .decryption(Pki.RECIPIENT_KEY, Pki.RECIPIENT_CHAIN.get(0)).maxMessageBytes(256 * 1024)
                .clock(Pki.CLOCK).build();
    }

    @FuzzTest
    @Timeout(120)
    void receiveMessage(byte[] input) {
        try {
            ReceivedEmail email = receiver().receive(input);
            assertThat(email.envelopeId()).isNotBlank();
        } catch (EmailTransportException expected) {
            assertThat(expected.getMessage()).isNotBlank().doesNotContain("Optional[");
        }
    }

    /** The valid seeds are still received: otherwise the corpus only exercises the first refusal. */
    @Test
    void theValidSeedsAreStillReceived() throws IOException {
        Path dir = FuzzCorpus.directory(MimeFuzzTest.class, "receiveMessage");
        for (String name : List.of("valid-signed", "valid-signed-and-encrypted")) {
            assertThat(receiver().receive(Files.readAllBytes(dir.resolve(name))).envelopeId()).as(name).isNotBlank();
        }
    }

    /** Writes a fixed PKI and the valid seeds (run once with -Dfmishare.fuzz.writeSeeds=true). */
    @Test
    @EnabledIfSystemProperty(named = "fmishare.fuzz.writeSeeds", matches = "true")
    void writeSeeds() throws Exception {
        Path dir = FuzzCorpus.sourceDirectory(MimeFuzzTest.class, "receiveMessage");
        Path pki = dir.getParent();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Files.writeString(pki.resolve("root.pem"), Credentials.toPem(MailFixture.CA.certificate()));
        Files.writeString(pki.resolve("recipient.pem"), Credentials.toPem(MailFixture.SMC.certificate()));
        Files.writeString(pki.resolve("recipient-key.pem"), Credentials.toPem(MailFixture.SMC.privateKey()));
        Files.writeString(pki.resolve("now.txt"), now.toString() + "\n");
        Files.writeString(pki.resolve("mail-signer.pem"), Credentials.toPem(MailFixture.FITF_SMIME.certificate()));
        SignedEnvelope share = MailFixture.share();
        EmailBody body = BodyRenderer.standard().render(share.content());
        Session session = Session.getInstance(new Properties());
        SmimeComposer composer = new SmimeComposer(MailFixture.FITF_SMIME);
        FuzzCorpus.write(dir, "valid-signed", bytes(composer.compose(session, share, body, MailFixture.FITF,
                MailFixture.SMC_INBOX, null, now)));
        FuzzCorpus.write(dir, "valid-signed-and-encrypted", bytes(composer.compose(session, share, body,
                MailFixture.FITF, MailFixture.SMC_INBOX, MailFixture.SMC.certificate(), now)));
        FuzzCorpus.write(dir, "invalid-plain-text", ("From: a@b.example\r\nTo: c@d.example\r\nSubject: hi\r\n\r\n"
                + "no signature\r\n").getBytes(StandardCharsets.US_ASCII));
        FuzzCorpus.write(dir, "invalid-unclosed-multipart", ("From: a@b.example\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b\r\nContent-Type: application/pkcs7-signature\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkq\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] bytes(jakarta.mail.internet.MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    private static String read(String name) {
        try {
            return Files.readString(TestResources.path(MimeFuzzTest.class, PKI + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.keys.Credentials;
import org.fmishare.testkit.TestPostgres;
import org.fmishare.testkit.TestResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** {@code outbox list|show|retry} on a file outbox and on PostgreSQL, and {@code send --outbox jdbc:...}. */
class OutboxCliTest {
    private static final String PW = "s3cret";

    @TempDir
    static Path keys;

    static Path envelope;
    static VerifiedEnvelope signed;

    @BeforeAll
    static void keysAndEnvelope() throws Exception {
        CliTest.Result init = CliTest.run("keys", "init", keys.toString(), "--password", PW, "--tls");
        assertThat(init.code()).as(init.err()).isZero();
        envelope = keys.resolve("share.jws.json");
        CliTest.Result sign = CliTest.run("sign", TestResources.samplesDirectory().resolve("passing-share.json")
                .toString(), "--key", keys.resolve("sender.p12").toString(), "--password", PW, "-o",
                envelope.toString());
        assertThat(sign.code()).as(sign.err()).isZero();
        signed = EnvelopeVerifier.builder().trustAnchors(Credentials.certificatesFromPem(Files.readString(
                keys.resolve("ca.pem")))).anyRecipient().build().verify(Files.readAllBytes(envelope));
    }

    /** Sends to a loopback port nobody listens on, so the envelope is dead-lettered after one attempt. */
    private static void deadLetter(String outbox, String... extra) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("send", envelope.toString(), "--to",
                "http://127.0.0.1:" + port + "/fmi-share/envelopes", "--outbox", outbox, "--signer-trust",
                keys.resolve("ca.pem").toString(), "--max-attempts", "1"));
        args.addAll(java.util.List.of(extra));
        CliTest.Result r = CliTest.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.IO_FAILURE);
        assertThat(r.out()).contains("dead-lettered " + signed.envelopeId());
    }

    @Test
    void aDeadLetterIsListedShownAndRetriedFromAFileOutbox(@TempDir Path dir) throws Exception {
        String outbox = dir.resolve("outbox").toString();
        deadLetter(outbox);
        String id = signed.envelopeId();

        CliTest.Result list = CliTest.run("outbox", "list", "--outbox", outbox);
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains(id + "  DEAD  http://127.0.0.1:").contains("1 entry");

        CliTest.Result show = CliTest.run("outbox", "show", id, "--outbox", outbox);
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("envelope:     " + id).contains("state:        DEAD")
                .contains("last error:   gave up after 1 attempts");

        CliTest.Result retry = CliTest.run("outbox", "retry", id, "--outbox", outbox);
        assertThat(retry.code()).as(retry.err()).isZero();
        assertThat(retry.out()).contains("queued again: " + id + "  QUEUED");
        CliTest.Result queued = CliTest.run("outbox", "list", "--state", "QUEUED", "--outbox", outbox);
        assertThat(queued.out()).contains(id + "  QUEUED");

        // Retrying what is not dead, or not there, is refused and says why.
        CliTest.Result again = CliTest.run("outbox", "retry", id, "--outbox", outbox);
        assertThat(again.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(again.err()).contains("is QUEUED and cannot be replayed");
        CliTest.Result unknown = CliTest.run("outbox", "show", "no-such-id", "--outbox", outbox);
        assertThat(unknown.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(unknown.err()).contains("no envelope no-such-id in the outbox");
    }

    @Test
    void sendAndOutboxCommandsWorkOnAPostgresqlOutbox() throws Exception {
        PGSimpleDataSource db = (PGSimpleDataSource) TestPostgres.freshDatabase();
        String url = db.getURL();
        deadLetter(url, "--db-user", db.getUser());
        String id = signed.envelopeId();
        CliTest.Result list = CliTest.run("outbox", "list", "--outbox", url, "--db-user", db.getUser());
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains(id + "  DEAD");
        CliTest.Result retry = CliTest.run("outbox", "retry", id, "--outbox", url, "--db-user", db.getUser());
        assertThat(retry.code()).as(retry.err()).isZero();
        assertThat(retry.out()).contains("queued again: " + id + "  QUEUED");
    }
}

package org.fmishare.cli;

import org.fmishare.testkit.TestResources;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.keys.Credentials;
import org.fmishare.testkit.RepeatingNonceRandom;
import org.fmishare.testkit.TestPki;
import org.fmishare.sop.Preparer;
import org.fmishare.testkit.SampleData;
import org.fmishare.transport.email.EmailReceiver;
import org.fmishare.transport.email.ReceivedEmail;
import org.fmishare.transport.taxii.testserver.TaxiiTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code send} and {@code receive} driven as a harness would: real keys from {@code keys init --tls}, an envelope
 * from {@code sign}, and real servers on loopback (the {@code receive} command itself, GreenMail SMTPS, the TAXII
 * test server).
 */
class SendReceiveCliTest {
    private static final String PW = "s3cret";
    private static final String RECIPIENT = SampleData.passingShare().recipient().id();
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");

    @TempDir
    static Path keys;

    static Path envelope;
    static VerifiedEnvelope signed;

    @BeforeAll
    static void keysAndEnvelope() throws Exception {
        CliTest.Result init = CliTest.run("keys", "init", keys.toString(), "--password", PW, "--tls");
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains("server-tls.p12").contains("client-tls.p12");
        envelope = keys.resolve("share.jws.json");
        CliTest.Result sign = CliTest.run("sign", TestResources.samplesDirectory().resolve("passing-share.json").toString(),
                "--key", k("sender.p12"), "--password", PW, "-o", envelope.toString());
        assertThat(sign.code()).as(sign.err()).isZero();
        signed = EnvelopeVerifier.builder().trustAnchors(Credentials.certificatesFromPem(Files.readString(
                keys.resolve("ca.pem")))).anyRecipient().build().verify(Files.readAllBytes(envelope));
    }

    static String k(String name) {
        return keys.resolve(name).toString();
    }

    /** {@code receive} on its own thread, with its output readable while it runs. */
    record Receiver(CompletableFuture<Integer> exit, Thread thread, StringWriter out, StringWriter err) {
        URI uri() throws InterruptedException {
            // Start-up time depends on the machine's load; wait up to two minutes, returning as soon as it listens.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < deadline) {
                Matcher m = LISTENING.matcher(out.toString());
                if (m.find()) {
                    return URI.create(m.group(1));
                }
                if (exit.isDone()) {
                    throw new AssertionError("receive exited early: " + out + err);
                }
                Thread.sleep(20);
            }
            throw new AssertionError("receive printed no URI: " + out + err);
        }
    }

    static Receiver receive(String... extra) {
        return receiveOn(0, extra);
    }

    static Receiver receiveOn(int port, String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("receive", "--https", Integer.toString(port), "--key",
                k("recipient.p12"),
                "--tls-key", k("server-tls.p12"), "--password", PW, "--signer-trust", k("ca.pem"), "--client-trust", k("ca.pem")));
        if (!List.of(extra).contains("--recipient")) {
            args.addAll(List.of("--recipient", RECIPIENT));
        }
        args.addAll(List.of(extra));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread t = new Thread(() -> exit.complete(FmiShareCli.run(args.toArray(String[]::new),
                new PrintWriter(out, true), new PrintWriter(err, true))), "receive");
        t.setDaemon(true);
        t.start();
        return new Receiver(exit, t, out, err);
    }

    @Test
    void sendDeliversOverMutualTlsToReceiveAndPrintsTheSignedReceipt(@TempDir Path dir) throws Exception {
        Path inbox = dir.resolve("inbox");
        Receiver receiver = receive("--out", inbox.toString(), "--max-envelopes", "1");
        URI uri = receiver.uri();
        assertThat(uri.getScheme()).isEqualTo("https");
        String outbox = dir.resolve("outbox").toString();
        CliTest.Result sent = CliTest.run("send", envelope.toString(), "--to", uri.toString(), "--outbox", outbox,
                "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"), "--key",
                k("client-tls.p12"), "--password", PW);
        assertThat(sent.code()).as(sent.out() + sent.err()).isZero();
        assertThat(sent.out()).contains("delivered " + signed.envelopeId()).contains("signed receipt verified")
                .contains("verified RECEIPT").contains("in reply to: " + signed.envelopeId());

        assertThat(receiver.exit().get(2, TimeUnit.MINUTES)).as(receiver.err().toString()).isZero();
        assertThat(receiver.out().toString()).contains("accepted " + signed.envelopeId() + ": verified THREAT_SHARE")
                .contains("share " + SampleData.passingShare().id()).contains("received 1 envelope(s)");
        Path payload = inbox.resolve(signed.envelopeId() + ".json");
        assertThat(Files.readAllBytes(payload)).isEqualTo(signed.canonicalPayload());
        assertThat(Path.of(outbox, "outbox.journal")).exists();

        // The outbox remembers the delivery: sending the same file again reports it instead of delivering twice.
        CliTest.Result again = CliTest.run("send", envelope.toString(), "--to", uri.toString(), "--outbox", outbox,
                "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"), "--key", k("client-tls.p12"), "--password", PW);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("delivered " + signed.envelopeId() + " to " + uri + " after 0 failed attempt(s)");
    }

    @Test
    void receiveRefusesEnvelopesForAnotherRecipientAndSendDeadLettersThem(@TempDir Path dir) throws Exception {
        Receiver receiver = receive("--recipient", "smc-someone-else", "--max-envelopes", "1");
        URI uri = receiver.uri();
        CliTest.Result sent = CliTest.run("send", envelope.toString(), "--to", uri.toString(), "--outbox",
                dir.toString(), "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"), "--key", k("client-tls.p12"), "--password", PW);
        assertThat(sent.code()).isEqualTo(ExitCodes.IO_FAILURE);
        assertThat(sent.out()).contains("dead-lettered " + signed.envelopeId());
        assertThat(sent.err()).startsWith("fmi-share: not delivered: ");
        assertThat(receiver.out().toString()).doesNotContain("accepted");
        assertThat(receiver.exit()).isNotDone();
        // A harness stops a receiver that is still waiting by interrupting it: a normal end, exit 0.
        receiver.thread().interrupt();
        assertThat(receiver.exit().get(2, TimeUnit.MINUTES)).isZero();
        assertThat(receiver.out().toString()).contains("received 0 envelope(s); stopping");
    }

    @Test
    void receiveReChecksTheSopAndRefusesACoerciveShareWhoseEnvelopeClaimsPass(@TempDir Path dir) throws Exception {
        Path lie = CoerciveEnvelopes.write(keys, PW, dir.resolve("lie.json"));
        Receiver receiver = receive("--max-envelopes", "1");
        URI uri = receiver.uri();
        CliTest.Result sent = CliTest.run("send", lie.toString(), "--to", uri.toString(), "--outbox",
                dir.resolve("outbox").toString(), "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"), "--key",
                k("client-tls.p12"),
                "--password", PW);
        assertThat(sent.code()).as(sent.out() + sent.err()).isEqualTo(ExitCodes.IO_FAILURE);
        assertThat(sent.out()).contains("dead-lettered");
        assertThat(receiver.out().toString()).doesNotContain("accepted");
        receiver.thread().interrupt();
        assertThat(receiver.exit().get(2, TimeUnit.MINUTES)).isZero();
        assertThat(receiver.out().toString()).contains("received 0 envelope(s)");
    }

    @Test
    void sendRefusesEnvelopesThatDoNotVerify(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(envelope);
        bytes[bytes.length / 2] ^= 0x01;
        Path tampered = dir.resolve("tampered.json");
        Files.write(tampered, bytes);
        Path other = dir.resolve("other.pem");
        Files.writeString(other, Credentials.toPem(TestPki.authority("other CA").certificate()));
        Path garbage = dir.resolve("garbage.json");
        Files.write(garbage, new byte[] {'{', 0, (byte) 0xff, '"'});
        String to = "http://127.0.0.1:9/fmi-share/envelopes";
        for (String[] c : new String[][] {{tampered.toString(), k("ca.pem")}, {envelope.toString(), other.toString()},
            {garbage.toString(), k("ca.pem")}}) {
            CliTest.Result r = CliTest.run("send", c[0], "--to", to, "--outbox", dir.resolve("outbox").toString(),
                    "--signer-trust", c[1], "--tls-trust", c[1]);
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FAILED);
            assertThat(r.err()).startsWith("fmi-share: refusing to send ").contains("does not verify")
                    .doesNotContain("\tat ");
        }
        CliTest.Result missing = CliTest.run("send", dir.resolve("nope.json").toString(), "--to", to, "--outbox",
                dir.toString(), "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"));
        assertThat(missing.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(missing.err()).contains("no such file");
        CliTest.Result directory = CliTest.run("send", dir.toString(), "--to", to, "--outbox", dir.toString(),
                "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"));
        assertThat(directory.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(dir.resolve("outbox")).doesNotExist();
    }

    @Test
    void sendRefusesBadDestinationsAndOptions(@TempDir Path dir) {
        String outbox = dir.resolve("outbox").toString();
        record Case(String expected, String... args) {}
        for (Case c : List.of(
                new Case("only to a loopback address", "--to", "http://example.org/fmi-share/envelopes"),
                new Case("needs --key", "--to", "https://127.0.0.1:8443/fmi-share/envelopes"),
                new Case("unsupported scheme 'ftp'", "--to", "ftp://127.0.0.1/x"),
                new Case("unsupported scheme ''", "--to", "relative/path"),
                new Case("taxii+http:// is allowed only to a loopback", "--to",
                        "taxii+http://example.org/api/collections/c/"),
                new Case("mailto needs --smtp-host", "--to", "mailto:threats@example.org"),
                new Case("--smtp-security must be", "--to", "mailto:threats@example.org", "--smtp-security", "ssl"),
                new Case("--timeout must be at least", "--to", "http://127.0.0.1:9/x", "--timeout", "0"),
                new Case("Missing required option: '--to=URI'"))) {
            List<String> args = new java.util.ArrayList<>(List.of("send", envelope.toString(), "--outbox", outbox,
                    "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem")));
            args.addAll(List.of(c.args()));
            CliTest.Result r = CliTest.run(args.toArray(String[]::new));
            assertThat(r.code()).as(c.expected() + ": " + r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).startsWith("fmi-share: ").contains(c.expected());
        }
        assertThat(CliTest.run("send", "--help").out()).contains("--signer-trust", "--tls-trust", "--smtp-host", "Exit codes:");
    }

    @Test
    void sendDeadLettersWhenNobodyListens(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliTest.Result r = CliTest.run("send", envelope.toString(), "--to", "http://127.0.0.1:" + port
                + "/fmi-share/envelopes", "--outbox", dir.toString(), "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"), "--max-attempts", "1");
        assertThat(r.code()).isEqualTo(ExitCodes.IO_FAILURE);
        assertThat(r.out()).contains("dead-lettered " + signed.envelopeId()).contains("gave up after 1 attempts");
        assertThat(r.err()).startsWith("fmi-share: not delivered: ");
    }

    /**
     * A dead letter is not final: sending the same envelope again to the same destination re-queues it, and sending it
     * to another destination delivers it there as a separate delivery.
     */
    @Test
    void sendingADeadLetterAgainRequeuesAndDeliversItAndANewDestinationIsANewDelivery(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String to = "https://127.0.0.1:" + port + "/fmi-share/envelopes";
        String outbox = dir.resolve("outbox").toString();
        CliTest.Result dead = CliTest.run("send", envelope.toString(), "--to", to, "--outbox", outbox, "--signer-trust",
                k("ca.pem"), "--tls-trust", k("ca.pem"), "--key", k("client-tls.p12"), "--password", PW, "--max-attempts", "1");
        assertThat(dead.code()).as(dead.out() + dead.err()).isEqualTo(ExitCodes.IO_FAILURE);
        assertThat(dead.out()).contains("dead-lettered " + signed.envelopeId());

        Receiver receiver = receiveOn(port, "--max-envelopes", "1");
        receiver.uri();
        CliTest.Result again = CliTest.run("send", envelope.toString(), "--to", to, "--outbox", outbox, "--signer-trust",
                k("ca.pem"), "--tls-trust", k("ca.pem"), "--key", k("client-tls.p12"), "--password", PW, "--max-attempts", "1");
        assertThat(again.code()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("re-queued dead letter " + signed.envelopeId())
                .contains("delivered " + signed.envelopeId());
        assertThat(receiver.exit().get(2, TimeUnit.MINUTES)).as(receiver.err().toString()).isZero();

        // Dead-lettered for one destination, the same envelope sent to a new one is a new delivery: it is delivered
        // (not answered with the old outcome), and the outbox tracks both.
        String outbox2 = dir.resolve("outbox2").toString();
        CliTest.Result elsewhere = CliTest.run("send", envelope.toString(), "--to", "https://127.0.0.1:9/other",
                "--outbox", outbox2, "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"), "--key",
                k("client-tls.p12"), "--password", PW, "--max-attempts", "1");
        assertThat(elsewhere.code()).isEqualTo(ExitCodes.IO_FAILURE);
        int port2;
        try (ServerSocket s = new ServerSocket(0)) {
            port2 = s.getLocalPort();
        }
        String to2 = "https://127.0.0.1:" + port2 + "/fmi-share/envelopes";
        Receiver second = receiveOn(port2, "--max-envelopes", "1");
        second.uri();
        CliTest.Result retarget = CliTest.run("send", envelope.toString(), "--to", to2, "--outbox", outbox2,
                "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"), "--key", k("client-tls.p12"),
                "--password", PW);
        assertThat(retarget.code()).as(retarget.out() + retarget.err()).isZero();
        assertThat(retarget.out()).contains("delivered " + signed.envelopeId() + " to " + to2)
                .doesNotContain("dead-lettered");
        assertThat(second.exit().get(2, TimeUnit.MINUTES)).as(second.err().toString()).isZero();
        CliTest.Result list = CliTest.run("outbox", "list", "--outbox", outbox2);
        assertThat(list.out()).contains(signed.envelopeId() + "  DEAD  https://127.0.0.1:9/other")
                .contains(signed.envelopeId() + "  DELIVERED  " + to2).contains("2 entries");
    }

    /**
     * A receiver started with {@code --store DIR} remembers what it accepted: the same envelope delivered again after
     * a restart (from another outbox, so the sender really posts it) is answered with the original receipt and is
     * not accepted a second time.
     */
    @Test
    void aReceiverWithAStoreDoesNotAcceptAnEnvelopeAgainAfterARestart(@TempDir Path dir) throws Exception {
        String state = dir.resolve("receiver-state").toString();
        Receiver first = receive("--store", state, "--max-envelopes", "1");
        URI uri = first.uri();
        CliTest.Result sent = CliTest.run("send", envelope.toString(), "--to", uri.toString(), "--outbox",
                dir.resolve("outbox-1").toString(), "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"),
                "--key", k("client-tls.p12"), "--password", PW);
        assertThat(sent.code()).as(sent.out() + sent.err()).isZero();
        assertThat(first.exit().get(2, TimeUnit.MINUTES)).as(first.err().toString()).isZero();
        assertThat(first.out().toString()).contains("accepted " + signed.envelopeId());

        Receiver restarted = receive("--store", state);
        URI again = restarted.uri();
        CliTest.Result replayed = CliTest.run("send", envelope.toString(), "--to", again.toString(), "--outbox",
                dir.resolve("outbox-2").toString(), "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"),
                "--key", k("client-tls.p12"), "--password", PW);
        assertThat(replayed.code()).as(replayed.out() + replayed.err()).isZero();
        assertThat(replayed.out()).contains("delivered " + signed.envelopeId()).contains("signed receipt verified");
        restarted.thread().interrupt();
        assertThat(restarted.exit().get(2, TimeUnit.MINUTES)).as(restarted.err().toString()).isZero();
        assertThat(restarted.out().toString()).as("the restarted receiver remembers the envelope")
                .doesNotContain("accepted " + signed.envelopeId()).contains("received 0 envelope(s)");
    }

    /**
     * A receiver started with {@code --store DIR} also remembers the nonces it accepted: after a restart, a different
     * envelope (its own id and content) that reuses an accepted envelope's nonce is refused as a replay, and the
     * sender dead-letters it. Before, the restarted receiver's replay memory started empty and accepted it.
     */
    @Test
    void aReceiverWithAStoreRefusesAnEnvelopeReusingAnAcceptedNonceAfterARestart(@TempDir Path dir) throws Exception {
        EnvelopeSigner signer = EnvelopeSigner.builder(Secrets.credential(keys.resolve("sender.p12"),
                PW.toCharArray()), SampleData.passingShare().sendingOffice().id())
                .secureRandom(RepeatingNonceRandom.withRandomNonce()).build();
        Preparer preparer = Preparer.builder(signer).build();
        SignedEnvelope original = ((Preparer.Signed) preparer.prepare(SampleData.passingShare())).envelope();
        SignedEnvelope reuse = ((Preparer.Signed) preparer.prepare(SampleData.passingShare())).envelope();
        assertThat(reuse.envelopeId()).isNotEqualTo(original.envelopeId());
        Path originalFile = Files.write(dir.resolve("original.jws.json"), original.serialized());
        Path reuseFile = Files.write(dir.resolve("reuse.jws.json"), reuse.serialized());
        String state = dir.resolve("receiver-state").toString();

        Receiver first = receive("--store", state, "--max-envelopes", "1");
        URI uri = first.uri();
        CliTest.Result sent = CliTest.run("send", originalFile.toString(), "--to", uri.toString(), "--outbox",
                dir.resolve("outbox-1").toString(), "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"),
                "--key", k("client-tls.p12"), "--password", PW);
        assertThat(sent.code()).as(sent.out() + sent.err()).isZero();
        assertThat(first.exit().get(2, TimeUnit.MINUTES)).as(first.err().toString()).isZero();
        assertThat(first.out().toString()).contains("accepted " + original.envelopeId());

        Receiver restarted = receive("--store", state);
        URI again = restarted.uri();
        CliTest.Result replayed = CliTest.run("send", reuseFile.toString(), "--to", again.toString(), "--outbox",
                dir.resolve("outbox-2").toString(), "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"),
                "--key", k("client-tls.p12"), "--password", PW);
        assertThat(replayed.code()).as(replayed.out() + replayed.err()).isEqualTo(ExitCodes.IO_FAILURE);
        assertThat(replayed.out()).contains("dead-lettered " + reuse.envelopeId());
        restarted.thread().interrupt();
        assertThat(restarted.exit().get(2, TimeUnit.MINUTES)).as(restarted.err().toString()).isZero();
        assertThat(restarted.out().toString()).as("the restarted receiver remembers the nonce")
                .doesNotContain("accepted " + reuse.envelopeId()).contains("received 0 envelope(s)");
        assertThat(Path.of(state, "nonces")).exists();
    }

    @Test
    void sendRefusesACorruptOutboxJournalWithoutTouchingIt(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("outbox.journal");
        byte[] hostile = "{\"op\":\"enqueue\",\"envelopeId\":\"../../etc\"}\n\u0000\u00ff garbage\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(journal, hostile);
        CliTest.Result r = CliTest.run("send", envelope.toString(), "--to", "http://127.0.0.1:9/x", "--outbox",
                dir.toString(), "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"), "--max-attempts", "1", "--timeout", "5");
        assertThat(r.code()).as(r.out() + r.err()).isIn(ExitCodes.UNREADABLE_INPUT, ExitCodes.IO_FAILURE);
        assertThat(r.err()).startsWith("fmi-share: ").contains("outbox.journal").doesNotContain("\tat ");
        assertThat(Files.readAllBytes(journal)).isEqualTo(hostile);
    }

    /**
     * One damaged byte in the first queued envelope's record must not cost the envelopes queued after it, and the
     * envelope it does cost is named with a non-zero exit.
     */
    @Test
    void sendNamesEnvelopesTheJournalLostAndKeepsTheOthers(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("outbox.journal");
        java.time.Instant now = java.time.Instant.now();
        long firstEnd;
        try (org.fmishare.delivery.outbox.FileJournalStore store =
                org.fmishare.delivery.outbox.FileJournalStore.open(journal)) {
            for (String id : List.of("queued-first", "queued-second")) {
                store.enqueue(org.fmishare.delivery.outbox.OutboxEntry.queued(id, "http://127.0.0.1:9/x", RECIPIENT,
                        now.plusSeconds(86_400), "sha-256:" + "0".repeat(64),
                        ("{\"not\":\"an envelope " + id + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        now.plusSeconds(3_600)));
            }
        }
        byte[] bytes = Files.readAllBytes(journal);
        // A byte in the middle of the first record's envelope bytes: that record fails its checksum.
        String marker = "an envelope queued-first";
        int at = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(marker);
        assertThat(at).isPositive();
        bytes[at + 3] ^= 0x01;
        Files.write(journal, bytes);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliTest.Result r = CliTest.run("send", envelope.toString(), "--to", "http://127.0.0.1:" + port
                + "/fmi-share/envelopes", "--outbox", dir.toString(), "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"), "--max-attempts", "1");
        assertThat(r.code()).as(r.out() + r.err()).isNotZero();
        assertThat(r.err()).contains("recovery lost envelope(s) queued-first").doesNotContain("queued-second");
        try (org.fmishare.delivery.outbox.FileJournalStore store =
                org.fmishare.delivery.outbox.FileJournalStore.open(journal)) {
            assertThat(store.deliveriesOf("queued-second")).hasSize(1);
            assertThat(store.deliveriesOf("queued-first")).isEmpty();
        }
    }

    @Test
    void receiveRejectsBadArgumentsAndUnreadableKeys(@TempDir Path dir) throws Exception {
        CliTest.Result port = CliTest.run("receive", "--https", "70000", "--key", k("recipient.p12"), "--password",
                PW, "--signer-trust", k("ca.pem"), "--client-trust", k("ca.pem"), "--recipient", RECIPIENT);
        assertThat(port.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(port.err()).contains("--https must be a port");
        Path junk = dir.resolve("junk.p12");
        Files.writeString(junk, "not a keystore");
        CliTest.Result key = CliTest.run("receive", "--https", "0", "--key", junk.toString(), "--password", PW,
                "--signer-trust", k("ca.pem"), "--client-trust", k("ca.pem"), "--recipient", RECIPIENT);
        assertThat(key.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(key.err()).startsWith("fmi-share: " + junk);
        CliTest.Result wrongPassword = CliTest.run("receive", "--https", "0", "--key", k("recipient.p12"),
                "--password", "wrong", "--signer-trust", k("ca.pem"), "--client-trust", k("ca.pem"), "--recipient", RECIPIENT);
        assertThat(wrongPassword.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        CliTest.Result max = CliTest.run("receive", "--https", "0", "--key", k("recipient.p12"), "--password", PW,
                "--signer-trust", k("ca.pem"), "--client-trust", k("ca.pem"), "--recipient", RECIPIENT, "--max-envelopes", "0");
        assertThat(max.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliTest.run("receive", "--help").out()).contains("keys init --tls", "--max-envelopes");
        CliTest.Result name = CliTest.run("receive", "--https", "0", "--bind", "example.org", "--key",
                k("recipient.p12"), "--password", PW, "--signer-trust", k("ca.pem"), "--client-trust", k("ca.pem"), "--recipient", RECIPIENT);
        assertThat(name.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(name.err()).contains("--bind must be a literal IP address");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliTest.Result busy = CliTest.run("receive", "--https", String.valueOf(taken.getLocalPort()), "--key",
                    k("recipient.p12"), "--password", PW, "--signer-trust", k("ca.pem"), "--client-trust", k("ca.pem"), "--recipient", RECIPIENT);
            assertThat(busy.code()).as(busy.err()).isEqualTo(ExitCodes.IO_FAILURE);
            assertThat(busy.err()).startsWith("fmi-share: ").contains(String.valueOf(taken.getLocalPort()));
        }
    }

    @Test
    void sendDeliversSignedEmailOverSmtps(@TempDir Path dir) throws Exception {
        System.setProperty("greenmail.tls.keystore.file", k("server-tls.p12"));
        System.setProperty("greenmail.tls.keystore.password", PW);
        System.setProperty("greenmail.tls.key.password", PW);
        ServerSetup smtps = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort();
        // GreenMail's default 2 s start-up limit fails on a loaded machine; wait a minute instead.
        smtps.setServerStartupTimeout(60_000);
        GreenMail mail = new GreenMail(smtps);
        mail.start();
        try {
            String inbox = SampleData.passingShare().recipient().contacts().get(0).email();
            mail.setUser("fitf-shares@agency.example", "fitf-mailer", "mail-pw");
            CliTest.Result r = CliTest.run("send", envelope.toString(), "--to", "mailto:" + inbox, "--outbox",
                    dir.toString(), "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"), "--smtp-host", "localhost", "--smtp-port",
                    String.valueOf(mail.getSmtps().getPort()), "--smtp-security", "smtps", "--smtp-user", "fitf-mailer",
                    "--smtp-password", "mail-pw", "--from", "fitf-shares@agency.example", "--key", k("sender.p12"),
                    "--password", PW);
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("delivered " + signed.envelopeId() + " to mailto:" + inbox);
            MimeMessage[] messages = mail.getReceivedMessages();
            assertThat(messages).hasSize(1);
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            messages[0].writeTo(raw);
            var anchors = Credentials.certificatesFromPem(Files.readString(keys.resolve("ca.pem")));
            ReceivedEmail email = EmailReceiver.builder().smimeTrustAnchors(anchors)
                    .envelopeVerifier(EnvelopeVerifier.builder().trustAnchors(anchors).expectedRecipient(RECIPIENT)
                            .build()).build().receive(raw.toByteArray());
            assertThat(email.envelopeId()).isEqualTo(signed.envelopeId());
        } finally {
            mail.stop();
        }
    }

    @Test
    void sendPublishesToTaxiiAndReportsAuthenticationFailures(@TempDir Path dir) throws Exception {
        try (TaxiiTestServer taxii = TaxiiTestServer.builder().collection("shares", "Shares", true, true)
                .user("agency", "taxii-pw".toCharArray()).start()) {
            URI root = taxii.apiRootUri();
            String to = "taxii+http://" + root.getRawAuthority() + root.getRawPath() + "collections/shares/";
            CliTest.Result denied = CliTest.run("send", envelope.toString(), "--to", to, "--outbox",
                    dir.resolve("denied").toString(), "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"), "--user", "agency", "--password",
                    "wrong", "--max-attempts", "1");
            assertThat(denied.code()).isEqualTo(ExitCodes.IO_FAILURE);
            assertThat(denied.out()).contains("dead-lettered");
            assertThat(taxii.storedObjects("shares")).isEmpty();
            CliTest.Result r = CliTest.run("send", envelope.toString(), "--to", to, "--outbox",
                    dir.resolve("ok").toString(), "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"), "--user", "agency", "--password",
                    "taxii-pw");
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("delivered " + signed.envelopeId());
            assertThat(taxii.storedObjects("shares")).isNotEmpty();
            assertThat(taxii.storedObjects("shares").stream().map(o -> o.json()).toList().toString())
                    .contains(signed.envelopeId()).contains(SampleData.passingShare().id());
        }
    }
}

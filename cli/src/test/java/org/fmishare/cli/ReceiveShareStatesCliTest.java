package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fmishare.core.json.FmiJson;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code receive --share-states FILE} keeps each share's state as corrections and retractions arrive over HTTPS, and
 * {@code shares FILE} reads it back.
 */
class ReceiveShareStatesCliTest {
    private static final String PW = "s3cret";
    private static final String SHARE = SampleData.passingShare().id();
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");

    @TempDir
    static Path keys;
    static Path share;
    static Path correction;
    static Path retraction;

    @BeforeAll
    static void keysAShareAndItsAmendments() throws Exception {
        CliTest.Result init = CliTest.run("keys", "init", keys.toString(), "--password", PW, "--tls");
        assertThat(init.code()).as(init.err()).isZero();
        share = keys.resolve("share.jws.json");
        ok(CliTest.run("sign", TestResources.samplesDirectory().resolve("passing-share.json").toString(), "--key",
                k("sender.p12"), "--password", PW, "-o", share.toString()));
        Path corrected = keys.resolve("corrected.json");
        Files.write(corrected, FmiJson.standard().write(SampleData.correction().correctedShare().orElseThrow()));
        correction = keys.resolve("correction.jws.json");
        ok(CliTest.run("correct", share.toString(), "--share", corrected.toString(), "--reason",
                SampleData.correction().reason(), "--key", k("sender.p12"), "--password", PW, "--signer-trust",
                k("ca.pem"), "-o", correction.toString()));
        retraction = keys.resolve("retraction.jws.json");
        ok(CliTest.run("retract", share.toString(), "--reason", SampleData.retraction().reason(), "--key",
                k("sender.p12"), "--password", PW, "--signer-trust", k("ca.pem"), "-o", retraction.toString()));
    }

    private static void ok(CliTest.Result r) {
        assertThat(r.code()).as(r.out() + r.err()).isZero();
    }

    static String k(String name) {
        return keys.resolve(name).toString();
    }

    /** {@code receive} on its own thread; returns once it listens. */
    private record Receiver(CompletableFuture<Integer> exit, Thread thread, StringWriter out, StringWriter err,
            URI uri) {}

    private static Receiver receive(String... extra) throws InterruptedException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("receive", "--https", "0", "--key", k("recipient.p12"),
                "--tls-key", k("server-tls.p12"), "--password", PW, "--signer-trust", k("ca.pem"), "--client-trust",
                k("ca.pem"), "--recipient", SampleData.passingShare().recipient().id()));
        args.addAll(List.of(extra));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread t = new Thread(() -> exit.complete(FmiShareCli.run(args.toArray(String[]::new),
                new PrintWriter(out, true), new PrintWriter(err, true))), "receive");
        t.setDaemon(true);
        t.start();
        // Start-up time depends on the machine's load: wait up to two minutes, returning as soon as it listens.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(out.toString());
            if (m.find()) {
                return new Receiver(exit, t, out, err, URI.create(m.group(1)));
            }
            if (exit.isDone()) {
                throw new AssertionError("receive exited early: " + out + err);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("receive printed no URI: " + out + err);
    }

    private static CliTest.Result send(Path envelope, URI to, Path outbox) {
        return CliTest.run("send", envelope.toString(), "--to", to.toString(), "--outbox", outbox.toString(),
                "--signer-trust", k("ca.pem"), "--tls-trust", k("ca.pem"), "--key", k("client-tls.p12"),
                "--password", PW, "--max-attempts", "1");
    }

    @Test
    void theReceiverKeepsTheStateOfEachShareAndSharesListsIt(@TempDir Path dir) throws Exception {
        Path states = dir.resolve("company").resolve("share-states.jsonl");
        Receiver receiver = receive("--share-states", states.toString(), "--max-envelopes", "3");
        Path outbox = dir.resolve("outbox");

        ok(send(share, receiver.uri(), outbox));
        CliTest.Result afterShare = CliTest.run("shares", states.toString());
        ok(afterShare);
        assertThat(afterShare.out().strip()).startsWith("fitf/" + SHARE + " ACTIVE to smc-examplesocial since ");

        ok(send(correction, receiver.uri(), outbox));
        CliTest.Result afterCorrection = CliTest.run("shares", states.toString());
        assertThat(afterCorrection.out().strip()).startsWith("fitf/" + SHARE + " CORRECTED")
                .contains("by amendment envelope ");

        ok(send(retraction, receiver.uri(), outbox));
        assertThat(receiver.exit().get(2, TimeUnit.MINUTES)).as(receiver.err().toString()).isZero();
        assertThat(receiver.out().toString()).contains("share " + SHARE + " is ACTIVE")
                .contains("share " + SHARE + " is CORRECTED").contains("share " + SHARE + " is RETRACTED");

        CliTest.Result retracted = CliTest.run("shares", states.toString(), "--state", "RETRACTED");
        ok(retracted);
        assertThat(retracted.out().lines().toList()).singleElement().asString()
                .startsWith("fitf/" + SHARE + " RETRACTED");
        assertThat(CliTest.run("shares", states.toString(), "--state", "ACTIVE").out()).isEmpty();
        CliTest.Result json = CliTest.run("shares", states.toString(), "--json");
        ok(json);
        assertThat(json.out()).contains("\"state\":\"RETRACTED\"")
                .contains(SampleData.retraction().reason());
    }

    @Test
    void anAmendmentOfAShareTheReceiverNeverGotIsRefusedAndNothingIsRecorded(@TempDir Path dir) throws Exception {
        Path states = dir.resolve("share-states.jsonl");
        Receiver receiver = receive("--share-states", states.toString());
        try {
            CliTest.Result r = send(correction, receiver.uri(), dir.resolve("outbox"));
            assertThat(r.code()).isEqualTo(ExitCodes.IO_FAILURE);
            assertThat(r.out()).contains("dead-lettered");
            assertThat(receiver.out().toString()).doesNotContain("accepted");
            assertThat(CliTest.run("shares", states.toString()).out()).isEmpty();
        } finally {
            // The receive command ends normally when its thread is interrupted.
            receiver.thread().interrupt();
            assertThat(receiver.exit().get(2, TimeUnit.MINUTES)).isZero();
        }
    }

    @Test
    void sharesRefusesAMissingFileAndAnUnknownShare(@TempDir Path dir) throws Exception {
        CliTest.Result missing = CliTest.run("shares", dir.resolve("none.jsonl").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(missing.err()).contains("none.jsonl").contains("no such file");

        Path garbage = dir.resolve("garbage.jsonl");
        Files.writeString(garbage, "not a status\n");
        CliTest.Result bad = CliTest.run("shares", garbage.toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(bad.err()).contains("garbage.jsonl").contains("line 1");

        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        CliTest.Result unknown = CliTest.run("shares", empty.toString(), "--share", "share-x");
        assertThat(unknown.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(unknown.err()).contains("share-x");
    }
}

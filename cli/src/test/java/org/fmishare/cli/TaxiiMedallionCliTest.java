package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fmishare.testkit.TestResources;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code send --to taxii+http://} and {@code taxii pull} against the OASIS reference server (medallion 3.0.0, whose
 * sources the TAXII module keeps in its test resources), twice in a row on the same collection: the second share to
 * a collection that already holds the shared identities and markings is delivered, and both pulls succeed.
 * Skipped with a message when Python or Flask is missing, like the TAXII module's medallion tests.
 */
class TaxiiMedallionCliTest {
    private static final String PW = "s3cret";
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    @Test
    void sendAndPullTwiceInARowOnTheSameCollection() throws Exception {
        Assumptions.assumeTrue(pythonReady(), "medallion CLI test skipped: " + PYTHON + " with flask, flask_httpauth,"
                + " pytz and six is not installed (Debian: apt-get install python3-flask python3-flask-httpauth "
                + "python3-tz python3-six)");
        Path keys = dir.resolve("keys");
        CliTest.Result init = CliTest.run("keys", "init", keys.toString(), "--password", PW);
        assertThat(init.code()).as(init.err()).isZero();
        Path share = TestResources.samplesDirectory().resolve("passing-share.json");
        int port = freePort();
        Process medallion = startMedallion(port);
        try {
            awaitReady(medallion, port);
            String destination = "taxii+http://127.0.0.1:" + port + "/api1/collections/shares/";
            String root = "http://127.0.0.1:" + port + "/api1/";
            for (int round = 1; round <= 2; round++) {
                // A fresh signature each round: a new envelope of the same share, so a new version of its report.
                Path envelope = dir.resolve("share-" + round + ".jws.json");
                CliTest.Result sign = CliTest.run("sign", share.toString(), "--key",
                        keys.resolve("sender.p12").toString(), "--password", PW, "-o", envelope.toString());
                assertThat(sign.code()).as(sign.err()).isZero();
                CliTest.Result sent = CliTest.run("send", envelope.toString(), "--to", destination, "--outbox",
                        dir.resolve("outbox").toString(), "--signer-trust", keys.resolve("ca.pem").toString(), "--user",
                        "agency", "--password", "taxii-pw", "--max-attempts", "3");
                assertThat(sent.code()).as("round %d: %s%s%s", round, sent.out(), sent.err(), log(medallion))
                        .isZero();
                assertThat(sent.out()).contains("delivered ");
                CliTest.Result pulled = CliTest.run("taxii", "pull", root, "--collection", "shares", "--signer-trust",
                        keys.resolve("ca.pem").toString(), "--user", "agency", "--password", "taxii-pw");
                assertThat(pulled.code()).as("round %d: %s%s", round, pulled.out(), pulled.err()).isZero();
                assertThat(pulled.out()).contains("verified: share-2026-0001").contains("0 rejected");
            }
        } finally {
            medallion.destroy();
            if (!medallion.waitFor(30, TimeUnit.SECONDS)) {
                medallion.destroyForcibly();
            }
        }
    }

    @Test
    void retractionAndResponseOnTheSameCollectionThenPullAgain() throws Exception {
        Assumptions.assumeTrue(pythonReady(), "medallion CLI test skipped: " + PYTHON + " with flask, flask_httpauth,"
                + " pytz and six is not installed (Debian: apt-get install python3-flask python3-flask-httpauth "
                + "python3-tz python3-six)");
        Path keys = dir.resolve("keys");
        assertThat(CliTest.run("keys", "init", keys.toString(), "--password", PW).code()).isZero();
        String ca = keys.resolve("ca.pem").toString();
        Path share = dir.resolve("share.jws.json");
        assertThat(CliTest.run("sign", TestResources.samplesDirectory().resolve("passing-share.json").toString(),
                "--key", keys.resolve("sender.p12").toString(), "--password", PW, "-o", share.toString()).code())
                .isZero();
        Path retraction = dir.resolve("retraction.jws.json");
        CliTest.Result retract = CliTest.run("retract", share.toString(), "--reason", "The attribution was found to "
                + "be wrong; the FBI withdraws this share.", "--key", keys.resolve("sender.p12").toString(),
                "--password", PW, "--signer-trust", ca, "-o", retraction.toString());
        assertThat(retract.code()).as(retract.err()).isZero();
        int port = freePort();
        Process medallion = startMedallion(port);
        try {
            awaitReady(medallion, port);
            String destination = "taxii+http://127.0.0.1:" + port + "/api1/collections/shares/";
            String root = "http://127.0.0.1:" + port + "/api1/";
            for (Path envelope : List.of(share, retraction, share, retraction)) {
                CliTest.Result sent = CliTest.run("send", envelope.toString(), "--to", destination, "--outbox",
                        dir.resolve("outbox-" + envelope.getFileName()).toString(), "--signer-trust", ca, "--user",
                        "agency", "--password", "taxii-pw", "--max-attempts", "3");
                assertThat(sent.code()).as("%s%s%s", sent.out(), sent.err(), log(medallion)).isZero();
            }
            CliTest.Result respond = CliTest.run("respond", share.toString(), "--kind", "acknowledged", "--key",
                    keys.resolve("recipient.p12").toString(), "--password", PW, "--signer-trust", ca, "--to",
                    destination, "--taxii-user", "agency", "--taxii-password", "taxii-pw");
            assertThat(respond.code()).as("%s%s%s", respond.out(), respond.err(), log(medallion)).isZero();
            Path states = dir.resolve("share-states.jsonl");
            for (int round = 1; round <= 2; round++) {
                CliTest.Result pulled = CliTest.run("taxii", "pull", root, "--collection", "shares", "--signer-trust",
                        ca, "--states", states.toString(), "--user", "agency", "--password", "taxii-pw");
                assertThat(pulled.code()).as("round %d: %s%s", round, pulled.out(), pulled.err()).isZero();
                assertThat(pulled.out()).contains("state: share-2026-0001 RETRACTED")
                        .contains("0 correction(s), 1 retraction(s), 0 orphaned, " + (round == 1 ? 2 : 0)
                                + " change(s) applied");
                CliTest.Result recorded = CliTest.run("responses", "pull", root, "--collection", "shares",
                        "--office", "fitf", "--signer-trust", ca, "--sent", share.toString(), "--audit",
                        dir.resolve("audit.log").toString(), "--sealer-key", keys.resolve("audit-sealer.p12")
                        .toString(), "--password", PW, "--user", "agency", "--taxii-password", "taxii-pw");
                assertThat(recorded.code()).as("round %d: %s%s", round, recorded.out(), recorded.err()).isZero();
                assertThat(recorded.out()).contains(round == 1 ? "1 response(s) recorded, 0 recorded before"
                        : "0 response(s) recorded, 1 recorded before");
            }
        } finally {
            medallion.destroy();
            if (!medallion.waitFor(30, TimeUnit.SECONDS)) {
                medallion.destroyForcibly();
            }
        }
    }

    private Process startMedallion(int port) throws IOException {
        // The TAXII module's test resources hold medallion 3.0.0 with its licence and provenance.
        Path home = Path.of("..", "transport-adapters", "taxii", "src", "test", "resources", "medallion")
                .toAbsolutePath().normalize();
        assertThat(home.resolve("PROVENANCE")).exists();
        String base = "http://127.0.0.1:" + port + "/";
        Path data = dir.resolve("data.json");
        Files.writeString(data, """
                {"/discovery": {"title": "medallion", "description": "fmi-share CLI test",
                  "default": "%1$sapi1/", "api_roots": ["%1$sapi1/"]},
                 "api1": {"information": {"title": "api1", "versions": ["application/taxii+json;version=2.1"],
                   "max_content_length": 9765625},
                  "status": [],
                  "collections": [{"id": "shares", "title": "shares", "can_read": true, "can_write": true,
                    "media_types": ["application/stix+json;version=2.1"], "objects": [], "manifest": []}]}}
                """.formatted(base));
        Path config = dir.resolve("config.json");
        Files.writeString(config, """
                {"backend": {"module": "medallion.backends.memory_backend", "module_class": "MemoryBackend",
                  "filename": "%s"},
                 "users": {"agency": "taxii-pw"},
                 "taxii": {"max_page_size": 100}}
                """.formatted(data.toString().replace("\\", "\\\\")));
        ProcessBuilder pb = new ProcessBuilder(PYTHON, "-m", "medallion.scripts.run", "--host", "127.0.0.1",
                "--port", Integer.toString(port), config.toString());
        pb.environment().put("PYTHONPATH", home.toString());
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("medallion.log").toFile());
        return pb.start();
    }

    private String log(Process medallion) {
        try {
            return "\nmedallion log:\n" + Files.readString(dir.resolve("medallion.log"));
        } catch (IOException e) {
            return "";
        }
    }

    private void awaitReady(Process medallion, int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/taxii2/"))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/taxii+json;version=2.1")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "agency:taxii-pw".getBytes(StandardCharsets.UTF_8))).build();
        // Python imports Flask first; on a loaded machine that takes a while.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(medallion.isAlive()).as("medallion exited: %s", log(medallion)).isTrue();
            try {
                if (http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("medallion did not answer within 120 s" + log(medallion));
    }

    private static boolean pythonReady() throws InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import flask, flask_httpauth, pytz, six")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

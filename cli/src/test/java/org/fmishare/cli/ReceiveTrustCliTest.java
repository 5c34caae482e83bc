package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.fmishare.core.keys.Credentials;
import org.fmishare.testkit.TestResources;
import org.fmishare.transport.https.TlsContexts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code receive --https} keeps its two trusts apart: {@code --signer-trust} decides who may sign shares (only an
 * envelope-signing certificate bound to the sender id), {@code --client-trust} decides which TLS clients may connect.
 * A share signed with any other key under the CA is answered with a category-only 4xx, and the output directory
 * sees nothing. With the old single {@code --trust}, the client CA was also a signer CA.
 */
class ReceiveTrustCliTest {
    private static final String PW = "s3cret";
    private static final String RECIPIENT = "smc-examplesocial";
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");

    @TempDir
    static Path base;
    static Path keys;
    static Path tlsOnly;

    @BeforeAll
    static void initKeys() {
        keys = base.resolve("keys");
        tlsOnly = base.resolve("partner");
        assertThat(CliTest.run("keys", "init", keys.toString(), "--password", PW, "--tls").code()).isZero();
        // A second PKI whose CA this receiver trusts for TLS clients only.
        assertThat(CliTest.run("keys", "init", tlsOnly.toString(), "--password", PW, "--tls").code()).isZero();
    }

    private static String sign(Path pki, String p12, Path dir) {
        Path env = dir.resolve(pki.getFileName() + "-" + p12 + ".jws.json");
        CliTest.Result r = CliTest.run("sign", TestResources.samplesDirectory().resolve("passing-share.json")
                .toString(), "--key", pki.resolve(p12).toString(), "--password", PW, "-o", env.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return env.toString();
    }

    private record Receiver(CompletableFuture<Integer> exit, StringWriter out, StringWriter err) {
        URI uri() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < deadline) {
                Matcher m = LISTENING.matcher(out.toString());
                if (m.find()) {
                    return URI.create(m.group(1));
                }
                assertThat(exit.isDone()).as("receive exited early: " + out + err).isFalse();
                Thread.sleep(20);
            }
            throw new AssertionError("receive printed no URI: " + out + err);
        }
    }

    private static Receiver receive(Path clientCa, Path outDir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = {"receive", "--https", "0", "--key", keys.resolve("recipient.p12").toString(), "--tls-key",
            keys.resolve("server-tls.p12").toString(), "--password", PW, "--signer-trust",
            keys.resolve("ca.pem").toString(), "--client-trust", clientCa.toString(), "--recipient", RECIPIENT,
            "--out", outDir.toString(), "--max-envelopes", "1"};
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread t = new Thread(() -> exit.complete(FmiShareCli.run(args, new PrintWriter(out, true),
                new PrintWriter(err, true))), "receive");
        t.setDaemon(true);
        t.start();
        return new Receiver(exit, out, err);
    }

    /** A mutual-TLS client presenting {@code pki}'s client certificate and trusting the receiver's server CA. */
    private static HttpClient client(Path pki) throws IOException {
        SSLContext tls = TlsContexts.of(Credentials.fromPkcs12(Files.readAllBytes(pki.resolve("client-tls.p12")),
                PW.toCharArray()), Credentials.certificatesFromPem(Files.readString(keys.resolve("ca.pem"))));
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(60)).build();
    }

    private static HttpResponse<String> post(HttpClient client, URI uri, String envelopeFile) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/jose+json")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of(envelopeFile))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static long files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void sharesSignedWithTheReceiptOrTlsKeysGet4xxAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Receiver receiver = receive(keys.resolve("ca.pem"), inbox);
        URI uri = receiver.uri();
        HttpClient client = client(keys);
        for (String p12 : List.of("recipient.p12", "client-tls.p12", "server-tls.p12")) {
            HttpResponse<String> r = post(client, uri, sign(keys, p12, dir));
            assertThat(r.statusCode()).as(p12).isBetween(400, 499);
            assertThat(r.body()).as(p12).isEqualTo("{\"status\":400,\"title\":\"rejected\"}");
            assertThat(files(inbox)).as(p12).isZero();
        }
        assertThat(receiver.out().toString()).doesNotContain("accepted");
        // The envelope signer's share goes through the same receiver, so the refusals above were about the key.
        assertThat(post(client, uri, sign(keys, "sender.p12", dir)).statusCode()).isEqualTo(200);
        assertThat(receiver.exit().get(2, TimeUnit.MINUTES)).isZero();
        assertThat(files(inbox)).isEqualTo(1);
    }

    @Test
    void theClientCaIsNotASignerCa(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Receiver receiver = receive(tlsOnly.resolve("ca.pem"), inbox);
        URI uri = receiver.uri();
        HttpClient partner = client(tlsOnly);
        // A complete, purpose-bound envelope signer, but under a CA trusted only for TLS clients.
        HttpResponse<String> r = post(partner, uri, sign(tlsOnly, "sender.p12", dir));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"status\":400,\"title\":\"rejected\"}");
        assertThat(files(inbox)).isZero();
        // A client certificate under the signer CA is not a TLS client this receiver accepts.
        assertThatThrownBy(() -> post(client(keys), uri, sign(keys, "sender.p12", dir)))
                .isInstanceOf(IOException.class);
        // The partner's TLS client may deliver the office's genuine share.
        assertThat(post(partner, uri, sign(keys, "sender.p12", dir)).statusCode()).isEqualTo(200);
        assertThat(receiver.exit().get(2, TimeUnit.MINUTES)).isZero();
        assertThat(files(inbox)).isEqualTo(1);
    }
}

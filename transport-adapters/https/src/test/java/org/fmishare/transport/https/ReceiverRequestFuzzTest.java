package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.Credentials;
import org.fmishare.testkit.FuzzCorpus;
import org.fmishare.testkit.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Hostile requests for the receiver's own server and its envelope handling: the fuzzer's bytes go over a loopback
 * socket to a plain-HTTP receiver (TLS is the JDK's; what follows the handshake is ours). The server answers with a
 * well-formed HTTP/1.1 status line, or closes a request it cannot read; it never answers 500, which it sends only
 * when the handler threw something it did not declare. A hang past the read deadline or an
 * {@link OutOfMemoryError} is a finding too.
 *
 * <p>The valid seeds are signed by a fixed PKI kept beside the corpus, at a fixed time the verifier's and the
 * receiver's clocks are set to, so mutations of a valid request reach the signature, chain and content checks (and
 * the receipt) instead of stopping at an unknown issuer. The receipt signer may be fresh: nobody verifies it here.
 */
class ReceiverRequestFuzzTest {
    private static final String FIXED_PKI = "/org/fmishare/transport/https/ReceiverRequestFuzzTestInputs/";

    /** Read on first use, so that writing a new PKI does not need the old one. */
    private static final class FixedPki {
        static final X509Certificate ROOT = Credentials.certificatesFromPem(read("root.pem")).get(0);
        static final Clock CLOCK = Clock.fixed(java.time.Instant.parse(read("now.txt").strip()), ZoneOffset.UTC);
        static final HttpsReceiverServer SERVER = server(Duration.ofSeconds(10));
        /**
         * For the plain test of the valid seeds: the first accepted envelope loads and instruments the signing and
         * receipt classes inside the request, which on a loaded machine can outlast the fuzzing server's deadline.
         */
        static final HttpsReceiverServer PATIENT_SERVER = server(Duration.ofSeconds(110));

        private static HttpsReceiverServer server(Duration readTimeout) {
            return HttpsReceiverServer.builder().plainHttpOnLoopback().bindAddress(InetAddress.getLoopbackAddress())
                    .handler(EnvelopeReceiver.builder().verifier(EnvelopeVerifier.builder().trustAnchor(ROOT)
                                    .expectedRecipient(Pki.COMPANY).clock(CLOCK).build())
                            .signer(Pki.SMC).clock(CLOCK).onEnvelope(v -> { }).maxEnvelopeBytes(256 * 1024).build())
                    .readTimeout(readTimeout).maxConnectionsPerAddress(64).start();
        }
    }

    @FuzzTest
    @Timeout(120)
    void handleRequest(byte[] input) throws IOException {
        String head = exchange(input, true);
        if (head.isEmpty()) {
            return;
        }
        assertThat(head).matches("(?s)HTTP/1\\.1 [1-5]\\d\\d [A-Za-z -]+\r\n.*");
        // A request with Expect: 100-continue gets an interim answer first; judge the final one.
        String finalHead = head.startsWith("HTTP/1.1 100 ") ? head.substring(head.indexOf("\r\n\r\n") + 4) : head;
        if (!finalHead.isEmpty()) {
            assertThat(finalHead).doesNotStartWith("HTTP/1.1 500");
        }
    }

    /** The valid seeds are still accepted: otherwise the corpus only exercises the first refusal. */
    @Test
    @Timeout(120)
    void theValidSeedsAreStillAccepted() throws IOException {
        Path dir = FuzzCorpus.directory(ReceiverRequestFuzzTest.class, "handleRequest");
        for (String name : java.util.List.of("valid-post-envelope", "valid-post-envelope-expect-continue")) {
            String head = exchange(Files.readAllBytes(dir.resolve(name)), false);
            String finalHead = head.startsWith("HTTP/1.1 100 ") ? head.substring(head.indexOf("\r\n\r\n") + 4)
                    : head;
            assertThat(finalHead).as(name).startsWith("HTTP/1.1 200 ");
        }
    }

    /**
     * Sends one raw request to the server and returns the start of its answer (empty if it closed silently). Jazzer's
     * connection policy can only be set inside a fuzz test; a plain test must not touch it, or the agent refuses it
     * for the rest of the run.
     */
    private static String exchange(byte[] input, boolean insideFuzzTest) throws IOException {
        HttpsReceiverServer server = insideFuzzTest ? FixedPki.SERVER : FixedPki.PATIENT_SERVER;
        byte[] answer;
        // Jazzer's request-forgery detector flags every connection; this target connects to its own loopback server
        // by design, and only there.
        try (SilentCloseable loopbackOnly = !insideFuzzTest ? () -> { } : BugDetectors.allowNetworkConnections(
                (host, port) -> port == server.port() && ("127.0.0.1".equals(host) || "localhost".equals(host)));
             Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 10_000);
            s.setSoTimeout(insideFuzzTest ? 20_000 : 115_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(input);
                out.flush();
                s.shutdownOutput();
            } catch (SocketException answeredEarly) {
                // The server may answer (413, 431) and close before reading everything; read what it said.
            }
            InputStream in = s.getInputStream();
            try {
                answer = in.readNBytes(64 * 1024);
            } catch (SocketException reset) {
                return "";
            }
        }
        return new String(answer, 0, Math.min(answer.length, 200), StandardCharsets.ISO_8859_1);
    }

    /** Writes a fixed PKI and the seeds (run once with -Dfmishare.fuzz.writeSeeds=true). */
    @Test
    @EnabledIfSystemProperty(named = "fmishare.fuzz.writeSeeds", matches = "true")
    void writeSeeds() throws IOException {
        Path dir = FuzzCorpus.sourceDirectory(ReceiverRequestFuzzTest.class, "handleRequest");
        SignedEnvelope share = Pki.share();
        Files.writeString(dir.getParent().resolve("root.pem"), Credentials.toPem(Pki.CA.certificate()));
        Files.writeString(dir.getParent().resolve("now.txt"), share.issuedAt() + "\n");
        byte[] envelope = share.serialized();
        // A second envelope for the interim-answer seed: the same one would be answered as a duplicate.
        byte[] another = Pki.share().serialized();
        FuzzCorpus.write(dir, "valid-post-envelope", request("POST", "application/jose+json", envelope, ""));
        FuzzCorpus.write(dir, "valid-post-envelope-expect-continue", request("POST", "application/jose+json",
                another, "Expect: 100-continue\r\n"));
        FuzzCorpus.write(dir, "get", request("GET", null, new byte[0], ""));
        FuzzCorpus.write(dir, "post-chunked", ("POST " + HttpsReceiverServer.DEFAULT_PATH + " HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        FuzzCorpus.write(dir, "post-conflicting-lengths", ("POST " + HttpsReceiverServer.DEFAULT_PATH
                + " HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));
        FuzzCorpus.write(dir, "post-huge-length", ("POST " + HttpsReceiverServer.DEFAULT_PATH
                + " HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        FuzzCorpus.write(dir, "post-json-not-envelope", request("POST", "application/jose+json",
                "{\"payload\":1}".getBytes(StandardCharsets.UTF_8), ""));
    }

    private static String read(String name) {
        try {
            return Files.readString(TestResources.path(ReceiverRequestFuzzTest.class, FIXED_PKI + name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] request(String method, String contentType, byte[] body, String extra) {
        String head = method + " " + HttpsReceiverServer.DEFAULT_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "Content-Length: "
                + body.length + "\r\n" + extra + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }
}

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
import java.nio.file.Path;
import java.time.Duration;
import org.fmishare.testkit.FuzzCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Hostile requests for the receiver's own server and its envelope handling: the fuzzer's bytes go over a loopback
 * socket to a plain-HTTP receiver (TLS is the JDK's; what follows the handshake is ours). The server answers with a
 * well-formed HTTP/1.1 status line, or closes a request it cannot read; it never answers 500, which it sends only
 * when the handler threw something it did not declare. A hang past the read deadline or an
 * {@link OutOfMemoryError} is a finding too.
 */
class ReceiverRequestFuzzTest {
    private static final HttpsReceiverServer SERVER = HttpsReceiverServer.builder().plainHttpOnLoopback()
            .bindAddress(InetAddress.getLoopbackAddress())
            .handler(EnvelopeReceiver.builder().verifier(Pki.companyVerifier()).signer(Pki.SMC)
                    .onEnvelope(v -> { }).maxEnvelopeBytes(256 * 1024).build())
            .readTimeout(Duration.ofSeconds(10)).maxConnectionsPerAddress(64).start();

    @FuzzTest
    @Timeout(120)
    void handleRequest(byte[] input) throws IOException {
        byte[] answer;
        // Jazzer's request-forgery detector flags every connection; this target connects to its own loopback server
        // by design, and only there.
        try (SilentCloseable loopbackOnly = BugDetectors.allowNetworkConnections((host, port) ->
                port == SERVER.port() && ("127.0.0.1".equals(host) || "localhost".equals(host)));
             Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), SERVER.port()), 10_000);
            s.setSoTimeout(20_000);
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
                return;
            }
        }
        if (answer.length == 0) {
            return;
        }
        String head = new String(answer, 0, Math.min(answer.length, 200), StandardCharsets.ISO_8859_1);
        assertThat(head).matches("(?s)HTTP/1\\.1 [1-5]\\d\\d [A-Za-z -]+\r\n.*");
        // A request with Expect: 100-continue gets an interim answer first; judge the final one.
        String finalHead = head.startsWith("HTTP/1.1 100 ") ? head.substring(head.indexOf("\r\n\r\n") + 4) : head;
        if (!finalHead.isEmpty()) {
            assertThat(finalHead).doesNotStartWith("HTTP/1.1 500");
        }
    }

    /** Writes the seeds (run once with -Dfmishare.fuzz.writeSeeds=true). */
    @Test
    @EnabledIfSystemProperty(named = "fmishare.fuzz.writeSeeds", matches = "true")
    void writeSeeds() {
        Path dir = FuzzCorpus.sourceDirectory(ReceiverRequestFuzzTest.class, "handleRequest");
        byte[] envelope = Pki.share().serialized();
        FuzzCorpus.write(dir, "post-envelope", request("POST", "application/jose+json", envelope, ""));
        FuzzCorpus.write(dir, "post-envelope-expect-continue", request("POST", "application/jose+json", envelope,
                "Expect: 100-continue\r\n"));
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

package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;
import org.fmishare.core.transport.Delivery;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.fmishare.core.transport.DeliveryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the transport maps what a server answers (status, headers, body, silence) to a delivery result. */
class ResponseMappingTest {
    record Answer(int status, Map<String, String> headers, byte[] body, long delayMillis) {
        static Answer of(int status, String contentType, String body, String... headers) {
            Map<String, String> h = new java.util.HashMap<>();
            h.put("Content-Type", contentType);
            for (int i = 0; i < headers.length; i += 2) {
                h.put(headers[i], headers[i + 1]);
            }
            return new Answer(status, h, body.getBytes(StandardCharsets.UTF_8), 0);
        }
    }

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    final AtomicReference<Answer> next = new AtomicReference<>();
    final AtomicReference<Map<String, String>> seen = new AtomicReference<>();
    HttpServer server;
    HttpsTransport transport;
    URI uri;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            seen.set(Map.of("method", ex.getRequestMethod(),
                    "type", String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")),
                    "key", String.valueOf(ex.getRequestHeaders().getFirst("Idempotency-Key"))));
            ex.getRequestBody().readAllBytes();
            Answer a = next.get();
            try {
                Thread.sleep(a.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            a.headers().forEach(ex.getResponseHeaders()::set);
            ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(a.body());
            }
            ex.close();
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/in");
        transport = HttpsTransport.builder().allowPlainHttpToLoopback().requestTimeout(Duration.ofMillis(500))
                .maxReceiptBytes(2048).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    @AfterEach
    void stop() {
        transport.close();
        server.stop(0);
    }

    DeliveryResult answer(Answer a) {
        next.set(a);
        return transport.deliver(new Delivery(Pki.share(), uri));
    }

    @Test
    void postsTheEnvelopeAsJoseJsonWithItsIdAsIdempotencyKey() {
        var e = Pki.share();
        next.set(Answer.of(200, "application/jose+json", "{\"receipt\":1}"));
        assertThat(transport.deliver(new Delivery(e, uri))).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(seen.get()).containsEntry("method", "POST").containsEntry("type", "application/jose+json")
                .containsEntry("key", e.envelopeId());
    }

    @Test
    void retryableStatusesCarryRetryAfterInBothForms() {
        DeliveryResult r503 = answer(Answer.of(503, "text/plain", "maintenance", "Retry-After", "7"));
        assertThat(r503).isEqualTo(new DeliveryResult.RetryableFailure("HTTP 503 from " + host() + ": maintenance",
                Optional.of(Duration.ofSeconds(7))));
        DeliveryResult r429 = answer(Answer.of(429, "application/problem+json", "{\"title\":\"throttled\"}",
                "Retry-After", "Mon, 23 Nov 2026 12:00:30 GMT"));
        assertThat(((DeliveryResult.RetryableFailure) r429).retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(answer(Answer.of(408, "text/plain", ""))).isInstanceOf(DeliveryResult.RetryableFailure.class);
        assertThat(((DeliveryResult.RetryableFailure) answer(Answer.of(500, "text/plain", "x", "Retry-After",
                "soon"))).retryAfter()).isEmpty();
    }

    @Test
    void otherAnswersArePermanentWithTheServersShortMessage() {
        DeliveryResult bad = answer(Answer.of(400, "application/problem+json",
                "{\"status\":400,\"title\":\"rejected\",\"detail\":\"unknown\\u0007recipient\"}"));
        assertThat(bad).isEqualTo(new DeliveryResult.PermanentFailure("HTTP 400 from " + host()
                + ": rejected: unknown recipient"));
        assertThat(((DeliveryResult.PermanentFailure) answer(Answer.of(404, "text/html", "x".repeat(500))))
                .reason()).hasSizeLessThan(260);
        assertThat(((DeliveryResult.PermanentFailure) answer(Answer.of(302, "text/plain", "", "Location",
                "https://elsewhere.example/"))).reason()).contains("not followed");
        assertThat(((DeliveryResult.PermanentFailure) answer(Answer.of(200, "text/plain", "ok"))).reason())
                .contains("without a signed receipt");
        assertThat(((DeliveryResult.PermanentFailure) answer(Answer.of(200, "application/jose+json",
                "x".repeat(4096)))).reason()).contains("exceeds 2048 bytes");
    }

    @Test
    void silenceAndRefusedConnectionsAreRetryable() throws Exception {
        DeliveryResult slow = answer(new Answer(200, Map.of(), new byte[0], 1500));
        assertThat(slow).isInstanceOf(DeliveryResult.RetryableFailure.class);
        // Which timeout fires depends on how loaded the machine is (connecting can outlast the request timeout);
        // either way the reason names the host and a timeout, and the envelope is retried.
        assertThat(((DeliveryResult.RetryableFailure) slow).reason()).contains(host())
                .containsPattern("no response|timed out");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        DeliveryResult refused = transport.deliver(new Delivery(Pki.share(), URI.create("http://127.0.0.1:" + closedPort + "/")));
        assertThat(refused).isInstanceOf(DeliveryResult.RetryableFailure.class);
    }

    private String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }
}

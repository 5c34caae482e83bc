package org.fmishare.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.keys.Credentials;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.sop.Preparer;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestParties;
import org.fmishare.transport.https.TlsContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

class AppTest {
    private static final String PASSWORD = "consumer-test-pw";

    @TempDir
    Path dir;

    @Test
    void theStarterSignsDispatchesReceivesAndReportsAShare() throws Exception {
        TestParties parties = TestParties.create("starter consumer CA");
        Files.writeString(dir.resolve("ca.pem"), Credentials.toPem(parties.ca().certificate()));
        Files.write(dir.resolve("sender.p12"), Credentials.toPkcs12(parties.officeSigning(), "k", PASSWORD.toCharArray()));
        Files.write(dir.resolve("recipient.p12"),
                Credentials.toPkcs12(parties.companySigning(), "k", PASSWORD.toCharArray()));
        Files.write(dir.resolve("client-tls.p12"), Credentials.toPkcs12(parties.clientTls(), "k", PASSWORD.toCharArray()));
        Files.writeString(dir.resolve("server-tls.pem"), Credentials.toPem(parties.serverTls().certificate()));
        Files.writeString(dir.resolve("server-tls-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(parties.serverTls().privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");

        try (ConfigurableApplicationContext context = SpringApplication.run(App.class, "--fmi.dir=" + dir,
                "--fmi.password=" + PASSWORD)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Preparer.Outcome outcome = context.getBean(Preparer.class).prepare(SampleData.passingShare());
            assertTrue(outcome instanceof Preparer.Signed, () -> "refused: " + outcome.report());
            SignedEnvelope envelope = ((Preparer.Signed) outcome).envelope();
            Dispatcher dispatcher = context.getBean(Dispatcher.class);
            assertTrue(dispatcher.submit(envelope, URI.create("https://localhost:" + port + "/fmi-share/envelopes")));

            VerifiedEnvelope received = App.RECEIVED.poll(3, TimeUnit.MINUTES);
            assertNotNull(received, "nothing received");
            assertEquals(envelope.envelopeId(), received.envelopeId());
            assertTrue(dispatcher.awaitIdle(Duration.ofMinutes(3)));

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertEquals(1.0, meters.get("fmishare.delivery.delivered").functionCounter().count());
            assertEquals(1L, meters.get("fmishare.delivery.latency").timer().count());
            assertEquals(0.0, meters.get("fmishare.outbox.queued").gauge().value());

            HttpClient client = HttpClient.newBuilder().sslContext(TlsContexts.of(parties.clientTls(),
                    List.of(parties.ca().certificate()))).build();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port
                    + "/actuator/health")).timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            // Boot 4 writes the component's fields in name order ("details" before "status"): look inside its object.
            Matcher outbox = Pattern.compile("\"fmishareOutbox\":\\{(?:\\{[^{}]*\\}|[^{}])*\\}")
                    .matcher(health.body());
            assertTrue(outbox.find(), health.body());
            assertTrue(outbox.group().contains("\"status\":\"UP\""), health.body());
            assertTrue(outbox.group().contains("\"backlog\":0"), health.body());
            // Boot 4's health API (org.springframework.boot.health.contributor), not Boot 3's, backs the component.
            assertTrue(context.getBean("fmishareOutboxHealthIndicator") instanceof HealthIndicator);
        }
    }
}

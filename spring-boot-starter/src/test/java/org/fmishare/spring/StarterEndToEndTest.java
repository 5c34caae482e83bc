package org.fmishare.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.sop.Preparer;
import org.fmishare.testkit.SampleData;
import org.fmishare.transport.https.EnvelopeConsumer;
import org.fmishare.transport.https.TlsContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application configured by properties alone signs a share, dispatches it over HTTPS with mutual TLS
 * to its own receiver endpoint on a real embedded Tomcat (loopback, random port), gets the signed receipt back, and
 * then shows the delivery in its Micrometer meters and in the actuator's health endpoint, read over the same TLS.
 */
class StarterEndToEndTest {
    private static final Duration WAIT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    /** The application: only auto-configuration and the consumer of received envelopes. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        static final BlockingQueue<VerifiedEnvelope> RECEIVED = new LinkedBlockingQueue<>();

        @Bean
        EnvelopeConsumer received() {
            return RECEIVED::add;
        }
    }

    @Test
    void aShareGoesFromTheDispatcherToTheReceiverEndpointAndShowsInTheMetersAndHealth() throws Exception {
        StarterFiles files = new StarterFiles(dir);
        List<String> props = new ArrayList<>(files.sender());
        props.addAll(files.receiver());
        props.addAll(List.of(
                "server.address=127.0.0.1",
                "server.port=0",
                "spring.ssl.bundle.pem.server.keystore.certificate=file:" + files.file("server-tls.pem"),
                "spring.ssl.bundle.pem.server.keystore.private-key=file:" + files.file("server-tls-key.pem"),
                "spring.ssl.bundle.pem.server.truststore.certificate=file:" + files.file("ca.pem"),
                "server.ssl.bundle=server",
                "server.ssl.client-auth=need",
                "management.endpoints.web.exposure.include=health,metrics",
                "management.endpoint.health.show-details=always",
                "spring.main.banner-mode=off"));
        App.RECEIVED.clear();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.SERVLET).properties(props.toArray(String[]::new)).run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            URI endpoint = URI.create("https://localhost:" + port + "/fmi-share/envelopes");

            Preparer.Outcome outcome = context.getBean(Preparer.class).prepare(SampleData.passingShare());
            assertThat(outcome).isInstanceOf(Preparer.Signed.class);
            var envelope = ((Preparer.Signed) outcome).envelope();
            Dispatcher dispatcher = context.getBean(Dispatcher.class);
            assertThat(dispatcher.submit(envelope, endpoint)).isTrue();

            VerifiedEnvelope got = App.RECEIVED.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(got).as("envelope received by the endpoint").isNotNull();
            assertThat(got.envelopeId()).isEqualTo(envelope.envelopeId());
            assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
            assertThat(dispatcher.status(envelope.envelopeId())).get()
                    .satisfies(e -> assertThat(e.state()).isEqualTo(OutboxState.DELIVERED))
                    .satisfies(e -> assertThat(e.receipt()).isNotEmpty());

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get(DispatchMeters.DELIVERED).functionCounter().count()).isEqualTo(1.0);
            assertThat(meters.get(DispatchMeters.LATENCY).timer().count()).isEqualTo(1L);
            assertThat(meters.get(DispatchMeters.QUEUED).gauge().value()).isZero();
            assertThat(meters.get(DispatchMeters.IN_FLIGHT).gauge().value()).isZero();
            assertThat(meters.get(DispatchMeters.DEAD_LETTERS).gauge().value()).isZero();

            HttpClient client = HttpClient.newBuilder().sslContext(TlsContexts.of(files.parties.clientTls(),
                    List.of(files.parties.ca().certificate()))).connectTimeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + port + "/actuator/health")).timeout(WAIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"fmishareOutbox\":{\"status\":\"UP\"").contains("\"backlog\":0");
            HttpResponse<String> delivered = client.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                    + port + "/actuator/metrics/" + DispatchMeters.DELIVERED)).timeout(WAIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(delivered.statusCode()).isEqualTo(200);
            assertThat(delivered.body()).contains("\"value\":1.0");

            // The same envelope again is recognised by its id: the outbox does not queue it twice.
            assertThat(dispatcher.submit(envelope, endpoint)).isFalse();
        }
    }
}

package org.fmishare.transport.https.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.testkit.TestParties;
import org.fmishare.transport.https.EnvelopeReceiver;
import org.fmishare.transport.https.HttpsTransport;
import org.fmishare.transport.https.TlsContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The servlet binding in embedded Jetty 12 (Jakarta EE 10, Servlet 6) on loopback, with Jetty terminating mutual
 * TLS: the SDK's own HTTPS transport delivers to it and gets a verified receipt, and the protocol answers match
 * {@code HttpsReceiverServer}'s.
 */
class EnvelopeServletTest {
    private static final TestParties PARTIES = TestParties.create("servlet test CA");
    private static final ConcurrentLinkedQueue<VerifiedEnvelope> INBOX = new ConcurrentLinkedQueue<>();
    private static final int MAX_BYTES = 64 * 1024;
    private static Server jetty;
    private static URI endpoint;

    @BeforeAll
    static void startJetty() throws Exception {
        EnvelopeReceiver receiver = EnvelopeReceiver.builder().verifier(PARTIES.companyVerifier())
                .signer(PARTIES.companySigner()).onEnvelope(INBOX::add).maxEnvelopeBytes(MAX_BYTES).build();
        jetty = new Server();
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(TlsContexts.of(PARTIES.serverTls(), List.of(PARTIES.ca().certificate())));
        tls.setNeedClientAuth(true);
        ServerConnector connector = new ServerConnector(jetty, tls);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new EnvelopeServlet(receiver)), "/fmi-share/envelopes");
        jetty.setHandler(context);
        jetty.start();
        endpoint = URI.create("https://127.0.0.1:" + connector.getLocalPort() + "/fmi-share/envelopes");
    }

    @AfterAll
    static void stopJetty() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .sslContext(TlsContexts.of(PARTIES.clientTls(), List.of(PARTIES.ca().certificate())))
                .connectTimeout(Duration.ofMinutes(1)).build();
    }

    @Test
    void theHttpsTransportDeliversThroughTheServletAndGetsAVerifiedReceipt() {
        SignedEnvelope envelope = PARTIES.signedShare();
        try (HttpsTransport https = HttpsTransport.builder()
                .sslContext(TlsContexts.of(PARTIES.clientTls(), List.of(PARTIES.ca().certificate())))
                .receiptVerifier(PARTIES.officeVerifier()).requestTimeout(Duration.ofMinutes(1)).build()) {
            DeliveryResult first = https.deliver(new Delivery(envelope, endpoint));
            DeliveryResult again = https.deliver(new Delivery(envelope, endpoint));

            assertThat(first).isInstanceOf(DeliveryResult.Delivered.class);
            assertThat(again).as("a repeated delivery gets the original receipt")
                    .isInstanceOf(DeliveryResult.Delivered.class);
            assertThat(INBOX).extracting(VerifiedEnvelope::envelopeId).containsOnlyOnce(envelope.envelopeId());
        }
    }

    @Test
    void otherMethodsAreAnswered405WithAllowPost() throws Exception {
        HttpResponse<String> r = client().send(HttpRequest.newBuilder(endpoint).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).contains("POST");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void aBodyOverTheReceiversLimitIsAnswered413() throws Exception {
        HttpResponse<String> r = client().send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/jose+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[MAX_BYTES + 1])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void aClientWithoutCertificateIsRefusedByTheContainer() {
        HttpClient anonymous = HttpClient.newBuilder()
                .sslContext(TlsContexts.trusting(List.of(PARTIES.ca().certificate()))).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> anonymous.send(
                HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }
}

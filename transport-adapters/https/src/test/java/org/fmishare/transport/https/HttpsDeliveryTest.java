package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;
import org.fmishare.core.transport.Delivery;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.fmishare.core.envelope.EnvelopeKind;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.transport.DeliveryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** End to end over mutual TLS on loopback: delivery, signed receipts, repeated deliveries, destination rules. */
class HttpsDeliveryTest {
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    EnvelopeReceiver receiver;
    HttpsReceiverServer server;

    @BeforeEach
    void start() {
        receiver = EnvelopeReceiver.builder().verifier(Pki.companyVerifier()).signer(Pki.SMC)
                .onEnvelope(v -> calls.computeIfAbsent(v.envelopeId(), k -> new AtomicInteger()).incrementAndGet())
                .build();
        server = HttpsReceiverServer.builder().sslContext(Pki.serverTls()).requireClientCertificate(true)
                .handler(receiver).port(0).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void deliversTheSignedShareOverMutualTlsAndReturnsAVerifiedReceipt() {
        SignedEnvelope envelope = Pki.share();
        try (HttpsTransport transport = HttpsTransport.builder().sslContext(Pki.clientTls()).build()) {
            DeliveryResult result = transport.deliver(new Delivery(envelope, server.uri()));

            assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
            VerifiedEnvelope receipt = Pki.receiptVerifier().verifyReceipt(
                    ((DeliveryResult.Delivered) result).receipt(), envelope);
            assertThat(receipt.kind()).isEqualTo(EnvelopeKind.RECEIPT);
            assertThat(receipt.sender().id()).isEqualTo(Pki.COMPANY);
            assertThat(receipt.response().orElseThrow().kind()).isEqualTo(ResponseKind.ACKNOWLEDGED);
            assertThat(receipt.response().orElseThrow().shareId()).isEqualTo(
                    org.fmishare.testkit.SampleData.passingShare().id());
            assertThat(receipt.inReplyTo().orElseThrow().digest()).isEqualTo(envelope.digest());
            assertThat(calls).containsOnlyKeys(envelope.envelopeId());
            assertThat(calls.get(envelope.envelopeId())).hasValue(1);
            assertThat(server.uri().toString()).startsWith("https://127.0.0.1:").endsWith("/fmi-share/envelopes");
        }
    }

    @Test
    void aRepeatedDeliveryGetsTheOriginalReceiptAndDoesNotReachTheCallbackAgain() {
        SignedEnvelope envelope = Pki.share();
        try (HttpsTransport transport = HttpsTransport.builder().sslContext(Pki.clientTls())
                .receiptVerifier(Pki.receiptVerifier()).build()) {
            DeliveryResult.Delivered first = (DeliveryResult.Delivered) transport.deliver(new Delivery(envelope, server.uri()));
            DeliveryResult.Delivered again = (DeliveryResult.Delivered) transport.deliver(new Delivery(envelope.stored(), server.uri()));
            assertThat(again.receipt()).isEqualTo(first.receipt());
            assertThat(first.detail()).contains("verified");
            assertThat(calls.get(envelope.envelopeId())).hasValue(1);
        }
    }

    @Test
    void aReceiptThatDoesNotVerifyIsAPermanentFailure() {
        // The transport trusts only an unrelated root for receipts, so the company's receipt must be refused.
        var wrongAnchor = org.fmishare.core.envelope.EnvelopeVerifier.builder()
                .trustAnchor(Pki.OTHER_CA.certificate()).expectedRecipient(Pki.OFFICE).build();
        try (HttpsTransport transport = HttpsTransport.builder().sslContext(Pki.clientTls())
                .receiptVerifier(wrongAnchor).build()) {
            DeliveryResult r = transport.deliver(new Delivery(Pki.share(), server.uri()));
            assertThat(r).isInstanceOf(DeliveryResult.PermanentFailure.class);
            assertThat(((DeliveryResult.PermanentFailure) r).reason()).contains("receipt was rejected")
                    .contains("chain");
        }
    }

    @Test
    void plainHttpIsRefusedUnlessAllowedAndThenOnlyToLoopback() {
        SignedEnvelope envelope = Pki.share();
        try (HttpsTransport strict = HttpsTransport.builder().sslContext(Pki.clientTls()).build();
                HttpsTransport harness = HttpsTransport.builder().allowPlainHttpToLoopback().build()) {
            assertThat(strict.schemes()).containsExactly("https");
            assertThat(harness.schemes()).containsExactly("http");
            assertThat(strict.deliver(new Delivery(envelope, URI.create("http://127.0.0.1:1/x"))))
                    .isInstanceOf(DeliveryResult.PermanentFailure.class);
            for (String refused : List.of("http://10.0.0.1/x", "http://smc.example/x", "http://127.0.0.1.nip.io/x",
                    "http://[::ffff:10.0.0.1]/x", "ftp://127.0.0.1/x", "https://user:pw@127.0.0.1/x", "mailto:a@b")) {
                assertThatThrownBy(() -> harness.checkDestination(URI.create(refused))).as(refused)
                        .isInstanceOf(HttpsTransportException.DestinationRefused.class);
                assertThat(harness.deliver(new Delivery(envelope, URI.create(refused)))).as(refused)
                        .isInstanceOf(DeliveryResult.PermanentFailure.class);
            }
            for (String allowed : List.of("http://127.0.0.1:8080/x", "http://localhost/x", "http://[::1]:9/x",
                    "http://127.1.2.3/x")) {
                harness.checkDestination(URI.create(allowed));
            }
        }
        assertThat(calls).isEmpty();
    }

    @Test
    void aPlainHttpLoopbackHarnessReceivesEnvelopes() {
        try (HttpsReceiverServer plain = HttpsReceiverServer.builder().plainHttpOnLoopback().handler(receiver)
                .start();
                HttpsTransport harness = HttpsTransport.builder().allowPlainHttpToLoopback().build()) {
            SignedEnvelope envelope = Pki.share();
            assertThat(plain.uri().getScheme()).isEqualTo("http");
            assertThat(harness.deliver(new Delivery(envelope, plain.uri()))).isInstanceOf(DeliveryResult.Delivered.class);
            assertThat(calls.get(envelope.envelopeId())).hasValue(1);
        }
    }

    @Test
    void buildersRefuseUnsafeOrIncompleteSetups() {
        assertThatThrownBy(() -> HttpsTransport.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TLS material");
        assertThatThrownBy(() -> HttpsTransport.builder().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> HttpsReceiverServer.builder().handler(receiver).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sslContext");
        assertThatThrownBy(() -> HttpsReceiverServer.builder().handler(receiver).plainHttpOnLoopback()
                .bindAddress(java.net.InetAddress.getByAddress(new byte[] {10, 0, 0, 1})).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> EnvelopeReceiver.builder().signer(Pki.SMC).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("verifier");
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        try {
            assertThatThrownBy(() -> HttpsTransport.builder().sslContext(Pki.clientTls()).build())
                    .isInstanceOf(HttpsTransportException.InvalidConfiguration.class)
                    .hasMessageContaining("hostname verification");
        } finally {
            System.clearProperty("jdk.internal.httpclient.disableHostnameVerification");
        }
    }
}

package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;
import org.fmishare.core.transport.Delivery;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.transport.DeliveryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real TLS handshakes on loopback: client certificates are enforced, server names are verified, TLS 1.3 is used. */
class TlsEnforcementTest {
    final AtomicInteger calls = new AtomicInteger();
    EnvelopeReceiver receiver;
    HttpsReceiverServer server;

    @BeforeEach
    void start() {
        receiver = EnvelopeReceiver.builder().verifier(Pki.companyVerifier()).signer(Pki.SMC)
                .onEnvelope(v -> calls.incrementAndGet()).build();
        server = HttpsReceiverServer.builder().sslContext(Pki.serverTls()).requireClientCertificate(true)
                .handler(receiver).port(0).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DeliveryResult deliverWith(SSLContext client, URI destination) {
        try (HttpsTransport t = HttpsTransport.builder().sslContext(client)
                .connectTimeout(java.time.Duration.ofSeconds(5)).build()) {
            return t.deliver(new Delivery(Pki.share(), destination));
        }
    }

    @Test
    void aClientWithoutACertificateIsRefused() {
        DeliveryResult r = deliverWith(TlsContexts.trusting(List.of(Pki.CA.certificate())), server.uri());
        assertThat(r).isInstanceOf(DeliveryResult.RetryableFailure.class);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aClientCertificateFromAnotherAuthorityIsRefused() {
        SigningCredential stranger = Pki.OTHER_CA.issueTls("stranger", KeyAlgorithm.EC_P256,
                List.of("stranger.example"), List.of());
        DeliveryResult r = deliverWith(TlsContexts.of(stranger, List.of(Pki.CA.certificate())), server.uri());
        assertThat(r).isInstanceOf(DeliveryResult.RetryableFailure.class);
        assertThat(calls).hasValue(0);
    }

    @Test
    void theSameClientWithTheRightCertificateIsAccepted() {
        assertThat(deliverWith(Pki.clientTls(), server.uri())).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aServerCertificateThatDoesNotNameTheHostIsRefusedByTheClient() {
        SigningCredential wrongName = Pki.CA.issueTls("misnamed receiver", KeyAlgorithm.EC_P256,
                List.of("smc.example"), List.of("192.0.2.7"));
        try (HttpsReceiverServer misnamed = HttpsReceiverServer.builder()
                .sslContext(TlsContexts.of(wrongName, List.of(Pki.CA.certificate()))).requireClientCertificate(true)
                .handler(receiver).start()) {
            DeliveryResult r = deliverWith(Pki.clientTls(), misnamed.uri());
            assertThat(r).isInstanceOf(DeliveryResult.RetryableFailure.class);
            assertThat(((DeliveryResult.RetryableFailure) r).reason()).contains("TLS handshake")
                    .containsIgnoringCase("127.0.0.1");
            // By name too: the certificate names smc.example, not localhost.
            URI byName = URI.create("https://localhost:" + misnamed.port() + HttpsReceiverServer.DEFAULT_PATH);
            assertThat(deliverWith(Pki.clientTls(), byName)).isInstanceOf(DeliveryResult.RetryableFailure.class);
        }
        assertThat(calls).hasValue(0);
        // The right certificate is accepted under its DNS name as well as its address.
        URI byName = URI.create("https://localhost:" + server.port() + HttpsReceiverServer.DEFAULT_PATH);
        assertThat(deliverWith(Pki.clientTls(), byName)).isInstanceOf(DeliveryResult.Delivered.class);
    }

    @Test
    void aServerFromAnUntrustedAuthorityIsRefused() {
        SigningCredential foreign = Pki.OTHER_CA.issueTls("foreign receiver", KeyAlgorithm.EC_P256,
                List.of("localhost"), List.of("127.0.0.1"));
        try (HttpsReceiverServer untrusted = HttpsReceiverServer.builder()
                .sslContext(TlsContexts.of(foreign, List.of(Pki.CA.certificate()))).handler(receiver).start()) {
            assertThat(deliverWith(Pki.clientTls(), untrusted.uri()))
                    .isInstanceOf(DeliveryResult.RetryableFailure.class);
        }
        assertThat(calls).hasValue(0);
    }

    @Test
    void tls13IsNegotiatedAndOnlyAeadSuitesAreAcceptedForTls12() throws Exception {
        try (SSLSocket s = (SSLSocket) Pki.clientTls().getSocketFactory().createSocket("127.0.0.1",
                server.port())) {
            s.startHandshake();
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
        try (SSLSocket s = (SSLSocket) Pki.clientTls().getSocketFactory().createSocket("127.0.0.1",
                server.port())) {
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.startHandshake();
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(s.getSession().getCipherSuite()).startsWith("TLS_ECDHE_ECDSA_WITH_").contains("GCM");
        }
        try (SSLSocket s = (SSLSocket) Pki.clientTls().getSocketFactory().createSocket("127.0.0.1",
                server.port())) {
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"});
            assertThatThrownBy(s::startHandshake).isInstanceOf(SSLException.class);
        }
    }

    @Test
    void mutualTlsWorksWithEveryKeyTypeTheSdkIssues() {
        for (KeyAlgorithm alg : List.of(KeyAlgorithm.EC_P384, KeyAlgorithm.ED25519, KeyAlgorithm.RSA_2048)) {
            SigningCredential serverCred = Pki.CA.issueTls("receiver " + alg, alg, List.of(), List.of("127.0.0.1"));
            SigningCredential clientCred = Pki.CA.issueTls("sender " + alg, alg, List.of("fitf.example"), List.of());
            try (HttpsReceiverServer s = HttpsReceiverServer.builder()
                    .sslContext(TlsContexts.of(serverCred, List.of(Pki.CA.certificate())))
                    .requireClientCertificate(true).handler(receiver).start()) {
                assertThat(deliverWith(TlsContexts.of(clientCred, List.of(Pki.CA.certificate())), s.uri()))
                        .as(alg.name()).isInstanceOf(DeliveryResult.Delivered.class);
            }
        }
    }
}

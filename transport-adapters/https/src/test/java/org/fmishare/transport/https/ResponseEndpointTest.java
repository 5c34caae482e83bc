package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.model.SmcResponse;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A company's later response travels back to the office's response endpoint over mutual TLS on loopback. */
class ResponseEndpointTest {
    private final SignedEnvelope share = Pki.share();
    private final VerifiedEnvelope received = Pki.companyVerifier().verify(share.serialized());
    /** Response ids the office recorded, in order; a response recorded twice would appear twice. */
    private final List<String> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Set<String> seenBytes = ConcurrentHashMap.newKeySet();
    private final EnvelopeVerifier officeVerifier = Pki.receiptVerifier();
    private HttpsReceiverServer office;

    /** The office's intake: the bytes seen before are a repeat; otherwise verified against what it sent. */
    private boolean take(byte[] bytes) {
        if (!seenBytes.add(Digests.sha256(bytes))) {
            return false;
        }
        try {
            SmcResponse response = officeVerifier.verifyReceipt(bytes, share).response().orElseThrow();
            if (recorded.contains(response.id())) {
                return false;
            }
            recorded.add(response.id());
            return true;
        } catch (EnvelopeException e) {
            seenBytes.remove(Digests.sha256(bytes));
            throw e;
        }
    }

    @BeforeEach
    void start() {
        office = HttpsReceiverServer.builder().sslContext(Pki.serverTls()).requireClientCertificate(true)
                .handler(ResponseEndpoint.of(this::take)).path("/fmi-share/responses").port(0).start();
    }

    @AfterEach
    void stop() {
        office.close();
    }

    @Test
    void aCompanyResponseIsDeliveredToTheOfficeAndRecordedOnceAlthoughSentTwice() {
        SignedEnvelope response = Pki.SMC.signResponse(received, ResponseKind.TOOK_INDEPENDENT_ACTION,
                Optional.of("Reviewed under our own policies."));
        try (HttpsTransport company = HttpsTransport.builder().sslContext(Pki.clientTls()).build()) {
            DeliveryResult first = company.deliver(new Delivery(response, office.uri()));
            DeliveryResult again = company.deliver(new Delivery(response.stored(), office.uri()));

            assertThat(first).isInstanceOf(DeliveryResult.Delivered.class);
            assertThat(((DeliveryResult.Delivered) first).detail()).contains("HTTP 202")
                    .contains("response recorded by the office");
            assertThat(again).isInstanceOf(DeliveryResult.Delivered.class);
        }
        assertThat(recorded).hasSize(1);
        assertThat(office.uri().getPath()).isEqualTo("/fmi-share/responses");
    }

    @Test
    void aResponseSignedWithAKeyWithoutTheReceiptPurposeIsRefusedWithHttp400() {
        EnvelopeSigner wrongPurpose = EnvelopeSigner.builder(Pki.CA.issueEnvelopeSigner(Pki.COMPANY,
                "company envelope key", KeyAlgorithm.EC_P256), Pki.COMPANY).build();
        SignedEnvelope response = wrongPurpose.signResponse(received, ResponseKind.ACKNOWLEDGED, Optional.empty());
        try (HttpsTransport company = HttpsTransport.builder().sslContext(Pki.clientTls()).build()) {
            DeliveryResult result = company.deliver(new Delivery(response, office.uri()));

            assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
            assertThat(((DeliveryResult.PermanentFailure) result).reason()).contains("HTTP 400").contains("rejected");
        }
        assertThat(recorded).isEmpty();
    }

    @Test
    void theEndpointAnswersByHttpRulesAndKeepsTheReasonForTheEmbedder() {
        ResponseEndpoint endpoint = ResponseEndpoint.of(this::take);
        SignedEnvelope response = Pki.SMC.signResponse(received, ResponseKind.DECLINED, Optional.empty());
        assertThat(endpoint.handle("GET", Optional.of("application/jose+json"), new ByteArrayInputStream(
                new byte[0])).status()).isEqualTo(405);
        assertThat(endpoint.handle("POST", Optional.of("text/plain"), new ByteArrayInputStream(
                response.serialized())).status()).isEqualTo(415);
        ReceiverResponse forged = endpoint.handle("POST", Optional.of("application/jose+json"),
                new ByteArrayInputStream("{\"payload\":\"x\"}".getBytes()));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.failure()).get().isInstanceOf(EnvelopeException.Rejected.class);
        ReceiverResponse ok = endpoint.handle("POST", Optional.of("application/jose+json; charset=utf-8"),
                new ByteArrayInputStream(response.serialized()));
        assertThat(ok.status()).isEqualTo(202);
        assertThat(ok.isReceipt()).isFalse();
        assertThat(new String(ok.body())).contains("recorded");
        assertThat(endpoint.handle("POST", Optional.of("application/jose+json"), new ByteArrayInputStream(
                new byte[1025 + EnvelopeVerifier.DEFAULT_MAX_ENVELOPE_BYTES])).status()).isEqualTo(413);
    }
}

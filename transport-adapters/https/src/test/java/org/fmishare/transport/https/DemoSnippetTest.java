package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;
import org.fmishare.core.transport.Delivery;

import java.util.List;
import org.fmishare.core.envelope.EnvelopeKind;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.transport.DeliveryResult;
import org.junit.jupiter.api.Test;

/** The demo flow as the README shows it: the signed sample share over mutual TLS to an embedded receiver. */
class DemoSnippetTest {
    @Test
    void theReadmeSnippetDeliversAndPrintsTheVerifiedReceipt() {
        SignedEnvelope envelope = Pki.share();
        var ca = List.of(Pki.CA.certificate());
        // --- snippet start ---
        EnvelopeReceiver receiver = EnvelopeReceiver.builder().verifier(Pki.companyVerifier()).signer(Pki.SMC)
                .onEnvelope(v -> System.out.println("company received " + v.summary().lines().findFirst().get()))
                .build();
        try (HttpsReceiverServer server = HttpsReceiverServer.builder().sslContext(TlsContexts.of(Pki.SERVER_TLS, ca))
                .requireClientCertificate(true).handler(receiver).port(0).start();
                HttpsTransport https = HttpsTransport.builder().sslContext(TlsContexts.of(Pki.CLIENT_TLS, ca))
                        .receiptVerifier(Pki.receiptVerifier()).build()) {
            DeliveryResult result = https.deliver(new Delivery(envelope, server.uri()));
            if (result instanceof DeliveryResult.Delivered d) {
                VerifiedEnvelope receipt = Pki.receiptVerifier().verifyReceipt(d.receipt(), envelope);
                System.out.println(receipt.summary());
                // --- snippet end ---
                assertThat(receipt.kind()).isEqualTo(EnvelopeKind.RECEIPT);
                assertThat(receipt.summary()).contains("ACKNOWLEDGED").contains(envelope.envelopeId());
            } else {
                throw new AssertionError("not delivered: " + result);
            }
        }
    }
}

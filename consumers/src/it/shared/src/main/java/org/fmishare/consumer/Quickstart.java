package org.fmishare.consumer;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.sop.Preparer;
import org.fmishare.sop.ReportRenderer;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestParties;
import org.fmishare.transport.https.EnvelopeReceiver;
import org.fmishare.transport.https.HttpsReceiverServer;
import org.fmishare.transport.https.HttpsTransport;
import org.fmishare.transport.https.TlsContexts;

/**
 * The README's quickstart as an embedder writes it (JSON round trip, prepare and sign, verify as the company), then
 * one HTTPS round trip over mutual TLS on loopback with a signed receipt. Shared by every consumer project.
 */
public final class Quickstart {
    private Quickstart() {}

    /**
     * Runs the quickstart.
     *
     * @return a one-line summary of what was delivered
     */
    public static String run() {
        ThreatShare share = SampleData.passingShare();
        byte[] json = FmiJson.standard().write(share);
        ThreatShare back = FmiJson.standard().read(json, ThreatShare.class);
        if (!back.equals(share)) {
            throw new IllegalStateException("JSON round trip changed the share");
        }

        TestParties parties = TestParties.create("Consumer Dev CA");
        Preparer.Outcome outcome = Preparer.builder(parties.officeSigner()).build().prepare(share);
        if (!(outcome instanceof Preparer.Signed signed)) {
            throw new IllegalStateException("the sample share did not pass: " + ReportRenderer.text(outcome.report()));
        }
        SignedEnvelope envelope = signed.envelope();
        VerifiedEnvelope verified = parties.companyVerifier().verify(envelope.serialized());
        if (!verified.envelopeId().equals(envelope.envelopeId())) {
            throw new IllegalStateException("verified a different envelope");
        }

        ConcurrentLinkedQueue<VerifiedEnvelope> inbox = new ConcurrentLinkedQueue<>();
        EnvelopeReceiver receiver = EnvelopeReceiver.builder().verifier(parties.companyVerifier())
                .signer(parties.companySigner()).onEnvelope(inbox::add).build();
        try (HttpsReceiverServer server = HttpsReceiverServer.builder()
                .sslContext(TlsContexts.of(parties.serverTls(), List.of(parties.ca().certificate())))
                .requireClientCertificate(true).handler(receiver).port(0).start();
                HttpsTransport https = HttpsTransport.builder()
                        .sslContext(TlsContexts.of(parties.clientTls(), List.of(parties.ca().certificate())))
                        .receiptVerifier(parties.officeVerifier()).build()) {
            URI destination = server.uri();
            DeliveryResult result = https.deliver(new Delivery(envelope, destination));
            if (!(result instanceof DeliveryResult.Delivered)) {
                throw new IllegalStateException("HTTPS delivery failed: " + result);
            }
            if (inbox.size() != 1 || !inbox.peek().envelopeId().equals(envelope.envelopeId())) {
                throw new IllegalStateException("the receiver did not get the envelope: " + inbox);
            }
            return "delivered " + envelope.envelopeId() + " to " + destination + " with a verified receipt";
        }
    }
}

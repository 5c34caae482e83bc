package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.fmishare.core.envelope.EnvelopeReference;
import org.fmishare.core.envelope.ShareState;
import org.fmishare.core.envelope.ShareStates;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.delivery.CompanyRecord;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.delivery.ShareDelivery;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.OutboxException;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrections and retractions through the outbox over mutual TLS on loopback, to a receiver keeping share states. */
class HttpsAmendmentTest {
    @TempDir
    Path dir;
    ShareStates states;
    HttpsReceiverServer server;

    @BeforeEach
    void start() {
        states = ShareStates.file(dir.resolve("share-states.jsonl"));
        EnvelopeReceiver receiver = EnvelopeReceiver.builder().verifier(Pki.companyVerifier()).signer(Pki.SMC)
                .onEnvelope(v -> { }).shareStates(states).build();
        server = HttpsReceiverServer.builder().sslContext(Pki.serverTls()).requireClientCertificate(true)
                .handler(receiver).port(0).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void retractionGoesThroughTheOutboxToTheOriginalsDestinationAndTheReceiverShowsItRetracted() throws Exception {
        SignedEnvelope share = Pki.share();
        try (Dispatcher dispatcher = Dispatcher.builder().store(FileJournalStore.open(dir.resolve("outbox.journal")))
                .transport(HttpsTransport.builder().sslContext(Pki.clientTls()).receiptVerifier(Pki.receiptVerifier())
                        .build())
                .company(CompanyRecord.upTo(Pki.COMPANY, TlpMarking.AMBER)).build().start()) {
            dispatcher.submit(share, server.uri());
            assertThat(dispatcher.awaitIdle(Duration.ofMinutes(2))).isTrue();
            assertThat(states.find(Pki.OFFICE, "share-2026-0001").orElseThrow().state()).isEqualTo(ShareState.ACTIVE);

            List<ShareDelivery> deliveries = dispatcher.deliveriesOf("share-2026-0001");
            assertThat(deliveries).containsExactly(new ShareDelivery(new EnvelopeReference(share.envelopeId(),
                    share.digest()), server.uri(), OutboxState.DELIVERED));
            SignedEnvelope retraction = Pki.PARTIES.signedAmendment(SampleData.retraction(), share);
            assertThat(dispatcher.submitAmendment(retraction)).isTrue();
            assertThat(dispatcher.awaitIdle(Duration.ofMinutes(2))).isTrue();
            assertThat(dispatcher.status(retraction.envelopeId()).orElseThrow().state())
                    .isEqualTo(OutboxState.DELIVERED);
            assertThat(dispatcher.status(retraction.envelopeId()).orElseThrow().destination())
                    .isEqualTo(server.uri().toString());
        }
        assertThat(ShareStates.file(dir.resolve("share-states.jsonl")).find(Pki.OFFICE, "share-2026-0001")
                .orElseThrow().state()).isEqualTo(ShareState.RETRACTED);
    }

    @Test
    void amendmentOfAShareNeverSubmittedIsRefusedByTheOutbox() throws Exception {
        SignedEnvelope share = Pki.share();
        try (Dispatcher dispatcher = Dispatcher.builder().store(FileJournalStore.open(dir.resolve("outbox.journal")))
                .transport(HttpsTransport.builder().sslContext(Pki.clientTls()).build())
                .company(CompanyRecord.upTo(Pki.COMPANY, TlpMarking.AMBER)).build()) {
            assertThatThrownBy(() -> dispatcher.submitAmendment(Pki.PARTIES.signedAmendment(SampleData.correction(),
                    share))).isInstanceOf(OutboxException.UnknownEnvelope.class)
                    .hasMessageContaining(share.envelopeId());
        }
    }

    @Test
    void receiverRefusesACorrectionOfAShareItNeverReceivedAndSignsNoReceipt() {
        SignedEnvelope correction = Pki.PARTIES.signedAmendment(SampleData.correction(), Pki.share());
        try (HttpsTransport transport = HttpsTransport.builder().sslContext(Pki.clientTls()).build()) {
            DeliveryResult result = transport.deliver(new Delivery(correction, server.uri()));
            assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
            assertThat(((DeliveryResult.PermanentFailure) result).reason()).contains("HTTP 400").contains("rejected");
        }
        assertThat(states.all()).isEmpty();
    }
}

package org.fmishare.transport.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.ShareState;
import org.fmishare.core.envelope.ShareStates;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestParties;
import org.fmishare.transport.taxii.medallion.MedallionServer;
import org.fmishare.transport.taxii.stix.PulledResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A share's whole life on one collection of the OASIS reference TAXII server (medallion 3.0.0, memory back-end):
 * the share, its correction and its retraction published and sent again, pulled after each step and pulled again,
 * and a company response published and read back verified (and a forged one refused). Each test has its own
 * collection.
 */
class MedallionShareLifeTest {
    private static final String USER = "agency";
    private static final String PASSWORD = "agency-pw";
    private static final TestParties PARTIES = TestParties.create("medallion life CA");
    private static final String SHARE_ID = SampleData.passingShare().id();
    private static MedallionServer medallion;
    private static TaxiiClient client;

    @BeforeAll
    static void start() throws Exception {
        medallion = MedallionServer.start(USER, PASSWORD, 100, List.of("life", "responses"));
        client = TaxiiClient.builder(medallion.discoveryUri()).basicAuth(USER, PASSWORD.toCharArray()).build();
    }

    @AfterAll
    static void stop() {
        if (medallion != null) {
            medallion.close();
        }
    }

    private static TaxiiTransport transport() {
        return TaxiiTransport.builder().basicAuth(USER, PASSWORD.toCharArray()).build();
    }

    private static void deliver(SignedEnvelope e, String collection) {
        DeliveryResult r = transport().deliver(new Delivery(e, medallion.destination(collection)));
        assertThat(r).as("%s%n%s", r, medallion.output()).isInstanceOf(DeliveryResult.Delivered.class);
    }

    private static ShareState stateAfterPull(TaxiiPuller puller, TaxiiPull.Step expectedLastStep) {
        TaxiiPull pulled = puller.pull();
        assertThat(pulled.rejected()).as(pulled.toString()).isZero();
        assertThat(pulled.orphaned()).isZero();
        assertThat(pulled.entries().get(pulled.entries().size() - 1).step()).isEqualTo(expectedLastStep);
        return puller.shareStates().find(PARTIES.officeId(), SHARE_ID).orElseThrow().state();
    }

    @Test
    void correctionAndRetractionAfterAShareOnTheSameCollectionArePulledBackWithTheRightState() {
        SignedEnvelope share = PARTIES.signedShare();
        SignedEnvelope correction = PARTIES.signedAmendment(SampleData.correction(), share);
        SignedEnvelope retraction = PARTIES.signedAmendment(SampleData.retraction(), share);
        TaxiiCollection life = client.collection(medallion.apiRootUri(), "life");
        TaxiiPuller puller = TaxiiPuller.builder(client, life, PARTIES.companyVerifier())
                .shareStates(ShareStates.inMemory()).build();

        deliver(share, "life");
        deliver(share, "life");
        assertThat(stateAfterPull(puller, TaxiiPull.Step.SHARE)).isEqualTo(ShareState.ACTIVE);

        deliver(correction, "life");
        deliver(correction, "life");   // a retry of the same correction
        assertThat(stateAfterPull(puller, TaxiiPull.Step.CORRECTION)).isEqualTo(ShareState.CORRECTED);
        assertThat(stateAfterPull(puller, TaxiiPull.Step.CORRECTION)).isEqualTo(ShareState.CORRECTED);

        deliver(retraction, "life");
        deliver(retraction, "life");
        assertThat(stateAfterPull(puller, TaxiiPull.Step.RETRACTION)).isEqualTo(ShareState.RETRACTED);
        TaxiiPull again = puller.pull();
        assertThat(again.entries()).extracting(TaxiiPull.Entry::outcome).containsOnly(TaxiiPull.Outcome.UNCHANGED);
        assertThat(again.corrections()).isEqualTo(1);
        assertThat(again.retractions()).isEqualTo(1);

        // A second company process, from scratch: same verdicts, same state.
        TaxiiPuller fresh = TaxiiPuller.builder(client, life, PARTIES.companyVerifier()).build();
        TaxiiPull first = fresh.pull();
        assertThat(first.entries()).extracting(TaxiiPull.Entry::step).containsExactly(TaxiiPull.Step.SHARE,
                TaxiiPull.Step.CORRECTION, TaxiiPull.Step.RETRACTION);
        assertThat(first.rejected()).isZero();
        assertThat(fresh.shareStates().find(PARTIES.officeId(), SHARE_ID).orElseThrow().state())
                .isEqualTo(ShareState.RETRACTED);
        // Readers that ignore amendments still read the share as signed, on medallion too.
        assertThat(TaxiiShares.pullVerified(client, life, SHARE_ID, PARTIES.companyVerifier()).envelopeId())
                .isEqualTo(share.envelopeId());
    }

    @Test
    void aResponseIsPublishedAndReadBackVerifiedAndAForgedOneIsRefused() {
        SignedEnvelope share = PARTIES.signedShare();
        deliver(share, "responses");
        TaxiiCollection responses = client.collection(medallion.apiRootUri(), "responses");
        VerifiedEnvelope received = TaxiiShares.pullVerified(client, responses, SHARE_ID, PARTIES.companyVerifier());
        SignedEnvelope response = PARTIES.companySigner().signResponse(received, ResponseKind.ACKNOWLEDGED,
                Optional.empty());
        deliver(response, "responses");
        deliver(response, "responses");
        SignedEnvelope forged = TestParties.create("forger CA").companySigner().signResponse(received,
                ResponseKind.DECLINED, Optional.of("not really the company"));
        deliver(forged, "responses");

        TaxiiResponses.Pulled pulled = TaxiiResponses.pull(client, responses);
        assertThat(pulled.malformed()).isEmpty();
        assertThat(pulled.responses()).hasSize(2);
        int verified = 0;
        int refused = 0;
        for (PulledResponse p : pulled.responses()) {
            if (p.envelopeId().equals(response.envelopeId())) {
                VerifiedEnvelope v = PARTIES.officeVerifier().verify(p.envelopeBytes());
                p.requireSameAs(v.response().orElseThrow(), v.inReplyTo().orElseThrow(), v.envelopeId(), v.digest());
                assertThat(v.response().orElseThrow().kind()).isEqualTo(ResponseKind.ACKNOWLEDGED);
                assertThat(v.inReplyTo().orElseThrow().envelopeId()).isEqualTo(share.envelopeId());
                verified++;
            } else {
                assertThatThrownBy(() -> PARTIES.officeVerifier().verify(p.envelopeBytes()))
                        .isInstanceOf(EnvelopeException.Rejected.class);
                refused++;
            }
        }
        assertThat(verified).isEqualTo(1);
        assertThat(refused).isEqualTo(1);
    }
}

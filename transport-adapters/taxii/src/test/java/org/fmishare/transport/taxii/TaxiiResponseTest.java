package org.fmishare.transport.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.model.SmcResponse;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestParties;
import org.fmishare.transport.taxii.stix.FmiStixExtension;
import org.fmishare.transport.taxii.stix.PulledResponse;
import org.fmishare.transport.taxii.stix.StixIds;
import org.fmishare.transport.taxii.stix.StixMappingException;
import org.fmishare.transport.taxii.stix.StixMarkings;
import org.fmishare.transport.taxii.stix.StixObject;
import org.fmishare.transport.taxii.stix.StixResponses;
import org.fmishare.transport.taxii.testserver.TaxiiTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Company responses as STIX notes, against the in-process TAXII server: published by the company, read by the office. */
class TaxiiResponseTest {
    static final TestParties PARTIES = TestParties.create("taxii responses CA");
    private static final char[] PASSWORD = "agency-pw".toCharArray();

    TaxiiTestServer server;
    TaxiiClient client;
    TaxiiCollection collection;
    URI destination;
    TaxiiTransport transport;

    @BeforeEach
    void start() {
        server = TaxiiTestServer.builder().collection("shares", "Shares", true, true).user("agency", PASSWORD)
                .start();
        client = TaxiiClient.builder(server.discoveryUri()).basicAuth("agency", PASSWORD).build();
        collection = client.collection(server.apiRootUri(), "shares");
        destination = TaxiiDestination.builder().apiRoot(server.apiRootUri()).collection("shares").build().uri();
        transport = TaxiiTransport.builder().basicAuth("agency", PASSWORD).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The company pulls the share and answers it with its receipt-signing key. */
    private SignedEnvelope companyResponds(SignedEnvelope share, TestParties company) {
        assertThat(transport.deliver(new Delivery(share, destination))).isInstanceOf(DeliveryResult.Delivered.class);
        VerifiedEnvelope received = TaxiiShares.pullVerified(client, collection, SampleData.passingShare().id(),
                PARTIES.companyVerifier());
        return company.companySigner().signResponse(received, ResponseKind.TOOK_INDEPENDENT_ACTION,
                Optional.of("Reviewed under our own policies."));
    }

    @Test
    void aResponseIsPublishedAsANoteOnTheSharesReportAndVerifiedByTheOffice() {
        SignedEnvelope share = PARTIES.signedShare();
        SignedEnvelope response = companyResponds(share, PARTIES);
        DeliveryResult r = transport.deliver(new Delivery(response, destination));
        assertThat(r).as(r.toString()).isInstanceOf(DeliveryResult.Delivered.class);
        // Publishing again (a retry) adds nothing.
        assertThat(transport.deliver(new Delivery(response, destination))).isInstanceOf(
                DeliveryResult.Delivered.class);

        TaxiiResponses.Pulled pulled = TaxiiResponses.pull(client, collection);
        assertThat(pulled.malformed()).isEmpty();
        PulledResponse p = pulled.responses().get(0);
        assertThat(pulled.responses()).hasSize(1);
        StixObject note = client.getObject(collection, p.noteId(), ObjectQuery.all()).get(0);
        assertThat(note.type()).isEqualTo("note");
        assertThat(note.tree().path("object_refs").get(0).asString())
                .isEqualTo(StixIds.reportId(SampleData.passingShare().id()));
        assertThat(note.tree().path("object_marking_refs").get(0).asString())
                .isEqualTo(StixMarkings.tlpMarkingId(SampleData.passingShare().handling()));
        assertThat(note.tree().path("content").asString()).isEqualTo("Reviewed under our own policies.");

        // The office: verify against the receipt certificates, then check the note says what was signed.
        VerifiedEnvelope verified = PARTIES.officeVerifier().verify(p.envelopeBytes());
        SmcResponse signed = verified.response().orElseThrow();
        p.requireSameAs(signed, verified.inReplyTo().orElseThrow(), verified.envelopeId(), verified.digest());
        assertThat(signed.kind()).isEqualTo(ResponseKind.TOOK_INDEPENDENT_ACTION);
        assertThat(verified.inReplyTo().orElseThrow().envelopeId()).isEqualTo(share.envelopeId());
    }

    @Test
    void aResponseSignedWithAKeyTheOfficeDoesNotTrustIsRefusedWithATypedError() {
        SignedEnvelope share = PARTIES.signedShare();
        // Another CA's company key: the signature is fine, the chain is not the office's trust.
        TestParties forger = TestParties.create("forger CA");
        SignedEnvelope forged = companyResponds(share, forger);
        assertThat(transport.deliver(new Delivery(forged, destination))).isInstanceOf(DeliveryResult.Delivered.class);
        PulledResponse p = TaxiiResponses.pull(client, collection).responses().get(0);
        assertThatThrownBy(() -> PARTIES.officeVerifier().verify(p.envelopeBytes()))
                .isInstanceOfSatisfying(EnvelopeException.Rejected.class, e -> assertThat(e.check())
                        .isEqualTo(EnvelopeException.Check.CERTIFICATE_CHAIN));
    }

    @Test
    void aNoteWhoseViewDiffersFromTheSignedResponseIsRefused() {
        SignedEnvelope response = companyResponds(PARTIES.signedShare(), PARTIES);
        StixObject note = StixResponses.note(org.fmishare.transport.taxii.stix.StixResponseInput.of(
                response.content(), response.serialized(), Optional.empty()));
        ObjectNode tampered = note.tree();
        ((ObjectNode) tampered.path("extensions").path(FmiStixExtension.ID).path("response")).put("kind", "DECLINED");
        PulledResponse p = StixResponses.read(StixObject.of(tampered));
        VerifiedEnvelope verified = PARTIES.officeVerifier().verify(p.envelopeBytes());
        assertThatThrownBy(() -> p.requireSameAs(verified.response().orElseThrow(), verified.inReplyTo()
                .orElseThrow(), verified.envelopeId(), verified.digest()))
                .isInstanceOf(StixMappingException.class).hasMessageContaining("response");
    }

    @Test
    void otherProducersNotesArePassedOverAndAMalformedResponseNoteIsListed() {
        client.awaitStatus(server.apiRootUri(), client.addObjects(collection, java.util.List.of(
                StixObject.parse("{\"type\":\"note\",\"spec_version\":\"2.1\",\"id\":\"note--"
                        + java.util.UUID.randomUUID() + "\",\"created\":\"2026-10-02T00:00:00.000Z\",\"modified\":"
                        + "\"2026-10-02T00:00:00.000Z\",\"content\":\"someone else's note\",\"object_refs\":["
                        + "\"identity--" + java.util.UUID.randomUUID() + "\"]}"),
                StixObject.parse("{\"type\":\"note\",\"spec_version\":\"2.1\",\"id\":\"note--"
                        + java.util.UUID.randomUUID() + "\",\"created\":\"2026-10-02T00:00:00.000Z\",\"modified\":"
                        + "\"2026-10-02T00:00:00.000Z\",\"content\":\"x\",\"object_refs\":[\"identity--"
                        + java.util.UUID.randomUUID() + "\"],\"extensions\":{\"" + FmiStixExtension.ID + "\":{"
                        + "\"extension_type\":\"property-extension\",\"response\":{\"id\":\"r-1\"}}}}"))).id());
        TaxiiResponses.Pulled pulled = TaxiiResponses.pull(client, collection);
        assertThat(pulled.responses()).isEmpty();
        assertThat(pulled.malformed()).singleElement().satisfies(e -> assertThat(e.property())
                .contains("response"));
    }
}

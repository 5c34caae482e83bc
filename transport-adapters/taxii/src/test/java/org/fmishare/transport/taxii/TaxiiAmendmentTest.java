package org.fmishare.transport.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.ShareState;
import org.fmishare.core.envelope.ShareStates;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.delivery.CompanyRecord;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestParties;
import org.fmishare.transport.taxii.stix.StixIds;
import org.fmishare.transport.taxii.stix.StixMarkings;
import org.fmishare.transport.taxii.stix.StixObject;
import org.fmishare.transport.taxii.testserver.StoredObject;
import org.fmishare.transport.taxii.testserver.TaxiiTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrections and retractions over TAXII, against the in-process TAXII server: published through the outbox to the
 * collection the share went to, as new versions of the share's objects, and pulled back into share states.
 */
class TaxiiAmendmentTest {
    static final TestParties PARTIES = TestParties.create("taxii amendments CA");
    private static final char[] PASSWORD = "agency-pw".toCharArray();
    private static final String SHARE_ID = SampleData.passingShare().id();

    @TempDir
    Path dir;
    TaxiiTestServer server;
    TaxiiClient client;
    TaxiiCollection collection;
    URI destination;

    @BeforeEach
    void start() {
        server = TaxiiTestServer.builder().collection("shares", "Shares", true, true).user("agency", PASSWORD)
                .start();
        client = TaxiiClient.builder(server.discoveryUri()).basicAuth("agency", PASSWORD).build();
        collection = client.collection(server.apiRootUri(), "shares");
        destination = TaxiiDestination.builder().apiRoot(server.apiRootUri()).collection("shares").build().uri();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Dispatcher dispatcher(FileJournalStore store) {
        return Dispatcher.builder().store(store)
                .company(CompanyRecord.upTo(PARTIES.companyId(), TlpMarking.AMBER))
                .transport(TaxiiTransport.builder().basicAuth("agency", PASSWORD).build())
                .backoff(Duration.ofMillis(10), Duration.ofMillis(200)).maxAttempts(5).build().start();
    }

    private TaxiiPuller puller(ShareStates states) {
        return TaxiiPuller.builder(client, collection, PARTIES.companyVerifier()).shareStates(states).build();
    }

    /** The latest stored version of each object id. */
    private Map<String, StixObject> latest() {
        Map<String, StixObject> out = new HashMap<>();
        for (StoredObject s : server.storedObjects("shares")) {
            StixObject o = StixObject.parse(s.json());
            out.merge(o.id(), o, (a, b) -> b.modified().orElse("").compareTo(a.modified().orElse("")) > 0 ? b : a);
        }
        return out;
    }

    private long versionsOf(String id) {
        return server.storedObjects("shares").stream().filter(s -> s.id().equals(id)).count();
    }

    @Test
    void correctionGoesThroughTheOutboxAsNewVersionsAndThePullerShowsTheShareCorrected() throws Exception {
        SignedEnvelope share = PARTIES.signedShare();
        SignedEnvelope correction = PARTIES.signedAmendment(SampleData.correction(), share);
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("outbox.journal"));
                Dispatcher d = dispatcher(store)) {
            d.submit(share, destination);
            assertThat(d.awaitIdle(Duration.ofMinutes(2))).isTrue();
            assertThat(d.submitAmendment(correction)).isTrue();
            assertThat(d.awaitIdle(Duration.ofMinutes(2))).isTrue();
            assertThat(d.status(correction.envelopeId()).orElseThrow().state()).as(d.status(correction.envelopeId())
                    .toString()).isEqualTo(OutboxState.DELIVERED);
        }
        String reportId = StixIds.reportId(SHARE_ID);
        assertThat(versionsOf(reportId)).isEqualTo(2);
        Map<String, StixObject> latest = latest();
        StixObject report = latest.get(reportId);
        assertThat(report.tree().path("revoked").asBoolean(false)).isFalse();
        assertThat(report.created()).isEqualTo(StixObject.parse(server.storedObjects("shares").stream()
                .filter(s -> s.id().equals(reportId)).findFirst().orElseThrow().json()).created());
        // The account found to belong to a U.S. person: its link to the actor is revoked, the observable untouched.
        Set<String> refs = new java.util.HashSet<>();
        report.tree().path("object_refs").forEach(n -> refs.add(n.asString()));
        List<StixObject> revoked = latest.values().stream().filter(o -> o.tree().path("revoked").asBoolean(false))
                .toList();
        assertThat(revoked).isNotEmpty().allSatisfy(o -> {
            assertThat(refs).doesNotContain(o.id());
            assertThat(o.modified()).isEqualTo(report.modified());
        });
        assertThat(revoked).extracting(StixObject::type).contains("relationship");

        ShareStates states = ShareStates.inMemory();
        TaxiiPull first = puller(states).pull();
        assertThat(first.entries()).extracting(TaxiiPull.Entry::step, TaxiiPull.Entry::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TaxiiPull.Step.SHARE, TaxiiPull.Outcome.APPLIED),
                org.assertj.core.groups.Tuple.tuple(TaxiiPull.Step.CORRECTION, TaxiiPull.Outcome.APPLIED));
        assertThat(first.corrections()).isEqualTo(1);
        assertThat(states.find(PARTIES.officeId(), SHARE_ID).orElseThrow().state()).isEqualTo(ShareState.CORRECTED);
        assertThat(first.entries().get(1).envelope().orElseThrow().amendment().orElseThrow().correctedShare())
                .contains(SampleData.correction().correctedShare().orElseThrow());
        // Readers that ignore amendments still get the share as signed.
        assertThat(TaxiiShares.pullVerified(client, collection, SHARE_ID, PARTIES.companyVerifier()).envelopeId())
                .isEqualTo(share.envelopeId());
    }

    @Test
    void retractionRevokesTheSharesObjectsButNotIdentitiesMarkingsOrAccounts() throws Exception {
        SignedEnvelope share = PARTIES.signedShare();
        SignedEnvelope retraction = PARTIES.signedAmendment(SampleData.retraction(), share);
        TaxiiTransport transport = TaxiiTransport.builder().basicAuth("agency", PASSWORD).build();
        assertThat(transport.deliver(new Delivery(share, destination))).isInstanceOf(DeliveryResult.Delivered.class);
        Map<String, StixObject> before = latest();
        DeliveryResult r = transport.deliver(new Delivery(retraction, destination));
        assertThat(r).as(r.toString()).isInstanceOf(DeliveryResult.Delivered.class);
        // A retry of the same retraction adds nothing new.
        int stored = server.storedObjects("shares").size();
        assertThat(transport.deliver(new Delivery(retraction, destination))).isInstanceOf(
                DeliveryResult.Delivered.class);
        assertThat(server.storedObjects("shares")).hasSize(stored);

        Map<String, StixObject> after = latest();
        String reportId = StixIds.reportId(SHARE_ID);
        String version = after.get(reportId).modified().orElseThrow();
        for (StixObject o : after.values()) {
            boolean revoked = o.tree().path("revoked").asBoolean(false);
            switch (o.type()) {
                case "identity", "marking-definition", "user-account" -> {
                    assertThat(revoked).as(o.id()).isFalse();
                    assertThat(o).as(o.id()).isEqualTo(before.get(o.id()));
                }
                default -> {
                    assertThat(revoked).as(o.id() + " " + o.type()).isTrue();
                    assertThat(o.modified()).as(o.id()).contains(version);
                    assertThat(o.created()).isEqualTo(before.get(o.id()).created());
                }
            }
        }
        assertThat(after.get(StixMarkings.tlpMarkingId(SampleData.passingShare().handling()))).isNotNull();

        ShareStates states = ShareStates.inMemory();
        TaxiiPuller puller = puller(states);
        TaxiiPull first = puller.pull();
        assertThat(first.retractions()).isEqualTo(1);
        assertThat(first.rejected()).isZero();
        assertThat(states.find(PARTIES.officeId(), SHARE_ID).orElseThrow().state()).isEqualTo(ShareState.RETRACTED);
        // The same puller again: nothing verified twice (no replay), nothing changes.
        TaxiiPull second = puller.pull();
        assertThat(second.entries()).extracting(TaxiiPull.Entry::outcome).containsOnly(TaxiiPull.Outcome.UNCHANGED);
        assertThat(second.retractions()).isEqualTo(1);
        assertThat(states.all()).hasSize(1);
        assertThat(states.find(PARTIES.officeId(), SHARE_ID).orElseThrow().state()).isEqualTo(ShareState.RETRACTED);
    }

    @Test
    void correctionThenRetractionPulledAgainByAnotherProcessLeavesTheStateAsItWas() {
        SignedEnvelope share = PARTIES.signedShare();
        SignedEnvelope correction = PARTIES.signedAmendment(SampleData.correction(), share);
        SignedEnvelope retraction = PARTIES.signedAmendment(SampleData.retraction(), share);
        TaxiiTransport transport = TaxiiTransport.builder().basicAuth("agency", PASSWORD).build();
        for (SignedEnvelope e : List.of(share, correction, retraction)) {
            DeliveryResult r = transport.deliver(new Delivery(e, destination));
            assertThat(r).as(r.toString()).isInstanceOf(DeliveryResult.Delivered.class);
        }
        Path file = dir.resolve("share-states.jsonl");
        TaxiiPull first = puller(ShareStates.file(file)).pull();
        assertThat(first.entries()).extracting(TaxiiPull.Entry::step).containsExactly(TaxiiPull.Step.SHARE,
                TaxiiPull.Step.CORRECTION, TaxiiPull.Step.RETRACTION);
        assertThat(first.applied()).isEqualTo(3);
        // A fresh verifier and the states read back from the file, as a second run of the command line would.
        ShareStates reopened = ShareStates.file(file);
        TaxiiPull second = puller(reopened).pull();
        assertThat(second.entries()).extracting(TaxiiPull.Entry::outcome).containsOnly(TaxiiPull.Outcome.UNCHANGED);
        assertThat(second.corrections()).isEqualTo(1);
        assertThat(second.retractions()).isEqualTo(1);
        assertThat(reopened.find(PARTIES.officeId(), SHARE_ID).orElseThrow().state())
                .isEqualTo(ShareState.RETRACTED);
        // A retraction is final: a correction sent after it is refused by the transport, nothing is published.
        int stored = server.storedObjects("shares").size();
        SignedEnvelope late = PARTIES.signedAmendment(SampleData.correction(), share);
        DeliveryResult r = transport.deliver(new Delivery(late, destination));
        assertThat(r).isInstanceOf(DeliveryResult.PermanentFailure.class);
        assertThat(((DeliveryResult.PermanentFailure) r).reason()).contains("already retracted");
        assertThat(server.storedObjects("shares")).hasSize(stored);
    }

    @Test
    void anAmendmentWhoseShareIsNotInTheCollectionYetIsRetried() {
        SignedEnvelope share = PARTIES.signedShare();
        DeliveryResult r = TaxiiTransport.builder().basicAuth("agency", PASSWORD).build().deliver(new Delivery(
                PARTIES.signedAmendment(SampleData.retraction(), share), destination));
        assertThat(r).isInstanceOf(DeliveryResult.RetryableFailure.class);
        assertThat(((DeliveryResult.RetryableFailure) r).reason()).contains(SHARE_ID).contains("not in collection");
        assertThat(server.storedObjects("shares")).isEmpty();
    }

    @Test
    void aCorrectionWhoseShareVersionIsGoneIsReportedOrphaned() {
        SignedEnvelope share = PARTIES.signedShare();
        SignedEnvelope correction = PARTIES.signedAmendment(SampleData.correction(), share);
        TaxiiTransport transport = TaxiiTransport.builder().basicAuth("agency", PASSWORD).build();
        assertThat(transport.deliver(new Delivery(share, destination))).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(transport.deliver(new Delivery(correction, destination)))
                .isInstanceOf(DeliveryResult.Delivered.class);
        String reportId = StixIds.reportId(SHARE_ID);
        List<StixObject> versions = client.getObject(collection, reportId, ObjectQuery.builder().matchVersion("first")
                .build());
        client.deleteObject(collection, reportId, ObjectQuery.builder().matchVersion(versions.get(0).modified()
                .orElseThrow()).build());

        ShareStates states = ShareStates.inMemory();
        TaxiiPull pulled = puller(states).pull();
        assertThat(pulled.entries()).singleElement().satisfies(e -> {
            assertThat(e.step()).isEqualTo(TaxiiPull.Step.CORRECTION);
            assertThat(e.outcome()).isEqualTo(TaxiiPull.Outcome.ORPHANED);
            assertThat(e.problem().orElseThrow()).contains("has not received");
        });
        assertThat(pulled.orphaned()).isEqualTo(1);
        assertThat(states.all()).isEmpty();
    }

    @Test
    void aCorrectionSignedByAKeyTheCompanyDoesNotTrustIsRejectedAndChangesNothing() {
        SignedEnvelope share = PARTIES.signedShare();
        TestParties stranger = TestParties.create("stranger CA");
        TaxiiTransport transport = TaxiiTransport.builder().basicAuth("agency", PASSWORD).build();
        assertThat(transport.deliver(new Delivery(share, destination))).isInstanceOf(DeliveryResult.Delivered.class);
        SignedEnvelope forged = stranger.signedAmendment(SampleData.retraction(), share);
        assertThat(transport.deliver(new Delivery(forged, destination))).isInstanceOf(DeliveryResult.Delivered.class);

        ShareStates states = ShareStates.inMemory();
        EnvelopeVerifier verifier = PARTIES.companyVerifier();
        TaxiiPull pulled = TaxiiPuller.builder(client, collection, verifier).shareStates(states).build().pull();
        assertThat(pulled.entries()).extracting(TaxiiPull.Entry::step, TaxiiPull.Entry::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TaxiiPull.Step.SHARE, TaxiiPull.Outcome.APPLIED),
                org.assertj.core.groups.Tuple.tuple(TaxiiPull.Step.RETRACTION, TaxiiPull.Outcome.REJECTED));
        assertThat(pulled.rejectedShares()).containsExactly(SHARE_ID);
        assertThat(states.find(PARTIES.officeId(), SHARE_ID).orElseThrow().state()).isEqualTo(ShareState.ACTIVE);
    }
}

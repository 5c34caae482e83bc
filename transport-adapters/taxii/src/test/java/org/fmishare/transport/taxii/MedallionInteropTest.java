package org.fmishare.transport.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.disclosure.ClauseCatalog;
import org.fmishare.disclosure.MessageKind;
import org.fmishare.testkit.SampleData;
import org.fmishare.transport.taxii.medallion.MedallionServer;
import org.fmishare.transport.taxii.stix.FmiStixExtension;
import org.fmishare.transport.taxii.stix.StixBundle;
import org.fmishare.transport.taxii.stix.StixIds;
import org.fmishare.transport.taxii.stix.StixObject;
import org.fmishare.transport.taxii.stix.StixShareInput;
import org.fmishare.transport.taxii.stix.StixShareMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client and transport against the OASIS reference TAXII 2.1 server (medallion 3.0.0, memory back-end), one
 * test per break that issue 18 found when medallion was pointed at what the SDK publishes. Each test uses its own
 * collection, so they do not depend on each other's order.
 */
class MedallionInteropTest {
    private static final String USER = "agency";
    private static final String PASSWORD = "agency-pw";
    private static MedallionServer medallion;
    private static TaxiiClient client;

    @BeforeAll
    static void start() throws Exception {
        medallion = MedallionServer.start(USER, PASSWORD, 100,
                List.of("plain", "definitions", "twice", "retry", "resign", "paging", "reviewed"));
        client = TaxiiClient.builder(medallion.discoveryUri()).basicAuth(USER, PASSWORD.toCharArray()).build();
    }

    @AfterAll
    static void stop() {
        if (medallion != null) {
            medallion.close();
        }
    }

    private static TaxiiCollection collection(String id) {
        return client.collection(medallion.apiRootUri(), id);
    }

    private static SignedEnvelope sign(ThreatShare share, Clock clock) {
        return EnvelopeSigner.builder(TaxiiTransportTest.SENDER, "fitf").clock(clock).build()
                .sign(new EnvelopeBody.Share(share), TaxiiTransportTest.PASS,
                        ClauseCatalog.english().mandatoryFor(MessageKind.THREAT_SHARE));
    }

    private static SignedEnvelope sign(ThreatShare share) {
        return sign(share, Clock.systemUTC());
    }

    private static StixShareInput input(SignedEnvelope e) {
        EnvelopeBody.Share body = (EnvelopeBody.Share) e.content().body();
        return new StixShareInput(body.share(), e.content().disclosures(), e.content().compliance().orElseThrow(),
                e.envelopeId(), e.digest(), new String(e.serialized(), StandardCharsets.UTF_8), e.issuedAt());
    }

    private static EnvelopeVerifier verifier() {
        return EnvelopeVerifier.builder().trustAnchor(TaxiiTransportTest.CA.certificate())
                .expectedRecipient("smc-examplesocial").build();
    }

    private static TaxiiTransport transport() {
        return TaxiiTransport.builder().basicAuth(USER, PASSWORD.toCharArray()).build();
    }

    // 1. ------------------------------------------------------------------------------------------------------

    @Test
    void aPlainReadOfTheCollectionSucceedsAfterPublishing() {
        TaxiiCollection plain = collection("plain");
        SignedEnvelope envelope = sign(SampleData.passingShare());
        assertThat(transport().deliver(new Delivery(envelope, medallion.destination("plain"))))
                .isInstanceOf(DeliveryResult.Delivered.class);

        List<StixObject> all = client.fetchObjects(plain, ObjectQuery.all());
        assertThat(all).extracting(StixObject::id).contains(StixIds.reportId(SampleData.passingShare().id()))
                .doesNotContain(FmiStixExtension.ID);
        assertThat(TaxiiShares.pullVerified(client, plain, SampleData.passingShare().id(), verifier()).envelopeId())
                .isEqualTo(envelope.envelopeId());
    }

    @Test
    void theExtensionDefinitionGoesOnceToTheCollectionTheEmbedderChooses() {
        TaxiiCollection definitions = collection("definitions");
        PublishResult published = TaxiiShares.publishExtensionDefinition(client, definitions);
        assertThat(published.delivered()).isTrue();
        assertThat(published.outcomes()).extracting(ObjectOutcome::id)
                .containsExactly(FmiStixExtension.AUTHOR_IDENTITY_ID, FmiStixExtension.ID);
        assertThat(client.getObject(definitions, FmiStixExtension.AUTHOR_IDENTITY_ID, ObjectQuery.all()))
                .extracting(StixObject::tree).containsExactly(FmiStixExtension.authorIdentity().tree());
        assertThat(FmiStixExtension.definition().tree().get("version").asString()).isEqualTo("1.1.0");
        // Why it is kept out of share collections: medallion cannot list a collection holding it.
        assertThatThrownBy(() -> client.fetchObjects(definitions, ObjectQuery.all()))
                .isInstanceOfSatisfying(TaxiiException.HttpError.class, e -> assertThat(e.status()).isEqualTo(500));
    }

    @Test
    void aReviewedSharesApprovalComesBackFromMedallionInTheStixViewAndVerified() {
        TaxiiCollection reviewed = collection("reviewed");
        SignedEnvelope envelope = TaxiiTransportTest.reviewed();
        assertThat(transport().deliver(new Delivery(envelope, medallion.destination("reviewed"))))
                .isInstanceOf(DeliveryResult.Delivered.class);
        String shareId = SampleData.passingShare().id();
        assertThat(TaxiiShares.pull(client, reviewed, shareId).compliance())
                .isEqualTo(envelope.content().compliance().orElseThrow());
        VerifiedEnvelope verified = TaxiiShares.pullVerified(client, reviewed, shareId,
                TaxiiTransportTest.reviewedVerifier());
        assertThat(verified.compliance().orElseThrow().review()).isEqualTo(envelope.content().compliance()
                .orElseThrow().review()).isPresent();
        assertThat(verified.reviewDecision().orElseThrow().reviewerId()).isEqualTo("fitf-reviewer");
    }

    // 2. ------------------------------------------------------------------------------------------------------

    @Test
    void twoSharesToTheSameCollectionAreBothDeliveredAndARedeliveryToo() {
        TaxiiTransport transport = transport();
        ThreatShare second = SampleData.passingShare().toBuilder().id("share-2026-0002").build();
        SignedEnvelope first = sign(SampleData.passingShare());
        SignedEnvelope other = sign(second);
        for (SignedEnvelope e : List.of(first, other, first)) {
            DeliveryResult r = transport.deliver(new Delivery(e, medallion.destination("twice")));
            assertThat(r).as(r.toString()).isInstanceOf(DeliveryResult.Delivered.class);
        }
        TaxiiCollection twice = collection("twice");
        assertThat(TaxiiShares.pullVerified(client, twice, "share-2026-0002", verifier()).envelopeId())
                .isEqualTo(other.envelopeId());
    }

    @Test
    void aRetryAfterAPartialAddSucceeds() {
        TaxiiCollection retry = collection("retry");
        SignedEnvelope envelope = sign(SampleData.passingShare());
        StixBundle bundle = StixShareMapper.standard().toBundle(input(envelope));
        List<StixObject> objects = bundle.objects();
        // The first attempt stored about half the objects before it broke off.
        TaxiiStatus partial = client.awaitStatus(medallion.apiRootUri(),
                client.addObjects(retry, objects.subList(0, objects.size() / 2)).id());
        assertThat(partial.successCount()).isEqualTo(objects.size() / 2);

        PublishResult again = TaxiiShares.publish(client, retry, input(envelope));
        assertThat(again.failures()).isEmpty();
        assertThat(again.delivered()).isTrue();
        assertThat(again.outcomes()).hasSize(objects.size()).allMatch(o -> o.attempts() == 1);
        assertThat(TaxiiShares.pullVerified(client, retry, SampleData.passingShare().id(), verifier()).envelopeId())
                .isEqualTo(envelope.envelopeId());
    }

    @Test
    void changedContentUnderAnExistingVersionIsNotDelivered() {
        TaxiiCollection retry = collection("retry");
        StixObject stored = StixObject.parse("{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"identity--"
                + "0b5f4e3c-1d2a-4e6f-8a9b-0c1d2e3f4a5b\",\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":"
                + "\"2026-01-01T00:00:00.000Z\",\"name\":\"first\"}");
        assertThat(client.publish(retry, List.of(stored)).delivered()).isTrue();
        ObjectNode changed = stored.tree().deepCopy();
        changed.put("name", "second");
        PublishResult r = client.publish(retry, List.of(StixObject.of(changed)));
        assertThat(r.delivered()).as("the stored object has other content under the same id and modified")
                .isFalse();
    }

    // 3. ------------------------------------------------------------------------------------------------------

    @Test
    void reSigningTheSameShareChangesOnlyTheReportAndGivesItANewVersion() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SignedEnvelope earlier = sign(SampleData.passingShare(), Clock.fixed(now.minusSeconds(20), ZoneOffset.UTC));
        SignedEnvelope later = sign(SampleData.passingShare(), Clock.fixed(now.minusSeconds(10), ZoneOffset.UTC));
        List<StixObject> a = StixShareMapper.standard().toBundle(input(earlier)).objects();
        List<StixObject> b = StixShareMapper.standard().toBundle(input(later)).objects();
        Map<String, StixObject> byVersion = new HashMap<>();
        a.forEach(o -> byVersion.put(o.id() + "|" + o.version().orElse(""), o));
        int same = 0;
        for (StixObject o : b) {
            StixObject twin = byVersion.get(o.id() + "|" + o.version().orElse(""));
            if (twin != null) {
                same++;
                assertThat(o.tree()).as("same id and modified must mean same content: " + o.id())
                        .isEqualTo(twin.tree());
            }
        }
        String reportId = StixIds.reportId(SampleData.passingShare().id());
        assertThat(same).isEqualTo(a.size() - 1);
        StixObject reportA = a.stream().filter(o -> o.id().equals(reportId)).findFirst().orElseThrow();
        StixObject reportB = b.stream().filter(o -> o.id().equals(reportId)).findFirst().orElseThrow();
        assertThat(reportB.modified().orElseThrow()).isGreaterThan(reportA.modified().orElseThrow());

        TaxiiCollection resign = collection("resign");
        assertThat(TaxiiShares.publish(client, resign, input(earlier)).delivered()).isTrue();
        assertThat(TaxiiShares.publish(client, resign, input(later)).delivered()).isTrue();
        assertThat(client.versions(resign, reportId, ObjectQuery.all()).versions()).hasSize(2);
        VerifiedEnvelope pulled = TaxiiShares.pullVerified(client, resign, SampleData.passingShare().id(),
                verifier());
        assertThat(pulled.envelopeId()).as("the newest version wins").isEqualTo(later.envelopeId());
    }

    // 5. ------------------------------------------------------------------------------------------------------

    @Test
    void pagesThroughMoreThanOnePageAtPageSize100() {
        TaxiiCollection paging = collection("paging");
        List<StixObject> objects = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            objects.add(StixObject.parse("{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"identity--"
                    + StixIds.uuid5(StixIds.FMI_NAMESPACE, "paging|" + i) + "\",\"created\":"
                    + "\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\",\"name\":\"identity "
                    + i + "\"}"));
        }
        assertThat(client.publish(paging, objects).delivered()).isTrue();

        Set<String> ids = new HashSet<>();
        List<StixObject> read = new ArrayList<>();
        PollResult r = client.forEachObject(paging, ObjectQuery.builder().limit(100).build(), o -> {
            read.add(o);
            ids.add(o.id());
        });
        assertThat(r.pages()).isEqualTo(3);
        assertThat(read).hasSize(250);
        assertThat(ids).hasSize(250);
    }
}

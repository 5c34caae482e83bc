package org.fmishare.transport.taxii;

import org.fmishare.core.model.TlpMarking;
import org.fmishare.delivery.CompanyRecord;
import static org.assertj.core.api.Assertions.assertThat;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.ReviewApproval;
import org.fmishare.core.compliance.ReviewDecision;
import org.fmishare.core.envelope.ReviewSigner;
import org.fmishare.core.envelope.ReviewerTrust;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.testkit.SampleData;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.disclosure.ClauseCatalog;
import org.fmishare.disclosure.MessageKind;
import org.fmishare.transport.taxii.testserver.TaxiiTestServer;
import org.fmishare.transport.taxii.stix.FmiStixExtension;
import org.fmishare.transport.taxii.stix.PulledShare;
import org.fmishare.transport.taxii.stix.StixIds;
import org.fmishare.transport.taxii.stix.StixMappingException;
import org.fmishare.transport.taxii.stix.StixShareInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TAXII transport through the dispatcher to a real loopback TAXII endpoint, then a verified pull. */
class TaxiiTransportTest {
    static final char[] PASSWORD = "agency-pw".toCharArray();
    static final org.fmishare.testkit.TestPki.Authority CA = org.fmishare.testkit.TestPki.authority("taxii CA");
    static final SigningCredential SENDER = CA.issueEnvelopeSigner("fitf", "FITF signer", KeyAlgorithm.EC_P256);
    static final ComplianceSummary PASS = new ComplianceSummary(Verdict.PASS, SampleData.RULE_SET_ID, "1.0.0",
            Disclosure.digestOf("report"));

    @TempDir
    Path dir;

    static SignedEnvelope signed() {
        return EnvelopeSigner.builder(SENDER, "fitf").build().sign(new EnvelopeBody.Share(SampleData.passingShare()), PASS,
                ClauseCatalog.english().mandatoryFor(MessageKind.THREAT_SHARE));
    }

    static URI destination(TaxiiTestServer server, String collection) {
        return TaxiiDestination.builder().apiRoot(server.apiRootUri()).collection(collection).build().uri();
    }

    private Dispatcher dispatcher(FileJournalStore store, TaxiiTransport transport) {
        return Dispatcher.builder().store(store).company(CompanyRecord.upTo(SampleData.company().id(), TlpMarking.AMBER)).transport(transport)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(100)).maxAttempts(3).build().start();
    }

    @Test
    void publishesThroughTheOutboxAndPullsBackAVerifiedShare() throws Exception {
        try (TaxiiTestServer server = TaxiiTestServer.builder().collection("shares", "Shares", true, true)
                .user("agency", PASSWORD).start();
                FileJournalStore store = FileJournalStore.open(dir.resolve("outbox"))) {
            TaxiiTransport transport = TaxiiTransport.builder().basicAuth("agency", PASSWORD).build();
            SignedEnvelope envelope = signed();
            try (Dispatcher d = dispatcher(store, transport)) {
                d.submit(envelope, destination(server, "shares"));
                assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
                assertThat(d.status(envelope.envelopeId()).orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
            }
            TaxiiClient client = TaxiiClient.builder(server.discoveryUri()).basicAuth("agency", PASSWORD).build();
            TaxiiCollection shares = client.collection(server.apiRootUri(), "shares");
            VerifiedEnvelope verified = TaxiiShares.pullVerified(client, shares, "share-2026-0001",
                    EnvelopeVerifier.builder().trustAnchor(CA.certificate()).expectedRecipient("smc-examplesocial")
                            .build());
            assertThat(verified.share()).contains(SampleData.passingShare());
            assertThat(verified.envelopeId()).isEqualTo(envelope.envelopeId());
        }
    }

    @Test
    void wrongCredentialsAndUnknownCollectionsAreDeadLetters() throws Exception {
        try (TaxiiTestServer server = TaxiiTestServer.builder().collection("shares", "Shares", true, true)
                .user("agency", PASSWORD).start();
                FileJournalStore store = FileJournalStore.open(dir.resolve("outbox"))) {
            TaxiiTransport transport = TaxiiTransport.builder().basicAuth("agency", "wrong".toCharArray()).build();
            SignedEnvelope envelope = signed();
            try (Dispatcher d = dispatcher(store, transport)) {
                d.submit(envelope, destination(server, "shares"));
                assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
                assertThat(d.deadLetters()).singleElement().satisfies(e ->
                        assertThat(e.lastError().orElseThrow()).contains("permanent").contains("401"));
            }
        }
    }

    @Test
    void publishesTheSignedShareItIsHandedWithoutAnyVerifierConfigured() throws Exception {
        try (TaxiiTestServer server = TaxiiTestServer.builder().collection("shares", "Shares", true, true).start();
                TaxiiTransport transport = TaxiiTransport.builder().build()) {
            SignedEnvelope envelope = signed();
            assertThat(transport.deliver(new Delivery(envelope, destination(server, "shares"))))
                    .isInstanceOf(DeliveryResult.Delivered.class);
            TaxiiClient client = TaxiiClient.builder(server.discoveryUri()).build();
            VerifiedEnvelope pulled = TaxiiShares.pullVerified(client,
                    client.collection(server.apiRootUri(), "shares"), "share-2026-0001",
                    EnvelopeVerifier.builder().trustAnchor(CA.certificate()).expectedRecipient("smc-examplesocial")
                            .build());
            assertThat(pulled.body()).isEqualTo(envelope.content().body());
        }
    }

    static final SigningCredential REVIEWER = CA.issueReviewer("fitf-reviewer", "FITF reviewer",
            KeyAlgorithm.EC_P256);
    static final ReviewerTrust REVIEWERS = ReviewerTrust.builder().trustAnchor(CA.certificate())
            .reviewer("fitf-reviewer", java.util.List.of("fitf")).build();
    static final ComplianceSummary NEEDS_REVIEW = new ComplianceSummary(Verdict.NEEDS_REVIEW,
            SampleData.RULE_SET_ID, "1.0.0", Disclosure.digestOf("a report with a REVIEW finding"));

    /** The reviewer's signed approval of the sample share's one REVIEW finding, with the reason given. */
    static ReviewApproval approval(String reason) {
        EnvelopeBody.Share subject = new EnvelopeBody.Share(SampleData.passingShare());
        return ReviewSigner.of(REVIEWER).sign(new ReviewDecision(SampleData.passingShare().id(),
                ReviewSigner.contentDigest(subject), NEEDS_REVIEW.reportDigest(), java.util.List.of(
                        new ReviewDecision.FindingDecision("P1-US-PERSON-GUARD@$.accounts[0]", "P1-US-PERSON-GUARD",
                                ReviewDecision.Outcome.APPROVED, reason)),
                "fitf-reviewer", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    }

    /** The sample share signed as NEEDS_REVIEW with a reviewer's approval. */
    static SignedEnvelope reviewed() {
        return EnvelopeSigner.builder(SENDER, "fitf").reviewerTrust(REVIEWERS).build().sign(
                new EnvelopeBody.Share(SampleData.passingShare()),
                NEEDS_REVIEW.withReview(approval("A foreign national's account.")),
                ClauseCatalog.english().mandatoryFor(MessageKind.THREAT_SHARE));
    }

    /** The company's verifier, trusting the FITF's reviewer. */
    static EnvelopeVerifier reviewedVerifier() {
        return EnvelopeVerifier.builder().trustAnchor(CA.certificate()).expectedRecipient("smc-examplesocial")
                .reviewerTrust(REVIEWERS).build();
    }

    /** The STIX view of a signed share, as the transport maps it. */
    static StixShareInput input(SignedEnvelope e) {
        return new StixShareInput(((EnvelopeBody.Share) e.content().body()).share(), e.content().disclosures(),
                e.content().compliance().orElseThrow(), e.envelopeId(), e.digest(),
                new String(e.serialized(), java.nio.charset.StandardCharsets.UTF_8), e.issuedAt());
    }

    @Test
    void aReviewedShareIsPulledBackVerifiedWithItsApprovalInTheStixView() throws Exception {
        SignedEnvelope envelope = reviewed();
        ComplianceSummary signed = envelope.content().compliance().orElseThrow();
        try (TaxiiTestServer server = TaxiiTestServer.builder().collection("shares", "Shares", true, true).start();
                TaxiiTransport transport = TaxiiTransport.builder().build()) {
            assertThat(transport.deliver(new Delivery(envelope, destination(server, "shares"))))
                    .isInstanceOf(DeliveryResult.Delivered.class);
            TaxiiClient client = TaxiiClient.builder(server.discoveryUri()).build();
            TaxiiCollection shares = client.collection(server.apiRootUri(), "shares");
            // A STIX-only reader (no envelope verification) sees who approved, when, and the reasons' digest.
            PulledShare stix = TaxiiShares.pull(client, shares, "share-2026-0001");
            assertThat(stix.compliance()).isEqualTo(signed);
            assertThat(stix.compliance().review()).isPresent();
            tools.jackson.databind.JsonNode review = client.getObject(shares, StixIds.reportId("share-2026-0001"),
                    ObjectQuery.all()).get(0).tree().path("extensions").path(FmiStixExtension.ID)
                    .path("compliance").path("review");
            assertThat(review.path("reviewer_id").asString()).isEqualTo("fitf-reviewer");
            assertThat(review.path("reasons_digest").asString()).isEqualTo(signed.review().orElseThrow()
                    .reasonsDigest());
            assertThat(review.path("decided_at").asString()).isEqualTo(signed.review().orElseThrow().decidedAt()
                    .toString());
            VerifiedEnvelope pulled = TaxiiShares.pullVerified(client, shares, "share-2026-0001",
                    reviewedVerifier());
            assertThat(pulled.reviewDecision().orElseThrow().reviewerId()).isEqualTo("fitf-reviewer");
            assertThat(pulled.compliance()).contains(stix.compliance());
        }
    }

    /** Rewrites the signed summary for the STIX view, given its approval and another genuine one. */
    @FunctionalInterface
    interface Alteration {
        ComplianceSummary apply(ComplianceSummary signed, ReviewApproval a, ReviewApproval other);
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> alteredApprovals() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("approval left out", "review",
                        (Alteration) (c, a, other) -> c.withoutReview()),
                org.junit.jupiter.params.provider.Arguments.of("another reviewer named", "review.reviewer_id",
                        (Alteration) (c, a, other) -> c.withReview(new ReviewApproval("fitf-chief-reviewer",
                                a.decidedAt(), a.reasonsDigest(), a.decision()))),
                org.junit.jupiter.params.provider.Arguments.of("decision time moved", "review.decided_at",
                        (Alteration) (c, a, other) -> c.withReview(new ReviewApproval(a.reviewerId(),
                                a.decidedAt().minusSeconds(86_400), a.reasonsDigest(), a.decision()))),
                org.junit.jupiter.params.provider.Arguments.of("other reasons' digest", "review.reasons_digest",
                        (Alteration) (c, a, other) -> c.withReview(new ReviewApproval(a.reviewerId(),
                                a.decidedAt(), other.reasonsDigest(), a.decision()))),
                org.junit.jupiter.params.provider.Arguments.of("another signed decision", "review.decision",
                        (Alteration) (c, a, other) -> c.withReview(new ReviewApproval(a.reviewerId(),
                                a.decidedAt(), a.reasonsDigest(), other.decision()))));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("alteredApprovals")
    void aStixViewWhoseApprovalDiffersFromTheSignedOneIsRefusedNamingTheProperty(String name, String property,
            Alteration alteration) throws Exception {
        SignedEnvelope envelope = reviewed();
        StixShareInput honest = input(envelope);
        ReviewApproval approval = honest.compliance().review().orElseThrow();
        ComplianceSummary altered = alteration.apply(honest.compliance(), approval,
                approval("Another reason altogether."));
        assertThat(altered).as("the alteration changes the summary").isNotEqualTo(honest.compliance());
        // The STIX objects are rewritten around the genuine signed envelope: only the approval in the view differs.
        StixShareInput view = new StixShareInput(honest.share(), honest.disclosures(), altered,
                honest.envelopeId(), honest.envelopeDigest(), honest.envelopeJws(), honest.signedAt());
        try (TaxiiTestServer server = TaxiiTestServer.builder().collection("shares", "Shares", true, true)
                .start()) {
            TaxiiClient client = TaxiiClient.builder(server.discoveryUri()).build();
            TaxiiCollection shares = client.collection(server.apiRootUri(), "shares");
            assertThat(TaxiiShares.publish(client, shares, view).delivered()).isTrue();
            assertThatThrownBy(() -> TaxiiShares.pullVerified(client, shares, "share-2026-0001", reviewedVerifier()))
                    .isInstanceOfSatisfying(StixMappingException.class, e -> {
                        assertThat(e.property()).isEqualTo("extensions." + FmiStixExtension.ID + ".compliance."
                                + property);
                        assertThat(e.getMessage()).contains("reviewer's approval");
                    });
        }
    }

    @Test
    void aBriefingSummaryIsRefusedPermanentlyAndNothingIsPublished() throws Exception {
        try (TaxiiTestServer server = TaxiiTestServer.builder().collection("shares", "Shares", true, true).start();
                TaxiiTransport transport = TaxiiTransport.builder().build()) {
            SignedEnvelope briefing = EnvelopeSigner.builder(SENDER, "fitf").build().sign(
                    new EnvelopeBody.BriefingSummary(SampleData.briefing(), "smc-examplesocial"), PASS,
                    ClauseCatalog.english().mandatoryFor(MessageKind.BRIEFING));
            assertThat(transport.deliver(new Delivery(briefing, destination(server, "shares"))))
                    .isInstanceOfSatisfying(DeliveryResult.PermanentFailure.class,
                            f -> assertThat(f.reason()).contains("BRIEFING_SUMMARY").contains("company responses"));
            assertThat(server.storedObjects("shares")).isEmpty();
        }
    }

    @Test
    void destinationsMustNameApiRootAndCollection() {
        assertThat(TaxiiTransport.Target.parse(URI.create("taxii://taxii.example.org/api1/collections/abc/")))
                .isEqualTo(new TaxiiTransport.Target(URI.create("https://taxii.example.org/taxii2/"),
                        URI.create("https://taxii.example.org/api1/"), "abc"));
        assertThatThrownBy(() -> TaxiiTransport.Target.parse(URI.create("taxii://taxii.example.org/api1/")))
                .hasMessageContaining("collections/<id>");
    }
}

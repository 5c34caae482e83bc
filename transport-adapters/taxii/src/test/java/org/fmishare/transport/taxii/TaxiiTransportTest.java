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

    @Test
    void aReviewedShareIsPulledBackVerifiedWithItsApproval() throws Exception {
        SigningCredential reviewerKey = CA.issueReviewer("fitf-reviewer", "FITF reviewer", KeyAlgorithm.EC_P256);
        ReviewerTrust reviewers = ReviewerTrust.builder().trustAnchor(CA.certificate())
                .reviewer("fitf-reviewer", java.util.List.of("fitf")).build();
        EnvelopeBody.Share subject = new EnvelopeBody.Share(SampleData.passingShare());
        ComplianceSummary needsReview = new ComplianceSummary(Verdict.NEEDS_REVIEW, SampleData.RULE_SET_ID, "1.0.0",
                Disclosure.digestOf("a report with a REVIEW finding"));
        ReviewApproval approval = ReviewSigner.of(reviewerKey).sign(new ReviewDecision(SampleData.passingShare().id(),
                ReviewSigner.contentDigest(subject), needsReview.reportDigest(), java.util.List.of(
                        new ReviewDecision.FindingDecision("P1-US-PERSON-GUARD@$.accounts[0]", "P1-US-PERSON-GUARD",
                                ReviewDecision.Outcome.APPROVED, "A foreign national's account.")),
                "fitf-reviewer", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        SignedEnvelope envelope = EnvelopeSigner.builder(SENDER, "fitf").reviewerTrust(reviewers).build().sign(subject,
                needsReview.withReview(approval), ClauseCatalog.english().mandatoryFor(MessageKind.THREAT_SHARE));
        try (TaxiiTestServer server = TaxiiTestServer.builder().collection("shares", "Shares", true, true).start();
                TaxiiTransport transport = TaxiiTransport.builder().build()) {
            assertThat(transport.deliver(new Delivery(envelope, destination(server, "shares"))))
                    .isInstanceOf(DeliveryResult.Delivered.class);
            TaxiiClient client = TaxiiClient.builder(server.discoveryUri()).build();
            VerifiedEnvelope pulled = TaxiiShares.pullVerified(client,
                    client.collection(server.apiRootUri(), "shares"), "share-2026-0001",
                    EnvelopeVerifier.builder().trustAnchor(CA.certificate()).expectedRecipient("smc-examplesocial")
                            .reviewerTrust(reviewers).build());
            assertThat(pulled.reviewDecision().orElseThrow().reviewerId()).isEqualTo("fitf-reviewer");
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

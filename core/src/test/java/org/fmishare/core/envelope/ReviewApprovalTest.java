package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.ReviewApproval;
import org.fmishare.core.compliance.ReviewDecision;
import org.fmishare.core.compliance.ReviewDecision.FindingDecision;
import org.fmishare.core.compliance.ReviewDecision.Outcome;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.jose.Jcs;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.keys.CryptoProviders;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The review path in the core: a NEEDS_REVIEW subject is signed and received only with a reviewer's valid approval,
 * bound to the content and report digests, from a reviewer trusted for the office.
 */
class ReviewApprovalTest {
    private static final SigningCredential REVIEWER = Fixtures.ROOT.issueReviewer("fitf-reviewer",
            "FITF reviewer", KeyAlgorithm.EC_P256);
    private static final ReviewerTrust TRUST = ReviewerTrust.builder().trustAnchor(Fixtures.ROOT.certificate())
            .reviewer("fitf-reviewer", List.of(Fixtures.OFFICE)).build();
    private static final ThreatShare SHARE = SampleData.passingShare();
    private static final EnvelopeBody.Share SUBJECT = new EnvelopeBody.Share(SHARE);
    private static final ComplianceSummary NEEDS_REVIEW = new ComplianceSummary(Verdict.NEEDS_REVIEW,
            SampleData.RULE_SET_ID, "1.0.0", Disclosure.digestOf("a report with one REVIEW finding"));
    private static final Instant DECIDED = Fixtures.NOW.minusSeconds(600);

    private static ReviewDecision decision(EnvelopeBody.Subject subject, String reportDigest, Outcome outcome,
            String reviewerId) {
        return new ReviewDecision(SHARE.id(), ReviewSigner.contentDigest(subject), reportDigest,
                List.of(new FindingDecision("P1-NO-COERCION@$.narrative#0-20", "P1-NO-COERCION", outcome,
                        "Read in context: a statement of trust, no request.")), reviewerId, DECIDED);
    }

    private static ReviewApproval approval() {
        return ReviewSigner.of(REVIEWER).sign(decision(SUBJECT, NEEDS_REVIEW.reportDigest(), Outcome.APPROVED,
                "fitf-reviewer"));
    }

    private static EnvelopeSigner reviewingSigner() {
        return EnvelopeSigner.builder(Fixtures.SENDER, Fixtures.OFFICE).clock(Fixtures.CLOCK).reviewerTrust(TRUST)
                .build();
    }

    private static SignedEnvelope reviewedShare() {
        return reviewingSigner().sign(SUBJECT, NEEDS_REVIEW.withReview(approval()), Fixtures.SHARE_DISCLOSURES);
    }

    private static void assertReview(Runnable r, String... fragments) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(EnvelopeException.Rejected.class, e -> {
            assertThat(e.check()).isEqualTo(EnvelopeException.Check.REVIEW);
            assertThat(e.getMessage()).startsWith("review: ").contains(fragments);
        });
    }

    @Test
    void aNeedsReviewShareWithAValidApprovalIsSignedAndTheReceiverSeesTheApproval() {
        SignedEnvelope envelope = reviewedShare();
        VerifiedEnvelope v = Fixtures.verifierBuilder().reviewerTrust(TRUST).build().verify(envelope.serialized());

        assertThat(v.compliance().orElseThrow().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(v.reviewed()).isTrue();
        ReviewDecision d = v.reviewDecision().orElseThrow();
        assertThat(d.reviewerId()).isEqualTo("fitf-reviewer");
        assertThat(d.decidedAt()).isEqualTo(DECIDED);
        assertThat(v.compliance().orElseThrow().review().orElseThrow().reasonsDigest()).isEqualTo(d.reasonsDigest());
        assertThat(v.summary()).contains("review:      approved by fitf-reviewer at " + DECIDED, "P1-NO-COERCION");
        assertThat(envelope.content().compliance().orElseThrow().review()).isPresent();
    }

    @Test
    void aPassEnvelopeStaysUnreviewedAndItsPayloadCarriesNoReviewMember() {
        SignedEnvelope envelope = Fixtures.signedShare();
        VerifiedEnvelope v = Fixtures.verifierBuilder().reviewerTrust(TRUST).build().verify(envelope.serialized());

        assertThat(v.reviewed()).isFalse();
        assertThat(new String(envelope.canonicalPayload(), StandardCharsets.UTF_8)).doesNotContain("review");
    }

    @Test
    void signingRefusesNeedsReviewWithoutAnApproval() {
        assertThatThrownBy(() -> reviewingSigner().sign(SUBJECT, NEEDS_REVIEW, Fixtures.SHARE_DISCLOSURES))
                .isInstanceOfSatisfying(EnvelopeException.Rejected.class, e -> {
                    assertThat(e.check()).isEqualTo(EnvelopeException.Check.COMPLIANCE);
                    assertThat(e.getMessage()).contains("NEEDS_REVIEW without an approval");
                });
    }

    @Test
    void aSignerOrVerifierWithoutReviewerTrustTrustsNoReviewer() {
        assertReview(() -> Fixtures.signer().sign(SUBJECT, NEEDS_REVIEW.withReview(approval()),
                Fixtures.SHARE_DISCLOSURES), "no reviewer is trusted by this signer");
        byte[] reviewed = reviewedShare().serialized();
        assertReview(() -> Fixtures.verifier().verify(reviewed), "this verifier trusts no reviewer");
    }

    @Test
    void editingTheContentAfterTheReviewVoidsTheApproval() {
        ThreatShare edited = SHARE.toBuilder().narrative(SHARE.narrative() + " One more sentence.").build();

        assertReview(() -> reviewingSigner().sign(new EnvelopeBody.Share(edited), NEEDS_REVIEW.withReview(
                approval()), Fixtures.SHARE_DISCLOSURES), "content digest", "edited after the review");
    }

    @Test
    void anotherReportVoidsTheApproval() {
        ComplianceSummary otherReport = new ComplianceSummary(Verdict.NEEDS_REVIEW, SampleData.RULE_SET_ID, "1.0.0",
                Disclosure.digestOf("the report after an edit"));

        assertReview(() -> reviewingSigner().sign(SUBJECT, otherReport.withReview(approval()),
                Fixtures.SHARE_DISCLOSURES), "report digest", otherReport.reportDigest());
    }

    @Test
    void aRejectedFindingCannotBeSigned() {
        ReviewApproval rejected = ReviewSigner.of(REVIEWER).sign(decision(SUBJECT, NEEDS_REVIEW.reportDigest(),
                Outcome.REJECTED, "fitf-reviewer"));

        assertReview(() -> reviewingSigner().sign(SUBJECT, NEEDS_REVIEW.withReview(rejected),
                Fixtures.SHARE_DISCLOSURES), "rejected [P1-NO-COERCION@$.narrative#0-20]");
    }

    @Test
    void aCertificateWithoutTheReviewerPurposeCannotApprove() {
        assertThatThrownBy(() -> ReviewSigner.of(Fixtures.SENDER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks the review-approval purpose");
        // Signed by hand with the office's envelope key, as a sender approving its own share would.
        ReviewDecision d = decision(SUBJECT, NEEDS_REVIEW.reportDigest(), Outcome.APPROVED, "fitf");
        ReviewApproval selfApproved = new ReviewApproval("fitf", DECIDED, d.reasonsDigest(),
                compact(Fixtures.SENDER, d.canonicalJson()));
        ReviewerTrust officeAsReviewer = ReviewerTrust.builder().trustAnchor(Fixtures.ROOT.certificate())
                .reviewer("fitf", List.of(Fixtures.OFFICE)).build();

        assertReview(() -> officeAsReviewer.verify(selfApproved, Fixtures.OFFICE, SUBJECT, NEEDS_REVIEW,
                Fixtures.NOW), "may not approve reviews", "lacks review approval");
    }

    @Test
    void aReviewerNotListedOrNotTrustedForTheOfficeOrUnderAnotherCaIsRefused() {
        ReviewerTrust otherReviewer = ReviewerTrust.builder().trustAnchor(Fixtures.ROOT.certificate())
                .reviewer("someone-else", List.of(Fixtures.OFFICE)).build();
        ReviewerTrust otherOffice = ReviewerTrust.builder().trustAnchor(Fixtures.ROOT.certificate())
                .reviewer("fitf-reviewer", List.of("another-office")).build();
        TestPki.Authority otherCa = TestPki.authority("Another CA", KeyAlgorithm.EC_P256, Fixtures.PKI_FROM,
                Fixtures.PKI_TO);
        ReviewerTrust otherAnchor = ReviewerTrust.builder().trustAnchor(otherCa.certificate())
                .reviewer("fitf-reviewer", List.of(Fixtures.OFFICE)).build();
        byte[] reviewed = reviewedShare().serialized();

        assertReview(() -> Fixtures.verifierBuilder().reviewerTrust(otherReviewer).build().verify(reviewed),
                "reviewer 'fitf-reviewer' is not a trusted reviewer");
        assertReview(() -> Fixtures.verifierBuilder().reviewerTrust(otherOffice).build().verify(reviewed),
                "not trusted to approve for office 'fitf'");
        assertReview(() -> Fixtures.verifierBuilder().reviewerTrust(otherAnchor).build().verify(reviewed),
                "the reviewer's certificate is not trusted");
    }

    @Test
    void aReviewerCertificateBoundToAnotherIdCannotApproveAsThisReviewer() {
        SigningCredential impostor = Fixtures.ROOT.issueReviewer("intern", "Intern", KeyAlgorithm.EC_P256);
        ReviewApproval a = ReviewSigner.of(impostor).sign(decision(SUBJECT, NEEDS_REVIEW.reportDigest(),
                Outcome.APPROVED, "fitf-reviewer"));

        assertReview(() -> TRUST.verify(a, Fixtures.OFFICE, SUBJECT, NEEDS_REVIEW, Fixtures.NOW),
                "is not bound to reviewer 'fitf-reviewer'");
    }

    @Test
    void anApprovalForgedInsideAValidlySignedEnvelopeIsRefusedByTheReceiver() {
        // The office re-signs its envelope after changing the reviewer's reason: the envelope's own signature is
        // valid, the reviewer's is not.
        ObjectNode payload = (ObjectNode) FmiJson.standard().mapper().readTree(reviewedShare().canonicalPayload());
        ObjectNode review = (ObjectNode) payload.get("compliance").get("review");
        String[] parts = review.get("decision").stringValue().split("\\.");
        ObjectNode decision = (ObjectNode) FmiJson.standard().mapper().readTree(Base64.getUrlDecoder()
                .decode(parts[1]));
        ((ObjectNode) decision.get("findings").get(0)).put("reason", "Approved (the office says so).");
        parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(Jcs.canonicalize(decision));
        review.put("decision", String.join(".", parts));
        ReviewDecision forged = FmiJson.standard().read(Jcs.canonicalize(decision), ReviewDecision.class);
        review.put("reasonsDigest", forged.reasonsDigest());
        byte[] envelope = Fixtures.signRaw(Fixtures.SENDER, Fixtures.header(Fixtures.SENDER).build(),
                Jcs.canonicalize(payload));

        assertReview(() -> Fixtures.verifierBuilder().reviewerTrust(TRUST).build().verify(envelope),
                "does not verify with the key of");
    }

    @Test
    void clearFieldsThatDisagreeWithTheSignedDecisionAreRefused() {
        ReviewApproval a = approval();
        ReviewApproval otherTime = new ReviewApproval(a.reviewerId(), a.decidedAt().minusSeconds(3600),
                a.reasonsDigest(), a.decision());

        assertReview(() -> TRUST.verify(otherTime, Fixtures.OFFICE, SUBJECT, NEEDS_REVIEW, Fixtures.NOW),
                "but the signed decision says");
    }

    @Test
    void onlyANeedsReviewSummaryCanCarryAnApproval() {
        ComplianceSummary fail = new ComplianceSummary(Verdict.FAIL, SampleData.RULE_SET_ID, "1.0.0",
                Disclosure.digestOf("failing report"));
        assertThatThrownBy(() -> fail.withReview(approval())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only a NEEDS_REVIEW verdict can carry a reviewer's approval, was FAIL");
        assertThatThrownBy(() -> Fixtures.PASS.withReview(approval()))
                .hasMessageContaining("was PASS");
    }

    @Test
    void decisionsNeedWrittenReasonsAndDecideEachFindingOnce() {
        assertThatThrownBy(() -> new FindingDecision("P1-X-Y@$.narrative", "P1-X-Y", Outcome.APPROVED, "  "))
                .hasMessageContaining("reason must not be blank");
        FindingDecision f = new FindingDecision("P1-X-Y@$.narrative", "P1-X-Y", Outcome.APPROVED, "fine");
        assertThatThrownBy(() -> new ReviewDecision("s-1", NEEDS_REVIEW.reportDigest(), NEEDS_REVIEW.reportDigest(),
                List.of(f, f), "r", DECIDED)).hasMessageContaining("decides 'P1-X-Y@$.narrative' twice");
        assertThatThrownBy(() -> new ReviewDecision("s-1", NEEDS_REVIEW.reportDigest(), NEEDS_REVIEW.reportDigest(),
                List.of(), "r", DECIDED)).hasMessageContaining("findings must not be empty");
    }

    @Test
    void theReviewerListRoundTripsThroughJsonAndBadListsNameThePath() {
        ReviewerTrust back = ReviewerTrust.fromJson(TRUST.toJson(), List.of(Fixtures.ROOT.certificate()));
        assertThat(back.reviewers()).isEqualTo(TRUST.reviewers());
        assertThatThrownBy(() -> ReviewerTrust.fromJson("{\"reviewers\":[{\"id\":\"r\",\"offices\":[1]}]}"
                .getBytes(StandardCharsets.UTF_8), List.of(Fixtures.ROOT.certificate())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.reviewers[0].offices[0]");
        assertThatThrownBy(() -> ReviewerTrust.fromJson("{}".getBytes(StandardCharsets.UTF_8),
                List.of(Fixtures.ROOT.certificate()))).hasMessageContaining("at least one reviewer");
    }

    @Test
    void theSummaryWithItsApprovalRoundTripsThroughTheCodec() {
        ComplianceSummary s = NEEDS_REVIEW.withReview(approval());
        assertThat(FmiJson.standard().read(FmiJson.standard().write(s), ComplianceSummary.class)).isEqualTo(s);
        assertThat(FmiJson.standard().read(FmiJson.standard().write(Fixtures.PASS), ComplianceSummary.class)
                .review()).isEqualTo(Optional.empty());
    }

    private static String compact(SigningCredential cred, byte[] payload) {
        try {
            JWSObject jws = new JWSObject(Fixtures.header(cred).type(new JOSEObjectType(ReviewSigner.JOSE_TYPE))
                    .build(), new Payload(payload));
            ECDSASigner s = new ECDSASigner((ECPrivateKey) cred.privateKey());
            s.getJCAContext().setProvider(CryptoProviders.provider());
            jws.sign(s);
            return jws.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReviewerTrust trustWithCrl(java.util.Map<java.security.cert.X509Certificate, Instant> revoked) {
        return ReviewerTrust.builder().trustAnchor(Fixtures.ROOT.certificate())
                .reviewer("fitf-reviewer", List.of(Fixtures.OFFICE))
                .crls(List.of(Fixtures.ROOT.crl(Fixtures.NOW.minus(java.time.Duration.ofDays(1)),
                        Fixtures.NOW.plus(java.time.Duration.ofDays(7)), revoked))).build();
    }

    @Test
    void aReviewerNotOnTheRevocationListIsAccepted() {
        VerifiedEnvelope v = Fixtures.verifierBuilder().reviewerTrust(trustWithCrl(java.util.Map.of())).build()
                .verify(reviewedShare().serialized());
        assertThat(v.reviewed()).isTrue();
    }

    @Test
    void anApprovalByARevokedReviewerIsRefusedBySignerAndReceiver() {
        ReviewerTrust revoking = trustWithCrl(java.util.Map.of(REVIEWER.certificate(), DECIDED.minusSeconds(3600)));
        assertReview(() -> Fixtures.verifierBuilder().reviewerTrust(revoking).build()
                .verify(reviewedShare().serialized()), "reviewer's certificate is not trusted", "revocation");
        assertReview(() -> EnvelopeSigner.builder(Fixtures.SENDER, Fixtures.OFFICE).clock(Fixtures.CLOCK)
                .reviewerTrust(revoking).build().sign(SUBJECT, NEEDS_REVIEW.withReview(approval()),
                        Fixtures.SHARE_DISCLOSURES), "reviewer's certificate is not trusted", "revocation");
    }

    @Test
    void aReviewerWhoseRevocationStatusIsUnknownIsRefused() {
        TestPki.Authority other = TestPki.authority("another CA", KeyAlgorithm.EC_P256, Fixtures.PKI_FROM,
                Fixtures.PKI_TO);
        ReviewerTrust unknown = ReviewerTrust.builder().trustAnchor(Fixtures.ROOT.certificate())
                .reviewer("fitf-reviewer", List.of(Fixtures.OFFICE))
                .crls(List.of(other.crl(Fixtures.NOW.minus(java.time.Duration.ofDays(1)),
                        Fixtures.NOW.plus(java.time.Duration.ofDays(7)), java.util.Map.of()))).build();
        assertReview(() -> Fixtures.verifierBuilder().reviewerTrust(unknown).build()
                .verify(reviewedShare().serialized()), "reviewer's certificate is not trusted");
    }
}

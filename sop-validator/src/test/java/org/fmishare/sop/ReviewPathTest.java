package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fmishare.core.compliance.ReviewApproval;
import org.fmishare.core.compliance.ReviewDecision;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.ComplianceRechecker;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.ReviewSigner;
import org.fmishare.core.envelope.ReviewerTrust;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.Test;

/** The review path: NEEDS_REVIEW, a reviewer's decision, signing with the approval, the receiver's re-check. */
class ReviewPathTest {
    static final TestPki.Authority CA = TestPki.authority("review test CA");
    static final SigningCredential FITF = CA.issueEnvelopeSigner("fitf", "FITF signer", KeyAlgorithm.EC_P256);
    static final SigningCredential REVIEWER = CA.issueReviewer("fitf-reviewer", "FITF reviewer",
            KeyAlgorithm.EC_P256);
    static final ReviewerTrust TRUST = ReviewerTrust.builder().trustAnchor(CA.certificate())
            .reviewer("fitf-reviewer", List.of("fitf")).build();
    static final Preparer PREPARER = Preparer.builder(EnvelopeSigner.builder(FITF, "fitf").reviewerTrust(TRUST)
            .build()).build();
    static final Instant NOW = Instant.now();
    static final String GUARD = "P1-US-PERSON-GUARD";

    static ComplianceReport report(ThreatShare share) {
        return Preparer.report(share, SopValidator.standard(), DisclosureRenderer.standard());
    }

    static ReviewApproval approve(ThreatShare share, Map<String, Reviews.Choice> choices) {
        ReviewDecision d = Reviews.decide(new EnvelopeBody.Share(share), report(share), choices, "fitf-reviewer",
                NOW);
        return ReviewSigner.of(REVIEWER).sign(d);
    }

    static EnvelopeVerifier.Builder receiver() {
        return EnvelopeVerifier.builder().trustAnchor(CA.certificate()).expectedRecipient(SampleData.company().id())
                .complianceRechecker(SopRechecker.standard());
    }

    /** The sample that needs review, plus a second REVIEW finding in its narrative when asked. */
    static ThreatShare twoFindings() {
        ThreatShare s = SampleData.needsReviewShare();
        return s.toBuilder().narrative(s.narrative() + " We trust your team to do the right thing with these pages.")
                .build();
    }

    @Test
    void theSampleNeedsReviewForOneUsPersonFindingWhoseIdTheTextReportShows() {
        ComplianceReport r = report(SampleData.needsReviewShare());

        assertThat(r.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        List<Finding> review = r.findings().stream().filter(f -> f.severity() == Severity.REVIEW).toList();
        assertThat(review).extracting(Finding::ruleId).containsOnly(GUARD);
        assertThat(ReportRenderer.text(r)).contains("finding id: " + review.get(0).id());
        assertThat(review.get(0).id()).startsWith(GUARD + "@$.");
    }

    @Test
    void withoutAnApprovalANeedsReviewShareIsStillRefused() {
        assertThat(PREPARER.prepare(SampleData.needsReviewShare())).isInstanceOf(Preparer.Refused.class);
    }

    @Test
    void anApprovedShareIsSignedAndTheReceiverVerifiesTheApprovalAndReChecksItsCoverage() {
        ThreatShare share = SampleData.needsReviewShare();
        ReviewApproval approval = approve(share, Map.of(GUARD, Reviews.Choice.approve(
                "The account's owner is a foreign national per the case file; no U.S. person is named.")));

        Preparer.Outcome outcome = PREPARER.prepare(share, approval);

        assertThat(outcome).isInstanceOfSatisfying(Preparer.Signed.class, s -> assertThat(s.reviewed()).isTrue());
        Preparer.Signed signed = (Preparer.Signed) outcome;
        VerifiedEnvelope v = receiver().reviewerTrust(TRUST).build().verify(signed.envelope().serialized());
        assertThat(v.complianceRechecked()).isTrue();
        assertThat(v.reviewDecision().orElseThrow().reviewerId()).isEqualTo("fitf-reviewer");
        assertThat(v.compliance().orElseThrow().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(v.compliance().orElseThrow().reportDigest()).isEqualTo(report(share).digest());
        // A receiver that trusts no reviewer refuses the same envelope.
        assertThatThrownBy(() -> receiver().build().verify(signed.envelope().serialized()))
                .isInstanceOfSatisfying(EnvelopeException.class,
                        e -> assertThat(e.check()).isEqualTo(EnvelopeException.Check.REVIEW));
    }

    @Test
    void aPassingShareIsSignedWithoutAnyApproval() {
        ThreatShare share = SampleData.needsReviewShare();
        ReviewApproval approval = approve(share, Map.of(GUARD, Reviews.Choice.approve("fine")));

        Preparer.Outcome outcome = PREPARER.prepare(SampleData.passingShare(), approval);

        assertThat(outcome).isInstanceOfSatisfying(Preparer.Signed.class, s -> {
            assertThat(s.reviewed()).isFalse();
            assertThat(s.envelope().content().compliance().orElseThrow().review()).isEmpty();
        });
    }

    @Test
    void editingTheShareAfterTheReviewVoidsTheApproval() {
        ThreatShare share = SampleData.needsReviewShare();
        ReviewApproval approval = approve(share, Map.of(GUARD, Reviews.Choice.approve("Checked.")));
        ThreatShare edited = share.toBuilder().narrative(share.narrative() + " Edited after the review.").build();

        assertThatThrownBy(() -> PREPARER.prepare(edited, approval))
                .isInstanceOfSatisfying(EnvelopeException.class, e -> {
                    assertThat(e.check()).isEqualTo(EnvelopeException.Check.REVIEW);
                    assertThat(e.getMessage()).contains("content digest");
                });
    }

    @Test
    void errorFindingsCanNeverBeApprovedAndAFailReportCannotBeReviewed() {
        ThreatShare failing = SampleData.failingShare();
        ComplianceReport r = report(failing);
        String errorRule = r.findings().stream().filter(f -> f.severity() == Severity.ERROR).findFirst()
                .orElseThrow().ruleId();
        EnvelopeBody.Share subject = new EnvelopeBody.Share(failing);

        assertThatThrownBy(() -> Reviews.decide(subject, r, Map.of(errorRule, Reviews.Choice.approve("ok")),
                "fitf-reviewer", NOW)).isInstanceOf(ReviewException.ErrorNotApprovable.class)
                .hasMessageContaining("ERROR findings can never be approved").hasMessageContaining(errorRule);
        assertThatThrownBy(() -> Reviews.decide(subject, r, Map.of(), "fitf-reviewer", NOW))
                .isInstanceOf(ReviewException.NotReviewable.class).hasMessageContaining("FAIL")
                .hasMessageContaining("can never be approved");
    }

    @Test
    void aFailShareIsRefusedWhateverApprovalComesWithIt() {
        ThreatShare share = SampleData.needsReviewShare();
        ReviewApproval approval = approve(share, Map.of(GUARD, Reviews.Choice.approve("fine")));

        assertThat(PREPARER.prepare(SampleData.failingShare(), approval)).isInstanceOf(Preparer.Refused.class);
    }

    @Test
    void aDecisionMustCoverEveryReviewFinding() {
        ThreatShare share = twoFindings();
        ComplianceReport r = report(share);
        assertThat(r.findings().stream().filter(f -> f.severity() == Severity.REVIEW).map(Finding::ruleId)
                .distinct()).hasSize(2);

        assertThatThrownBy(() -> Reviews.decide(new EnvelopeBody.Share(share), r, Map.of(GUARD,
                Reviews.Choice.approve("fine")), "fitf-reviewer", NOW))
                .isInstanceOf(ReviewException.Uncovered.class).hasMessageContaining("undecided: [P1-NO-COERCION@");
        // A decision written by hand that leaves one out is refused before signing.
        Finding guard = r.findings().stream().filter(f -> f.ruleId().equals(GUARD)).findFirst().orElseThrow();
        ReviewDecision partial = new ReviewDecision(share.id(), ReviewSigner.contentDigest(new EnvelopeBody.Share(
                share)), r.digest(), List.of(new ReviewDecision.FindingDecision(guard.id(), GUARD,
                ReviewDecision.Outcome.APPROVED, "fine")), "fitf-reviewer", Instant.parse("2026-10-01T16:00:00Z"));
        ReviewApproval a = ReviewSigner.of(REVIEWER).sign(partial);
        assertThatThrownBy(() -> PREPARER.prepare(share, a)).isInstanceOf(ReviewException.Uncovered.class);
        // And the receiver's own re-check refuses it too.
        ComplianceRechecker.Result result = SopRechecker.standard().recheck(new EnvelopeBody.Share(share),
                r.summary().withReview(a));
        assertThat(result).isInstanceOfSatisfying(ComplianceRechecker.Refused.class, ref -> assertThat(ref.reason())
                .contains("does not fit this receiver's report", "undecided"));
    }

    @Test
    void aChoiceNamingNoReviewFindingIsRefused() {
        ThreatShare share = SampleData.needsReviewShare();

        assertThatThrownBy(() -> Reviews.decide(new EnvelopeBody.Share(share), report(share), Map.of(GUARD,
                Reviews.Choice.approve("fine"), "P9-NO-SUCH-RULE", Reviews.Choice.approve("fine")), "fitf-reviewer",
                NOW)).isInstanceOf(ReviewException.UnknownFinding.class).hasMessageContaining("'P9-NO-SUCH-RULE'");
    }

    @Test
    void aRejectedFindingIsRecordedButTheShareCannotBeSigned() {
        ThreatShare share = SampleData.needsReviewShare();
        ReviewApproval rejected = approve(share, Map.of(GUARD, Reviews.Choice.reject(
                "We cannot exclude that this is a U.S. person's own account.")));

        assertThatThrownBy(() -> PREPARER.prepare(share, rejected))
                .isInstanceOfSatisfying(EnvelopeException.class, e -> {
                    assertThat(e.check()).isEqualTo(EnvelopeException.Check.REVIEW);
                    assertThat(e.getMessage()).contains("the reviewer rejected", GUARD);
                });
    }

    @Test
    void aSignerThatTrustsNoReviewerRefusesTheApproval() {
        ThreatShare share = SampleData.needsReviewShare();
        ReviewApproval approval = approve(share, Map.of(GUARD, Reviews.Choice.approve("fine")));
        Preparer plain = Preparer.builder(EnvelopeSigner.builder(FITF, "fitf").build()).build();

        assertThatThrownBy(() -> plain.prepare(share, approval)).isInstanceOfSatisfying(EnvelopeException.class,
                e -> assertThat(e.getMessage()).contains("no reviewer is trusted by this signer"));
    }
}

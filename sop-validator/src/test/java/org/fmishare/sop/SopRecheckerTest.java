package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.ComplianceRechecker;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.disclosure.Format;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestParties;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.Test;

class SopRecheckerTest {
    static final TestParties PARTIES = TestParties.create("recheck test CA");
    static final String COERCIVE = "We expect you to remove every account listed here by Friday.";
    /** sop-2024-02 1.0.0 as first published ({@link PublishedRuleSetsTest} pins it). */
    static final String ORIGINAL_1_0_0_DIGEST =
            "sha-256:d6799fef570152c70aab89936fac5775cd9121406785ca7b78323b5aac50e24f";
    /** The same id and version after the amendment rules had been added to it in place (never released). */
    static final String EDITED_1_0_0_DIGEST =
            "sha-256:59fdbe54d79b00ffda3302447e68372960955c10aa9cc943a7d3375c5dc6b13b";

    static EnvelopeVerifier recheckingVerifier() {
        return EnvelopeVerifier.builder().trustAnchor(PARTIES.ca().certificate())
                .expectedRecipient(PARTIES.companyId()).complianceRechecker(SopRechecker.standard()).build();
    }

    static ThreatShare coerciveShare() {
        return SampleData.passingShare().toBuilder().narrative(COERCIVE).build();
    }

    /** Signs through the lowest-level API, which trusts whatever summary its caller hands it. */
    static SignedEnvelope signClaiming(ThreatShare share, ComplianceSummary claimed) {
        return PARTIES.officeSigner().sign(new EnvelopeBody.Share(share), claimed,
                DisclosureRenderer.standard().renderShare(share, Format.TEXT).disclosures());
    }

    static ComplianceSummary genuinePassSummary() {
        ThreatShare share = SampleData.passingShare();
        ComplianceReport report = SopValidator.standard().validate(share,
                DisclosureRenderer.standard().renderShare(share, Format.TEXT).body());
        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
        return report.summary();
    }

    @Test
    void aCoerciveShareWhoseEnvelopeClaimsPassIsAcceptedWithoutTheRecheckAndRefusedWithIt() {
        ComplianceSummary claimed = genuinePassSummary();
        SignedEnvelope lie = signClaiming(coerciveShare(), claimed);

        // The verifier alone trusts the sender's verdict: this is what a receiver without the re-check accepts.
        assertThat(PARTIES.companyVerifier().verify(lie.serialized()).complianceRechecked()).isFalse();

        assertThatThrownBy(() -> recheckingVerifier().verify(lie.serialized()))
                .isInstanceOfSatisfying(EnvelopeException.Rejected.class, e -> {
                    assertThat(e.check()).isEqualTo(EnvelopeException.Check.COMPLIANCE_RECHECK);
                    assertThat(e.getMessage()).contains("claims PASS", "gives FAIL", "P1-NO-COERCION");
                });
    }

    @Test
    void aGenuineShareIsReCheckedToTheSendersReportDigestWhenSignedAndVerifiedAtDifferentTimes() {
        SigningCredential fitf = PARTIES.officeSigning();
        Instant now = Instant.now();
        Preparer early = Preparer.builder(EnvelopeSigner.builder(fitf, "fitf")
                .clock(Clock.fixed(now.minus(Duration.ofDays(2)), ZoneOffset.UTC)).build()).build();
        Preparer late = Preparer.builder(EnvelopeSigner.builder(fitf, "fitf").build()).build();

        Preparer.Signed first = (Preparer.Signed) early.prepare(SampleData.passingShare());
        Preparer.Signed second = (Preparer.Signed) late.prepare(SampleData.passingShare());
        VerifiedEnvelope a = recheckingVerifier().verify(first.envelope().serialized());
        VerifiedEnvelope b = recheckingVerifier().verify(second.envelope().serialized());

        assertThat(a.issuedAt()).isNotEqualTo(b.issuedAt());
        assertThat(a.complianceRechecked()).isTrue();
        assertThat(b.complianceRechecked()).isTrue();
        assertThat(a.compliance()).contains(first.report().summary());
        assertThat(b.compliance().orElseThrow().reportDigest()).isEqualTo(first.report().digest());
        assertThat(a.summary()).contains("re-checked by this receiver");
    }

    @Test
    void aMeetingNoticeIsReCheckedToo() {
        Meeting meeting = SampleData.meeting();
        SigningCredential western = PARTIES.ca().issueEnvelopeSigner(meeting.leadingOffice().id(), "western signer",
                KeyAlgorithm.EC_P256);
        Preparer preparer = Preparer.builder(EnvelopeSigner.builder(western, meeting.leadingOffice().id()).build())
                .build();
        Preparer.Signed signed = (Preparer.Signed) preparer.prepare(meeting, SampleData.company().id());

        assertThat(recheckingVerifier().verify(signed.envelope().serialized()).complianceRechecked()).isTrue();
    }

    @Test
    void anotherReportDigestUnderTheSameVerdictIsRefused() {
        ComplianceSummary genuine = genuinePassSummary();
        ComplianceSummary forged = new ComplianceSummary(Verdict.PASS, genuine.ruleSetId(), genuine.ruleSetVersion(),
                TestParties.PASS.reportDigest());
        SignedEnvelope envelope = signClaiming(SampleData.passingShare(), forged);

        assertThatThrownBy(() -> recheckingVerifier().verify(envelope.serialized()))
                .isInstanceOfSatisfying(EnvelopeException.Rejected.class, e -> {
                    assertThat(e.check()).isEqualTo(EnvelopeException.Check.COMPLIANCE_RECHECK);
                    assertThat(e.getMessage()).contains("reportDigest", genuine.reportDigest());
                });
    }

    @Test
    void aRuleSetUnknownToTheReceiverIsRefusedByName() {
        ThreatShare share = SampleData.passingShare().toBuilder().ruleSetId("sop-2031-07").build();
        ComplianceSummary claimed = new ComplianceSummary(Verdict.PASS, "sop-2031-07", "1.0.0",
                TestParties.PASS.reportDigest());

        assertThatThrownBy(() -> recheckingVerifier().verify(signClaiming(share, claimed).serialized()))
                .isInstanceOfSatisfying(EnvelopeException.Rejected.class, e -> {
                    assertThat(e.check()).isEqualTo(EnvelopeException.Check.COMPLIANCE_RECHECK);
                    assertThat(e.getMessage()).contains("'sop-2031-07' is unknown to this receiver",
                            "sop-2024-02 1.0.0");
                });
    }

    @Test
    void aVersionUnknownToTheReceiverIsRefusedNamingTheVersionsItHas() {
        ComplianceSummary genuine = genuinePassSummary();
        ComplianceSummary claimed = new ComplianceSummary(Verdict.PASS, genuine.ruleSetId(), "1.2.0",
                genuine.reportDigest());

        assertThatThrownBy(() -> recheckingVerifier().verify(signClaiming(SampleData.passingShare(), claimed)
                .serialized()))
                .isInstanceOfSatisfying(EnvelopeException.Rejected.class, e -> {
                    assertThat(e.check()).isEqualTo(EnvelopeException.Check.COMPLIANCE_RECHECK);
                    assertThat(e.getMessage()).contains("sop-2024-02 version 1.2.0",
                            "it has sop-2024-02 versions 1.0.0, 1.1.0");
                });
    }

    @Test
    void anEnvelopePreparedUnderTheOriginalVersion100IsReCheckedUnderItByACurrentReceiver() {
        RuleSet original = RuleSets.standard().find("sop-2024-02", "1.0.0").orElseThrow();
        Preparer preparer = Preparer.builder(PARTIES.officeSigner())
                .validator(SopValidator.standard().withRuleSet(original)).build();

        Preparer.Signed signed = (Preparer.Signed) preparer.prepare(SampleData.passingShare());
        ComplianceSummary summary = signed.report().summary();
        assertThat(summary.ruleSetVersion()).isEqualTo("1.0.0");
        // The document as first published, before the amendment rules were added to it in place.
        assertThat(summary.ruleSetDigest()).contains(ORIGINAL_1_0_0_DIGEST);
        VerifiedEnvelope v = recheckingVerifier().verify(signed.envelope().serialized());
        assertThat(v.complianceRechecked()).isTrue();
        assertThat(v.compliance()).contains(summary);
    }

    @Test
    void anEnvelopeOfAShareDatedAfterVersion110TookEffectNamesItAndIsReChecked() {
        Preparer.Signed signed = (Preparer.Signed) Preparer.builder(PARTIES.officeSigner()).build()
                .prepare(SampleData.passingShare());
        ComplianceSummary summary = signed.report().summary();
        assertThat(summary.ruleSetVersion()).isEqualTo("1.1.0");
        assertThat(summary.ruleSetDigest()).contains(RuleSet.sop2024February().digest());
        assertThat(recheckingVerifier().verify(signed.envelope().serialized()).complianceRechecked()).isTrue();
    }

    @Test
    void anEnvelopeNaming100WithAnotherDocumentsDigestIsRefusedNamingBothDigests() {
        RuleSet original = RuleSets.standard().find("sop-2024-02", "1.0.0").orElseThrow();
        ThreatShare share = SampleData.passingShare();
        ComplianceSummary genuine = SopValidator.standard().withRuleSet(original)
                .validate(share, DisclosureRenderer.standard().renderShare(share, Format.TEXT).body()).summary();
        // What a sender whose copy of 1.0.0 was edited in place (the amendment rules added) would claim.
        ComplianceSummary edited = genuine.withRuleSetDigest(EDITED_1_0_0_DIGEST);

        assertThatThrownBy(() -> recheckingVerifier().verify(signClaiming(share, edited).serialized()))
                .isInstanceOfSatisfying(EnvelopeException.Rejected.class, e -> {
                    assertThat(e.check()).isEqualTo(EnvelopeException.Check.COMPLIANCE_RECHECK);
                    assertThat(e.getMessage()).contains("sop-2024-02 version 1.0.0", EDITED_1_0_0_DIGEST,
                            ORIGINAL_1_0_0_DIGEST, "edited");
                });
    }

    @Test
    void anEnvelopeMadeBeforeSummariesCarriedTheRuleSetDigestIsJudgedByItsReportDigest() {
        ComplianceSummary genuine = genuinePassSummary();
        ComplianceSummary older = new ComplianceSummary(genuine.verdict(), genuine.ruleSetId(),
                genuine.ruleSetVersion(), genuine.reportDigest());
        assertThat(older.ruleSetDigest()).isEmpty();

        VerifiedEnvelope v = recheckingVerifier().verify(signClaiming(SampleData.passingShare(), older).serialized());
        assertThat(v.complianceRechecked()).isTrue();
        assertThat(v.compliance().orElseThrow().ruleSetDigest()).isEmpty();
    }

    @Test
    void theRecheckerReportsTheObjectionsOfItsOwnCheck() {
        ComplianceRechecker.Result r = SopRechecker.standard().recheck(new EnvelopeBody.Share(coerciveShare()),
                genuinePassSummary());

        assertThat(r).isInstanceOfSatisfying(ComplianceRechecker.Recomputed.class, c -> {
            assertThat(c.summary().verdict()).isEqualTo(Verdict.FAIL);
            assertThat(c.objections()).contains("ERROR P1-NO-COERCION $.narrative");
        });
    }

    @Test
    void aRefusedEnvelopeDoesNotConsumeItsNonce() {
        SignedEnvelope lie = signClaiming(coerciveShare(), genuinePassSummary());
        EnvelopeVerifier verifier = recheckingVerifier();
        assertThatThrownBy(() -> verifier.verify(lie.serialized())).isInstanceOf(EnvelopeException.Rejected.class);

        // Still judged on its compliance, not taken for a replay.
        assertThatThrownBy(() -> verifier.verify(lie.serialized()))
                .isInstanceOfSatisfying(EnvelopeException.Rejected.class, e ->
                        assertThat(e.check()).isEqualTo(EnvelopeException.Check.COMPLIANCE_RECHECK));
    }
}

package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeKind;
import org.fmishare.core.envelope.EnvelopeReference;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestParties;
import org.junit.jupiter.api.Test;

class AmendmentPreparerTest {
    private static final TestParties PARTIES = TestParties.create("Amendment Test CA");

    private static SignedEnvelope original(Preparer preparer) {
        return ((Preparer.Signed) preparer.prepare(SampleData.passingShare())).envelope();
    }

    @Test
    void retractionWithAReasonIsSignedAndReCheckedByTheReceiver() {
        Preparer preparer = Preparer.builder(PARTIES.officeSigner()).build();
        SignedEnvelope share = original(preparer);
        Preparer.Outcome outcome = preparer.prepare(SampleData.retraction(), share);

        assertThat(outcome).isInstanceOf(Preparer.Signed.class);
        assertThat(outcome.report().subjectKind()).isEqualTo(SubjectKind.SHARE_AMENDMENT);
        assertThat(outcome.message().body()).contains(SampleData.retraction().reason());
        VerifiedEnvelope v = EnvelopeVerifier.builder().trustAnchor(PARTIES.ca().certificate())
                .expectedRecipient(PARTIES.companyId()).complianceRechecker(SopRechecker.standard()).build()
                .verify(((Preparer.Signed) outcome).envelope().serialized());
        assertThat(v.kind()).isEqualTo(EnvelopeKind.SHARE_AMENDMENT);
        assertThat(v.complianceRechecked()).isTrue();
        assertThat(v.body()).isEqualTo(new EnvelopeBody.Amendment(SampleData.retraction(),
                new EnvelopeReference(share.envelopeId(), share.digest())));
    }

    @Test
    void retractionWithoutAReasonIsRefusedWithTheRuleAndField() {
        Preparer preparer = Preparer.builder(PARTIES.officeSigner()).build();
        ShareAmendment blank = ShareAmendment.retraction("amend-9", Instant.parse("2026-10-08T15:00:00Z"),
                SampleData.passingShare(), " ");
        Preparer.Outcome outcome = preparer.prepare(blank, original(preparer));
        assertThat(outcome).isInstanceOf(Preparer.Refused.class);
        assertThat(outcome.report().failedRuleIds()).containsExactly("AM-REASON");
        assertThat(outcome.report().findings()).anySatisfy(f -> assertThat(f.path()).isEqualTo("$.reason"));
    }

    @Test
    void correctionIsCheckedAgainstTheShareRulesUnderCorrectedShare() {
        Preparer preparer = Preparer.builder(PARTIES.officeSigner()).build();
        var weak = SampleData.passingShare().toBuilder().facts(SampleData.passingShare().facts().subList(0, 1))
                .build();
        ShareAmendment correction = ShareAmendment.correction("amend-8", Instant.parse("2026-10-08T15:00:00Z"),
                weak, "Three facts are withdrawn.");
        Preparer.Outcome outcome = preparer.prepare(correction, original(preparer));
        assertThat(outcome).isInstanceOf(Preparer.Refused.class);
        assertThat(outcome.report().failedRuleIds()).contains("P1-FACTS-COUNT");
        assertThat(outcome.report().findings()).anySatisfy(f -> assertThat(f.path()).startsWith("$.correctedShare"));
        assertThat(preparer.prepare(SampleData.correction(), original(preparer)))
                .isInstanceOf(Preparer.Signed.class);
    }

    @Test
    void anAmendmentUnderARuleSetWithoutAmendmentRulesIsRefusedNamingTheRuleSetAndVersion() {
        RuleSet original = RuleSets.standard().find("sop-2024-02", "1.0.0").orElseThrow();
        Preparer current = Preparer.builder(PARTIES.officeSigner()).build();
        Preparer pinned = Preparer.builder(PARTIES.officeSigner())
                .validator(SopValidator.standard().withRuleSet(original)).build();

        Preparer.Outcome outcome = pinned.prepare(SampleData.retraction(), original(current));

        // Before: 1.0.0 runs no amendment rule, and a retraction with nothing to object to would PASS on nothing.
        assertThat(outcome).isInstanceOf(Preparer.Refused.class);
        assertThat(outcome.report().verdict()).isEqualTo(org.fmishare.core.compliance.Verdict.FAIL);
        assertThat(outcome.report().ruleSetVersion()).isEqualTo("1.0.0");
        assertThat(outcome.report().findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("AM-RULE-SET");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("rule set sop-2024-02 version 1.0.0 has no amendment rules",
                    "from version 1.1.0");
        });
        assertThat(current.prepare(SampleData.retraction(), original(current))).isInstanceOf(Preparer.Signed.class);
    }

    @Test
    void anAmendmentDatedBeforeVersion110TookEffectIsRefusedByTheDefaultValidator() {
        Preparer preparer = Preparer.builder(PARTIES.officeSigner()).build();
        ShareAmendment early = ShareAmendment.retraction("amend-7", Instant.parse("2025-12-31T23:00:00Z"),
                SampleData.passingShare(), "The attribution to Directorate 9 was wrong.");
        Preparer.Outcome outcome = preparer.prepare(early, original(preparer));
        assertThat(outcome).isInstanceOf(Preparer.Refused.class);
        assertThat(outcome.report().ruleSetVersion()).isEqualTo("1.0.0");
        assertThat(outcome.report().failedRuleIds()).containsExactly("AM-RULE-SET");
    }
}

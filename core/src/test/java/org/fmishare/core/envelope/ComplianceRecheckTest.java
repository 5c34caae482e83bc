package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;

/** The verifier's use of a {@link ComplianceRechecker}; the SOP implementation is tested in its own module. */
class ComplianceRecheckTest {
    private static EnvelopeVerifier verifierWith(ComplianceRechecker rechecker) {
        return Fixtures.verifierBuilder().complianceRechecker(rechecker).build();
    }

    @Test
    void aRecomputedSummaryEqualToTheClaimedOneIsAcceptedAndMarkedRechecked() {
        SignedEnvelope envelope = Fixtures.signedShare();
        VerifiedEnvelope v = verifierWith((s, claimed) -> new ComplianceRechecker.Recomputed(claimed, List.of()))
                .verify(envelope.serialized());

        assertThat(v.complianceRechecked()).isTrue();
        assertThat(Fixtures.verifier().verify(Fixtures.signedShare().serialized()).complianceRechecked()).isFalse();
    }

    @Test
    void theRecheckerSeesTheSignedSubjectAndTheClaimedSummary() {
        SignedEnvelope envelope = Fixtures.signedShare();
        verifierWith((s, claimed) -> {
            assertThat(s).isInstanceOf(EnvelopeBody.Share.class);
            assertThat(((EnvelopeBody.Share) s).share()).isEqualTo(SampleData.passingShare());
            assertThat(claimed).isEqualTo(Fixtures.PASS);
            return new ComplianceRechecker.Recomputed(claimed, List.of());
        }).verify(envelope.serialized());
    }

    @Test
    void anotherVerdictIsRejectedNamingBothVerdictsAndTheObjections() {
        ComplianceSummary fail = new ComplianceSummary(Verdict.FAIL, Fixtures.PASS.ruleSetId(),
                Fixtures.PASS.ruleSetVersion(), Disclosure.digestOf("another report"));
        EnvelopeVerifier v = verifierWith((s, c) -> new ComplianceRechecker.Recomputed(fail,
                List.of("ERROR X-RULE $.narrative")));

        assertThatThrownBy(() -> v.verify(Fixtures.signedShare().serialized()))
                .isInstanceOfSatisfying(EnvelopeException.Rejected.class, e -> {
                    assertThat(e.check()).isEqualTo(EnvelopeException.Check.COMPLIANCE_RECHECK);
                    assertThat(e.getMessage()).startsWith("compliance-recheck: $.compliance claims PASS")
                            .contains("gives FAIL", "ERROR X-RULE $.narrative");
                });
    }

    @Test
    void anotherReportDigestIsRejected() {
        ComplianceSummary other = new ComplianceSummary(Verdict.PASS, Fixtures.PASS.ruleSetId(),
                Fixtures.PASS.ruleSetVersion(), Disclosure.digestOf("another report"));
        EnvelopeVerifier v = verifierWith((s, c) -> new ComplianceRechecker.Recomputed(other, List.of()));

        assertThatThrownBy(() -> v.verify(Fixtures.signedShare().serialized()))
                .isInstanceOfSatisfying(EnvelopeException.Rejected.class, e -> {
                    assertThat(e.check()).isEqualTo(EnvelopeException.Check.COMPLIANCE_RECHECK);
                    assertThat(e.getMessage()).contains("reportDigest", other.reportDigest());
                });
    }

    @Test
    void aRefusedRecheckIsARejectionWithTheRecheckersReason() {
        EnvelopeVerifier v = verifierWith((s, c) -> new ComplianceRechecker.Refused("rule set 'x' is unknown"));

        assertThatThrownBy(() -> v.verify(Fixtures.signedShare().serialized()))
                .isInstanceOfSatisfying(EnvelopeException.Rejected.class, e -> {
                    assertThat(e.check()).isEqualTo(EnvelopeException.Check.COMPLIANCE_RECHECK);
                    assertThat(e.getMessage()).contains("rule set 'x' is unknown");
                });
    }

    @Test
    void aFailingRecheckerIsAProcessingFailureNotAnAcceptance() {
        EnvelopeVerifier v = verifierWith((s, c) -> {
            throw new IllegalStateException("model missing");
        });

        assertThatThrownBy(() -> v.verify(Fixtures.signedShare().serialized()))
                .isInstanceOf(EnvelopeException.ProcessingFailed.class).hasMessageContaining("model missing");
        assertThatThrownBy(() -> verifierWith((s, c) -> null).verify(Fixtures.signedShare().serialized()))
                .isInstanceOf(EnvelopeException.ProcessingFailed.class);
    }

    @Test
    void receiptsAreNotRechecked() {
        AtomicInteger calls = new AtomicInteger();
        EnvelopeVerifier office = EnvelopeVerifier.builder().trustAnchor(Fixtures.ROOT.certificate())
                .expectedRecipient(Fixtures.OFFICE).clock(Fixtures.CLOCK).complianceRechecker((s, c) -> {
                    calls.incrementAndGet();
                    return new ComplianceRechecker.Refused("never");
                }).build();
        SignedEnvelope share = Fixtures.signedShare();
        SignedEnvelope receipt = EnvelopeSigner.builder(Fixtures.RECIPIENT, Fixtures.COMPANY).clock(Fixtures.CLOCK)
                .build().signReceipt(Fixtures.verifier().verify(share.serialized()), SampleData.response());

        assertThat(office.verifyReceipt(receipt.serialized(), share).complianceRechecked()).isFalse();
        assertThat(calls).hasValue(0);
    }
}

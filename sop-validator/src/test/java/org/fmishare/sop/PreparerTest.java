package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeKind;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.model.Meeting;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.Test;

class PreparerTest {
    static final TestPki.Authority CA = TestPki.authority("preparer test CA");
    static final SigningCredential FITF = CA.issueEnvelopeSigner("fitf", "FITF signer", KeyAlgorithm.EC_P256);
    static final Preparer FITF_PREPARER = Preparer.builder(EnvelopeSigner.builder(FITF, "fitf").build()).build();

    static VerifiedEnvelope verify(Preparer.Signed signed) {
        return EnvelopeVerifier.builder().trustAnchor(CA.certificate()).anyRecipient().build()
                .verify(signed.envelope().serialized());
    }

    @Test
    void aPassingShareIsSignedWithItsReportSummaryAndTheDisclosuresOfItsRenderedMessage() {
        Preparer.Outcome outcome = FITF_PREPARER.prepare(SampleData.passingShare());

        assertThat(outcome).isInstanceOf(Preparer.Signed.class);
        Preparer.Signed signed = (Preparer.Signed) outcome;
        assertThat(signed.report().verdict()).isEqualTo(Verdict.PASS);
        VerifiedEnvelope v = verify(signed);
        assertThat(v.body()).isEqualTo(new EnvelopeBody.Share(SampleData.passingShare()));
        assertThat(v.recipientId()).isEqualTo(SampleData.company().id());
        assertThat(v.compliance()).contains(signed.report().summary());
        assertThat(v.disclosures()).isEqualTo(signed.message().disclosures());
    }

    @Test
    void aFailingShareIsRefusedWithTheReportAndNothingIsSigned() {
        Preparer.Outcome outcome = FITF_PREPARER.prepare(SampleData.failingShare());

        assertThat(outcome).isInstanceOfSatisfying(Preparer.Refused.class, r -> {
            assertThat(r.report().verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.report().failedRuleIds()).isNotEmpty();
            assertThat(r.report().subjectId()).isEqualTo(SampleData.failingShare().id());
        });
    }

    @Test
    void aPassingMeetingIsSignedAsANoticeToTheNamedCompanyByItsLeadingOffice() {
        Meeting meeting = SampleData.meeting();
        SigningCredential western = CA.issueEnvelopeSigner("fo-western", "western field office signer",
                KeyAlgorithm.EC_P256);
        Preparer preparer = Preparer.builder(EnvelopeSigner.builder(western, meeting.leadingOffice().id()).build())
                .build();

        Preparer.Outcome outcome = preparer.prepare(meeting, SampleData.company().id());

        assertThat(outcome).isInstanceOf(Preparer.Signed.class);
        VerifiedEnvelope v = verify((Preparer.Signed) outcome);
        assertThat(v.kind()).isEqualTo(EnvelopeKind.MEETING_NOTICE);
        assertThat(v.body()).isEqualTo(new EnvelopeBody.MeetingNotice(meeting, SampleData.company().id()));
    }

    @Test
    void aMeetingNoticeToACompanyOutsideTheMeetingIsRefusedByTheSigner() {
        Meeting meeting = SampleData.meeting();
        SigningCredential western = CA.issueEnvelopeSigner("fo-western", "western field office signer",
                KeyAlgorithm.EC_P256);
        Preparer preparer = Preparer.builder(EnvelopeSigner.builder(western, meeting.leadingOffice().id()).build())
                .build();

        assertThatThrownBy(() -> preparer.prepare(meeting, "smc-not-invited"))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.CONTENT);
    }

    @Test
    void aPassingBriefingIsSignedAsASummaryToTheGivenRecipient() {
        Preparer.Outcome outcome = FITF_PREPARER.prepare(SampleData.briefing(), SampleData.company().id());

        assertThat(outcome).isInstanceOf(Preparer.Signed.class);
        VerifiedEnvelope v = verify((Preparer.Signed) outcome);
        assertThat(v.body()).isEqualTo(new EnvelopeBody.BriefingSummary(SampleData.briefing(),
                SampleData.company().id()));
        assertThat(v.disclosures()).isEqualTo(outcome.message().disclosures());
    }

    @Test
    void outcomesRefuseAReportOfTheWrongVerdict() {
        Preparer.Refused refused = (Preparer.Refused) FITF_PREPARER.prepare(SampleData.failingShare());
        Preparer.Signed signed = (Preparer.Signed) FITF_PREPARER.prepare(SampleData.passingShare());

        assertThatThrownBy(() -> new Preparer.Signed(signed.envelope(), refused.report(), signed.message()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Preparer.Refused(signed.report(), signed.message()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

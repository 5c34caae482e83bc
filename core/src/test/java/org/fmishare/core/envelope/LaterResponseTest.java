package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.fmishare.core.model.InvalidModelException;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.model.SmcResponse;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;

class LaterResponseTest {
    private final EnvelopeSigner companySigner = EnvelopeSigner.builder(Fixtures.RECIPIENT, Fixtures.COMPANY)
            .clock(Fixtures.CLOCK).build();
    private final EnvelopeVerifier officeVerifier = EnvelopeVerifier.builder().trustAnchor(Fixtures.ROOT.certificate())
            .expectedRecipient(Fixtures.OFFICE).clock(Fixtures.CLOCK).build();

    @Test
    void companyResponseCarriesItsChosenKindAndNoteAndVerifiesAsAReceiptAtTheOffice() {
        SignedEnvelope share = Fixtures.signedShare();
        VerifiedEnvelope received = Fixtures.verifier().verify(share.serialized());

        SignedEnvelope response = companySigner.signResponse(received, ResponseKind.TOOK_INDEPENDENT_ACTION,
                Optional.of("Reviewed under our own policies."));

        VerifiedEnvelope v = officeVerifier.verifyReceipt(response.serialized(), share);
        SmcResponse r = v.response().orElseThrow();
        assertThat(r.kind()).isEqualTo(ResponseKind.TOOK_INDEPENDENT_ACTION);
        assertThat(r.note()).contains("Reviewed under our own policies.");
        assertThat(r.shareId()).isEqualTo(SampleData.passingShare().id());
        assertThat(r.companyId()).isEqualTo(Fixtures.COMPANY);
        assertThat(r.recordedAt()).isEqualTo(Fixtures.NOW);
        assertThat(r.id()).startsWith("response-");
    }

    @Test
    void aCorrectionCanBeRespondedToAndTheResponseIsAboutTheShareItAmends() {
        SignedEnvelope share = Fixtures.signedShare();
        SignedEnvelope correction = Fixtures.signer().sign(EnvelopeBody.Amendment.of(SampleData.correction(), share),
                Fixtures.PASS, Fixtures.SHARE_DISCLOSURES);
        VerifiedEnvelope received = Fixtures.verifier().verify(correction.serialized());

        SignedEnvelope response = companySigner.signResponse(received, ResponseKind.ACKNOWLEDGED, Optional.empty());

        VerifiedEnvelope v = officeVerifier.verifyReceipt(response.serialized(), correction);
        assertThat(v.response().orElseThrow().shareId()).isEqualTo(SampleData.passingShare().id());
        assertThat(v.inReplyTo().orElseThrow().envelopeId()).isEqualTo(correction.envelopeId());
    }

    @Test
    void everyResponseGetsItsOwnId() {
        VerifiedEnvelope received = Fixtures.verifier().verify(Fixtures.signedShare().serialized());
        SmcResponse first = companySigner.signResponse(received, ResponseKind.ACKNOWLEDGED, Optional.empty())
                .content().body() instanceof EnvelopeBody.Receipt r1 ? r1.response() : null;
        SmcResponse second = companySigner.signResponse(received, ResponseKind.DECLINED, Optional.empty())
                .content().body() instanceof EnvelopeBody.Receipt r2 ? r2.response() : null;
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @Test
    void aReceiptCannotBeRespondedTo() {
        SignedEnvelope share = Fixtures.signedShare();
        SignedEnvelope receipt = companySigner.signReceipt(Fixtures.verifier().verify(share.serialized()),
                SampleData.response());
        VerifiedEnvelope verifiedReceipt = officeVerifier.verify(receipt.serialized());
        EnvelopeSigner office = EnvelopeSigner.builder(Fixtures.SENDER, Fixtures.OFFICE).clock(Fixtures.CLOCK)
                .build();
        assertThatThrownBy(() -> office.signResponse(verifiedReceipt, ResponseKind.ACKNOWLEDGED, Optional.empty()))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.CONTENT)
                .hasMessageContaining("RECEIPT");
    }

    @Test
    void aResponseToAnEnvelopeForAnotherCompanyIsRefused() {
        VerifiedEnvelope received = Fixtures.verifier().verify(Fixtures.signedShare().serialized());
        EnvelopeSigner other = EnvelopeSigner.builder(Fixtures.RECIPIENT, "smc-other").clock(Fixtures.CLOCK).build();
        assertThatThrownBy(() -> other.signResponse(received, ResponseKind.ACKNOWLEDGED, Optional.empty()))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.CONTENT)
                .hasMessageContaining("smc-other");
    }

    @Test
    void anOverlongNoteIsRefusedNamingTheField() {
        VerifiedEnvelope received = Fixtures.verifier().verify(Fixtures.signedShare().serialized());
        assertThatThrownBy(() -> companySigner.signResponse(received, ResponseKind.ACKNOWLEDGED,
                Optional.of("x".repeat(4_001))))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("note");
    }
}

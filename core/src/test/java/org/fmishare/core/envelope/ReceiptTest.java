package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.model.SmcResponse;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;

class ReceiptTest {
    private final EnvelopeSigner companySigner = EnvelopeSigner.builder(Fixtures.RECIPIENT, Fixtures.COMPANY)
            .clock(Fixtures.CLOCK).build();
    private final EnvelopeVerifier officeVerifier = EnvelopeVerifier.builder().trustAnchor(Fixtures.ROOT.certificate())
            .expectedRecipient(Fixtures.OFFICE).clock(Fixtures.CLOCK).build();

    @Test
    void companyReceiptReferencesTheOriginalAndVerifiesAtTheOffice() {
        SignedEnvelope share = Fixtures.signedShare();
        VerifiedEnvelope received = Fixtures.verifier().verify(share.serialized());
        SignedEnvelope receipt = companySigner.signReceipt(received, SampleData.response());

        assertThat(receipt.kind()).isEqualTo(EnvelopeKind.RECEIPT);
        assertThat(receipt.recipientId()).isEqualTo(Fixtures.OFFICE);
        VerifiedEnvelope v = officeVerifier.verifyReceipt(receipt.serialized(), share);
        assertThat(v.inReplyTo()).contains(new EnvelopeReference(share.envelopeId(), share.digest()));
        assertThat(v.response()).contains(SampleData.response());
        assertThat(v.compliance()).isEmpty();
        assertThat(v.sender().id()).isEqualTo(Fixtures.COMPANY);
        assertThat(v.summary()).contains("in reply to: " + share.envelopeId());
    }

    @Test
    void receiptForAnotherEnvelopeIsRejected() {
        SignedEnvelope first = Fixtures.signedShare();
        SignedEnvelope second = Fixtures.signedShare();
        SignedEnvelope receipt = companySigner.signReceipt(Fixtures.verifier().verify(first.serialized()),
                SampleData.response());
        assertThatThrownBy(() -> officeVerifier.verifyReceipt(receipt.serialized(), second.stored()))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.RECEIPT_REFERENCE);
    }

    @Test
    void receiptMustAnswerTheShareItReferences() {
        VerifiedEnvelope received = Fixtures.verifier().verify(Fixtures.signedShare().serialized());
        SmcResponse other = new SmcResponse("resp-2", "share-9999", Fixtures.COMPANY, ResponseKind.ACKNOWLEDGED,
                Fixtures.NOW, Optional.empty());
        assertThatThrownBy(() -> companySigner.signReceipt(received, other))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.CONTENT)
                .hasMessageContaining("share-9999");
        EnvelopeSigner wrongCompany = EnvelopeSigner.builder(Fixtures.RECIPIENT, "smc-other").clock(Fixtures.CLOCK)
                .build();
        assertThatThrownBy(() -> wrongCompany.signReceipt(received, SampleData.response()))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.CONTENT);
    }

    @Test
    void shareEnvelopeIsNotAReceipt() {
        SignedEnvelope share = Fixtures.signedShare();
        EnvelopeVerifier any = Fixtures.verifierBuilder().build();
        assertThatThrownBy(() -> any.verifyReceipt(share.serialized(), share))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.CONTENT);
    }
}

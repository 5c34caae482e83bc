package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateEncodingException;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.jose.Jcs;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * A receipt is bound twice: its signer to the receipt's sender id (purpose and binding), and that id to the company
 * the envelope was addressed to. Another company with a valid receipt certificate, holding a copy of the envelope,
 * cannot acknowledge it.
 */
class ReceiptRecipientBindingTest {
    private static final SigningCredential OTHER_COMPANY = Fixtures.ROOT.issueReceiptSigner("smc-othersocial",
            "OtherSocial receipts", KeyAlgorithm.EC_P256);

    @Test
    void onlyTheAddressedCompanyMayAcknowledgeAnEnvelope() throws CertificateEncodingException {
        SignedEnvelope share = Fixtures.signedShare();
        VerifiedEnvelope received = Fixtures.verifier().verify(share.serialized());
        SignedEnvelope genuine = EnvelopeSigner.builder(Fixtures.RECIPIENT, Fixtures.COMPANY).clock(Fixtures.CLOCK)
                .build().signReceipt(received, SampleData.response());
        EnvelopeVerifier office = EnvelopeVerifier.builder().trustAnchor(Fixtures.ROOT.certificate())
                .expectedRecipient(Fixtures.OFFICE).clock(Fixtures.CLOCK).build();
        assertThat(office.verifyReceipt(genuine.serialized(), share).sender().id()).isEqualTo(Fixtures.COMPANY);

        // The same receipt, re-issued and validly signed by another company for itself.
        ObjectNode payload = (ObjectNode) FmiJson.standard().mapper().readTree(genuine.canonicalPayload());
        ObjectNode sender = (ObjectNode) payload.get("sender");
        sender.put("id", "smc-othersocial");
        sender.put("subject", OTHER_COMPANY.certificate().getSubjectX500Principal().getName());
        sender.put("certificateDigest", Digests.sha256(OTHER_COMPANY.certificate().getEncoded()));
        ((ObjectNode) payload.get("response")).put("companyId", "smc-othersocial");
        payload.put("nonce", "A".repeat(22)); // a fresh nonce, so the replay check does not answer first
        byte[] forged = Fixtures.signRaw(OTHER_COMPANY, Fixtures.header(OTHER_COMPANY).build(),
                Jcs.canonicalize(payload));
        assertThatThrownBy(() -> office.verifyReceipt(forged, share))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.RECEIPT_REFERENCE)
                .hasMessageContaining("signed by 'smc-othersocial', but the envelope was addressed to '"
                        + Fixtures.COMPANY + "'");
    }
}

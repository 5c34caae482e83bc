package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestPki;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;

/** The lead's demo in a few lines, on the system clock: sign the sample share, verify it, reject a tampered copy. */
class DemoFlowTest {

    @Test
    void signVerifyAndRejectATamperedCopy() {
        TestPki.Authority ca = TestPki.authority("fmi-share Demo Root");
        SigningCredential fitf = ca.issueEnvelopeSigner("fitf", "FITF envelope signer", KeyAlgorithm.EC_P256);
        EnvelopeSigner signer = EnvelopeSigner.builder(fitf, "fitf").build();
        EnvelopeVerifier verifier = EnvelopeVerifier.builder().trustAnchor(ca.certificate())
                .expectedRecipient("smc-examplesocial").build();

        SignedEnvelope envelope = signer.sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS,
                Fixtures.SHARE_DISCLOSURES);
        VerifiedEnvelope verified = verifier.verify(envelope.serialized());
        System.out.println(verified.summary());
        System.out.println("serialized " + envelope.serialized().length + " bytes, canonical payload "
                + envelope.canonicalPayload().length + " bytes");

        byte[] tampered = envelope.serialized();
        tampered[tampered.length / 2] ^= 1;
        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(EnvelopeException.class)
                .satisfies(e -> System.out.println("tampered copy rejected: " + e.getMessage()));

        assertThat(verified.share()).contains(SampleData.passingShare());
    }
}

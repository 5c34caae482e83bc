package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestPki;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;

/** A verifier remembers validated chains, but never beyond the chain's validity. */
class ChainCacheTest {
    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant LEAF_UNTIL = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void aRememberedChainIsStillRejectedOutsideItsValidity() {
        TestPki.Authority ca = TestPki.authority("cache CA", KeyAlgorithm.EC_P256, FROM,
                Instant.parse("2027-01-01T00:00:00Z"));
        SigningCredential leaf = ca.issue("short-lived signer", KeyAlgorithm.EC_P256, FROM, LEAF_UNTIL);
        Instant inside = Instant.parse("2026-05-25T00:00:00Z");
        Instant after = Instant.parse("2026-06-05T00:00:00Z");
        SignedEnvelope valid = signAt(leaf, inside);
        SignedEnvelope late = signAt(leaf, after);

        // One verifier, clock after the leaf expired: the first envelope was signed while the chain was valid, so
        // it verifies and its chain is remembered; the second was signed after expiry and must still be rejected.
        EnvelopeVerifier verifier = EnvelopeVerifier.builder().trustAnchor(ca.certificate()).anyRecipient()
                .clock(Clock.fixed(after, ZoneOffset.UTC)).build();
        assertThat(verifier.verify(valid.serialized()).envelopeId()).isEqualTo(valid.envelopeId());
        assertThat(verifier.verify(signAt(leaf, inside).serialized())).isNotNull();
        assertThatThrownBy(() -> verifier.verify(late.serialized()))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.CERTIFICATE_CHAIN)
                .hasMessageContaining("not valid at the signing time");
    }

    private static SignedEnvelope signAt(SigningCredential c, Instant at) {
        return EnvelopeSigner.builder(c, "fitf").clock(Clock.fixed(at, ZoneOffset.UTC))
                .lifetime(java.time.Duration.ofDays(20)).build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS, Fixtures.SHARE_DISCLOSURES);
    }

}

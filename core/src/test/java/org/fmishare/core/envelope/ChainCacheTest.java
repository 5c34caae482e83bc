package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.Test;

/** A verifier remembers validated chains, but never beyond the chain's validity at its own clock. */
class ChainCacheTest {
    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant LEAF_UNTIL = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void aRememberedChainIsRejectedOnceTheVerifiersClockPassesItsValidity() {
        TestPki.Authority ca = TestPki.authority("cache CA", KeyAlgorithm.EC_P256, FROM,
                Instant.parse("2027-01-01T00:00:00Z"));
        SigningCredential leaf = ca.issueEnvelopeSigner("fitf", "short-lived signer", KeyAlgorithm.EC_P256, FROM,
                LEAF_UNTIL);
        Instant inside = Instant.parse("2026-05-25T00:00:00Z");
        Instant after = Instant.parse("2026-06-05T00:00:00Z");
        MutableClock clock = new MutableClock(inside);
        EnvelopeVerifier verifier = EnvelopeVerifier.builder().trustAnchor(ca.certificate()).anyRecipient()
                .clock(clock).build();

        // While the leaf is valid the chain verifies and is remembered.
        assertThat(verifier.verify(signAt(leaf, inside).serialized())).isNotNull();
        // After the leaf expired, an envelope claiming to be signed inside its validity (backdated, still within
        // its own lifetime) must not be saved by the remembered chain.
        clock.now = after;
        SignedEnvelope backdated = signAt(leaf, inside);
        assertThatThrownBy(() -> verifier.verify(backdated.serialized()))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.CERTIFICATE_CHAIN)
                .hasMessageContaining("not valid at " + after);
    }

    private static SignedEnvelope signAt(SigningCredential c, Instant at) {
        return EnvelopeSigner.builder(c, "fitf").clock(Clock.fixed(at, ZoneOffset.UTC))
                .lifetime(java.time.Duration.ofDays(20)).build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS, Fixtures.SHARE_DISCLOSURES);
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

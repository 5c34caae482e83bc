package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryReplayCacheTest {
    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    /** Records a nonce with a digest of its own; true when it was not recorded before. */
    static boolean first(ReplayCache cache, String nonce, Instant now, Instant retainUntil) {
        return cache.recordUse(nonce, "sha-256:" + nonce, now, retainUntil) == ReplayCache.Use.FIRST_USE;
    }

    @Test
    void secondUseOfANonceIsRefused() {
        InMemoryReplayCache c = InMemoryReplayCache.create();
        assertThat(first(c, "n1", T0, T0.plusSeconds(60))).isTrue();
        assertThat(first(c, "n1", T0.plusSeconds(1), T0.plusSeconds(60))).isFalse();
        assertThat(first(c, "n2", T0, T0.plusSeconds(60))).isTrue();
    }

    @Test
    void expiredNoncesAreForgottenAndFreeCapacity() {
        InMemoryReplayCache c = InMemoryReplayCache.withCapacity(2);
        first(c, "a", T0, T0.plusSeconds(10));
        first(c, "b", T0, T0.plusSeconds(100));
        assertThatThrownBy(() -> first(c, "c", T0.plusSeconds(5), T0.plusSeconds(100)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("full");
        assertThat(first(c, "c", T0.plusSeconds(11), T0.plusSeconds(100))).isTrue();
        assertThat(c.size()).isEqualTo(2);
        assertThat(first(c, "b", T0.plusSeconds(50), T0.plusSeconds(100))).isFalse();
    }

    @Test
    void fullCacheMakesTheVerifierFailClosed() {
        InMemoryReplayCache c = InMemoryReplayCache.withCapacity(1);
        EnvelopeVerifier v = Fixtures.verifierBuilder().replayCache(c).build();
        v.verify(Fixtures.signedShare().serialized());
        assertThatThrownBy(() -> v.verify(Fixtures.signedShare().serialized()))
                .isInstanceOf(EnvelopeException.ProcessingFailed.class)
                .satisfies(e -> assertThat(((EnvelopeException) e).isInputRejection()).isFalse());
    }
}

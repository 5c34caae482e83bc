package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fmishare.core.envelope.ReplayCache;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ReplayCache} must have; each implementation's test extends this. The replay caches live
 * in the core module, but their contract runs here, where the testkit's PostgreSQL and H2 are at hand (the testkit
 * depends on core, so core's own tests cannot use it).
 */
abstract class ReplayCacheContract {
    static final Instant T0 = Instant.parse("2026-10-01T15:00:00Z");
    static final Instant UNTIL = T0.plusSeconds(3_600);

    /** Opens the cache under test; for a persistent cache a second call after {@link #close} sees the same data. */
    abstract ReplayCache open();

    /**
     * A second cache object on the same storage while the first is open, as a second receiver process has it; a
     * cache whose storage one process owns returns the first.
     */
    ReplayCache second(ReplayCache first) {
        return first;
    }

    /** Closes what {@link #open} returned, if it holds resources. */
    void close(ReplayCache cache) {
        // Nothing to release by default.
    }

    /** Whether nonces survive {@link #close} and {@link #open}. */
    abstract boolean persistent();

    static String nonce(int i) {
        return String.format("nonce-%018d-AAAA", i);
    }

    @Test
    void aNonceIsAcceptedOnceAndRefusedAfterwards() {
        ReplayCache cache = open();
        try {
            assertThat(cache.firstUse(nonce(1), T0, UNTIL)).isTrue();
            assertThat(cache.firstUse(nonce(1), T0.plusSeconds(1), UNTIL)).isFalse();
            assertThat(cache.firstUse(nonce(2), T0, UNTIL)).isTrue();
            assertThat(cache.firstUse(nonce(2), UNTIL, UNTIL)).as("still remembered at its retain-until").isFalse();
        } finally {
            close(cache);
        }
    }

    @Test
    void aNonceIsForgottenOnlyAfterItsRetainUntil() {
        ReplayCache cache = open();
        try {
            assertThat(cache.firstUse(nonce(1), T0, T0.plusSeconds(10))).isTrue();
            assertThat(cache.firstUse(nonce(3), T0, T0.plusSeconds(100))).isTrue();
            Instant later = T0.plusSeconds(11);
            assertThat(cache.firstUse(nonce(1), later, later.plusSeconds(10))).as("expired: may be recorded again")
                    .isTrue();
            assertThat(cache.firstUse(nonce(1), later, later.plusSeconds(10))).isFalse();
            assertThat(cache.firstUse(nonce(3), later, later.plusSeconds(10))).as("not expired").isFalse();
        } finally {
            close(cache);
        }
    }

    @Test
    void aPersistentCacheRemembersNoncesWhenOpenedAgain() {
        ReplayCache cache = open();
        try {
            assertThat(cache.firstUse(nonce(1), T0, UNTIL)).isTrue();
            assertThat(cache.firstUse(nonce(2), T0, T0.plusSeconds(5))).isTrue();
        } finally {
            close(cache);
        }
        ReplayCache reopened = open();
        try {
            assertThat(reopened.firstUse(nonce(1), T0.plusSeconds(10), UNTIL)).isEqualTo(!persistent());
            assertThat(reopened.firstUse(nonce(2), T0.plusSeconds(10), UNTIL)).as("expired before the reopen")
                    .isTrue();
        } finally {
            close(reopened);
        }
    }

    @Test
    void manyThreadsOnTwoCacheObjectsRacingOnEachNonceAcceptItExactlyOnce() throws Exception {
        ReplayCache a = open();
        ReplayCache b = second(a);
        int threads = 8;
        int nonces = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int n = 0; n < nonces; n++) {
                String nonce = nonce(1_000 + n);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> answers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    ReplayCache cache = t % 2 == 0 ? a : b;
                    answers.add(pool.submit(() -> {
                        go.await();
                        return cache.firstUse(nonce, T0, UNTIL);
                    }));
                }
                go.countDown();
                int accepted = 0;
                for (Future<Boolean> f : answers) {
                    accepted += f.get(2, TimeUnit.MINUTES) ? 1 : 0;
                }
                assertThat(accepted).as("acceptances of " + nonce).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
            if (b != a) {
                close(b);
            }
            close(a);
        }
    }
}

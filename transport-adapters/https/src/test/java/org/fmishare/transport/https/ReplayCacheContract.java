package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fmishare.core.envelope.ReplayCache;
import org.fmishare.core.envelope.ReplayCache.Use;
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

    static final String D1 = "sha-256:" + "1".repeat(64);
    static final String D2 = "sha-256:" + "2".repeat(64);

    @Test
    void aNonceIsRecordedOnceAndAfterwardsItsDigestTellsTheSameEnvelopeFromAReuse() {
        ReplayCache cache = open();
        try {
            assertThat(cache.recordUse(nonce(1), D1, T0, UNTIL)).isEqualTo(Use.FIRST_USE);
            assertThat(cache.recordUse(nonce(1), D1, T0.plusSeconds(1), UNTIL)).isEqualTo(Use.SAME_ENVELOPE);
            assertThat(cache.recordUse(nonce(1), D2, T0.plusSeconds(1), UNTIL)).isEqualTo(Use.REUSED);
            assertThat(cache.recordUse(nonce(1), D1, T0.plusSeconds(2), UNTIL)).as("the first record is kept")
                    .isEqualTo(Use.SAME_ENVELOPE);
            assertThat(cache.recordUse(nonce(2), D2, T0, UNTIL)).isEqualTo(Use.FIRST_USE);
            assertThat(cache.recordUse(nonce(2), D1, UNTIL, UNTIL)).as("still remembered at its retain-until")
                    .isEqualTo(Use.REUSED);
        } finally {
            close(cache);
        }
    }

    @Test
    void aNonceIsForgottenOnlyAfterItsRetainUntil() {
        ReplayCache cache = open();
        try {
            assertThat(cache.recordUse(nonce(1), D1, T0, T0.plusSeconds(10))).isEqualTo(Use.FIRST_USE);
            assertThat(cache.recordUse(nonce(3), D1, T0, T0.plusSeconds(100))).isEqualTo(Use.FIRST_USE);
            Instant later = T0.plusSeconds(11);
            assertThat(cache.recordUse(nonce(1), D2, later, later.plusSeconds(10)))
                    .as("expired: may be recorded again").isEqualTo(Use.FIRST_USE);
            assertThat(cache.recordUse(nonce(1), D1, later, later.plusSeconds(10))).isEqualTo(Use.REUSED);
            assertThat(cache.recordUse(nonce(1), D2, later, later.plusSeconds(10))).isEqualTo(Use.SAME_ENVELOPE);
            assertThat(cache.recordUse(nonce(3), D2, later, later.plusSeconds(10))).as("not expired")
                    .isEqualTo(Use.REUSED);
        } finally {
            close(cache);
        }
    }

    @Test
    void aPersistentCacheRemembersNoncesAndTheirDigestsWhenOpenedAgain() {
        ReplayCache cache = open();
        try {
            assertThat(cache.recordUse(nonce(1), D1, T0, UNTIL)).isEqualTo(Use.FIRST_USE);
            assertThat(cache.recordUse(nonce(2), D1, T0, T0.plusSeconds(5))).isEqualTo(Use.FIRST_USE);
        } finally {
            close(cache);
        }
        ReplayCache reopened = open();
        try {
            assertThat(reopened.recordUse(nonce(1), D1, T0.plusSeconds(10), UNTIL))
                    .isEqualTo(persistent() ? Use.SAME_ENVELOPE : Use.FIRST_USE);
            assertThat(reopened.recordUse(nonce(1), D2, T0.plusSeconds(10), UNTIL)).isEqualTo(Use.REUSED);
            assertThat(reopened.recordUse(nonce(2), D2, T0.plusSeconds(10), UNTIL)).as("expired before the reopen")
                    .isEqualTo(Use.FIRST_USE);
        } finally {
            close(reopened);
        }
    }

    @Test
    void manyThreadsOnTwoCacheObjectsRacingOnEachNonceRecordItExactlyOnce() throws Exception {
        race(false);
    }

    @Test
    void manyThreadsRacingWithDifferentEnvelopesOnOneNonceRecordOneAndSeeTheOthersAsReuses() throws Exception {
        race(true);
    }

    /**
     * Threads on two cache objects give each nonce at the same moment, with one digest (a sender's retries: one
     * first use, the rest the same envelope) or each its own (one first use, the rest reuses).
     */
    private void race(boolean digestPerThread) throws Exception {
        ReplayCache a = open();
        ReplayCache b = second(a);
        int threads = 8;
        int nonces = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int n = 0; n < nonces; n++) {
                String nonce = nonce(1_000 + n);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Use>> answers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    ReplayCache cache = t % 2 == 0 ? a : b;
                    String digest = digestPerThread ? "sha-256:" + String.format("%064d", t) : D1;
                    answers.add(pool.submit(() -> {
                        go.await();
                        return cache.recordUse(nonce, digest, T0, UNTIL);
                    }));
                }
                go.countDown();
                Map<Use, Integer> counts = new EnumMap<>(Use.class);
                for (Future<Use> f : answers) {
                    counts.merge(f.get(2, TimeUnit.MINUTES), 1, Integer::sum);
                }
                assertThat(counts).as("answers for " + nonce).containsEntry(Use.FIRST_USE, 1)
                        .containsEntry(digestPerThread ? Use.REUSED : Use.SAME_ENVELOPE, threads - 1);
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

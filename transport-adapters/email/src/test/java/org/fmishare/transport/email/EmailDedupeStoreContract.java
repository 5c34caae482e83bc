package org.fmishare.transport.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link EmailDedupeStore} must have; each implementation's test extends this. */
abstract class EmailDedupeStoreContract {
    static final Instant T0 = Instant.parse("2026-10-01T15:00:00Z");
    static final Instant FORGET = T0.plusSeconds(3_600);

    /** Opens the store under test; for a persistent store a second call after {@link #close} sees the same data. */
    abstract EmailDedupeStore open();

    /** A second store object on the same storage while the first is open; one-process storage returns the first. */
    EmailDedupeStore second(EmailDedupeStore first) {
        return first;
    }

    /** Closes what {@link #open} returned, if it holds resources. */
    void close(EmailDedupeStore store) {
        // Nothing to release by default.
    }

    /** Whether entries survive {@link #close} and {@link #open}. */
    abstract boolean persistent();

    static String digest(int i) {
        return String.format("%064x", i);
    }

    static String id(int i) {
        return String.format("00000000-0000-4000-8000-%012d", i);
    }

    @Test
    void aRecordedEnvelopeIsFoundByItsDigestAndItsIdKeepsTheFirstDigest() {
        EmailDedupeStore store = open();
        try {
            assertThat(store.envelopeIdOf(digest(1), T0)).isEmpty();
            assertThat(store.record(id(1), digest(1), FORGET, T0)).isEmpty();
            assertThat(store.envelopeIdOf(digest(1), T0)).contains(id(1));
            assertThat(store.record(id(1), digest(1), FORGET, T0)).as("the same envelope again").contains(digest(1));
            assertThat(store.record(id(1), digest(2), FORGET, T0)).as("another envelope under a known id")
                    .contains(digest(1));
            assertThat(store.envelopeIdOf(digest(2), T0)).isEmpty();
        } finally {
            close(store);
        }
    }

    @Test
    void anEntryIsForgottenOnlyAfterItsForgetAfter() {
        EmailDedupeStore store = open();
        try {
            store.record(id(1), digest(1), T0.plusSeconds(10), T0);
            assertThat(store.envelopeIdOf(digest(1), T0.plusSeconds(10))).contains(id(1));
            Instant later = T0.plusSeconds(11);
            assertThat(store.envelopeIdOf(digest(1), later)).isEmpty();
            assertThat(store.record(id(1), digest(3), FORGET, later)).as("expired: may be recorded afresh").isEmpty();
            assertThat(store.envelopeIdOf(digest(3), later)).contains(id(1));
        } finally {
            close(store);
        }
    }

    @Test
    void aPersistentStoreRemembersWhenOpenedAgain() {
        EmailDedupeStore store = open();
        try {
            store.record(id(1), digest(1), FORGET, T0);
        } finally {
            close(store);
        }
        EmailDedupeStore reopened = open();
        try {
            assertThat(reopened.envelopeIdOf(digest(1), T0.plusSeconds(1)))
                    .isEqualTo(persistent() ? Optional.of(id(1)) : Optional.empty());
        } finally {
            close(reopened);
        }
    }

    @Test
    void manyThreadsOnTwoStoreObjectsRecordingOneEnvelopeAreToldOnceThatTheyRecordedIt() throws Exception {
        EmailDedupeStore a = open();
        EmailDedupeStore b = second(a);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int n = 0; n < 30; n++) {
                String id = id(100 + n);
                String digest = digest(100 + n);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Optional<String>>> answers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    EmailDedupeStore store = t % 2 == 0 ? a : b;
                    answers.add(pool.submit(() -> {
                        go.await();
                        return store.record(id, digest, FORGET, T0);
                    }));
                }
                go.countDown();
                int recorded = 0;
                for (Future<Optional<String>> f : answers) {
                    Optional<String> previous = f.get(2, TimeUnit.MINUTES);
                    if (previous.isEmpty()) {
                        recorded++;
                    } else {
                        assertThat(previous).contains(digest);
                    }
                }
                assertThat(recorded).as("recordings of " + id).isEqualTo(1);
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

package org.fmishare.delivery.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link OutboxStore} must have; each implementation's test extends this. */
abstract class OutboxStoreContract {
    static final Instant T0 = Instant.parse("2026-10-01T15:00:00Z");

    /** Opens the store under test; a second call after {@code close()} must reopen the same data. */
    abstract OutboxStore open();

    static OutboxEntry entry(String id) {
        return OutboxEntry.queued(id, "https://smc.example.test/fmi", "smc-examplesocial", T0.plusSeconds(86_400),
                "sha-256:" + "0".repeat(64), ("{\"envelope\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8), T0);
    }

    @Test
    void enqueuedEntryIsFoundAndListedAsQueued() {
        try (OutboxStore store = open()) {
            assertThat(store.enqueue(entry("e-1"))).isTrue();
            assertThat(store.find("e-1")).contains(entry("e-1"));
            assertThat(store.list(OutboxState.QUEUED)).containsExactly(entry("e-1"));
            assertThat(store.find("e-2")).isEmpty();
        }
    }

    @Test
    void enqueueIsIdempotentOnTheEnvelopeIdInEveryState() {
        try (OutboxStore store = open()) {
            assertThat(store.enqueue(entry("e-1"))).isTrue();
            assertThat(store.enqueue(entry("e-1"))).isFalse();
            store.markDelivered("e-1", T0.plusSeconds(5), new byte[] {1, 2});
            assertThat(store.enqueue(entry("e-1"))).isFalse();
            assertThat(store.find("e-1").orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
        }
    }

    @Test
    void failuresCountAttemptsAndScheduleTheNext() {
        try (OutboxStore store = open()) {
            store.enqueue(entry("e-1"));
            store.recordFailure("e-1", 1, T0.plusSeconds(2), "HTTP 503");
            store.recordFailure("e-1", 2, T0.plusSeconds(6), "connection reset");
            OutboxEntry e = store.find("e-1").orElseThrow();
            assertThat(e.state()).isEqualTo(OutboxState.QUEUED);
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(e.nextAttemptAt()).isEqualTo(T0.plusSeconds(6));
            assertThat(e.lastError()).contains("connection reset");
        }
    }

    @Test
    void deliveredKeepsTheReceiptAndIsTerminal() {
        try (OutboxStore store = open()) {
            store.enqueue(entry("e-1"));
            store.markDelivered("e-1", T0.plusSeconds(1), "receipt".getBytes(StandardCharsets.UTF_8));
            OutboxEntry e = store.find("e-1").orElseThrow();
            assertThat(e.state()).isEqualTo(OutboxState.DELIVERED);
            assertThat(new String(e.receipt(), StandardCharsets.UTF_8)).isEqualTo("receipt");
            assertThat(e.finishedAt()).contains(T0.plusSeconds(1));
            assertThatThrownBy(() -> store.markDelivered("e-1", T0, new byte[0]))
                    .isInstanceOf(OutboxException.IllegalTransition.class).hasMessageContaining("DELIVERED");
            assertThatThrownBy(() -> store.recordFailure("e-1", 1, T0, "x"))
                    .isInstanceOf(OutboxException.IllegalTransition.class);
            assertThatThrownBy(() -> store.replay("e-1", T0)).isInstanceOf(OutboxException.IllegalTransition.class);
        }
    }

    @Test
    void deadEntriesCanBeListedAndReplayed() {
        try (OutboxStore store = open()) {
            store.enqueue(entry("e-1"));
            store.enqueue(entry("e-2"));
            store.recordFailure("e-1", 5, T0.plusSeconds(60), "HTTP 503");
            store.markDead("e-1", T0.plusSeconds(61), "gave up after 5 attempts");
            assertThat(store.list(OutboxState.DEAD)).extracting(OutboxEntry::envelopeId).containsExactly("e-1");
            assertThat(store.list(OutboxState.QUEUED)).extracting(OutboxEntry::envelopeId).containsExactly("e-2");
            store.replay("e-1", T0.plusSeconds(100));
            OutboxEntry e = store.find("e-1").orElseThrow();
            assertThat(e.state()).isEqualTo(OutboxState.QUEUED);
            assertThat(e.attempts()).isZero();
            assertThat(e.nextAttemptAt()).isEqualTo(T0.plusSeconds(100));
            assertThatThrownBy(() -> store.replay("e-2", T0)).isInstanceOf(OutboxException.IllegalTransition.class)
                    .hasMessageContaining("QUEUED");
        }
    }

    @Test
    void unknownEnvelopeIsATypedError() {
        try (OutboxStore store = open()) {
            assertThatThrownBy(() -> store.markDead("nope", T0, "x"))
                    .isInstanceOf(OutboxException.UnknownEnvelope.class).hasMessageContaining("nope");
        }
    }

    @Test
    void everythingSurvivesCloseAndReopen() {
        try (OutboxStore store = open()) {
            store.enqueue(entry("a"));
            store.enqueue(entry("b"));
            store.enqueue(entry("c"));
            store.recordFailure("a", 1, T0.plusSeconds(3), "timeout");
            store.markDelivered("b", T0.plusSeconds(4), new byte[] {9});
            store.markDead("c", T0.plusSeconds(5), "HTTP 400");
        }
        try (OutboxStore store = open()) {
            assertThat(store.find("a").orElseThrow().attempts()).isEqualTo(1);
            assertThat(store.find("b").orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
            assertThat(store.find("b").orElseThrow().receipt()).containsExactly(9);
            assertThat(store.find("c").orElseThrow().lastError()).contains("HTTP 400");
        }
    }

    @Test
    void concurrentEnqueuesAreAllDurable() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (OutboxStore store = open()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                String id = "c-" + i;
                results.add(pool.submit(() -> store.enqueue(entry(id))));
                results.add(pool.submit(() -> store.enqueue(entry(id))));
            }
            int added = 0;
            for (Future<Boolean> f : results) {
                added += f.get(2, TimeUnit.MINUTES) ? 1 : 0;
            }
            assertThat(added).isEqualTo(800);
        } finally {
            pool.shutdownNow();
        }
        try (OutboxStore store = open()) {
            assertThat(store.list(OutboxState.QUEUED)).hasSize(800);
        }
    }
}

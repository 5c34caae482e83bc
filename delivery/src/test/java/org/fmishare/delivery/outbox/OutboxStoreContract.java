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

    static final String DEST = "https://smc.example.test/fmi";

    /** The delivery id of {@link #entry(String) entry(id)}, the key the store's methods take. */
    static String key(String id) {
        return OutboxEntry.deliveryId(id, DEST);
    }

    static OutboxEntry entry(String id) {
        return OutboxEntry.queued(id, DEST, "smc-examplesocial", T0.plusSeconds(86_400),
                "sha-256:" + "0".repeat(64), ("{\"envelope\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8), T0);
    }

    @Test
    void enqueuedEntryIsFoundAndListedAsQueued() {
        try (OutboxStore store = open()) {
            assertThat(store.enqueue(entry("e-1"))).isTrue();
            assertThat(store.find(OutboxStoreContract.key("e-1"))).contains(entry("e-1"));
            assertThat(store.list(OutboxState.QUEUED)).containsExactly(entry("e-1"));
            assertThat(store.find(OutboxStoreContract.key("e-2"))).isEmpty();
        }
    }

    @Test
    void enqueueIsIdempotentOnTheEnvelopeIdInEveryState() {
        try (OutboxStore store = open()) {
            assertThat(store.enqueue(entry("e-1"))).isTrue();
            assertThat(store.enqueue(entry("e-1"))).isFalse();
            store.markDelivered(OutboxStoreContract.key("e-1"), T0.plusSeconds(5), new byte[] {1, 2});
            assertThat(store.enqueue(entry("e-1"))).isFalse();
            assertThat(store.find(OutboxStoreContract.key("e-1")).orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
        }
    }

    @Test
    void oneEnvelopeForTwoDestinationsIsTwoDeliveriesTrackedSeparately() {
        OutboxEntry first = entry("e-1");
        OutboxEntry second = OutboxEntry.queued("e-1", "mailto:fmi@smc.example.test", first.recipientId(),
                first.expiresAt(), first.digest(), first.envelope(), T0.plusSeconds(1));
        try (OutboxStore store = open()) {
            assertThat(store.enqueue(first)).isTrue();
            assertThat(store.enqueue(second)).as("the same envelope for another destination").isTrue();
            assertThat(store.enqueue(second)).as("but once per destination").isFalse();
            store.markDelivered(first.deliveryId(), T0.plusSeconds(5), new byte[] {1});
            store.recordFailure(second.deliveryId(), 1, T0.plusSeconds(9), "HTTP 503");
        }
        try (OutboxStore store = open()) {
            assertThat(store.deliveriesOf("e-1")).extracting(OutboxEntry::destination, OutboxEntry::state,
                    OutboxEntry::attempts).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(DEST, OutboxState.DELIVERED, 0),
                            org.assertj.core.groups.Tuple.tuple("mailto:fmi@smc.example.test", OutboxState.QUEUED, 1));
            assertThat(store.find(second.deliveryId()).orElseThrow().lastError()).contains("HTTP 503");
            assertThat(store.list(OutboxState.QUEUED)).extracting(OutboxEntry::deliveryId)
                    .containsExactly(second.deliveryId());
            assertThat(store.deliveriesOf("e-2")).isEmpty();
        }
    }

    @Test
    void failuresCountAttemptsAndScheduleTheNext() {
        try (OutboxStore store = open()) {
            store.enqueue(entry("e-1"));
            store.recordFailure(OutboxStoreContract.key("e-1"), 1, T0.plusSeconds(2), "HTTP 503");
            store.recordFailure(OutboxStoreContract.key("e-1"), 2, T0.plusSeconds(6), "connection reset");
            OutboxEntry e = store.find(OutboxStoreContract.key("e-1")).orElseThrow();
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
            store.markDelivered(OutboxStoreContract.key("e-1"), T0.plusSeconds(1), "receipt".getBytes(StandardCharsets.UTF_8));
            OutboxEntry e = store.find(OutboxStoreContract.key("e-1")).orElseThrow();
            assertThat(e.state()).isEqualTo(OutboxState.DELIVERED);
            assertThat(new String(e.receipt(), StandardCharsets.UTF_8)).isEqualTo("receipt");
            assertThat(e.finishedAt()).contains(T0.plusSeconds(1));
            assertThatThrownBy(() -> store.markDelivered(OutboxStoreContract.key("e-1"), T0, new byte[0]))
                    .isInstanceOf(OutboxException.IllegalTransition.class).hasMessageContaining("DELIVERED");
            assertThatThrownBy(() -> store.recordFailure(OutboxStoreContract.key("e-1"), 1, T0, "x"))
                    .isInstanceOf(OutboxException.IllegalTransition.class);
            assertThatThrownBy(() -> store.replay(OutboxStoreContract.key("e-1"), T0)).isInstanceOf(OutboxException.IllegalTransition.class);
        }
    }

    @Test
    void deadEntriesCanBeListedAndReplayed() {
        try (OutboxStore store = open()) {
            store.enqueue(entry("e-1"));
            store.enqueue(entry("e-2"));
            store.recordFailure(OutboxStoreContract.key("e-1"), 5, T0.plusSeconds(60), "HTTP 503");
            store.markDead(OutboxStoreContract.key("e-1"), T0.plusSeconds(61), "gave up after 5 attempts");
            assertThat(store.list(OutboxState.DEAD)).extracting(OutboxEntry::envelopeId).containsExactly("e-1");
            assertThat(store.list(OutboxState.QUEUED)).extracting(OutboxEntry::envelopeId).containsExactly("e-2");
            store.replay(OutboxStoreContract.key("e-1"), T0.plusSeconds(100));
            OutboxEntry e = store.find(OutboxStoreContract.key("e-1")).orElseThrow();
            assertThat(e.state()).isEqualTo(OutboxState.QUEUED);
            assertThat(e.attempts()).isZero();
            assertThat(e.nextAttemptAt()).isEqualTo(T0.plusSeconds(100));
            assertThatThrownBy(() -> store.replay(OutboxStoreContract.key("e-2"), T0)).isInstanceOf(OutboxException.IllegalTransition.class)
                    .hasMessageContaining("QUEUED");
        }
    }

    @Test
    void unknownEnvelopeIsATypedError() {
        try (OutboxStore store = open()) {
            assertThatThrownBy(() -> store.markDead(OutboxStoreContract.key("nope"), T0, "x"))
                    .isInstanceOf(OutboxException.UnknownEnvelope.class).hasMessageContaining("nope");
        }
    }

    @Test
    void everythingSurvivesCloseAndReopen() {
        try (OutboxStore store = open()) {
            store.enqueue(entry("a"));
            store.enqueue(entry("b"));
            store.enqueue(entry("c"));
            store.recordFailure(OutboxStoreContract.key("a"), 1, T0.plusSeconds(3), "timeout");
            store.markDelivered(OutboxStoreContract.key("b"), T0.plusSeconds(4), new byte[] {9});
            store.markDead(OutboxStoreContract.key("c"), T0.plusSeconds(5), "HTTP 400");
        }
        try (OutboxStore store = open()) {
            assertThat(store.find(OutboxStoreContract.key("a")).orElseThrow().attempts()).isEqualTo(1);
            assertThat(store.find(OutboxStoreContract.key("b")).orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
            assertThat(store.find(OutboxStoreContract.key("b")).orElseThrow().receipt()).containsExactly(9);
            assertThat(store.find(OutboxStoreContract.key("c")).orElseThrow().lastError()).contains("HTTP 400");
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

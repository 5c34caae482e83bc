package org.fmishare.delivery.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a store shared by several dispatcher instances adds to the contract: leases. */
abstract class SharedOutboxStoreContract extends OutboxStoreContract {

    @Override
    abstract SharedOutboxStore open();

    @Test
    void aLeasedEntryGoesToNobodyElseUntilTheLeaseExpires() {
        try (SharedOutboxStore store = open()) {
            store.enqueue(entry("e-1"));
            store.enqueue(entry("e-2"));
            assertThat(store.lease("a", T0, Duration.ofSeconds(30), 10))
                    .containsExactlyInAnyOrder(key("e-1"), key("e-2"));
            assertThat(store.lease("b", T0.plusSeconds(29), Duration.ofSeconds(30), 10)).isEmpty();
            assertThat(store.lease("b", T0.plusSeconds(30), Duration.ofSeconds(30), 10))
                    .containsExactlyInAnyOrder(key("e-1"), key("e-2"));
            assertThat(store.lease("a", T0.plusSeconds(31), Duration.ofSeconds(30), 10)).isEmpty();
        }
    }

    @Test
    void onlyDueQueuedEntriesAreLeasedAndAtMostTheAskedNumber() {
        try (SharedOutboxStore store = open()) {
            store.enqueue(entry("e-1"));
            store.enqueue(entry("e-2"));
            store.enqueue(entry("e-3"));
            store.enqueue(entry("e-4"));
            store.markDelivered(OutboxStoreContract.key("e-1"), T0, new byte[0]);
            store.markDead(OutboxStoreContract.key("e-2"), T0, "refused");
            store.recordFailure(OutboxStoreContract.key("e-3"), 1, T0.plusSeconds(60), "HTTP 503");
            assertThat(store.lease("a", T0.plusSeconds(1), Duration.ofMinutes(10), 10)).containsExactly(key("e-4"));
            assertThat(store.lease("a", T0.plusSeconds(60), Duration.ofSeconds(5), 10)).containsExactly(key("e-3"));
        }
    }

    @Test
    void recordingAFailureEndsTheLeaseSoAnotherInstanceRetriesWhenDue() {
        try (SharedOutboxStore store = open()) {
            store.enqueue(entry("e-1"));
            assertThat(store.lease("a", T0, Duration.ofMinutes(10), 1)).containsExactly(key("e-1"));
            store.recordFailure(OutboxStoreContract.key("e-1"), 1, T0.plusSeconds(2), "HTTP 503");
            assertThat(store.lease("b", T0.plusSeconds(2), Duration.ofMinutes(10), 1)).containsExactly(key("e-1"));
            store.markDelivered(OutboxStoreContract.key("e-1"), T0.plusSeconds(3), new byte[0]);
            assertThat(store.lease("c", T0.plusSeconds(3_600), Duration.ofMinutes(10), 1)).isEmpty();
        }
    }

    @Test
    void renewingExtendsOnlyALeaseItsOwnerStillHolds() {
        try (SharedOutboxStore store = open()) {
            store.enqueue(entry("e-1"));
            String id = key("e-1");
            assertThat(store.lease("a", T0, Duration.ofSeconds(30), 1)).containsExactly(id);
            assertThat(store.renew(id, "b", T0.plusSeconds(10), Duration.ofSeconds(30))).as("not b's").isFalse();
            assertThat(store.renew(id, "a", T0.plusSeconds(10), Duration.ofSeconds(30))).isTrue();
            assertThat(store.lease("b", T0.plusSeconds(31), Duration.ofSeconds(30), 1)).as("renewed to +40 s").isEmpty();
            assertThat(store.lease("b", T0.plusSeconds(40), Duration.ofSeconds(30), 1)).containsExactly(id);
            assertThat(store.renew(id, "a", T0.plusSeconds(41), Duration.ofSeconds(30))).as("taken over").isFalse();
            store.markDelivered(id, T0.plusSeconds(42), new byte[0]);
            assertThat(store.renew(id, "b", T0.plusSeconds(43), Duration.ofSeconds(30))).as("finished").isFalse();
        }
    }

    @Test
    void concurrentInstancesNeverLeaseTheSameEntry() throws Exception {
        int entries = 120;
        try (SharedOutboxStore store = open()) {
            for (int i = 0; i < entries; i++) {
                store.enqueue(entry("e-" + i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    String owner = "instance-" + t;
                    results.add(pool.submit(() -> {
                        List<String> mine = new ArrayList<>();
                        List<String> batch;
                        do {
                            batch = store.lease(owner, T0, Duration.ofMinutes(10), 7);
                            mine.addAll(batch);
                        } while (!batch.isEmpty());
                        return mine;
                    }));
                }
                List<String> all = new ArrayList<>();
                for (Future<List<String>> f : results) {
                    all.addAll(f.get(5, TimeUnit.MINUTES));
                }
                assertThat(all).hasSize(entries).doesNotHaveDuplicates();
            } finally {
                pool.shutdownNow();
            }
        }
    }
}

package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ReceiptStore} must have; each implementation's test extends this. */
abstract class ReceiptStoreContract {
    static final Instant T0 = Instant.parse("2026-10-01T15:00:00Z");

    /** Opens the store under test; for a persistent store a second call after {@link #close} sees the same data. */
    abstract ReceiptStore open();

    /** Closes what {@link #open} returned, if it holds resources. */
    void close(ReceiptStore store) {
        // Nothing to release by default.
    }

    /** Whether receipts survive {@link #close} and {@link #open}. */
    abstract boolean persistent();

    static StoredReceipt receipt(String id, String key) {
        return new StoredReceipt(key, id, "sha-256:" + "1".repeat(64), T0.plusSeconds(3_600),
                ("receipt for " + id + " " + key).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aStoredReceiptIsFoundByKeyAndByEnvelopeId() {
        ReceiptStore store = open();
        try {
            StoredReceipt r = receipt("e-1", "sha-256:aa");
            assertThat(store.put(r, T0)).isEqualTo(r);
            assertThat(store.findByKey("sha-256:aa", T0)).contains(r);
            assertThat(store.findByEnvelopeId("e-1", T0)).contains(r);
            assertThat(store.findByKey("sha-256:bb", T0)).isEmpty();
            assertThat(store.findByEnvelopeId("e-2", T0)).isEmpty();
        } finally {
            close(store);
        }
    }

    @Test
    void theFirstReceiptForAnEnvelopeIsKept() {
        ReceiptStore store = open();
        try {
            StoredReceipt first = receipt("e-1", "sha-256:aa");
            store.put(first, T0);
            assertThat(store.put(receipt("e-1", "sha-256:bb"), T0)).isEqualTo(first);
            assertThat(store.put(receipt("e-2", "sha-256:aa"), T0)).isEqualTo(first);
            assertThat(store.findByEnvelopeId("e-2", T0)).isEmpty();
        } finally {
            close(store);
        }
    }

    @Test
    void receiptsSurviveReopeningWhenPersistent() {
        ReceiptStore store = open();
        StoredReceipt r = receipt("e-1", "sha-256:aa");
        store.put(r, T0);
        close(store);
        ReceiptStore again = open();
        try {
            assertThat(again.findByKey("sha-256:aa", T0).isPresent()).isEqualTo(persistent());
            if (persistent()) {
                assertThat(again.findByEnvelopeId("e-1", T0)).contains(r);
            }
        } finally {
            close(again);
        }
    }

    @Test
    void concurrentPutsForOneEnvelopeAllAnswerTheSameReceipt() throws Exception {
        ReceiptStore store = open();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StoredReceipt>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                StoredReceipt mine = receipt("e-1", "sha-256:" + i);
                answers.add(pool.submit(() -> store.put(mine, T0)));
            }
            List<StoredReceipt> got = new ArrayList<>();
            for (Future<StoredReceipt> f : answers) {
                got.add(f.get(2, TimeUnit.MINUTES));
            }
            assertThat(got).containsOnly(store.findByEnvelopeId("e-1", T0).orElseThrow());
        } finally {
            pool.shutdownNow();
            close(store);
        }
    }
}

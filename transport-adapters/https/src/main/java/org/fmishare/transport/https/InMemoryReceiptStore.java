package org.fmishare.transport.https;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link ReceiptStore}: a bounded in-memory map, each receipt kept until its envelope expires.
 *
 * <p>Design note: when full of live receipts it evicts the one expiring first and logs a warning. That errs on the
 * safe side for exactly-once: a retry of an evicted envelope is verified again, the replay cache refuses it, and the
 * sender gets 400 (the callback is not called twice). Size it for the envelopes received within the longest
 * envelope lifetime. State is lost on restart. Thread-safe (one lock).
 */
public final class InMemoryReceiptStore implements ReceiptStore {
    /** Default capacity. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryReceiptStore.class);

    private final int maxEntries;
    private final Map<String, StoredReceipt> byKey = new HashMap<>();
    private final Map<String, StoredReceipt> byId = new HashMap<>();
    private final PriorityQueue<StoredReceipt> byExpiry = new PriorityQueue<>(
            (a, b) -> a.retainUntil().compareTo(b.retainUntil()));

    private InMemoryReceiptStore(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** {@return a store of {@link #DEFAULT_MAX_ENTRIES} receipts} */
    public static InMemoryReceiptStore create() {
        return new InMemoryReceiptStore(DEFAULT_MAX_ENTRIES);
    }

    /**
     * Creates a store of a given capacity.
     *
     * @param maxEntries at least 1
     * @return the store
     */
    public static InMemoryReceiptStore withCapacity(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        return new InMemoryReceiptStore(maxEntries);
    }

    @Override
    public synchronized Optional<StoredReceipt> findByKey(String requestKey, Instant now) {
        Objects.requireNonNull(requestKey, "requestKey");
        purge(Objects.requireNonNull(now, "now"));
        return Optional.ofNullable(byKey.get(requestKey));
    }

    @Override
    public synchronized Optional<StoredReceipt> findByEnvelopeId(String envelopeId, Instant now) {
        Objects.requireNonNull(envelopeId, "envelopeId");
        purge(Objects.requireNonNull(now, "now"));
        return Optional.ofNullable(byId.get(envelopeId));
    }

    @Override
    public synchronized StoredReceipt put(StoredReceipt receipt, Instant now) {
        Objects.requireNonNull(receipt, "receipt");
        purge(Objects.requireNonNull(now, "now"));
        StoredReceipt earlier = byId.get(receipt.envelopeId());
        if (earlier == null) {
            earlier = byKey.get(receipt.requestKey());
        }
        if (earlier != null) {
            return earlier;
        }
        while (byId.size() >= maxEntries) {
            StoredReceipt evicted = byExpiry.poll();
            remove(evicted);
            LOG.warn("receipt store full ({} receipts): forgot the receipt for {} before it expired; a retry of "
                    + "that envelope will be refused", maxEntries, evicted.envelopeId());
        }
        byKey.put(receipt.requestKey(), receipt);
        byId.put(receipt.envelopeId(), receipt);
        byExpiry.add(receipt);
        return receipt;
    }

    /** {@return the number of receipts remembered} */
    public synchronized int size() {
        return byId.size();
    }

    private void purge(Instant now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().retainUntil().isBefore(now)) {
            remove(byExpiry.poll());
        }
    }

    private void remove(StoredReceipt r) {
        byKey.remove(r.requestKey(), r);
        byId.remove(r.envelopeId(), r);
    }
}

package org.fmishare.core.envelope;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The default {@link ReplayCache}: a bounded in-memory map of nonces to their envelopes' digests, each kept until its
 * envelope expires.
 *
 * <p>Design note: entries leave only by expiry, never by eviction, because evicting a live nonce would reopen the
 * replay window. When the cache is full of live nonces, {@link #recordUse} throws {@link IllegalStateException} and
 * the verifier rejects the envelope (fail closed); size the cache for the peak number of envelopes within the longest
 * accepted lifetime. A priority queue ordered by expiry makes purging O(log n) per entry. Thread-safe (one lock);
 * state is lost on restart, so processes that restart within an envelope lifetime need a persistent cache
 * ({@link FileReplayCache} or {@link JdbcReplayCache}).
 */
public final class InMemoryReplayCache implements ReplayCache {
    /** Default capacity: one million nonces (roughly 100 MB at worst). */
    public static final int DEFAULT_MAX_ENTRIES = 1_000_000;

    private final int maxEntries;
    private final Map<String, Recorded> live = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>();

    private record Recorded(String digest, Instant retainUntil) {}

    private record Entry(Instant retainUntil, String nonce) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            return retainUntil.compareTo(o.retainUntil);
        }
    }

    private InMemoryReplayCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** {@return a cache holding at most {@link #DEFAULT_MAX_ENTRIES} live nonces} */
    public static InMemoryReplayCache create() {
        return new InMemoryReplayCache(DEFAULT_MAX_ENTRIES);
    }

    /**
     * Creates a cache of a given capacity.
     *
     * @param maxEntries at least 1
     * @return the cache
     */
    public static InMemoryReplayCache withCapacity(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        return new InMemoryReplayCache(maxEntries);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when the cache is full of live nonces
     */
    @Override
    public synchronized Use recordUse(String nonce, String digest, Instant now, Instant retainUntil) {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(retainUntil, "retainUntil");
        while (!byExpiry.isEmpty() && byExpiry.peek().retainUntil().isBefore(now)) {
            Entry e = byExpiry.poll();
            Recorded r = live.get(e.nonce());
            // A nonce recorded afresh after expiry has a later retain-until; only its own queue entry removes it.
            if (r != null && r.retainUntil().equals(e.retainUntil())) {
                live.remove(e.nonce());
            }
        }
        Recorded earlier = live.get(nonce);
        if (earlier != null) {
            return earlier.digest().equals(digest) ? Use.SAME_ENVELOPE : Use.REUSED;
        }
        if (live.size() >= maxEntries) {
            throw new IllegalStateException("replay cache full: " + maxEntries + " live nonces");
        }
        live.put(nonce, new Recorded(digest, retainUntil));
        byExpiry.add(new Entry(retainUntil, nonce));
        return Use.FIRST_USE;
    }

    /** {@return the number of nonces currently remembered} */
    public synchronized int size() {
        return live.size();
    }
}

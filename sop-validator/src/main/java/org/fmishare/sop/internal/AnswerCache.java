package org.fmishare.sop.internal;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * A bounded, thread-safe memo of a pure function's answers, for the linter's per-text and per-sentence work.
 *
 * <p>Two generations instead of a least-recently-used list: answers go into the young map; when the young map's
 * weight passes the bound it becomes the old map and the previous old map is dropped, and an answer found in the
 * old map is copied back into the young one. A lookup therefore costs one or two hash lookups and allocates
 * nothing, the memory held stays below about twice the bound, and answers in steady use survive a rotation, which
 * a cache that is cleared when full would lose all at once. Only pure functions may be memoised here: an answer
 * must depend on the key alone, so two threads computing the same key at once are harmless. Not API.
 *
 * @param <K> the key, compared with {@code equals}
 * @param <V> the answer; must be immutable, since every caller shares it
 */
final class AnswerCache<K, V> {
    private final long maxWeight;
    private final ToLongFunction<K> weigher;
    private final AtomicLong weight = new AtomicLong();
    private volatile ConcurrentHashMap<K, V> young = new ConcurrentHashMap<>();
    private volatile ConcurrentHashMap<K, V> old = new ConcurrentHashMap<>();

    /**
     * Creates an empty cache.
     *
     * @param maxWeight the weight the young generation may reach before it is rotated; positive
     * @param weigher the weight of one key (for text, its length), at least one per entry is counted
     */
    AnswerCache(long maxWeight, ToLongFunction<K> weigher) {
        if (maxWeight <= 0) {
            throw new IllegalArgumentException("maxWeight must be positive, was " + maxWeight);
        }
        this.maxWeight = maxWeight;
        this.weigher = Objects.requireNonNull(weigher, "weigher");
    }

    /**
     * The answer remembered for a key.
     *
     * @param key the key
     * @return the answer, or null when none is remembered
     */
    V get(K key) {
        V v = young.get(key);
        if (v == null) {
            v = old.get(key);
            if (v != null) {
                put(key, v);
            }
        }
        return v;
    }

    /**
     * Remembers an answer; a key already remembered keeps its first answer (both are equal for a pure function).
     *
     * @param key the key
     * @param answer the answer, immutable
     */
    void put(K key, V answer) {
        Objects.requireNonNull(answer, "answer");
        if (young.putIfAbsent(key, answer) == null
                && weight.addAndGet(Math.max(1, weigher.applyAsLong(key))) > maxWeight) {
            rotate();
        }
    }

    /** The number of answers held, in both generations (a key may be counted twice). For tests. */
    int size() {
        return young.size() + old.size();
    }

    private synchronized void rotate() {
        if (weight.get() <= maxWeight) {
            return;                 // another thread rotated first
        }
        old = young;
        young = new ConcurrentHashMap<>();
        weight.set(0);
    }
}

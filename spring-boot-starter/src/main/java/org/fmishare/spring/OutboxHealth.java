package org.fmishare.spring;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.delivery.outbox.OutboxEntry;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.delivery.outbox.OutboxStore;

/**
 * Judges an outbox's health by its backlog: how many envelopes are queued and how long the oldest has waited. The
 * health indicators of each Spring Boot generation report what it finds. Thread-safe.
 */
public final class OutboxHealth {
    private final OutboxStore store;
    private final Clock clock;
    private final int maxBacklog;
    private final Duration maxOldestQueuedAge;

    /**
     * Creates the judge.
     *
     * @param store the outbox
     * @param clock the clock ages are measured with (the dispatcher's)
     * @param maxBacklog the most queued envelopes that are healthy, at least 0
     * @param maxOldestQueuedAge the longest wait that is healthy, positive
     */
    public OutboxHealth(OutboxStore store, Clock clock, int maxBacklog, Duration maxOldestQueuedAge) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxOldestQueuedAge = Objects.requireNonNull(maxOldestQueuedAge, "maxOldestQueuedAge");
        if (maxBacklog < 0) {
            throw new IllegalArgumentException("maxBacklog must not be negative, was " + maxBacklog);
        }
        if (maxOldestQueuedAge.isNegative() || maxOldestQueuedAge.isZero()) {
            throw new IllegalArgumentException("maxOldestQueuedAge must be positive, was " + maxOldestQueuedAge);
        }
        this.maxBacklog = maxBacklog;
    }

    /**
     * What the outbox looks like now.
     *
     * @param backlog queued envelopes
     * @param oldestQueuedAge how long the oldest queued envelope has waited; empty when none is queued
     * @param maxBacklog the threshold for {@code backlog}
     * @param maxOldestQueuedAge the threshold for {@code oldestQueuedAge}
     * @param problems the thresholds exceeded, in words; empty when healthy
     */
    public record Status(int backlog, Optional<Duration> oldestQueuedAge, int maxBacklog, Duration maxOldestQueuedAge,
            List<String> problems) {
        /** Copies the list. */
        public Status {
            Objects.requireNonNull(oldestQueuedAge, "oldestQueuedAge");
            Objects.requireNonNull(maxOldestQueuedAge, "maxOldestQueuedAge");
            problems = List.copyOf(problems);
        }

        /** {@return whether no threshold is exceeded} */
        public boolean healthy() {
            return problems.isEmpty();
        }

        /**
         * The details a health endpoint shows, in a fixed order: {@code backlog}, {@code maxBacklog},
         * {@code maxOldestQueuedAge}, {@code oldestQueuedAge} (only when something is queued) and {@code problems}
         * (only when unhealthy). Durations are ISO-8601 strings. Both Spring Boot generations' indicators show exactly
         * this map, so the two cannot drift apart.
         *
         * @return an unmodifiable, ordered map
         */
        public Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("backlog", backlog);
            d.put("maxBacklog", maxBacklog);
            d.put("maxOldestQueuedAge", maxOldestQueuedAge.toString());
            oldestQueuedAge.ifPresent(a -> d.put("oldestQueuedAge", a.toString()));
            if (!healthy()) {
                d.put("problems", problems);
            }
            return Collections.unmodifiableMap(d);
        }
    }

    /**
     * Reads the outbox.
     *
     * @return the status
     * @throws RuntimeException what the store throws when it cannot be read (an indicator reports it as down)
     */
    public Status check() {
        List<OutboxEntry> queued = store.list(OutboxState.QUEUED);
        Optional<Duration> oldest = queued.stream().map(OutboxEntry::enqueuedAt).min(java.util.Comparator.naturalOrder())
                .map(at -> Duration.between(at, clock.instant())).map(d -> d.isNegative() ? Duration.ZERO : d);
        List<String> problems = new ArrayList<>();
        if (queued.size() > maxBacklog) {
            problems.add("backlog of " + queued.size() + " envelopes exceeds " + maxBacklog);
        }
        if (oldest.isPresent() && oldest.get().compareTo(maxOldestQueuedAge) > 0) {
            problems.add("oldest queued envelope has waited " + oldest.get() + ", longer than " + maxOldestQueuedAge);
        }
        return new Status(queued.size(), oldest, maxBacklog, maxOldestQueuedAge, problems);
    }
}

package org.fmishare.transport.email.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.transport.email.EmailDedupeStore;

/**
 * The default {@link EmailDedupeStore}: two maps in memory, purged of expired entries as entries are recorded.
 * Thread-safe (one lock).
 */
public final class InMemoryDedupe implements EmailDedupeStore {
    private record Seen(String envelopeId, Instant forgetAfter) {}

    private final Map<String, Seen> byDigest = new HashMap<>();
    private final Map<String, String> digestById = new HashMap<>();

    @Override
    public synchronized Optional<String> envelopeIdOf(String digest, Instant now) {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(now, "now");
        Seen s = byDigest.get(digest);
        return s == null || s.forgetAfter().isBefore(now) ? Optional.empty() : Optional.of(s.envelopeId());
    }

    @Override
    public synchronized Optional<String> record(String envelopeId, String digest, Instant forgetAfter, Instant now) {
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        Objects.requireNonNull(now, "now");
        byDigest.entrySet().removeIf(e -> {
            if (e.getValue().forgetAfter().isBefore(now)) {
                digestById.remove(e.getValue().envelopeId(), e.getKey());
                return true;
            }
            return false;
        });
        String previous = digestById.putIfAbsent(envelopeId, digest);
        if (previous != null) {
            return Optional.of(previous);
        }
        byDigest.put(digest, new Seen(envelopeId, forgetAfter));
        return Optional.empty();
    }
}

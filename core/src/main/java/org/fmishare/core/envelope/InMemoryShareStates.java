package org.fmishare.core.envelope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link ShareStates} in memory; lost when the process ends. Thread-safe. */
final class InMemoryShareStates implements ShareStates {
    private final Map<String, ShareStatus> states = new LinkedHashMap<>();

    @Override
    public synchronized ShareStatus record(VerifiedEnvelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        String key = key(envelope.sender().id(), ShareTransitions.shareIdOf(envelope));
        ShareStatus next = ShareTransitions.next(Optional.ofNullable(states.get(key)), envelope);
        states.put(key, next);
        return next;
    }

    @Override
    public synchronized Optional<ShareStatus> find(String senderId, String shareId) {
        return Optional.ofNullable(states.get(key(senderId, shareId)));
    }

    @Override
    public synchronized List<ShareStatus> all() {
        return List.copyOf(new ArrayList<>(states.values()));
    }

    static String key(String senderId, String shareId) {
        return Objects.requireNonNull(senderId, "senderId") + '\u0000' + Objects.requireNonNull(shareId, "shareId");
    }
}

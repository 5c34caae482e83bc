package org.fmishare.transport.taxii;

import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one object of a {@link TaxiiClient#publish publish}.
 *
 * @param id the object id
 * @param version the object's version, when it has one ({@code modified} or {@code created})
 * @param delivered true when a status resource reported the object as a success, or the collection was found to
 *     hold it already with identical content
 * @param message the server's message for the last failure, if any
 * @param attempts how many times the object was sent
 */
public record ObjectOutcome(String id, Optional<String> version, boolean delivered, Optional<String> message,
        int attempts) {
    /** Checks presence and that the object was sent at least once. */
    public ObjectOutcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(message, "message");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
    }
}

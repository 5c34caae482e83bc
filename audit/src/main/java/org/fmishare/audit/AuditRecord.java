package org.fmishare.audit;

import java.util.Objects;

/**
 * An event as appended to the log.
 *
 * @param sequence its position
 * @param previousHash the previous entry's hash
 * @param hash its own hash
 * @param event the event
 */
public record AuditRecord(long sequence, String previousHash, String hash, AuditEvent event) implements AuditEntry {
    /** Validates. */
    public AuditRecord {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, was " + sequence);
        }
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(event, "event");
    }
}

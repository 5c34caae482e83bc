package org.fmishare.audit;

/**
 * One entry of the audit log: an {@link AuditRecord} (an event) or a {@link Checkpoint} (a seal). Both are links of
 * the same hash chain.
 */
public sealed interface AuditEntry permits AuditRecord, Checkpoint {
    /** The {@code prev} value of the first entry: {@code sha-256:} and 64 zeros. */
    String GENESIS = "sha-256:" + "0".repeat(64);

    /** {@return the zero-based sequence number, equal to the entry's position in the log} */
    long sequence();

    /** {@return the hash of the entry before it, or {@link #GENESIS} for the first} */
    String previousHash();

    /** {@return this entry's hash, {@code sha-256:<hex>} over its canonical JSON without the hash member} */
    String hash();
}

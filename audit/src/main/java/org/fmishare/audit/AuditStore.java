package org.fmishare.audit;

import java.util.List;

/**
 * Append-only storage behind an {@link AuditLog}: an ordered sequence of opaque entries (canonical JSON bytes).
 * The store does not interpret entries; integrity comes from the hash chain and the seals, which
 * {@link AuditVerifier} checks, so a store needs no trust of its own.
 *
 * <p>Two implementations ship: {@link FileAuditStore} (JSON lines in a file, no server needed) and
 * {@link JdbcAuditStore} (any JDBC database). Implementations are thread-safe, and {@link #append} returns only once
 * the entry is durable.
 */
public interface AuditStore extends AutoCloseable {

    /**
     * Appends an entry durably.
     *
     * @param sequence the entry's sequence number, the next one after the last entry
     * @param entry the entry's bytes (one canonical JSON object, no line breaks)
     * @throws AuditException.StorageFailed if it cannot be stored, or {@code sequence} is already taken (a second
     *     writer appended first); the file store also rejects any sequence other than {@link #size()}
     */
    void append(long sequence, byte[] entry);

    /**
     * {@return the number of entries stored}
     *
     * @throws AuditException.StorageFailed if the store cannot be read
     */
    long size();

    /**
     * Reads entries in order.
     *
     * @param fromIndex the zero-based position of the first entry to return
     * @param max the most entries to return (at least 1)
     * @return up to {@code max} entries starting at {@code fromIndex}; empty past the end
     * @throws AuditException.StorageFailed if the store cannot be read
     */
    List<byte[]> read(long fromIndex, int max);

    /** Releases files or connections. Idempotent. */
    @Override
    void close();
}

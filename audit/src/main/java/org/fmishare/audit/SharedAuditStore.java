package org.fmishare.audit;

import java.util.Optional;
import java.util.function.BiFunction;

/**
 * An {@link AuditStore} that several writers (processes on one or more machines) append to at once while keeping
 * one unbroken hash chain: each append is built from the entry that is last at that moment, and no other writer can
 * append in between. {@link AuditLog} uses {@link #appendNext} whenever its store offers it.
 */
public interface SharedAuditStore extends AuditStore {

    /**
     * Appends one entry after the store's current last entry, serialised with every other writer's appends.
     *
     * @param entryAfter given the sequence number the entry will have and the current last entry (empty for an empty
     *     store), returns the entry's bytes; it runs while the store is locked for appending, so it should be quick,
     *     and it may throw to append nothing
     * @return the sequence number the entry was appended at
     * @throws AuditException.StorageFailed if the store cannot be read or written
     */
    long appendNext(BiFunction<Long, Optional<byte[]>, byte[]> entryAfter);
}

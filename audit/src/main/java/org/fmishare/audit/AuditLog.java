package org.fmishare.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.fmishare.core.keys.SigningCredential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer of a tamper-evident audit log: appends {@link AuditEvent}s as hash-chained {@link AuditRecord}s and
 * seals them with signed {@link Checkpoint}s, automatically every {@code sealEvery} records and on {@link #seal()}
 * or {@link #close()}.
 *
 * <pre>{@code
 * try (AuditStore store = FileAuditStore.open(dir.resolve("audit.jsonl"));
 *      AuditLog log = AuditLog.builder(store, credential).build()) {
 *     log.append(AuditEvent.Validated.ofShare(share, report.summary(), report.failedRuleIds(), now));
 *     log.append(AuditEvent.MeetingHeld.of(meeting, heldAt));
 * }
 * AuditVerification verified = AuditVerifier.verify(store, trustAnchor);
 * }</pre>
 *
 * <p>Guarantees: {@link #append} returns once the record is durable in the store; records get consecutive sequence
 * numbers; every record is covered by a checkpoint once {@link #seal()} or {@link #close()} returns. Opening a log
 * on a non-empty store continues its chain after checking that the last entry is intact; it refuses to extend a
 * store whose tail is damaged. After a storage failure the log refuses further appends (reopen it to continue), so
 * the in-memory head can never drift from the store.
 *
 * <p>Thread-safe. On a {@link SharedAuditStore} (the JDBC store) several logs, in several processes, may append at
 * once: each entry is built on the entry that is last in the store when it is appended, under the store's append
 * lock, so all writers extend one chain; a checkpoint seals everything before it, whoever wrote it. On any other
 * store there is one writer per store. The log keeps only ids, digests and non-identifying attributes (see
 * {@link AuditEvent}).
 */
public final class AuditLog implements AutoCloseable {
    /** Records between automatic checkpoints unless configured otherwise. */
    public static final int DEFAULT_SEAL_EVERY = 100;
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final AuditStore store;
    private final SigningCredential credential;
    private final Clock clock;
    private final int sealEvery;
    private long next;
    private String head;
    private long unsealed;
    private boolean failed;
    private boolean closed;

    private AuditLog(Builder b) {
        this.store = b.store;
        this.credential = b.credential;
        this.clock = b.clock;
        this.sealEvery = b.sealEvery;
        recover();
    }

    /**
     * Starts configuring a log.
     *
     * @param store where entries go
     * @param sealer the credential that signs checkpoints (the envelope signer's credential, typically)
     * @return a builder
     */
    public static Builder builder(AuditStore store, SigningCredential sealer) {
        return new Builder(store, sealer);
    }

    private void recover() {
        long size = store.size();
        next = size;
        head = AuditEntry.GENESIS;
        unsealed = 0;
        if (size == 0) {
            return;
        }
        EntryCodec.Decoded last = decodeAt(size - 1);
        if (last.sequence() != size - 1) {
            throw new AuditException.SequenceBroken(size - 1, size - 1, last.sequence());
        }
        if (!last.storedHash().equals(last.computedHash())) {
            throw new AuditException.RecordAltered(size - 1, "the last entry does not match its hash; refusing to "
                    + "extend a damaged log");
        }
        head = last.storedHash();
        // Count the records after the last checkpoint, so automatic sealing resumes where it left off.
        long i = size - 1;
        while (i >= 0) {
            long from = Math.max(0, i - 255);
            List<byte[]> page = store.read(from, (int) (i - from + 1));
            for (int k = page.size() - 1; k >= 0; k--) {
                if (decode(from + k, page.get(k)).jws().isPresent()) {
                    LOG.debug("audit log reopened at {} entries, {} unsealed", size, unsealed);
                    return;
                }
                unsealed++;
            }
            i = from - 1;
        }
    }

    private EntryCodec.Decoded decodeAt(long index) {
        List<byte[]> one = store.read(index, 1);
        if (one.isEmpty()) {
            throw new AuditException.StorageFailed("the store reports " + (index + 1) + " entries but returned none "
                    + "at " + index, null);
        }
        return decode(index, one.get(0));
    }

    private static EntryCodec.Decoded decode(long index, byte[] bytes) {
        try {
            return EntryCodec.decode(bytes);
        } catch (EntryCodec.Bad e) {
            throw new AuditException.RecordMalformed(index, e.getMessage(), e);
        }
    }

    /**
     * Appends an event, and seals if {@code sealEvery} records are now unsealed.
     *
     * @param event the event
     * @return the durable record
     * @throws AuditException.StorageFailed if the store fails (the log then refuses further appends)
     * @throws IllegalStateException if the log is closed or failed before
     */
    public synchronized AuditRecord append(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        checkUsable();
        AuditRecord r;
        if (store instanceof SharedAuditStore shared) {
            EntryCodec.Encoded[] built = new EntryCodec.Encoded[1];
            String[] previous = new String[1];
            long sequence = writeShared(shared, (seq, prev) -> {
                previous[0] = prev;
                built[0] = EntryCodec.record(seq, prev, event);
                return built[0];
            });
            r = new AuditRecord(sequence, previous[0], built[0].hash(), event);
            head = built[0].hash();
            next = sequence + 1;
        } else {
            EntryCodec.Encoded e = EntryCodec.record(next, head, event);
            write(e);
            r = new AuditRecord(next, head, e.hash(), event);
            advance(e);
        }
        unsealed++;
        if (unsealed >= sealEvery) {
            seal();
        }
        return r;
    }

    /**
     * Seals every record appended so far with a signed checkpoint.
     *
     * @return the checkpoint written, or empty when every record was already sealed
     * @throws AuditException.StorageFailed if signing or the store fails
     * @throws IllegalStateException if the log is closed or failed before
     */
    public synchronized Optional<Checkpoint> seal() {
        checkUsable();
        if (unsealed == 0) {
            return Optional.empty();
        }
        Checkpoint c;
        if (store instanceof SharedAuditStore shared) {
            Checkpoint[] made = new Checkpoint[1];
            writeShared(shared, (seq, prev) -> {
                // Read the clock while holding the store's append lock: a seal timed before the lock could land
                // after another writer's later seal, and verifiers require seal times that never go backwards.
                Instant at = clock.instant();
                String jws = Seals.sign(credential, seq, prev, at);
                EntryCodec.Encoded e = EntryCodec.checkpoint(seq, prev, jws);
                made[0] = new Checkpoint(seq, prev, e.hash(), at,
                        credential.certificate().getSubjectX500Principal().getName(), jws);
                return e;
            });
            c = made[0];
            head = c.hash();
            next = c.sequence() + 1;
        } else {
            Instant at = clock.instant();
            String jws = Seals.sign(credential, next, head, at);
            EntryCodec.Encoded e = EntryCodec.checkpoint(next, head, jws);
            write(e);
            c = new Checkpoint(next, head, e.hash(), at,
                    credential.certificate().getSubjectX500Principal().getName(), jws);
            advance(e);
        }
        unsealed = 0;
        LOG.debug("audit log sealed at {} entries", c.sequence());
        return Optional.of(c);
    }

    private void write(EntryCodec.Encoded e) {
        try {
            store.append(next, e.bytes());
        } catch (RuntimeException ex) {
            failed = true;
            if (ex instanceof AuditException.StorageFailed sf) {
                throw sf;
            }
            throw new AuditException.StorageFailed("appending audit entry " + next + " failed: " + ex.getMessage(),
                    ex);
        }
    }

    /**
     * Appends on a shared store: the entry is built from the store's last entry at that moment (checked intact, as
     * on open), so entries of other writers in between are chained, not overwritten.
     */
    private long writeShared(SharedAuditStore shared, BiFunction<Long, String, EntryCodec.Encoded> build) {
        try {
            return shared.appendNext((seq, last) -> {
                String prev = AuditEntry.GENESIS;
                if (last.isPresent()) {
                    EntryCodec.Decoded d = decode(seq - 1, last.get());
                    if (d.sequence() != seq - 1) {
                        throw new AuditException.SequenceBroken(seq - 1, seq - 1, d.sequence());
                    }
                    if (!d.storedHash().equals(d.computedHash())) {
                        throw new AuditException.RecordAltered(seq - 1, "the last entry does not match its hash; "
                                + "refusing to extend a damaged log");
                    }
                    prev = d.storedHash();
                }
                return build.apply(seq, prev).bytes();
            });
        } catch (RuntimeException ex) {
            failed = true;
            if (ex instanceof AuditException ae) {
                throw ae;
            }
            throw new AuditException.StorageFailed("appending audit entry failed: " + ex.getMessage(), ex);
        }
    }

    private void advance(EntryCodec.Encoded e) {
        head = e.hash();
        next++;
    }

    private void checkUsable() {
        if (closed) {
            throw new IllegalStateException("the audit log is closed");
        }
        if (failed) {
            throw new IllegalStateException("the audit log failed to write earlier; reopen it to continue");
        }
    }

    /** {@return the number of entries (records and checkpoints) in the log} */
    public synchronized long size() {
        return next;
    }

    /** {@return the hash of the last entry, or {@link AuditEntry#GENESIS} for an empty log} */
    public synchronized String head() {
        return head;
    }

    /** {@return the number of records not yet covered by a checkpoint} */
    public synchronized long unsealed() {
        return unsealed;
    }

    /**
     * Seals pending records and closes the log. The store stays open: it belongs to the caller. Idempotent.
     *
     * @throws AuditException.StorageFailed if the final seal cannot be written
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            if (!failed) {
                seal();
            }
        } finally {
            closed = true;
        }
    }

    /** Configures an {@link AuditLog}. Not thread-safe; the log it builds is. */
    public static final class Builder {
        private final AuditStore store;
        private final SigningCredential credential;
        private Clock clock = Clock.systemUTC();
        private int sealEvery = DEFAULT_SEAL_EVERY;

        private Builder(AuditStore store, SigningCredential credential) {
            this.store = Objects.requireNonNull(store, "store");
            this.credential = Objects.requireNonNull(credential, "sealer");
        }

        /**
         * Seals automatically after this many records.
         *
         * @param records 1 to 1,000,000
         * @return this builder
         */
        public Builder sealEvery(int records) {
            if (records < 1 || records > 1_000_000) {
                throw new IllegalArgumentException("sealEvery must be 1 to 1,000,000, was " + records);
            }
            this.sealEvery = records;
            return this;
        }

        /**
         * Sets the clock that timestamps checkpoints.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Opens the log, continuing the store's chain.
         *
         * @return the log
         * @throws AuditException.Integrity if the store's last entry is damaged
         * @throws AuditException.StorageFailed if the store cannot be read
         */
        public AuditLog build() {
            return new AuditLog(this);
        }
    }
}

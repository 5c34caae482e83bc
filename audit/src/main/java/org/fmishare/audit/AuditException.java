package org.fmishare.audit;

import org.fmishare.core.FmiShareException;

/**
 * Root of the audit trail's exceptions. The integrity failures ({@link Integrity} and its subtypes) are input
 * rejections: the log presented is not the log that was written. {@link StorageFailed} reports that the store
 * itself failed.
 */
public abstract sealed class AuditException extends FmiShareException
        permits AuditException.StorageFailed, AuditException.Integrity {
    private static final long serialVersionUID = 1L;

    AuditException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }

    /** The audit store could not be read or written, or a second writer raced this one. */
    public static final class StorageFailed extends AuditException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what failed
         * @param cause the underlying failure, may be null
         */
        public StorageFailed(String message, Throwable cause) {
            super(Kind.PROCESSING_FAILED, message, cause);
        }
    }

    /**
     * The log fails an integrity check at a given entry. {@link #recordIndex()} is the zero-based position of the
     * first entry that fails, counting records and checkpoints alike, as {@link AuditStore#read} returns them.
     */
    public abstract static sealed class Integrity extends AuditException
            permits AuditException.RecordMalformed, AuditException.RecordAltered, AuditException.ChainBroken,
            AuditException.SequenceBroken, AuditException.SealInvalid, AuditException.SealMissing,
            AuditException.SealerNotAuthorized, AuditException.LogEmpty {
        private static final long serialVersionUID = 1L;
        private final long recordIndex;

        Integrity(long recordIndex, String message, Throwable cause) {
            super(Kind.INPUT_REJECTED, "audit entry " + recordIndex + ": " + message, cause);
            this.recordIndex = recordIndex;
        }

        /** {@return the zero-based position of the first entry that fails} */
        public long recordIndex() {
            return recordIndex;
        }
    }

    /** An entry does not parse, or is not in canonical form. */
    public static final class RecordMalformed extends Integrity {
        private static final long serialVersionUID = 1L;

        RecordMalformed(long index, String message, Throwable cause) {
            super(index, message, cause);
        }
    }

    /** An entry's content no longer matches its own hash: it was modified after it was written. */
    public static final class RecordAltered extends Integrity {
        private static final long serialVersionUID = 1L;

        RecordAltered(long index, String message) {
            super(index, message, null);
        }
    }

    /** An entry does not link to the one before it (its {@code prev} is not the previous entry's hash). */
    public static final class ChainBroken extends Integrity {
        private static final long serialVersionUID = 1L;

        ChainBroken(long index, String message) {
            super(index, message, null);
        }
    }

    /**
     * An entry carries the wrong sequence number: an entry before it was deleted, or one was inserted, duplicated
     * or moved. {@link #expectedSequence()} and {@link #foundSequence()} tell which.
     */
    public static final class SequenceBroken extends Integrity {
        private static final long serialVersionUID = 1L;
        private final long expected;
        private final long found;

        SequenceBroken(long index, long expected, long found) {
            this(index, expected, found, -1);
        }

        /** @param expectedAt where the entry with the expected sequence number stands further on, or -1 if unseen */
        SequenceBroken(long index, long expected, long found, long expectedAt) {
            super(index, "expected sequence number " + expected + ", found " + found + " ("
                    + (expectedAt >= 0 ? "entries out of order: sequence " + expected + " stands at position "
                            + expectedAt + ", so entries were swapped or moved"
                    : found > expected ? (found - expected) + " entr" + (found - expected == 1 ? "y" : "ies")
                            + " missing before it" : "an entry was inserted, duplicated or moved") + ")", null);
            this.expected = expected;
            this.found = found;
        }

        /** {@return the sequence number the position requires} */
        public long expectedSequence() {
            return expected;
        }

        /** {@return the sequence number the entry carries} */
        public long foundSequence() {
            return found;
        }
    }

    /** A checkpoint's signature, certificate chain or sealed content is not valid. */
    public static final class SealInvalid extends Integrity {
        private static final long serialVersionUID = 1L;

        SealInvalid(long index, String message, Throwable cause) {
            super(index, message, cause);
        }

        SealInvalid(long index, String message) {
            super(index, message, null);
        }
    }

    /** Records are not covered by any checkpoint, beyond what the verifier allows. */
    public static final class SealMissing extends Integrity {
        private static final long serialVersionUID = 1L;

        SealMissing(long index, String message) {
            super(index, message, null);
        }
    }

    /**
     * A checkpoint verifies cryptographically and chains to a trust anchor, but its signer is not one the verifier
     * was told may seal this log: the certificate lacks the audit-sealing purpose
     * ({@link org.fmishare.core.jose.KeyPurposes#AUDIT_SEALING}) or is not bound to a configured sealer id. This is
     * what refuses a log rewritten, re-hashed and re-sealed by someone else holding a certificate under the same CA
     * (for example a company's receipt key).
     */
    public static final class SealerNotAuthorized extends Integrity {
        private static final long serialVersionUID = 1L;

        SealerNotAuthorized(long index, String message) {
            super(index, "sealer binding: " + message, null);
        }
    }

    /**
     * The log has no entries at all. An empty log proves nothing (it is also what a log emptied by an attacker looks
     * like), so it is never reported as verified; compare with the count published earlier instead.
     */
    public static final class LogEmpty extends Integrity {
        private static final long serialVersionUID = 1L;

        LogEmpty() {
            super(0, "the log is empty: no record and no checkpoint, so there is nothing sealed to verify", null);
        }
    }
}

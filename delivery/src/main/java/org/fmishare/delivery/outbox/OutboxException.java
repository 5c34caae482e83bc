package org.fmishare.delivery.outbox;

import org.fmishare.core.FmiShareException;

/**
 * Root of the outbox's exceptions: its storage failed ({@link StorageFailed}, a processing failure), or a caller
 * asked for an entry that does not exist or a state change the entry's state does not allow (input rejections).
 */
public abstract sealed class OutboxException extends FmiShareException
        permits OutboxException.StorageFailed, OutboxException.UnknownEnvelope, OutboxException.IllegalTransition {
    private static final long serialVersionUID = 1L;

    private OutboxException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }

    /** The outbox's storage failed (I/O, database, or a store closed after an earlier failure). */
    public static final class StorageFailed extends OutboxException {
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

    /** The envelope id is not in the outbox. */
    public static final class UnknownEnvelope extends OutboxException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param envelopeId the id that was not found
         */
        public UnknownEnvelope(String envelopeId) {
            super(Kind.INPUT_REJECTED, "no envelope " + envelopeId + " in the outbox", null);
        }

        /**
         * The outbox holds the envelope, but with another digest than the one named.
         *
         * @param envelopeId the envelope id named
         * @param named the digest named
         * @param held the digest of the envelope the outbox holds under that id
         */
        public UnknownEnvelope(String envelopeId, String named, String held) {
            super(Kind.INPUT_REJECTED, "no envelope " + envelopeId + " with digest " + named + " in the outbox (it "
                    + "holds that id with digest " + held + ")", null);
        }
    }

    /** A state change that the entry's current state does not allow (for example replaying a delivered one). */
    public static final class IllegalTransition extends OutboxException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param envelopeId the entry
         * @param from its state
         * @param action what was attempted
         */
        public IllegalTransition(String envelopeId, OutboxState from, String action) {
            super(Kind.INPUT_REJECTED, "envelope " + envelopeId + " is " + from + " and cannot be " + action, null);
        }
    }
}

package org.fmishare.delivery.outbox;

import org.fmishare.core.FmiShareException;

/** The outbox's storage failed (I/O, database, or a store closed after an earlier failure). */
public class OutboxException extends FmiShareException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the underlying failure, may be null
     */
    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isInputRejection() {
        return false;
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
            super("no envelope " + envelopeId + " in the outbox", null);
        }

        @Override
        public boolean isInputRejection() {
            return true;
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
            super("envelope " + envelopeId + " is " + from + " and cannot be " + action, null);
        }

        @Override
        public boolean isInputRejection() {
            return true;
        }
    }
}

package org.fmishare.core.transport;

import org.fmishare.core.FmiShareException;

/** Misuse of the dispatcher or a transport's configuration (no transport for a scheme, closed dispatcher, ...). */
public class TransportException extends FmiShareException {
    private static final long serialVersionUID = 1L;
    private final boolean inputRejection;

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     * @param inputRejection whether the caller's input is at fault
     */
    public TransportException(String message, boolean inputRejection) {
        super(message);
        this.inputRejection = inputRejection;
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong
     * @param inputRejection whether the caller's input is at fault
     * @param cause the cause
     */
    public TransportException(String message, boolean inputRejection, Throwable cause) {
        super(message, cause);
        this.inputRejection = inputRejection;
    }

    @Override
    public boolean isInputRejection() {
        return inputRejection;
    }
}

package org.fmishare.core;

/**
 * Root of every unchecked exception the fmi-share SDK throws on purpose.
 *
 * <p>Subtypes fall into two families, kept apart as Nimbus keeps {@code BadJOSEException} apart from
 * {@code JOSEException}: <em>input rejected</em> (a malformed document, an invalid value, a failed rule, a bad
 * signature), where the caller's data is at fault and retrying will not help; and <em>processing failed</em>
 * (I/O, configuration), where the SDK or its environment is at fault. {@link #isInputRejection()} tells which.
 *
 * <p>Messages name the field or JSON path and the rule that failed. They never contain key material.
 */
public abstract class FmiShareException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected FmiShareException(String message) {
        super(message);
    }

    protected FmiShareException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether this failure rejects the caller's input (true) rather than reporting a fault of the SDK or its
     * environment (false).
     *
     * @return true when the input is at fault
     */
    public abstract boolean isInputRejection();
}

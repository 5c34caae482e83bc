package org.fmishare.core;

import java.util.Objects;

/**
 * Root of every unchecked exception the fmi-share SDK throws on purpose.
 *
 * <p>Every failure is one of two {@link Kind kinds}, kept apart as Nimbus keeps {@code BadJOSEException} apart from
 * {@code JOSEException}: {@link Kind#INPUT_REJECTED} (a malformed document, an invalid value, a failed rule, a bad
 * signature), where the caller's data is at fault and retrying will not help; and {@link Kind#PROCESSING_FAILED}
 * (I/O, configuration, a remote system), where the SDK or its environment is at fault. The kind is data passed to
 * the constructor, so a subtype cannot forget to decide it.
 *
 * <p>Each module has one family: a sealed abstract class (or a final class) directly below this root, whose
 * subtypes are small final classes. Messages name the field or JSON path and the rule that failed. They never
 * contain key material.
 */
public abstract class FmiShareException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Who is at fault. */
    public enum Kind {
        /** The caller's input was rejected; the same input will be rejected again. */
        INPUT_REJECTED,
        /** The SDK or its environment failed; the input was not judged, or judged acceptable. */
        PROCESSING_FAILED
    }

    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param kind who is at fault
     * @param message what failed, naming the field, path or rule
     */
    protected FmiShareException(Kind kind, String message) {
        this(kind, message, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param kind who is at fault
     * @param message what failed, naming the field, path or rule
     * @param cause the underlying failure; null when there is none (as {@link RuntimeException} allows)
     */
    protected FmiShareException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** {@return who is at fault} */
    public final Kind kind() {
        return kind;
    }

    /**
     * Whether this failure rejects the caller's input (true) rather than reporting a fault of the SDK or its
     * environment (false).
     *
     * @return true when the kind is {@link Kind#INPUT_REJECTED}
     */
    public final boolean isInputRejection() {
        return kind == Kind.INPUT_REJECTED;
    }
}

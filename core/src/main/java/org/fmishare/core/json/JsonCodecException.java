package org.fmishare.core.json;

import java.util.Objects;
import org.fmishare.core.FmiShareException;

/**
 * A JSON document was rejected, or a value could not be written. Each subtype is one kind of failure; every
 * instance names the JSON path where it happened ({@code $} for the document itself, {@code $.facts[2].reliability}
 * for a nested value). Every subtype is an input rejection except {@link WriteFailed}.
 */
public abstract sealed class JsonCodecException extends FmiShareException
        permits JsonCodecException.Malformed, JsonCodecException.DuplicateKey, JsonCodecException.TrailingContent,
        JsonCodecException.UnknownProperty, JsonCodecException.WrongType, JsonCodecException.InvalidValue,
        JsonCodecException.TooLarge, JsonCodecException.WriteFailed {
    private static final long serialVersionUID = 1L;

    private final String path;

    JsonCodecException(String path, String message, Throwable cause) {
        this(Kind.INPUT_REJECTED, path, message, cause);
    }

    private JsonCodecException(Kind kind, String path, String message, Throwable cause) {
        super(kind, path + ": " + message, cause);
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * Where the failure happened, as a JSONPath such as {@code $.accounts[0].firstObserved}.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /** The input is not well-formed JSON (syntax error, truncated document, invalid escape, bad UTF-8). */
    public static final class Malformed extends JsonCodecException {
        private static final long serialVersionUID = 1L;

        Malformed(String path, String message, Throwable cause) {
            super(path, message, cause);
        }
    }

    /** An object repeats a property name; RFC 8259 leaves this undefined and the SDK refuses it. */
    public static final class DuplicateKey extends JsonCodecException {
        private static final long serialVersionUID = 1L;

        DuplicateKey(String path, String message, Throwable cause) {
            super(path, message, cause);
        }
    }

    /** Something follows the end of the top-level value. */
    public static final class TrailingContent extends JsonCodecException {
        private static final long serialVersionUID = 1L;

        TrailingContent(String path, String message, Throwable cause) {
            super(path, message, cause);
        }
    }

    /** A property the model does not define. */
    public static final class UnknownProperty extends JsonCodecException {
        private static final long serialVersionUID = 1L;

        UnknownProperty(String path, String message, Throwable cause) {
            super(path, message, cause);
        }
    }

    /** A value of the wrong JSON type (a string where a number belongs, an object where a list belongs). */
    public static final class WrongType extends JsonCodecException {
        private static final long serialVersionUID = 1L;

        WrongType(String path, String message, Throwable cause) {
            super(path, message, cause);
        }
    }

    /**
     * A value of the right type that breaks a model constraint, or a required value that is missing or null. When
     * the model refused it, {@link #getCause()} is the {@link org.fmishare.core.model.InvalidModelException}.
     */
    public static final class InvalidValue extends JsonCodecException {
        private static final long serialVersionUID = 1L;
        private final String rule;

        InvalidValue(String path, String rule, String message, Throwable cause) {
            super(path, message + " (rule " + rule + ")", cause);
            this.rule = rule;
        }

        /**
         * The rule that was broken, for example {@code NotBlank} or {@code observed-window-ordered}.
         *
         * @return the rule
         */
        public String rule() {
            return rule;
        }
    }

    /** The input exceeds a size limit (document length, string length, nesting depth, number length). */
    public static final class TooLarge extends JsonCodecException {
        private static final long serialVersionUID = 1L;

        TooLarge(String path, String message, Throwable cause) {
            super(path, message, cause);
        }
    }

    /** A value could not be written as JSON (a fault of the SDK, not of the input): the one processing failure. */
    public static final class WriteFailed extends JsonCodecException {
        private static final long serialVersionUID = 1L;

        WriteFailed(String path, String message, Throwable cause) {
            super(Kind.PROCESSING_FAILED, path, message, cause);
        }
    }
}

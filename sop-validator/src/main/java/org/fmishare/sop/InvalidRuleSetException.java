package org.fmishare.sop;

import java.util.Objects;

/**
 * A rule set document was rejected: malformed JSON, an unknown or missing field, a value out of range, an unknown
 * rule id, or an inconsistent combination. {@link #path()} names where, for example
 * {@code $.facts.minimumCount}.
 */
public final class InvalidRuleSetException extends SopException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String path;

    /**
     * @param source where the document came from (a file name or resource), for messages
     * @param path the JSON path of the problem
     * @param message what is wrong
     * @param cause the underlying failure, or null
     */
    public InvalidRuleSetException(String source, String path, String message, Throwable cause) {
        super(Kind.INPUT_REJECTED, "rule set " + source + ": " + path + ": " + message, cause);
        this.source = Objects.requireNonNull(source, "source");
        this.path = Objects.requireNonNull(path, "path");
    }

    /** {@return where the document came from} */
    public String source() {
        return source;
    }

    /** {@return the JSON path of the problem, such as {@code $.rules[3].id}} */
    public String path() {
        return path;
    }
}

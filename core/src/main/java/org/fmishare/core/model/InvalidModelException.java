package org.fmishare.core.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.fmishare.core.FmiShareException;

/**
 * A model value could not be created because one or more of its fields break a constraint.
 *
 * <p>Thrown by the compact constructor of every record in this package. Each {@link Violation} names the field
 * (as a dotted path with list indexes, relative to the record that refused it), the rule (the Jakarta Validation
 * constraint name such as {@code NotBlank}, or a model rule such as {@code proxy-link-required}) and a readable
 * message. When the value came from JSON, the codec rethrows this as a
 * {@link org.fmishare.core.json.JsonCodecException} carrying the full JSON path. Always an input rejection.
 */
public final class InvalidModelException extends FmiShareException {
    private static final long serialVersionUID = 1L;

    /**
     * One broken constraint.
     *
     * @param type the simple name of the record that refused the value
     * @param field the field path within that record, for example {@code aliases[2]}
     * @param rule the constraint or model rule that was broken
     * @param message what is wrong, in words
     */
    public record Violation(String type, String field, String rule, String message) {
        /** Checks that every part is present. */
        public Violation {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return type + "." + field + " " + message + " (rule " + rule + ")";
        }
    }

    private final transient List<Violation> violations;

    /**
     * Creates the exception from at least one violation.
     *
     * @param violations the broken constraints, most relevant first
     */
    public InvalidModelException(List<Violation> violations) {
        super(Kind.INPUT_REJECTED, describe(violations));
        this.violations = List.copyOf(violations);
    }

    /**
     * Shorthand for a single violation of a model rule.
     *
     * @param type the record's simple name
     * @param field the field at fault
     * @param rule the rule id
     * @param message what is wrong
     * @return the exception, for the caller to throw
     */
    public static InvalidModelException of(String type, String field, String rule, String message) {
        return new InvalidModelException(List.of(new Violation(type, field, rule, message)));
    }

    /**
     * The broken constraints, never empty.
     *
     * @return an immutable list
     */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * The first broken constraint.
     *
     * @return the first violation
     */
    public Violation first() {
        return violations.get(0);
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidModelException needs at least one violation");
        }
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}

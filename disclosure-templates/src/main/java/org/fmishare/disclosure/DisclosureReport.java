package org.fmishare.disclosure;

import java.util.List;
import java.util.Objects;

/**
 * The verifier's findings for every mandatory clause of one message kind, in the catalogue's order.
 *
 * <p>Callers that must refuse a non-compliant message use {@link #requireAllPresent()}, which throws rather than
 * returning a boolean that could be ignored; {@link #allPresent()} and {@link #problems()} serve reporting.
 *
 * @param kind the message kind verified against
 * @param clauses one result per mandatory clause of that kind
 */
public record DisclosureReport(MessageKind kind, List<ClauseResult> clauses) {

    /** Copies the list and checks that it is not empty. */
    public DisclosureReport {
        Objects.requireNonNull(kind, "kind");
        clauses = List.copyOf(Objects.requireNonNull(clauses, "clauses"));
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("a " + kind + " report must cover at least one mandatory clause");
        }
    }

    /** {@return whether every mandatory clause is {@link ClauseState#PRESENT}} */
    public boolean allPresent() {
        return clauses.stream().allMatch(ClauseResult::isPresent);
    }

    /** {@return the {@link ClauseState#ALTERED} and {@link ClauseState#MISSING} clauses, in catalogue order} */
    public List<ClauseResult> problems() {
        return clauses.stream().filter(c -> !c.isPresent()).toList();
    }

    /**
     * Returns this report when every mandatory clause is present, and throws otherwise.
     *
     * @return this report
     * @throws DisclosureException.DisclosuresMissing listing every altered or missing clause
     */
    public DisclosureReport requireAllPresent() {
        if (!allPresent()) {
            throw new DisclosureException.DisclosuresMissing(this);
        }
        return this;
    }
}

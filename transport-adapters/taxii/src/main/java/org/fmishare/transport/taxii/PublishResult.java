package org.fmishare.transport.taxii;

import java.util.List;

/**
 * The outcome of a {@link TaxiiClient#publish publish}: one {@link ObjectOutcome} per object, in the order given.
 * Delivery means every object was reported a success or found stored with identical content.
 *
 * @param outcomes per-object outcomes
 * @param statusIds the status resources the server created, in order
 */
public record PublishResult(List<ObjectOutcome> outcomes, List<String> statusIds) {
    /** Copies. */
    public PublishResult {
        outcomes = List.copyOf(outcomes);
        statusIds = List.copyOf(statusIds);
    }

    /** {@return whether every object was delivered} */
    public boolean delivered() {
        return outcomes.stream().allMatch(ObjectOutcome::delivered);
    }

    /** {@return the objects that were not delivered after all attempts} */
    public List<ObjectOutcome> failures() {
        return outcomes.stream().filter(o -> !o.delivered()).toList();
    }
}

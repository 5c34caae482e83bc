package org.fmishare.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The planner's output.
 *
 * @param asOf the time the plan was made for
 * @param proposals proposed meetings, soonest first
 * @param notes companies left out and why (for example, a company that declined meetings is never proposed one)
 */
public record CadencePlan(Instant asOf, List<MeetingProposal> proposals, List<String> notes) {
    /** Validates and copies. */
    public CadencePlan {
        Objects.requireNonNull(asOf, "asOf");
        proposals = List.copyOf(proposals);
        notes = List.copyOf(notes);
    }
}

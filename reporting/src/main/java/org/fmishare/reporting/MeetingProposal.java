package org.fmishare.reporting;

import java.util.List;
import java.util.Objects;
import org.fmishare.core.model.Meeting;
import org.fmishare.sop.ComplianceReport;

/**
 * A meeting the planner proposes, why, and what the SOP validator says about it. Proposals go to the company with
 * consent {@code PENDING}: meetings are voluntary, so a proposal's verdict is at best NEEDS_REVIEW until the company
 * agrees; any ERROR finding means the proposal must not be sent as is.
 *
 * @param meeting the proposed meeting (one company, FITF participating or overseeing, the right office)
 * @param reasons why, one sentence each, with the counts that triggered it
 * @param compliance the SOP validator's report on the proposed meeting
 */
public record MeetingProposal(Meeting meeting, List<String> reasons, ComplianceReport compliance) {
    /** Validates and copies. */
    public MeetingProposal {
        Objects.requireNonNull(meeting, "meeting");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(compliance, "compliance");
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a proposal needs at least one reason");
        }
    }
}

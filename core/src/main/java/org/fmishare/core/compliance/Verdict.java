package org.fmishare.core.compliance;

/** The outcome of checking a share, meeting or briefing against the SOP. */
public enum Verdict {
    /** Every rule is satisfied: the share may be sent, the meeting held. */
    PASS,
    /** No rule is broken outright, but a person must review before it proceeds. */
    NEEDS_REVIEW,
    /** At least one rule is broken: it must not proceed. */
    FAIL
}

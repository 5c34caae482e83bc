package org.fmishare.core.model;

/** How the FITF takes part in a meeting; the SOP requires one of the first two for every meeting. */
public enum FitfRole {
    /** FITF personnel participate in the meeting. */
    PARTICIPATES,
    /** FITF oversees field office personnel conducting the meeting. */
    OVERSEES,
    /** Neither (recorded so the validator can refuse it). */
    NOT_INVOLVED
}

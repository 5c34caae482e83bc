package org.fmishare.core.model;

/** What an FMI operation seeks to influence (50 U.S.C. 3059(f)(2)(A) and (B)). */
public enum TargetKind {
    /** An election within the United States; the target names it. */
    ELECTION,
    /** Policies or activities of the U.S. Government or of State or local governments. */
    POLICY,
    /** Public opinion within the United States. */
    PUBLIC_OPINION
}

package org.fmishare.core.envelope;

/** The current state of a share at a receiver, after the corrections and retractions it has accepted. */
public enum ShareState {
    /** Received, not amended since. */
    ACTIVE,
    /** Replaced by at least one correction; the last correction's share is the current content. */
    CORRECTED,
    /** Withdrawn by the office. Final: later amendments are refused. */
    RETRACTED
}

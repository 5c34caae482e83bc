package org.fmishare.core.model;

/** A company's voluntary choice about one prong of engagement. */
public enum ParticipationState {
    /** The company chose to participate. */
    OPTED_IN,
    /** The company declined; this has no consequence for it. */
    DECLINED,
    /** The company has not been asked yet. */
    NOT_ASKED
}

package org.fmishare.core.model;

/** Whether a meeting is part of a regular cadence or called for a specific development. */
public enum MeetingKind {
    /** A regular, periodic meeting justified by the volume and frequency of threats on the company's platforms. */
    REGULAR,
    /** A meeting warranted by a threat-specific development; it states its {@link AdHocTrigger}. */
    AD_HOC
}

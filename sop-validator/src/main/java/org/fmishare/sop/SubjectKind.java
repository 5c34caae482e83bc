package org.fmishare.sop;

/** What a compliance report is about. */
public enum SubjectKind {
    /** A prong-1 {@link org.fmishare.core.model.ThreatShare}. */
    THREAT_SHARE,
    /** A prong-2 {@link org.fmishare.core.model.Meeting}. */
    MEETING,
    /** A {@link org.fmishare.core.model.Briefing} of election officials. */
    BRIEFING,
    /** A correction or retraction of a share ({@link org.fmishare.core.model.ShareAmendment}). */
    SHARE_AMENDMENT
}

package org.fmishare.audit;

/** What an audit event is about. */
public enum AuditSubject {
    /** A prong-1 threat share. */
    SHARE,
    /** A prong-2 meeting (its notice or the meeting itself). */
    MEETING,
    /** A briefing of election officials. */
    BRIEFING,
    /** An SMC's voluntary response or receipt. */
    RESPONSE
}

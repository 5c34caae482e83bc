package org.fmishare.disclosure;

/** The kinds of communication the mandatory disclosures apply to; each has its own set of mandatory clauses. */
public enum MessageKind {
    /** A prong-1 share of threat information about specific accounts. */
    THREAT_SHARE,
    /** A prong-2 meeting with one company: the invitation and the notice given at the meeting. */
    MEETING,
    /** A briefing of election officials in which a company briefs on foreign interference operations. */
    BRIEFING
}

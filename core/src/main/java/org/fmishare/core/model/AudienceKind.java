package org.fmishare.core.model;

/** Who a briefing of election officials reaches. */
public enum AudienceKind {
    /** A national association of election officials (for example NASS or NASED). */
    ELECTION_OFFICIALS_ASSOCIATION,
    /** State election officials. */
    STATE_ELECTION_OFFICIALS,
    /** Local election officials. */
    LOCAL_ELECTION_OFFICIALS,
    /** A federal agency. */
    FEDERAL_AGENCY
}

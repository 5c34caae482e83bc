package org.fmishare.core.model;

/** Where a fact comes from. */
public enum SourceType {
    /** A human source. */
    HUMAN_SOURCE,
    /** Signals or technical collection. */
    TECHNICAL_COLLECTION,
    /** Records obtained through legal process. */
    LEGAL_PROCESS,
    /** Reporting from the U.S. Intelligence Community. */
    INTELLIGENCE_COMMUNITY,
    /** Another U.S. government agency. */
    PARTNER_AGENCY,
    /** A foreign government partner. */
    FOREIGN_PARTNER,
    /** Data a platform itself reported. */
    PLATFORM_REPORTING,
    /** Publicly available information. */
    OPEN_SOURCE
}

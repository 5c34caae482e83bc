package org.fmishare.core.model;

/** What a briefing of election officials covers. The SOP-style limit is tactics, techniques and countermeasures. */
public enum BriefingTopic {
    /** Tactics adversaries use. */
    TACTICS,
    /** Techniques adversaries use. */
    TECHNIQUES,
    /** Countermeasures that defeat them. */
    COUNTERMEASURES,
    /** The broader threat environment. */
    THREAT_ENVIRONMENT,
    /** Actions the briefing company itself took on its platform (reported, never requested). */
    COMPANY_ACTIONS_TAKEN,
    /** Anything else (flagged for review by the validator). */
    OTHER
}

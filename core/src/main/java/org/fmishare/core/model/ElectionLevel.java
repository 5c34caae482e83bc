package org.fmishare.core.model;

/** The level of government whose election is targeted. */
public enum ElectionLevel {
    /** Federal offices (President, Congress). */
    FEDERAL,
    /** State-wide offices and ballot measures. */
    STATE,
    /** County, municipal and other local offices. */
    LOCAL
}

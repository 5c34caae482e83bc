package org.fmishare.disclosure;

/** What the verifier found for one mandatory clause. */
public enum ClauseState {
    /** The exact clause text (up to whitespace reflow) is present; in JSON, the id, version and digest match. */
    PRESENT,
    /** A passage closely resembling the clause, or an entry with its id, is present but differs from it. */
    ALTERED,
    /** Nothing resembling the clause is present. */
    MISSING
}

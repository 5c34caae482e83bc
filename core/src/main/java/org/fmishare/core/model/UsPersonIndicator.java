package org.fmishare.core.model;

/**
 * Whether an account may belong to a U.S. person. Shares must never be about U.S. persons' own speech; an account
 * marked other than {@link #NO_INDICATION} needs facts showing foreign direction.
 */
public enum UsPersonIndicator {
    /** Nothing suggests a U.S. person operates the account. */
    NO_INDICATION,
    /** Some indication that a U.S. person operates the account. */
    POSSIBLE_US_PERSON,
    /** A U.S. person is known to operate the account. */
    KNOWN_US_PERSON
}

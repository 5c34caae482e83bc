package org.fmishare.core.model;

/** Why activity is judged covert or undeclared. */
public enum CovertIndicator {
    /** Operators pose as someone they are not. */
    FALSE_PERSONA,
    /** The foreign sponsor is concealed. */
    CONCEALED_SPONSORSHIP,
    /** State media operating without declaring its affiliation. */
    UNDECLARED_STATE_AFFILIATION,
    /** Accounts coordinate while pretending to be independent. */
    COORDINATED_INAUTHENTIC_NETWORK,
    /** Infrastructure or payments disguise the origin. */
    OBFUSCATED_INFRASTRUCTURE
}

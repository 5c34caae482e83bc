package org.fmishare.audit;

/** The two strategic prongs of the Department's engagement with social media companies. */
public enum Prong {
    /** Prong 1: real-time sharing of actionable intelligence about specific accounts. */
    ACCOUNT_SHARING,
    /** Prong 2: voluntary meetings to discuss potential FMI threats. */
    MEETINGS
}

package org.fmishare.core.model;

/** The threat-specific developments that warrant an ad hoc meeting, as the principles list them. */
public enum AdHocTrigger {
    /** Multiple potential threats emerged on the company's platform. */
    MULTIPLE_THREATS_EMERGING,
    /** The company asked to discuss potential FMI threats. */
    SMC_REQUEST,
    /** Information indicates an FMI actor is poised imminently to use the company's platform. */
    IMMINENT_THREAT
}

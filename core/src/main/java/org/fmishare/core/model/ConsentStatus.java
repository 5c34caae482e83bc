package org.fmishare.core.model;

/** Whether a company agreed to a meeting; participation is always voluntary. */
public enum ConsentStatus {
    /** The company agreed to meet. */
    AGREED,
    /** The company has not answered yet. */
    PENDING,
    /** The company declined; this has no consequence for it. */
    DECLINED
}

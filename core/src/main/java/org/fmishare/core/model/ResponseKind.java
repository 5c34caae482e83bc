package org.fmishare.core.model;

/**
 * A company's response to a share. Every response is voluntary and is recorded without consequence for the
 * company, whatever it is.
 */
public enum ResponseKind {
    /** The company acknowledged receipt. */
    ACKNOWLEDGED,
    /** The company did not respond. */
    NO_RESPONSE,
    /** The company took action of its own choosing under its own policies. */
    TOOK_INDEPENDENT_ACTION,
    /** The company chose not to act. */
    DECLINED
}

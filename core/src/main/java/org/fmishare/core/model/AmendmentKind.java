package org.fmishare.core.model;

/** What an amendment does to a share the office sent earlier. */
public enum AmendmentKind {
    /** The share is replaced by a corrected share with the same id; the company reads the new content. */
    CORRECTION,
    /** The share is withdrawn: the office no longer stands behind it. Final: a retracted share is not amended again. */
    RETRACTION
}

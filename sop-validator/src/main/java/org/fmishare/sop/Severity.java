package org.fmishare.sop;

import org.fmishare.core.compliance.Verdict;

/** How much a finding weighs in the verdict. */
public enum Severity {
    /** A rule is broken: the report's verdict is {@link Verdict#FAIL}. */
    ERROR,
    /** A person must look before it proceeds: the verdict is at least {@link Verdict#NEEDS_REVIEW}. */
    REVIEW,
    /** Information only; does not change the verdict. */
    INFO;

    /**
     * The verdict this severity alone leads to.
     *
     * @return FAIL for ERROR, NEEDS_REVIEW for REVIEW, PASS for INFO
     */
    public Verdict verdict() {
        return switch (this) {
            case ERROR -> Verdict.FAIL;
            case REVIEW -> Verdict.NEEDS_REVIEW;
            case INFO -> Verdict.PASS;
        };
    }
}

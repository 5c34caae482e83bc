package org.fmishare.sop;

import org.fmishare.core.FmiShareException;

/**
 * Root of the exceptions the SOP validator throws. A share, meeting or briefing that breaks a rule is
 * <em>not</em> an exception: it yields a {@link ComplianceReport} with a FAIL or NEEDS_REVIEW verdict. Exceptions
 * are for rule sets that cannot be loaded or chosen.
 */
public abstract class SopException extends FmiShareException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the path or rule
     */
    protected SopException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the path or rule
     * @param cause the underlying failure
     */
    protected SopException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.fmishare.sop;

import org.fmishare.core.FmiShareException;

/**
 * Root of the exceptions the SOP validator throws. A share, meeting or briefing that breaks a rule is
 * <em>not</em> an exception: it yields a {@link ComplianceReport} with a FAIL or NEEDS_REVIEW verdict. Exceptions
 * are for rule sets that cannot be loaded or chosen: {@link InvalidRuleSetException} and
 * {@link NoRuleSetInForceException} reject the caller's input, {@link RuleSetIoException} reports the environment;
 * {@link ReviewException} refuses a reviewer's decision that does not fit its report.
 */
public abstract sealed class SopException extends FmiShareException
        permits InvalidRuleSetException, NoRuleSetInForceException, RuleSetIoException, ReviewException {
    private static final long serialVersionUID = 1L;

    /**
     * @param kind who is at fault
     * @param message what went wrong, naming the path or rule
     * @param cause the underlying failure, or null
     */
    SopException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }
}

package org.fmishare.sop;

import java.time.LocalDate;
import java.util.Objects;

/**
 * No rule set in the registry was in force on the subject's date (for example a share dated before February
 * 2024), or a rule set was asked for by an id the registry does not hold.
 */
public final class NoRuleSetInForceException extends SopException {
    private static final long serialVersionUID = 1L;

    private final transient LocalDate date;

    /**
     * @param date the date for which no rule set was in force
     * @param message the detail, naming the date and the rule sets known
     */
    public NoRuleSetInForceException(LocalDate date, String message) {
        super(Kind.INPUT_REJECTED, message, null);
        this.date = Objects.requireNonNull(date, "date");
    }

    /** {@return the date for which no rule set was in force} */
    public LocalDate date() {
        return date;
    }
}

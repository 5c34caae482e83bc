package org.fmishare.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a transparency report counts a share as having had "no response": the company recorded none within
 * {@code period} of the share's first dispatch, and that period had ended by {@code asOf}, the date the report is
 * computed as of. Both are explicit so the same log and options always give the same report, and the report states
 * them. A share retracted by {@code asOf} is not counted: nothing is awaited for it. Counting a share as "no
 * response" is a statistic only; it is never a consequence for the company, and responding stays voluntary.
 *
 * @param period how long after a share's first dispatch it counts as unanswered (at least one day, at most ten
 *     years)
 * @param asOf the report's date: responses recorded up to this instant count, periods ending after it do not
 */
public record NoResponseWindow(Duration period, Instant asOf) {
    /** The shortest period accepted: a shorter one would count shares as unanswered before anyone could answer. */
    public static final Duration MIN_PERIOD = Duration.ofDays(1);
    /** The longest period accepted. */
    public static final Duration MAX_PERIOD = Duration.ofDays(3653);

    /** Validates. */
    public NoResponseWindow {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(asOf, "asOf");
        if (period.compareTo(MIN_PERIOD) < 0 || period.compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("NoResponseWindow.period must be from 1 day to 3653 days, was "
                    + period);
        }
    }

    /**
     * Whether a share first dispatched at {@code dispatchedAt} has had its whole period by the report's date.
     *
     * @param dispatchedAt the share's first dispatch
     * @return true if {@code dispatchedAt + period} is not after {@link #asOf()}
     */
    public boolean elapsed(Instant dispatchedAt) {
        return !dispatchedAt.plus(period).isAfter(asOf);
    }
}

package org.fmishare.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a transparency report says about its publisher and how strictly it suppresses small counts.
 *
 * @param agency the publishing agency, shown in the heading
 * @param title the report title
 * @param suppressionThreshold counts from 1 to {@code threshold - 1} are withheld (shown as {@code <threshold}),
 *     and a second cell in the same row is withheld when one would otherwise follow from the total; 1 disables
 *     suppression (only for internal use, never for publication)
 * @param noResponse when set, shares without a recorded company response are counted as "No response" in the
 *     responses table once their period has ended by the report's date (see {@link NoResponseWindow}); when empty
 *     (the default) that column counts only companies' explicit "no response" answers
 */
public record ReportOptions(String agency, String title, int suppressionThreshold,
        Optional<NoResponseWindow> noResponse) {
    /** The default threshold: counts below 10 are withheld. */
    public static final int DEFAULT_THRESHOLD = 10;

    /** Validates. */
    public ReportOptions {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(title, "title");
        if (agency.isBlank() || title.isBlank()) {
            throw new IllegalArgumentException("agency and title must not be blank");
        }
        if (suppressionThreshold < 1 || suppressionThreshold > 1000) {
            throw new IllegalArgumentException("suppressionThreshold must be 1 to 1000, was " + suppressionThreshold);
        }
        Objects.requireNonNull(noResponse, "noResponse");
    }

    /**
     * Options without a no-response window.
     *
     * @param agency the publishing agency
     * @param title the report title
     * @param suppressionThreshold the suppression threshold
     */
    public ReportOptions(String agency, String title, int suppressionThreshold) {
        this(agency, title, suppressionThreshold, Optional.empty());
    }

    /** {@return options for the Department of Justice with the default threshold} */
    public static ReportOptions defaults() {
        return new ReportOptions("U.S. Department of Justice",
                "Transparency report: sharing foreign malign influence threat information with social media companies",
                DEFAULT_THRESHOLD);
    }

    /**
     * Copies with another threshold.
     *
     * @param threshold the threshold
     * @return the new options
     */
    public ReportOptions withSuppressionThreshold(int threshold) {
        return new ReportOptions(agency, title, threshold, noResponse);
    }

    /**
     * Copies with another agency name.
     *
     * @param agency the agency
     * @return the new options
     */
    public ReportOptions withAgency(String agency) {
        return new ReportOptions(agency, title, suppressionThreshold, noResponse);
    }

    /**
     * Copies with a no-response window: shares without a recorded response within {@code period} of their first
     * dispatch, by {@code asOf}, count as "No response".
     *
     * @param period how long a share may go unanswered before it counts
     * @param asOf the report's date
     * @return the new options
     * @throws IllegalArgumentException if the period is shorter than a day or longer than ten years
     */
    public ReportOptions withNoResponseAfter(Duration period, Instant asOf) {
        return new ReportOptions(agency, title, suppressionThreshold,
                Optional.of(new NoResponseWindow(period, asOf)));
    }
}

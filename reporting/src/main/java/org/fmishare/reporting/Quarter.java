package org.fmishare.reporting;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A calendar quarter in UTC, the reporting period of a transparency report.
 *
 * @param year the year
 * @param quarter 1 to 4
 */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {
    /** Validates. */
    public Quarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1 to 4, was " + quarter);
        }
    }

    /**
     * The quarter an instant falls in, in UTC.
     *
     * @param at the instant
     * @return its quarter
     */
    public static Quarter of(Instant at) {
        Objects.requireNonNull(at, "at");
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        return new Quarter(t.getYear(), (t.getMonthValue() - 1) / 3 + 1);
    }

    /** {@return the quarter after this one} */
    public Quarter next() {
        return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
    }

    @Override
    public int compareTo(Quarter o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
    }

    /** {@return e.g. {@code 2026-Q4}} */
    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}

package org.fmishare.reporting;

import java.util.OptionalLong;

/**
 * A published count, or the mark that it was suppressed. A suppressed cell does not hold its value, so nothing
 * downstream of the report can leak it.
 *
 * @param value the count, empty when suppressed
 */
public record Cell(OptionalLong value) {
    /** Validates. */
    public Cell {
        if (value == null) {
            throw new NullPointerException("value");
        }
        if (value.isPresent() && value.getAsLong() < 0) {
            throw new IllegalArgumentException("a count must not be negative, was " + value.getAsLong());
        }
    }

    /**
     * A published count.
     *
     * @param n the count
     * @return the cell
     */
    public static Cell count(long n) {
        return new Cell(OptionalLong.of(n));
    }

    /** {@return a suppressed cell} */
    public static Cell suppressed() {
        return new Cell(OptionalLong.empty());
    }

    /** {@return whether the count was withheld} */
    public boolean isSuppressed() {
        return value.isEmpty();
    }

    /** The mark a withheld count shows in published tables. */
    public static final String WITHHELD = "(s)";

    /**
     * How the cell reads in a published table. Every withheld cell reads the same, whether it was small itself or
     * withheld so that a small one cannot be derived from the row total, so the mark reveals nothing about which.
     *
     * @return the number, or {@value #WITHHELD} when withheld
     */
    public String display() {
        return value.isPresent() ? Long.toString(value.getAsLong()) : WITHHELD;
    }
}

package org.fmishare.reporting.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fmishare.reporting.Quarter;

/** Raw counts for one table, per quarter and column, with a total per quarter. Never published as is. */
public final class Tally {
    private final List<String> columns;
    private final Map<Quarter, long[]> counts = new TreeMap<>();
    private final Map<Quarter, Set<String>> distinct = new HashMap<>();
    private final boolean totalIsSum;

    /**
     * A tally whose total is the sum of its columns, or the number of distinct keys when {@code totalIsSum} is
     * false.
     *
     * @param columns column keys
     * @param totalIsSum how the total is formed
     */
    public Tally(List<String> columns, boolean totalIsSum) {
        this.columns = List.copyOf(columns);
        this.totalIsSum = totalIsSum;
    }

    /**
     * Counts one occurrence.
     *
     * @param q the quarter
     * @param column the column key, which must be one of the columns
     * @param distinctKey what the total counts when it is not the sum (ignored otherwise)
     */
    public void add(Quarter q, String column, String distinctKey) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + columns);
        }
        counts.computeIfAbsent(q, k -> new long[columns.size()])[i]++;
        distinct.computeIfAbsent(q, k -> new HashSet<>()).add(distinctKey);
    }

    /** {@return the column keys} */
    public List<String> columns() {
        return columns;
    }

    /** {@return whether the total is the sum of the columns} */
    public boolean totalIsSum() {
        return totalIsSum;
    }

    /**
     * The raw counts of a quarter.
     *
     * @param q the quarter
     * @return one count per column (zeros when nothing was counted)
     */
    public long[] counts(Quarter q) {
        return counts.getOrDefault(q, new long[columns.size()]).clone();
    }

    /**
     * The raw total of a quarter.
     *
     * @param q the quarter
     * @return the sum, or the number of distinct keys
     */
    public long total(Quarter q) {
        if (totalIsSum) {
            long s = 0;
            for (long c : counts(q)) {
                s += c;
            }
            return s;
        }
        return distinct.getOrDefault(q, Set.of()).size();
    }
}

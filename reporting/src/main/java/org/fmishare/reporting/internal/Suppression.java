package org.fmishare.reporting.internal;

import java.util.ArrayList;
import java.util.List;
import org.fmishare.reporting.Cell;

/**
 * Small-number suppression for one table row.
 *
 * <p>Design note. Primary suppression withholds every count from 1 to {@code k - 1}: a count that small could point
 * at one company, account or operation. Zero is published (it identifies no one). Complementary suppression: when a
 * row's total is the sum of its cells and is published, the sum of the withheld cells follows by subtraction; a
 * single withheld cell would be recovered exactly, and two withheld cells summing to less than {@code k} are
 * bounded too tightly (1 and 1 from a sum of 2). So while one cell, or cells summing to less than {@code k}, are
 * withheld, the smallest other non-zero cell is withheld as well (and the total, if none is left). Rows are
 * independent because the report publishes no column totals across quarters.
 */
public final class Suppression {
    private Suppression() {}

    /** A row after suppression. */
    public record Row(List<Cell> cells, Cell total) {}

    /**
     * Suppresses one row.
     *
     * @param counts the raw counts
     * @param total the raw total
     * @param totalIsSum whether the total is the sum of the counts (else it counts something else, e.g. distinct
     *     shares over findings)
     * @param threshold k
     * @return the published row
     */
    public static Row apply(long[] counts, long total, boolean totalIsSum, int threshold) {
        boolean[] hidden = new boolean[counts.length];
        int hiddenCount = 0;
        for (int i = 0; i < counts.length; i++) {
            if (small(counts[i], threshold)) {
                hidden[i] = true;
                hiddenCount++;
            }
        }
        boolean totalHidden = small(total, threshold);
        if (totalIsSum && !totalHidden) {
            long hiddenSum = 0;
            for (int i = 0; i < counts.length; i++) {
                hiddenSum += hidden[i] ? counts[i] : 0;
            }
            while (hiddenCount > 0 && (hiddenCount == 1 || hiddenSum < threshold)) {
                int victim = -1;
                for (int i = 0; i < counts.length; i++) {
                    if (!hidden[i] && counts[i] > 0 && (victim < 0 || counts[i] < counts[victim])) {
                        victim = i;
                    }
                }
                if (victim < 0) {
                    totalHidden = true;
                    break;
                }
                hidden[victim] = true;
                hiddenCount++;
                hiddenSum += counts[victim];
            }
        }
        List<Cell> cells = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            cells.add(hidden[i] ? Cell.suppressed() : Cell.count(counts[i]));
        }
        return new Row(cells, totalHidden ? Cell.suppressed() : Cell.count(total));
    }

    private static boolean small(long n, int threshold) {
        return n > 0 && n < threshold;
    }
}

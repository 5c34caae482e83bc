package org.fmishare.reporting;

import java.util.List;
import java.util.Objects;

/**
 * One quarter of a {@link ReportTable}.
 *
 * @param quarter the quarter
 * @param cells one cell per column of the table
 * @param total the row total (see {@link ReportTable#totalLabel()} for what it counts)
 */
public record ReportRow(Quarter quarter, List<Cell> cells, Cell total) {
    /** Validates and copies. */
    public ReportRow {
        Objects.requireNonNull(quarter, "quarter");
        cells = List.copyOf(cells);
        Objects.requireNonNull(total, "total");
    }
}

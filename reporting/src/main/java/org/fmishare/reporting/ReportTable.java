package org.fmishare.reporting;

import java.util.List;
import java.util.Objects;

/**
 * One published table: counts per quarter, after suppression.
 *
 * @param id stable identifier, used in the CSV ({@code shares-by-prong}, ...)
 * @param title heading
 * @param description what is counted, in one sentence
 * @param columns column labels
 * @param totalLabel what the total column counts
 * @param rows one per quarter, oldest first
 */
public record ReportTable(String id, String title, String description, List<String> columns, String totalLabel,
        List<ReportRow> rows) {
    /** Validates and copies. */
    public ReportTable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        columns = List.copyOf(columns);
        Objects.requireNonNull(totalLabel, "totalLabel");
        rows = List.copyOf(rows);
        for (ReportRow r : rows) {
            if (r.cells().size() != columns.size()) {
                throw new IllegalArgumentException("row " + r.quarter() + " of table " + id + " has "
                        + r.cells().size() + " cells for " + columns.size() + " columns");
            }
        }
    }
}

package org.fmishare.reporting;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The files {@link TransparencyReport#writeTo} wrote.
 *
 * @param markdown {@code transparency-report.md}
 * @param html {@code transparency-report.html} (self-contained, chart inline)
 * @param csv {@code transparency-report.csv}
 * @param chartSvg {@code transparency-chart.svg}
 * @param chartPng {@code transparency-chart.png}
 */
public record ReportFiles(Path markdown, Path html, Path csv, Path chartSvg, Path chartPng) {
    /** Validates. */
    public ReportFiles {
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(chartSvg, "chartSvg");
        Objects.requireNonNull(chartPng, "chartPng");
    }
}

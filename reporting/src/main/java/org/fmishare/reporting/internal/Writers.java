package org.fmishare.reporting.internal;

import java.util.List;
import org.fmishare.reporting.Cell;
import org.fmishare.reporting.ReportRow;
import org.fmishare.reporting.ReportSource;
import org.fmishare.reporting.ReportTable;
import org.fmishare.reporting.TransparencyReport;

/** Markdown, CSV and HTML renderings of a {@link TransparencyReport}. Deterministic: no clock, no locale. */
public final class Writers {
    /** The principle the report opens with, quoted from the Department's published strategic principles. */
    public static final String PRINCIPLE = "The Department believes that transparency about how we conduct our work "
            + "combating FMI is just as important as the work itself.";
    private static final String CHOICE = "When the Department shares FMI threat information with social media "
            + "companies, it is entirely up to the companies whether to take any action, and no adverse consequences "
            + "for the companies will result from whatever action they may or may not take.";

    private Writers() {}

    private static String suppressionNote(TransparencyReport r) {
        int k = r.options().suppressionThreshold();
        return k <= 1 ? "No counts are suppressed in this edition (internal use only)."
                : "Counts from 1 to " + (k - 1) + " are withheld and shown as \u201c" + Cell.WITHHELD + "\u201d so "
                        + "that no number identifies a company, account or operation; where a row total would reveal "
                        + "a withheld count, a second count in the row is withheld too.";
    }

    private static String sourceNote(ReportSource s) {
        return "Computed from a tamper-evident audit log of " + s.entries() + " entries (" + s.records()
                + " events, " + s.checkpoints() + " signed checkpoints), verified end to end before this report was "
                + "produced; log head " + s.head()
                + s.lastSealedAt().map(t -> ", last sealed " + t).orElse("") + ".";
    }

    private static String period(TransparencyReport r) {
        List<ReportRow> rows = r.tables().get(0).rows();
        return rows.isEmpty() ? "no activity recorded"
                : rows.get(0).quarter() + " to " + rows.get(rows.size() - 1).quarter() + " (calendar quarters, UTC)";
    }

    /**
     * Renders Markdown.
     *
     * @param r the report
     * @return Markdown text
     */
    public static String markdown(TransparencyReport r) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(r.options().title()).append("\n\n");
        b.append(r.options().agency()).append(". Period: ").append(period(r)).append(".\n\n");
        b.append("> ").append(PRINCIPLE).append("\n\n");
        b.append(CHOICE).append("\n\n");
        b.append(suppressionNote(r)).append("\n\n");
        b.append(sourceNote(r.source())).append("\n\n");
        b.append("![Activity per quarter](transparency-chart.svg)\n");
        for (ReportTable t : r.tables()) {
            b.append("\n## ").append(t.title()).append("\n\n").append(t.description()).append("\n\n");
            if (t.rows().isEmpty()) {
                b.append("No activity recorded.\n");
                continue;
            }
            b.append("| Quarter |");
            for (String c : t.columns()) {
                b.append(' ').append(md(c)).append(" |");
            }
            b.append(' ').append(md(t.totalLabel())).append(" |\n|---|");
            b.append("---:|".repeat(t.columns().size() + 1)).append('\n');
            for (ReportRow row : t.rows()) {
                b.append("| ").append(row.quarter()).append(" |");
                for (Cell c : row.cells()) {
                    b.append(' ').append(c.display()).append(" |");
                }
                b.append(' ').append(row.total().display()).append(" |\n");
            }
        }
        return b.toString();
    }

    private static String md(String s) {
        return s.replace("|", "\\|");
    }

    /**
     * Renders CSV: {@code table,quarter,column,count,suppressed}, the total as column {@code total}.
     *
     * @param r the report
     * @return CSV text with CRLF line ends (RFC 4180)
     */
    public static String csv(TransparencyReport r) {
        StringBuilder b = new StringBuilder("table,quarter,column,count,suppressed\r\n");
        for (ReportTable t : r.tables()) {
            for (ReportRow row : t.rows()) {
                for (int i = 0; i < t.columns().size(); i++) {
                    csvLine(b, t.id(), row.quarter().toString(), t.columns().get(i), row.cells().get(i));
                }
                csvLine(b, t.id(), row.quarter().toString(), "total", row.total());
            }
        }
        return b.toString();
    }

    private static void csvLine(StringBuilder b, String table, String quarter, String column, Cell c) {
        b.append(csvField(table)).append(',').append(csvField(quarter)).append(',').append(csvField(column))
                .append(',').append(c.value().isPresent() ? Long.toString(c.value().getAsLong()) : "")
                .append(',').append(c.isSuppressed()).append("\r\n");
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /**
     * Renders one self-contained HTML page.
     *
     * @param r the report
     * @param svg the chart, inlined
     * @return HTML text
     */
    public static String html(TransparencyReport r, String svg) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(r.options().title())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"DejaVu Sans\",sans-serif;")
                .append("max-width:1100px;margin:2rem auto;padding:0 1.5rem;color:#1b1f24;line-height:1.5;")
                .append("background:#fff}\n")
                .append("h1{font-size:1.7rem;border-bottom:4px solid #1f4e79;padding-bottom:.4rem}\n")
                .append("h2{font-size:1.2rem;margin-top:2rem;color:#1f4e79}\n")
                .append("blockquote{margin:1rem 0;padding:.6rem 1rem;background:#eef3f8;border-left:5px solid #1f4e79}\n")
                .append("table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}\n")
                .append("th,td{border:1px solid #c9d3dd;padding:.35rem .6rem;text-align:right}\n")
                .append("th{background:#1f4e79;color:#fff;font-weight:600}\n")
                .append("td:first-child,th:first-child{text-align:left}\n")
                .append("tr:nth-child(even) td{background:#f5f8fb}\n")
                .append("td.suppressed{color:#7a4b00;background:#fff4de;font-style:italic}\n")
                .append("td.total{font-weight:600}\n")
                .append(".chart{margin:1.5rem 0;border:1px solid #c9d3dd;padding:.5rem}\n")
                .append(".chart svg{width:100%;height:auto}\n.meta{color:#4a5561;font-size:.9rem}\n")
                .append("</style>\n</head>\n<body>\n");
        b.append("<h1>").append(esc(r.options().title())).append("</h1>\n");
        b.append("<p class=\"meta\">").append(esc(r.options().agency())).append(". Period: ").append(esc(period(r)))
                .append(".</p>\n");
        b.append("<blockquote>").append(esc(PRINCIPLE)).append("</blockquote>\n");
        b.append("<p>").append(esc(CHOICE)).append("</p>\n");
        b.append("<p>").append(esc(suppressionNote(r))).append("</p>\n");
        b.append("<p class=\"meta\">").append(esc(sourceNote(r.source()))).append("</p>\n");
        b.append("<figure class=\"chart\" aria-label=\"Activity per quarter\">\n")
                .append(svg.replaceFirst("^<\\?xml[^>]*>\\s*", "")).append("\n</figure>\n");
        for (ReportTable t : r.tables()) {
            b.append("<h2 id=\"").append(esc(t.id())).append("\">").append(esc(t.title())).append("</h2>\n<p>")
                    .append(esc(t.description())).append("</p>\n");
            if (t.rows().isEmpty()) {
                b.append("<p>No activity recorded.</p>\n");
                continue;
            }
            b.append("<table>\n<thead><tr><th scope=\"col\">Quarter</th>");
            for (String c : t.columns()) {
                b.append("<th scope=\"col\">").append(esc(c)).append("</th>");
            }
            b.append("<th scope=\"col\">").append(esc(t.totalLabel())).append("</th></tr></thead>\n<tbody>\n");
            for (ReportRow row : t.rows()) {
                b.append("<tr><th scope=\"row\" style=\"background:none;color:inherit;text-align:left\">")
                        .append(row.quarter()).append("</th>");
                for (Cell c : row.cells()) {
                    td(b, c, false);
                }
                td(b, row.total(), true);
                b.append("</tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void td(StringBuilder b, Cell c, boolean total) {
        String cls = (c.isSuppressed() ? "suppressed" : "") + (total ? (c.isSuppressed() ? " " : "") + "total" : "");
        b.append("<td").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"")
                .append(c.isSuppressed() ? " title=\"withheld to protect small numbers\"" : "").append('>')
                .append(esc(c.display())).append("</td>");
    }

    private static String esc(String s) {
        StringBuilder o = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> o.append("&lt;");
                case '>' -> o.append("&gt;");
                case '&' -> o.append("&amp;");
                case '"' -> o.append("&quot;");
                case '\'' -> o.append("&#39;");
                default -> o.append(ch);
            }
        }
        return o.toString();
    }
}

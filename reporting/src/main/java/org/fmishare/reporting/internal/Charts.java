package org.fmishare.reporting.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.fmishare.reporting.ReportRow;
import org.fmishare.reporting.ReportTable;
import org.fmishare.reporting.ReportingException;
import org.fmishare.reporting.TransparencyReport;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's chart, drawn by JFreeChart: a grouped bar chart of the published (already suppressed) totals per
 * quarter. A suppressed total is drawn as no bar, never as its value. SVG comes from JFreeSVG's {@code Graphics2D},
 * PNG from JFreeChart's own encoder; both need AWT fonts, which a headless JVM takes from fontconfig.
 */
public final class Charts {
    /** Chart width in pixels. */
    public static final int WIDTH = 960;
    /** Chart height in pixels. */
    public static final int HEIGHT = 420;
    private static final Color[] PALETTE = {new Color(0x1f4e79), new Color(0x2e8b57), new Color(0xc77c02),
        new Color(0xa23b3b)};

    private Charts() {}

    private static JFreeChart chart(TransparencyReport r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        series(data, r.table("shares-by-prong"), "Shares sent");
        series(data, r.table("meetings-by-leadership"), "Meetings held");
        series(data, r.table("responses-by-kind"), "Company responses");
        series(data, r.table("blocked-by-rule"), "Shares blocked by SOP rules");
        JFreeChart chart = ChartFactory.createBarChart("Activity per quarter (suppressed counts not drawn)",
                "Quarter", "Count", data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xc9d3dd));
        plot.setOutlineVisible(false);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < PALETTE.length; i++) {
            renderer.setSeriesPaint(i, PALETTE[i]);
        }
        return chart;
    }

    private static void series(DefaultCategoryDataset data, ReportTable t, String name) {
        List<ReportRow> rows = t.rows();
        for (ReportRow row : rows) {
            Long v = row.total().value().isPresent() ? row.total().value().getAsLong() : null;
            data.addValue(v, name, row.quarter().toString());
        }
    }

    /**
     * Renders SVG.
     *
     * @param r the report
     * @return an SVG document
     */
    public static String svg(TransparencyReport r) {
        try {
            SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
            // A fixed prefix instead of the default time-based one keeps the SVG reproducible.
            g.setDefsKeyPrefix("fmi");
            chart(r).draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
            // A viewBox lets the inline chart scale with the page instead of keeping its pixel height.
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + g.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null) + "\n";
        } catch (RuntimeException | LinkageError | java.awt.AWTError | InternalError e) {
            throw new ReportingException.ChartFailed("cannot render the chart as SVG: " + e, e);
        }
    }

    /**
     * Renders PNG.
     *
     * @param r the report
     * @return PNG bytes
     */
    public static byte[] png(TransparencyReport r) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart(r), WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException | RuntimeException | LinkageError | java.awt.AWTError | InternalError e) {
            throw new ReportingException.ChartFailed("cannot render the chart as PNG: " + e, e);
        }
    }
}

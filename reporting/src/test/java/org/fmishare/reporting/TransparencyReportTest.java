package org.fmishare.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.fmishare.audit.AuditVerification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.w3c.dom.Document;

/** Counts, suppression, formats and chart of the transparency report over a known two-quarter activity. */
class TransparencyReportTest {
    @TempDir
    static Path logDir;
    static AuditVerification verified;

    @BeforeAll
    static void writeLog() {
        verified = Activity.verifiedLog(logDir);
    }

    static TransparencyReport report(int k) {
        return TransparencyReport.from(verified, ReportOptions.defaults().withSuppressionThreshold(k));
    }

    @ParameterizedTest(name = "k={0} {1} {2}: {3}")
    @CsvFileSource(resources = "report-rows.csv", delimiter = ';', numLinesToSkip = 1)
    void publishedRowsMatchTheActivityAfterSuppression(int k, String tableId, String quarter, String expected) {
        ReportTable t = report(k).table(tableId);
        ReportRow row = t.rows().stream().filter(r -> r.quarter().toString().equals(quarter)).findFirst()
                .orElseThrow();
        String actual = row.cells().stream().map(Cell::display).collect(Collectors.joining(" ")) + " | "
                + row.total().display();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void columnsOfDataDrivenTablesComeFromTheLog() {
        TransparencyReport r = report(1);
        assertThat(r.table("shares-by-rule-set").columns()).containsExactly("sop-2024-02 v1.0.0",
                "sop-2024-02 v1.1.0");
        assertThat(r.table("blocked-by-rule").columns()).containsExactly("P1-CONFIDENCE", "P1-FITF-COORDINATION");
        assertThat(r.table("shares-by-prong").rows()).extracting(row -> row.quarter().toString())
                .containsExactly("2026-Q3", "2026-Q4");
        assertThat(r.source().entries()).isEqualTo(verified.entries());
        assertThat(r.source().head()).isEqualTo(verified.head());
        assertThatThrownBy(() -> r.table("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shares-by-prong");
    }

    @Test
    void csvMatchesGoldenFile() throws IOException {
        assertThat(report(10).csv()).isEqualTo(golden("golden/transparency-report-k10.csv"));
    }

    @Test
    void markdownMatchesGoldenFile() throws IOException {
        // The head hash covers ECDSA signatures and freshly generated test certificates, so it differs per run.
        String md = report(10).markdown().replace(verified.head(), "sha-256:<head>");
        assertThat(md).isEqualTo(golden("golden/transparency-report-k10.md"));
    }

    @Test
    void noCompanyOrEventIdentifierIsPublished() {
        TransparencyReport r = report(1);
        String all = r.markdown() + r.csv() + r.html();
        assertThat(all).doesNotContain("smc-", "share-q", "env-q", "resp-q", "meeting-q");
    }

    @Test
    void chartsAreValidPngAndSvg() throws Exception {
        TransparencyReport r = report(10);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(r.chartPng()));
        assertThat(png).isNotNull();
        assertThat(png.getWidth()).isEqualTo(960);
        assertThat(png.getHeight()).isEqualTo(420);
        assertThat(Screenshots.distinctColours(png)).isGreaterThan(4);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        Document svg = f.newDocumentBuilder().parse(new ByteArrayInputStream(
                r.chartSvg().getBytes(StandardCharsets.UTF_8)));
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(r.chartSvg()).contains("Shares sent", "Meetings held", "2026-Q3", "2026-Q4");
        assertThat(r.chartSvg()).isEqualTo(report(10).chartSvg());
    }

    @Test
    void writeToProducesEveryFormat(@TempDir Path out) throws IOException {
        ReportFiles files = report(10).writeTo(out.resolve("report"));
        for (Path p : new Path[] {files.markdown(), files.html(), files.csv(), files.chartSvg(), files.chartPng()}) {
            assertThat(p).exists();
            assertThat(Files.size(p)).isPositive();
        }
        assertThat(Files.readString(files.html())).startsWith("<!DOCTYPE html>").contains("<svg")
                .contains("Shares blocked by SOP rules");
        assertThat(ImageIO.read(files.chartPng().toFile())).isNotNull();
    }

    @Test
    void aLogWithoutRecordsYieldsAReportWithoutRows() {
        // The verifier refuses an empty log; a verification without records (as one with only checkpoints would
        // give) still renders, with no rows.
        AuditVerification none = new AuditVerification(0, 0, org.fmishare.audit.AuditEntry.GENESIS,
                java.util.Optional.empty(), 0, java.util.List.of());
        TransparencyReport r = TransparencyReport.from(none, ReportOptions.defaults());
        assertThat(r.tables()).allSatisfy(t -> assertThat(t.rows()).isEmpty());
        assertThat(r.markdown()).contains("Period: no activity recorded", "No activity recorded.");
    }

    static String golden(String name) throws IOException {
        try (InputStream in = TransparencyReportTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package org.fmishare.demo;

import org.fmishare.cli.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fmishare.core.keys.Credentials;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit verify} and {@code report} on the audit log a real demo run wrote. */
class AuditReportCliTest {
    @TempDir
    static Path demo;

    @BeforeAll
    static void runDemoOnce() {
        DemoTest.Result r = DemoTest.run("demo", "--out", demo.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    private static String log() {
        return demo.resolve("audit.log").toString();
    }

    private static String ca() {
        return demo.resolve("ca.pem").toString();
    }

    /** A copy of the demo's log with one byte inside the given line changed. */
    private static Path tampered(Path dir, int line) throws Exception {
        String text = Files.readString(demo.resolve("audit.log"), StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        String l = lines[line];
        int at = l.length() / 2;
        char c = l.charAt(at);
        lines[line] = l.substring(0, at) + (c == 'a' ? 'b' : 'a') + l.substring(at + 1);
        Path copy = dir.resolve("tampered.log");
        Files.writeString(copy, String.join("\n", lines), StandardCharsets.UTF_8);
        return copy;
    }

    @Test
    void verifiesTheDemoLogOnOneLine() {
        DemoTest.Result r = DemoTest.run("audit", "verify", log(), "--signer-trust", ca(), "--sealer", "fitf");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).hasSize(1);
        assertThat(r.out()).startsWith("audit log verified: ").contains("checkpoints");
    }

    @Test
    void aTamperedCopyIsBrokenAndNamesTheEntry(@TempDir Path dir) throws Exception {
        DemoTest.Result r = DemoTest.run("audit", "verify", tampered(dir, 2).toString(), "--signer-trust", ca(), "--sealer", "fitf");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).startsWith("fmi-share: ").contains("audit log broken").contains("audit entry ")
                .doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aLogSealedByAnUntrustedCaIsBroken(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("other.pem");
        Files.writeString(other, Credentials.toPem(TestPki.authority("other CA").certificate()));
        DemoTest.Result r = DemoTest.run("audit", "verify", log(), "--signer-trust", other.toString(), "--sealer", "fitf");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("audit entry ");
    }

    @Test
    void hostileOrMissingFilesAreRejectedWithoutCreatingAnything(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.log");
        DemoTest.Result none = DemoTest.run("audit", "verify", missing.toString(), "--signer-trust", ca(), "--sealer", "fitf");
        assertThat(none.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(none.err()).contains("no such file");
        assertThat(missing).doesNotExist();

        DemoTest.Result directory = DemoTest.run("audit", "verify", dir.toString(), "--signer-trust", ca(), "--sealer", "fitf");
        assertThat(directory.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(directory.err()).contains("not a regular file");

        Path garbage = dir.resolve("garbage.log");
        Files.writeString(garbage, "{\"not\": \"an audit entry\"}\n\u0000\u0001binary\n");
        DemoTest.Result g = DemoTest.run("audit", "verify", garbage.toString(), "--signer-trust", ca(), "--sealer", "fitf");
        assertThat(g.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(g.err()).contains("audit entry 0");

        Path notPem = dir.resolve("ca.pem");
        Files.writeString(notPem, "not a certificate");
        DemoTest.Result badTrust = DemoTest.run("audit", "verify", log(), "--signer-trust", notPem.toString(), "--sealer", "fitf");
        assertThat(badTrust.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(badTrust.err()).contains("ca.pem");
    }

    @Test
    void auditWithoutSubcommandOrTrustIsAUsageError() {
        assertThat(DemoTest.run("audit").code()).isEqualTo(ExitCodes.USAGE);
        DemoTest.Result r = DemoTest.run("audit", "verify", log());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--signer-trust");
        assertThat(DemoTest.run("audit", "verify", "--help").out()).contains("Exit codes:");
    }

    @Test
    void reportWritesEveryFormatFromAVerifiedLog(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        DemoTest.Result r = DemoTest.run("report", log(), "--signer-trust", ca(), "--sealer", "fitf", "--out", out.toString(), "--threshold", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("audit log verified: ").contains("wrote ");
        for (String f : new String[] {"transparency-report.md", "transparency-report.html", "transparency-report.csv",
            "transparency-chart.svg", "transparency-chart.png"}) {
            assertThat(out.resolve(f)).isNotEmptyFile();
            assertThat(r.out()).contains(out.resolve(f).toString());
        }
        // Threshold 1 shows the demo's handful of events; the default withholds them, so the files differ.
        Path withDefault = dir.resolve("default");
        DemoTest.Result d = DemoTest.run("report", log(), "--signer-trust", ca(), "--sealer", "fitf", "--out", withDefault.toString());
        assertThat(d.code()).as(d.err()).isZero();
        assertThat(Files.readString(withDefault.resolve("transparency-report.csv")))
                .isNotEqualTo(Files.readString(out.resolve("transparency-report.csv")));
    }

    @Test
    void reportCountsUnansweredSharesOnlyAsOfAnExplicitDate(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        DemoTest.Result r = DemoTest.run("report", log(), "--signer-trust", ca(), "--sealer", "fitf", "--out",
                out.toString(), "--threshold", "1", "--no-response-after", "30", "--as-of", "2099-01-01");
        assertThat(r.code()).as(r.err()).isZero();
        String md = Files.readString(out.resolve("transparency-report.md"));
        assertThat(md).contains("30 days after it was first sent, as of 2099-01-01T00:00:00Z")
                .contains("## Corrections and retractions");
        // The demo's first share was answered (and later retracted); its reviewed share got no response, so exactly
        // one share is derived as unanswered.
        assertThat(Files.readString(out.resolve("transparency-report.csv")).lines()
                .filter(l -> l.startsWith("responses-by-kind,") && l.contains(",No response,")))
                .isNotEmpty().allSatisfy(l -> assertThat(l).endsWith(",1,false"));

        DemoTest.Result noDate = DemoTest.run("report", log(), "--signer-trust", ca(), "--sealer", "fitf", "--out",
                out.toString(), "--no-response-after", "30");
        assertThat(noDate.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noDate.err()).contains("--as-of");
        DemoTest.Result badDate = DemoTest.run("report", log(), "--signer-trust", ca(), "--sealer", "fitf", "--out",
                out.toString(), "--no-response-after", "30", "--as-of", "next week");
        assertThat(badDate.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badDate.err()).contains("--as-of").contains("next week");
        DemoTest.Result zeroDays = DemoTest.run("report", log(), "--signer-trust", ca(), "--sealer", "fitf",
                "--out", out.toString(), "--no-response-after", "0", "--as-of", "2099-01-01");
        assertThat(zeroDays.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(zeroDays.err()).contains("--no-response-after");
    }

    @Test
    void reportRefusesABrokenLogAndBadThresholds(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        DemoTest.Result broken = DemoTest.run("report", tampered(dir, 1).toString(), "--signer-trust", ca(), "--sealer", "fitf", "--out",
                out.toString());
        assertThat(broken.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(broken.err()).contains("audit entry ");
        assertThat(out).doesNotExist();
        DemoTest.Result zero = DemoTest.run("report", log(), "--signer-trust", ca(), "--sealer", "fitf", "--out", out.toString(), "--threshold",
                "0");
        assertThat(zero.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(zero.err()).contains("--threshold");
        assertThat(DemoTest.run("report", log(), "--signer-trust", ca(), "--sealer", "fitf").code()).isEqualTo(ExitCodes.USAGE);
    }
}

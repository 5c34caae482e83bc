package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command line in-process and checks exit codes, output and written files. */
class CliTest {
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FmiShareCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void demoRunsEveryStepAndKeepsArtifacts(@TempDir Path dir) throws Exception {
        Result r = run("demo", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("[1/").contains("Demo complete");
        ThreatShare kept = FmiJson.standard().read(Files.readAllBytes(dir.resolve("share.json")), ThreatShare.class);
        assertThat(kept).isEqualTo(SampleData.passingShare());
        assertThat(r.out()).contains("no-adverse-action v1 PRESENT");
        assertThat(r.out()).contains("sample share: PASS; failing share: FAIL");
        assertThat(dir.resolve("compliance-report.json")).exists();
        assertThat(r.out()).contains("rejected by check 'signature'").contains("compliance:  PASS");
        assertThat(dir.resolve("envelope.jws.json")).exists();
        assertThat(r.out()).contains("STIX content matches the signed share: true");
        assertThat(dir.resolve("stix-objects.json")).exists();
        assertThat(dir.resolve("outbox.journal")).exists();
        assertThat(r.out()).contains("HTTPS delivered").contains("EMAIL delivered").contains("TAXII delivered")
                .contains("callback ran 1 time").contains("S/MIME signature by").contains("audit log verified")
                .contains("Demo complete: 10 of 10 steps succeeded.");
        assertThat(dir.resolve("share-email.eml")).exists();
        assertThat(dir.resolve("https-receipt.jws.json")).exists();
        assertThat(dir.resolve("transparency-report/transparency-report.html")).exists();
        assertThat(dir.resolve("transparency-report/transparency-report.csv")).exists();
        assertThat(Files.readString(dir.resolve("share-message.txt")))
                .contains("We will not take any adverse action");
        assertThat(dir.resolve("share-message.html")).exists();
        assertThat(Files.readString(dir.resolve("disclosures.json"))).startsWith("{\"disclosures\":[");
    }

    @Test
    void renderPrintsTheMessageWithItsDisclosures() {
        Result r = run("render", Samples.SAMPLES.resolve("passing-share.json").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Subject: [TLP:AMBER]").contains("no obligation to do so");
        Result html = run("render", "--format", "html", Samples.SAMPLES.resolve("meeting.json").toString());
        assertThat(html.code()).as(html.err()).isZero();
        assertThat(html.out()).contains("<html");
        Result json = run("render", "--format", "json", Samples.SAMPLES.resolve("briefing.json").toString());
        assertThat(json.out()).contains("voluntary-participation");
    }

    @Test
    void validateExitsByVerdict() {
        Result pass = run("validate", Samples.SAMPLES.resolve("passing-share.json").toString(),
                Samples.SAMPLES.resolve("meeting.json").toString(),
                Samples.SAMPLES.resolve("briefing.json").toString());
        assertThat(pass.code()).as(pass.out() + pass.err()).isEqualTo(ExitCodes.OK);
        assertThat(pass.out()).contains("PASS");
        Result fail = run("validate", Samples.SAMPLES.resolve("failing-share.json").toString());
        assertThat(fail.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(fail.out()).contains("FAIL").contains("P1-NO-COERCION").contains("$.narrative");
    }

    @Test
    void validateJsonPrintsOneReportPerLine() throws Exception {
        Result r = run("validate", "--json", Samples.SAMPLES.resolve("passing-share.json").toString(),
                Samples.SAMPLES.resolve("failing-share.json").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        java.util.List<String> lines = r.out().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            assertThat(FmiJson.standard().mapper().readTree(line).get("verdict").asString()).isIn("PASS", "FAIL");
        }
    }

    @Test
    void validateReportsNeedsReviewWithExit2(@TempDir Path dir) throws Exception {
        ThreatShare review = SampleData.passingShare().toBuilder().ruleSetId("sop-2099-01").build();
        Path f = dir.resolve("review.json");
        Files.write(f, FmiJson.standard().write(review));
        Result r = run("validate", f.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(ExitCodes.NEEDS_REVIEW);
    }

    @Test
    void validateUnreadableInputOutranksVerdicts(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ not json");
        Result r = run("validate", Samples.SAMPLES.resolve("failing-share.json").toString(), bad.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(r.err()).contains("bad.json");
    }

    @Test
    void validateWithAnotherRuleSetFile(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("rules.json");
        Files.writeString(bad, "{}");
        Result r = run("validate", "--rules", bad.toString(),
                Samples.SAMPLES.resolve("passing-share.json").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(r.err()).contains("$.");
    }

    @Test
    void renderRefusesUnreadableInputWithExit3(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"id\": \"x\", \"facts\": [], \"facts\": []}");
        Result dup = run("render", bad.toString());
        assertThat(dup.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(dup.err()).contains("bad.json").contains("$.facts");
        Result missing = run("render", dir.resolve("nope.json").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(missing.err()).contains("no such file");
        Files.writeString(bad, "{\"hello\": 1}");
        assertThat(run("render", bad.toString()).err()).contains("not a share, meeting or briefing");
        assertThat(run("render", "--format", "pdf", bad.toString()).code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("demo", "validate", "sign", "verify", "send", "Exit codes:", "64");
    }

    @Test
    void unknownOptionIsAUsageErrorOnOneLine() {
        Result r = run("demo", "--bogus");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("fmi-share: Unknown option: '--bogus'").doesNotContain("\tat ");
    }

    @Test
    void noCommandPrintsUsage() {
        Result r = run();
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).contains("Usage: fmi-share");
    }
}

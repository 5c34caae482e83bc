package org.fmishare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fmishare.cli.FmiShareCli;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the demo distribution's command line in-process, as {@code ./fmi-share demo} does. */
class DemoTest {
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FmiShareCli.run(args, new PrintWriter(out), new PrintWriter(err), List.of(new DemoCommand()));
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
                .contains("Demo complete: 14 of 14 steps succeeded.");
        assertThat(dir.resolve("share-email.eml")).exists();
        assertThat(dir.resolve("https-receipt.jws.json")).exists();
        assertThat(r.out()).contains("response recorded by the office").contains("response recorded once");
        assertThat(dir.resolve("company-response.jws.json")).exists();
        assertThat(dir.resolve("transparency-report/transparency-report.html")).exists();
        // The review path: a second share the linter sends to review goes out with the reviewer's signed approval,
        // which the company's receiver verifies (and re-checks); the same approval is refused after a one-word edit.
        assertThat(r.out()).contains("[11/14] A second share that needs review")
                .contains("P1-NO-COERCION").contains("reviewer fitf-reviewer approved 1 REVIEW finding(s)")
                .contains("HTTPS delivered reviewed share share-2026-0004")
                .contains("compliance NEEDS_REVIEW with the approval of fitf-reviewer")
                .contains("company: approval verified").contains("verdict re-checked: NEEDS_REVIEW")
                .contains("ReviewDecision[share-2026-0004 by fitf-reviewer")
                .containsPattern("one word edited .*: refused, EnvelopeException\\.Rejected \\(check 'review'\\): "
                        + ".*content");
        assertThat(Files.readString(dir.resolve("reviewed-share.json"))).contains(DemoCommand.REVIEW_SENTENCE);
        assertThat(Files.readString(dir.resolve("review-decision.jws"))).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(Files.readString(dir.resolve("reviewed-envelope.jws.json"))).contains("\"payload\"");
        // The correction and the retraction reached the company's HTTPS and email receivers, which applied them.
        assertThat(r.out()).contains("[12/14] Correcting the share").contains("[13/14] Retracting the share")
                .contains("HTTPS delivered correction").contains("EMAIL delivered correction")
                .contains("HTTPS delivered retraction").contains("EMAIL delivered retraction")
                .contains("share " + SampleData.passingShare().id() + " is CORRECTED over HTTPS and by email")
                .contains("share " + SampleData.passingShare().id() + " is RETRACTED over HTTPS and by email");
        assertThat(dir.resolve("correction.jws.json")).exists();
        assertThat(dir.resolve("retraction-email.eml")).exists();
        assertThat(Files.readString(dir.resolve("https-share-states.jsonl"))).contains("\"state\":\"RETRACTED\"");
        assertThat(Files.readString(dir.resolve("email-share-states.jsonl"))).contains("\"state\":\"RETRACTED\"");
        // The audit log holds the amendments by ids, kind and the reason's digest, never the reason's text.
        String audit = Files.readString(dir.resolve("audit.log"));
        assertThat(audit).contains("\"type\":\"share-amended\"").contains("\"kind\":\"RETRACTION\"")
                .doesNotContain(SampleData.retraction().reason()).doesNotContain("U.S. person");
        // The dispatched entry of the reviewed share names its reviewer; the report counts it apart from PASS shares.
        assertThat(audit).contains("\"reviewedBy\":\"fitf-reviewer\"").contains("\"reviewDigest\":\""
                + Digests.sha256(Files.readAllBytes(dir.resolve("review-decision.jws"))) + "\"");
        assertThat(Files.readString(dir.resolve("transparency-report/transparency-report.csv")))
                .contains("shares-by-review,").contains(",Approved after review,1,false");
        assertThat(r.out()).containsPattern("Shares sent, by SOP verdict and review, .*Approved after review 1;");
        // The report counts one correction and one retraction (each sent over two channels).
        assertThat(Files.readString(dir.resolve("transparency-report/transparency-report.csv")))
                .contains("amendments-by-kind,", ",Corrections,1,false", ",Retractions,1,false");
        assertThat(dir.resolve("transparency-report/transparency-report.csv")).exists();
        assertThat(Files.readString(dir.resolve("share-message.txt")))
                .contains("We will not take any adverse action");
        assertThat(dir.resolve("share-message.html")).exists();
        assertThat(Files.readString(dir.resolve("disclosures.json"))).startsWith("{\"disclosures\":[");
    }

    @Test
    void unknownDemoOptionIsAUsageErrorOnOneLine() {
        Result r = run("demo", "--bogus");
        assertThat(r.code()).isEqualTo(64);
        assertThat(r.err()).startsWith("fmi-share: Unknown option: '--bogus'").doesNotContain("\tat ");
    }
}

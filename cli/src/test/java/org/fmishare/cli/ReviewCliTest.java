package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review path on the command line: validate, review, sign --approval, verify. */
class ReviewCliTest {
    static final String GUARD = "P1-US-PERSON-GUARD";

    @TempDir
    static Path keys;
    static Path share;

    @BeforeAll
    static void setUp() throws Exception {
        CliTest.Result r = CliTest.run("keys", "init", keys.toString(), "--password", "pw", "--tls");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(keys.resolve("reviewer.p12")).exists();
        assertThat(keys.resolve("reviewers.json")).content().contains("fitf-reviewer", "\"fitf\"");
        share = keys.resolve("needs-review.json");
        Files.write(share, FmiJson.standard().write(SampleData.needsReviewShare()));
    }

    static CliTest.Result review(Path doc, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("review", doc.toString(), "--key",
                keys.resolve("reviewer.p12").toString(), "--password", "pw", "-o", out.toString()));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    static CliTest.Result sign(Path doc, Path approval, Path out) {
        return CliTest.run("sign", doc.toString(), "--key", keys.resolve("sender.p12").toString(), "--password", "pw",
                "--approval", approval.toString(), "--reviewer-trust", keys.resolve("ca.pem").toString(),
                "--reviewers", keys.resolve("reviewers.json").toString(), "-o", out.toString());
    }

    static CliTest.Result verify(Path env, String... more) {
        List<String> args = new ArrayList<>(List.of("verify", env.toString(), "--signer-trust",
                keys.resolve("ca.pem").toString(), "--recipient", "smc-examplesocial"));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    String[] trusted() {
        return new String[] {"--reviewer-trust", keys.resolve("ca.pem").toString(), "--reviewers",
            keys.resolve("reviewers.json").toString()};
    }

    @Test
    void validateReviewSignAndVerifyANeedsReviewShare(@TempDir Path dir) throws Exception {
        CliTest.Result validated = CliTest.run("validate", share.toString());
        assertThat(validated.code()).isEqualTo(ExitCodes.NEEDS_REVIEW);
        assertThat(validated.out()).contains("finding id: " + GUARD + "@");
        Path report = dir.resolve("report.json");
        CliTest.Result json = CliTest.run("validate", share.toString(), "--json");
        Files.writeString(report, json.out());

        Path decision = dir.resolve("decision.jws");
        CliTest.Result reviewed = review(share, decision, "--report", report.toString(), "--decide",
                GUARD + "=approve:The account belongs to a foreign national per the case file.");
        assertThat(reviewed.code()).as(reviewed.err()).isZero();
        assertThat(reviewed.out()).contains("by fitf-reviewer: 1 finding(s) approved, 0 rejected",
                "sign it with: sign");
        assertThat(Files.readString(decision).strip()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

        Path env = dir.resolve("share.jws.json");
        CliTest.Result signed = sign(share, decision, env);
        assertThat(signed.code()).as(signed.err()).isZero();
        assertThat(signed.out()).contains("NEEDS_REVIEW approved by fitf-reviewer");

        CliTest.Result ok = verify(env, trusted());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("NEEDS_REVIEW under sop-2024-02", "(re-checked by this receiver)",
                "review:      approved by fitf-reviewer", GUARD, "verified: every check passed");

        CliTest.Result untrusting = verify(env);
        assertThat(untrusting.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(untrusting.err()).contains("envelope rejected: review:", "trusts no reviewer",
                "give --reviewer-trust CA.pem and --reviewers FILE");
    }

    @Test
    void sendDeliversAReviewedShareToReceiveWhichShowsTheApproval(@TempDir Path dir) throws Exception {
        Path decision = dir.resolve("decision.jws");
        assertThat(review(share, decision, "--decide", GUARD + "=approve:Foreign national.").code()).isZero();
        Path env = dir.resolve("share.jws.json");
        assertThat(sign(share, decision, env).code()).isZero();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("receive", "--https", "0", "--key",
                keys.resolve("recipient.p12").toString(), "--tls-key", keys.resolve("server-tls.p12").toString(),
                "--password", "pw", "--signer-trust", keys.resolve("ca.pem").toString(), "--client-trust",
                keys.resolve("ca.pem").toString(), "--recipient", "smc-examplesocial", "--max-envelopes", "1"));
        args.addAll(List.of(trusted()));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread t = new Thread(() -> exit.complete(FmiShareCli.run(args.toArray(String[]::new),
                new PrintWriter(out, true), new PrintWriter(err, true))), "receive");
        t.setDaemon(true);
        t.start();
        URI uri = null;
        // Start-up time depends on the machine's load: wait up to two minutes, returning as soon as it listens.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (uri == null && System.nanoTime() < deadline && !exit.isDone()) {
            Matcher m = Pattern.compile("listening on (\\S+)").matcher(out.toString());
            if (m.find()) {
                uri = URI.create(m.group(1));
            } else {
                Thread.sleep(20);
            }
        }
        assertThat(uri).as(out + " " + err).isNotNull();

        List<String> send = new ArrayList<>(List.of("send", env.toString(), "--to", uri.toString(), "--outbox",
                dir.resolve("outbox").toString(), "--signer-trust", keys.resolve("ca.pem").toString(), "--tls-trust",
                keys.resolve("ca.pem").toString(), "--key", keys.resolve("client-tls.p12").toString(), "--password",
                "pw"));
        CliTest.Result untrusting = CliTest.run(send.toArray(String[]::new));
        assertThat(untrusting.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(untrusting.err()).contains("refusing to send", "review:");
        send.addAll(List.of(trusted()));
        CliTest.Result sent = CliTest.run(send.toArray(String[]::new));
        assertThat(sent.code()).as(sent.out() + sent.err()).isZero();

        assertThat(exit.get(2, TimeUnit.MINUTES)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("accepted ", "NEEDS_REVIEW approved by fitf-reviewer");
    }

    @Test
    void signStillRefusesNeedsReviewWithoutAnApproval(@TempDir Path dir) {
        CliTest.Result r = CliTest.run("sign", share.toString(), "--key", keys.resolve("sender.p12").toString(),
                "--password", "pw", "-o", dir.resolve("o.json").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.NEEDS_REVIEW);
        assertThat(r.err()).contains("refusing to sign: SOP verdict is NEEDS_REVIEW (" + GUARD + ")",
                "'review', then 'sign --approval FILE'");
        assertThat(dir.resolve("o.json")).doesNotExist();
    }

    @Test
    void anEditAfterTheReviewVoidsTheApproval(@TempDir Path dir) throws Exception {
        Path decision = dir.resolve("decision.jws");
        assertThat(review(share, decision, "--decide", GUARD + "=approve:Checked.").code()).isZero();
        ThreatShare s = SampleData.needsReviewShare();
        Path edited = dir.resolve("edited.json");
        Files.write(edited, FmiJson.standard().write(s.toBuilder().narrative(s.narrative() + " Edited.").build()));

        CliTest.Result r = sign(edited, decision, dir.resolve("o.json"));

        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err().strip()).startsWith("fmi-share: refusing to sign: the approval " + decision)
                .contains("content digest", "edited after the review").doesNotContain("\n");
        assertThat(dir.resolve("o.json")).doesNotExist();
    }

    @Test
    void aReportThatIsNotTheDocumentsReportIsRefused(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.json");
        // The report of the share before an edit: another digest than the share's report now.
        tools.jackson.databind.node.ObjectNode line = (tools.jackson.databind.node.ObjectNode) FmiJson.standard()
                .mapper().readTree(CliTest.run("validate", share.toString(), "--json").out());
        ((tools.jackson.databind.node.ObjectNode) line.get("report")).put("digest", "sha-256:" + "0".repeat(64));
        Files.writeString(report, line.toString());

        CliTest.Result r = review(share, dir.resolve("d.jws"), "--report", report.toString(), "--decide",
                GUARD + "=approve:ok");

        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("report digest", "changed since");
        assertThat(dir.resolve("d.jws")).doesNotExist();
    }

    @Test
    void errorFindingsCanNeverBeApproved(@TempDir Path dir) {
        Path failing = TestResources.samplesDirectory().resolve("failing-share.json");

        CliTest.Result r = review(failing, dir.resolve("d.jws"), "--decide", "P1-NO-COERCION=approve:it is fine");

        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("ERROR findings can never be approved", "P1-NO-COERCION@");
    }

    @Test
    void everyReviewFindingNeedsADecision(@TempDir Path dir) throws Exception {
        ThreatShare s = SampleData.needsReviewShare();
        Path two = dir.resolve("two.json");
        Files.write(two, FmiJson.standard().write(s.toBuilder().narrative(s.narrative()
                + " We trust your team to do the right thing with these pages.").build()));
        Path decisions = dir.resolve("decisions.txt");
        Files.writeString(decisions, "# the reviewer's notes\n" + GUARD + "=approve:Foreign national.\n",
                StandardCharsets.UTF_8);

        CliTest.Result r = review(two, dir.resolve("d.jws"), "--decisions", decisions.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("every REVIEW finding needs a decision", "undecided: [P1-NO-COERCION@");
    }

    @Test
    void aRejectedFindingIsRecordedButCannotBeSigned(@TempDir Path dir) {
        Path decision = dir.resolve("decision.jws");
        CliTest.Result reviewed = review(share, decision, "--decide", GUARD + "=reject:Possibly a U.S. person.");
        assertThat(reviewed.code()).as(reviewed.err()).isZero();
        assertThat(reviewed.out()).contains("0 finding(s) approved, 1 rejected", "cannot be signed");

        CliTest.Result r = sign(share, decision, dir.resolve("o.json"));

        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("the reviewer rejected", GUARD);
    }

    @Test
    void aReviewerNotTrustedForTheOfficeIsRefusedBySignerAndReceiver(@TempDir Path dir) throws Exception {
        Path decision = dir.resolve("decision.jws");
        assertThat(review(share, decision, "--decide", GUARD + "=approve:ok").code()).isZero();
        Path env = dir.resolve("share.jws.json");
        assertThat(sign(share, decision, env).code()).isZero();
        Path otherList = dir.resolve("reviewers.json");
        Files.writeString(otherList, "{\"reviewers\": [{\"id\": \"fitf-reviewer\", \"offices\": [\"fo-western\"]}]}");

        CliTest.Result r = verify(env, "--reviewer-trust", keys.resolve("ca.pem").toString(), "--reviewers",
                otherList.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("review: reviewer 'fitf-reviewer' is not trusted to approve for office 'fitf'");
        CliTest.Result s = CliTest.run("sign", share.toString(), "--key", keys.resolve("sender.p12").toString(),
                "--password", "pw", "--approval", decision.toString(), "--reviewer-trust",
                keys.resolve("ca.pem").toString(), "--reviewers", otherList.toString(), "-o",
                dir.resolve("o.json").toString());
        assertThat(s.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(s.err()).contains("not trusted to approve for office 'fitf'");
    }
}

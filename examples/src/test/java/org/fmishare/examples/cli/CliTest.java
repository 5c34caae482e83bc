package org.fmishare.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.core.sample.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"render", "keys", "sign", "verify", "send", "receive", "taxii", "audit", "report"})
    void pendingCommandsSaySoAndExit64(String command) {
        Result r = run(command, "x");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("'" + command + "' is not available yet");
    }
}

package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.disclosure.Format;
import org.fmishare.disclosure.RenderedMessage;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code validate} over several files, with {@code --json}, and with a message written outside the SDK. */
class ValidateCliTest {
    static String sample(String name) {
        return TestResources.samplesDirectory().resolve(name).toString();
    }

    /** A share dated before the first rule set came into force: no SOP rule set can judge it. */
    static Path oldShare(Path dir) throws Exception {
        ThreatShare old = SampleData.passingShare().toBuilder().createdAt(Instant.parse("2019-05-01T12:00:00Z"))
                .build();
        Path f = dir.resolve("old.json");
        Files.write(f, FmiJson.standard().write(old));
        return f;
    }

    @Test
    void everyFileIsReportedAndAShareDatedBeforeTheFirstRuleSetIsNamedWithoutHidingTheNext(@TempDir Path dir)
            throws Exception {
        Path old = oldShare(dir);
        CliTest.Result r = CliTest.run("validate", sample("passing-share.json"), old.toString(),
                sample("failing-share.json"));

        assertThat(r.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(r.err()).contains("fmi-share: " + old + ": no SOP rule set is in force on 2019-05-01");
        assertThat(r.out()).contains("== " + sample("passing-share.json"), "== " + sample("failing-share.json"),
                "P1-NO-COERCION");
    }

    @Test
    void theReportNamesTheRuleSetVersionInForceOnEachDocumentsDate(@TempDir Path dir) throws Exception {
        Path before = dir.resolve("share-2025.json");
        Files.write(before, FmiJson.standard().write(SampleData.passingShare().toBuilder()
                .createdAt(Instant.parse("2025-12-31T12:00:00Z")).build()));
        CliTest.Result r = CliTest.run("validate", before.toString(), sample("passing-share.json"));

        String[] reports = r.out().split("== ");
        assertThat(reports[1]).startsWith(before.toString()).contains("Rule set: sop-2024-02 1.0.0\n");
        assertThat(reports[2]).startsWith(sample("passing-share.json")).contains("Rule set: sop-2024-02 1.1.0\n");
    }

    @Test
    void aBundledRuleSetVersionCanBePinnedAndAnUnknownOneIsNamedWithTheBundledVersions() {
        CliTest.Result pinned = CliTest.run("validate", "--rule-set", "sop-2024-02@1.0.0",
                sample("passing-share.json"));
        assertThat(pinned.code()).isEqualTo(ExitCodes.OK);
        assertThat(pinned.out()).contains("Rule set: sop-2024-02 1.0.0\n");

        CliTest.Result unknown = CliTest.run("validate", "--rule-set", "sop-2024-02@1.2.0",
                sample("passing-share.json"));
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("--rule-set sop-2024-02@1.2.0: no such bundled rule set version",
                "sop-2024-02@1.0.0, sop-2024-02@1.1.0");

        CliTest.Result malformed = CliTest.run("validate", "--rule-set", "sop-2024-02", sample("passing-share.json"));
        assertThat(malformed.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(malformed.err()).contains("--rule-set must be ID@VERSION", "was 'sop-2024-02'");
    }

    @Test
    void theExitCodeIsTheWorstAcrossFilesWhicheverOrderTheyCome(@TempDir Path dir) throws Exception {
        assertThat(CliTest.run("validate", sample("failing-share.json"), sample("passing-share.json")).code())
                .isEqualTo(ExitCodes.FAILED);
        CliTest.Result unreadableFirst = CliTest.run("validate", dir.resolve("missing.json").toString(),
                sample("failing-share.json"));
        assertThat(unreadableFirst.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(unreadableFirst.err()).contains("missing.json: no such file");
        assertThat(unreadableFirst.out()).contains("== " + sample("failing-share.json"));
    }

    @Test
    void jsonLinesCarryTheFileOfEachReportAndOfEachError(@TempDir Path dir) throws Exception {
        Path old = oldShare(dir);
        CliTest.Result r = CliTest.run("validate", "--json", sample("passing-share.json"), old.toString(),
                sample("meeting.json"));

        List<JsonNode> lines = r.out().lines().filter(l -> !l.isBlank())
                .map(l -> FmiJson.standard().mapper().readTree(l)).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("file").asString()).isEqualTo(sample("passing-share.json"));
        assertThat(lines.get(0).get("verdict").asString()).isEqualTo("PASS");
        assertThat(lines.get(0).get("report").get("digest").asString()).startsWith("sha-256:");
        assertThat(lines.get(1).get("file").asString()).isEqualTo(old.toString());
        assertThat(lines.get(1).get("error").asString()).contains("no SOP rule set is in force");
        assertThat(lines.get(1).get("exitCode").asInt()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(lines.get(2).get("file").asString()).isEqualTo(sample("meeting.json"));
        assertThat(r.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
    }

    static RenderedMessage sdkMessage() {
        return DisclosureRenderer.standard().renderShare(SampleData.passingShare(), Format.TEXT);
    }

    static Path write(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void aMessageAsTheSdkRendersItPasses(@TempDir Path dir) throws Exception {
        Path msg = write(dir, "message.txt", sdkMessage().body());
        Files.write(dir.resolve("share.json"), FmiJson.standard().write(SampleData.passingShare()));

        CliTest.Result r = CliTest.run("validate", dir.resolve("share.json").toString(), "--message", msg.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("with message " + msg);
    }

    @Test
    void aMessageEditedToDropADisclosureFails(@TempDir Path dir) throws Exception {
        RenderedMessage m = sdkMessage();
        String clause = m.disclosures().stream().filter(d -> d.id().equals("no-adverse-action"))
                .map(Disclosure::text).findFirst().orElseThrow();
        assertThat(m.body()).contains(clause);
        Path msg = write(dir, "edited.txt", m.body().replace(clause, ""));

        CliTest.Result r = CliTest.run("validate", sample("passing-share.json"), "--message", msg.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("P1-DISCLOSURES").contains("no-adverse-action");
    }

    @Test
    void aDemandAddedToTheMessageOutsideTheSdkFails(@TempDir Path dir) throws Exception {
        Path msg = write(dir, "edited.txt", sdkMessage().body()
                + "\nPlease take these accounts down before the weekend.\n");

        CliTest.Result r = CliTest.run("validate", "--json", sample("passing-share.json"), "--message",
                msg.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.FAILED);
        JsonNode line = FmiJson.standard().mapper().readTree(r.out().strip());
        assertThat(line.get("message").asString()).isEqualTo(msg.toString());
        assertThat(line.get("report").toString()).contains("P1-NO-COERCION").contains("rendered message");
    }

    @Test
    void aMessageGoesWithExactlyOneShare(@TempDir Path dir) throws Exception {
        Path msg = write(dir, "message.txt", sdkMessage().body());
        CliTest.Result two = CliTest.run("validate", sample("passing-share.json"), sample("failing-share.json"),
                "--message", msg.toString());
        assertThat(two.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(two.err()).contains("--message goes with exactly one share FILE");
        CliTest.Result meeting = CliTest.run("validate", sample("meeting.json"), "--message", msg.toString());
        assertThat(meeting.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(meeting.err()).contains("is a meeting");
        Path binary = dir.resolve("binary.txt");
        Files.write(binary, new byte[] {'H', 'i', (byte) 0xff, (byte) 0xfe});
        CliTest.Result notText = CliTest.run("validate", sample("passing-share.json"), "--message",
                binary.toString());
        assertThat(notText.code()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(notText.err()).contains("--message " + binary);
    }
}

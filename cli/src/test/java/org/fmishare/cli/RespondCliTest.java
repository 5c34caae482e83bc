package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fmishare.cli.CliTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fmishare.testkit.TestResources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code respond} (company) and {@code responses record} (office): a response travels back and is recorded once. */
class RespondCliTest {
    @TempDir
    Path dir;

    Path keys;
    Path envelope;

    @BeforeEach
    void keysAndAnEnvelope() {
        keys = dir.resolve("keys");
        CliTest.Result init = run("keys", "init", keys.toString(), "--password", "s3cret");
        assertThat(init.code()).as(init.err()).isZero();
        envelope = dir.resolve("share.jws.json");
        CliTest.Result sign = run("sign", TestResources.samplesDirectory().resolve("passing-share.json").toString(),
                "--key", key("sender.p12"), "--password", "s3cret", "-o", envelope.toString());
        assertThat(sign.code()).as(sign.err()).isZero();
    }

    private String key(String name) {
        return keys.resolve(name).toString();
    }

    private CliTest.Result respond(Path out, String signingKey, String... more) {
        String[] base = {"respond", envelope.toString(), "--key", signingKey, "--password", "s3cret",
            "--signer-trust", key("ca.pem"), "-o", out.toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return run(all);
    }

    private CliTest.Result record(Path audit, boolean withSent, Path... responses) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("responses", "record"));
        for (Path r : responses) {
            args.add(r.toString());
        }
        args.addAll(java.util.List.of("--office", "fitf", "--signer-trust", key("ca.pem"), "--audit",
                audit.toString(), "--sealer-key", key("audit-sealer.p12"), "--password", "s3cret"));
        if (withSent) {
            args.addAll(java.util.List.of("--sent", envelope.toString()));
        }
        return run(args.toArray(String[]::new));
    }

    @Test
    void aCompanyResponseIsRecordedOnceAndAppearsInTheReportByKind() throws Exception {
        Path response = dir.resolve("response.jws.json");
        CliTest.Result r = respond(response, key("recipient.p12"), "--kind", "took-independent-action", "--note",
                "Reviewed under our own policies.");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("signed response response-").contains("TOOK_INDEPENDENT_ACTION");

        Path audit = dir.resolve("audit.log");
        CliTest.Result first = record(audit, true, response);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("recorded response-").contains("TOOK_INDEPENDENT_ACTION");
        CliTest.Result again = record(audit, true, response);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("already recorded response-");
        assertThat(Files.readString(audit)).doesNotContain("our own policies");

        Path reportDir = dir.resolve("report");
        CliTest.Result report = run("report", audit.toString(), "--signer-trust", key("ca.pem"), "--sealer", "fitf",
                "--out", reportDir.toString(), "--threshold", "1");
        assertThat(report.code()).as(report.err()).isZero();
        String csv = Files.readString(reportDir.resolve("transparency-report.csv"));
        assertThat(csv).contains("responses-by-kind");
        assertThat(csv.lines().filter(l -> l.startsWith("responses-by-kind")).toList())
                .anySatisfy(l -> assertThat(l).contains("Took independent action").contains(",1"));
    }

    @Test
    void aResponseToAnEnvelopeTheOfficeHasNoRecordOfIsRefused() {
        Path response = dir.resolve("response.jws.json");
        assertThat(respond(response, key("recipient.p12"), "--kind", "acknowledged").code()).isZero();

        CliTest.Result r = record(dir.resolve("audit.log"), false, response);

        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("response refused").contains("no record of sending");
    }

    @Test
    void aResponseSignedWithTheOfficesEnvelopeKeyIsRefused() {
        Path response = dir.resolve("response.jws.json");
        // The envelope-signing key is bound to the office and carries another purpose than receipt signing.
        assertThat(respond(response, key("sender.p12"), "--kind", "declined").code()).isZero();

        CliTest.Result r = record(dir.resolve("audit.log"), true, response);

        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("response refused").contains("signer-binding");
    }

    @Test
    void anUnknownKindIsAUsageErrorNamingTheOption() {
        CliTest.Result r = respond(dir.resolve("r.json"), key("recipient.p12"), "--kind", "complied");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--kind").contains("complied");
        assertThat(dir.resolve("r.json")).doesNotExist();
    }
}

package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fmishare.core.json.FmiJson;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Errors a person can act on: every bad invocation in {@code bad-invocations.tsv} must end with its exit code and a
 * first stderr line that names the file, host or option and the reason, with no {@code null}, no Java type name,
 * no {@code Optional[...]} and no stack trace (those need {@code --verbose}).
 */
class BadInvocationTableTest {
    private static final String TABLE = "/bad-invocations.tsv";
    /** What a person must never see: library internals instead of a reason. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\bnull\\b|Exception|java\\.|javax\\.|Optional\\[|\\tat |^\\s+at [a-z]|Caused by", Pattern.MULTILINE);

    @TempDir
    static Path tmp;
    static Map<String, String> places;

    @BeforeAll
    static void prepare() throws IOException {
        Path keys = tmp.resolve("keys");
        Path ed = tmp.resolve("ed");
        assertThat(CliTest.run("keys", "init", keys.toString(), "--password", "pw").code()).isZero();
        assertThat(CliTest.run("keys", "init", ed.toString(), "--password", "pw", "--key-algorithm", "ED25519")
                .code()).isZero();
        Path share = TestResources.samplesDirectory().resolve("passing-share.json");
        Path env = tmp.resolve("share.jws.json");
        CliTest.Result signed = CliTest.run("sign", share.toString(), "--key", keys.resolve("sender.p12").toString(),
                "--password", "pw", "-o", env.toString());
        assertThat(signed.code()).as(signed.err()).isZero();
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.createDirectories(bad.resolve("adir"));
        Files.write(bad.resolve("empty.json"), new byte[0]);
        Files.writeString(bad.resolve("prose.txt"), "This is not a document, a certificate or a log.\n");
        Files.write(bad.resolve("binary.bin"), new byte[] {(byte) 0x30, (byte) 0x82, (byte) 0xff, (byte) 0xfe, 0, 1,
                (byte) 0xc3, (byte) 0x28, (byte) 0xa0, (byte) 0xa1});
        Files.writeString(bad.resolve("array.json"), "[1, 2, 3]");
        Files.writeString(bad.resolve("other.json"), "{\"hello\": \"world\"}");
        Files.writeString(bad.resolve("surrogate.json"), new String(FmiJson.standard().write(SampleData.passingShare()),
                StandardCharsets.UTF_8).replaceFirst("\"handle\":\"", "\"handle\":\"\\\\uD800"));
        places = Map.ofEntries(Map.entry("{samples}", TestResources.samplesDirectory().toString()),
                Map.entry("{share}", share.toString()), Map.entry("{keys}", keys.toString()),
                Map.entry("{ed}", ed.toString()), Map.entry("{env}", env.toString()), Map.entry("{tmp}", tmp.toString()),
                Map.entry("{missing}", bad.resolve("missing.json").toString()),
                Map.entry("{dir}", bad.resolve("adir").toString()),
                Map.entry("{empty}", bad.resolve("empty.json").toString()),
                Map.entry("{text}", bad.resolve("prose.txt").toString()),
                Map.entry("{bin}", bad.resolve("binary.bin").toString()),
                Map.entry("{array}", bad.resolve("array.json").toString()),
                Map.entry("{other}", bad.resolve("other.json").toString()),
                Map.entry("{surrogate}", bad.resolve("surrogate.json").toString()));
    }

    record Row(int line, int code, String args, List<String> fragments) {
        @Override
        public String toString() {
            return "line " + line + ": " + args;
        }
    }

    static Stream<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = BadInvocationTableTest.class.getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE).isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] cols = l.split("\t", -1);
                assertThat(cols).as("line %d has three tab-separated columns", i + 1).hasSize(3);
                rows.add(new Row(i + 1, Integer.parseInt(cols[0]), cols[1], Arrays.asList(cols[2].split("\\|"))));
            }
        }
        return rows.stream();
    }

    @Test
    void theTableHasAtLeastFiftyBadInvocations() throws IOException {
        assertThat(rows().count()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void algorithmNamesAreTheJwsNamesInEveryCommand() {
        Path ed = Path.of(places.get("{ed}"));
        Path env = tmp.resolve("ed.jws.json");
        CliTest.Result sign = CliTest.run("sign", places.get("{share}"), "--key", ed.resolve("sender.p12").toString(),
                "--password", "pw", "-o", env.toString());
        assertThat(sign.code()).as(sign.err()).isZero();
        assertThat(sign.out()).contains("(EdDSA)").doesNotContain("EDDSA");
        CliTest.Result verify = CliTest.run("verify", env.toString(), "--signer-trust", ed.resolve("ca.pem").toString());
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).doesNotContain("EDDSA");
    }

    @Test
    void verboseAddsTheStackTraceThatIsOtherwiseWithheld() {
        CliTest.Result quiet = CliTest.run("keys", "init", "/proc/fmi-keys", "--password", "pw");
        CliTest.Result verbose = CliTest.run("--verbose", "keys", "init", "/proc/fmi-keys", "--password", "pw");
        assertThat(quiet.err()).doesNotContain("\tat ");
        assertThat(verbose.err()).contains("\tat ");
        assertThat(verbose.err().lines().findFirst().orElseThrow()).isEqualTo(quiet.err().strip());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachBadInvocationEndsWithItsCodeAndOneActionableLine(Row row) {
        String[] args = Arrays.stream(row.args().split(" ")).map(BadInvocationTableTest::expand)
                .toArray(String[]::new);
        CliTest.Result r = CliTest.run(args);
        String err = r.err();
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        assertThat(r.code()).as("exit code; stderr: %s", err).isEqualTo(row.code());
        assertThat(lines).as("stderr").isNotEmpty();
        String first = lines.get(0);
        assertThat(first).startsWith("fmi-share: ");
        for (String fragment : row.fragments()) {
            assertThat(first).as("first line names it").contains(expand(fragment));
        }
        // Only a usage error may add one more line: the pointer to --help.
        assertThat(lines.subList(1, lines.size())).as("stderr after the first line: %s", err)
                .allMatch(l -> l.startsWith("Try 'fmi-share") || l.startsWith("Did you mean"));
        assertThat(INTERNALS.matcher(err).find()).as("library internals in: %s", err).isFalse();
        assertThat(r.out()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static String expand(String s) {
        String out = s;
        for (Map.Entry<String, String> e : places.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }
}

package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.sop.corpus.Messages;
import org.fmishare.sop.internal.CoercionLinter;
import org.junit.jupiter.api.Test;

/**
 * Pins every answer of the coercion linter: each sentence of the development sets and of the first two held-out
 * sets is linted on its own and in a share (as {@link CoercionDevelopmentTest} places it), and each corpus case is
 * validated, and every hit and finding is compared with {@code src/test/resources/linter-golden/answers.txt}. Work
 * on the linter's cost (caches, object reuse, how WordNet and the OpenNLP models are loaded) must not change any
 * of them. Everything is run twice, so the second pass is answered from the caches and must agree with the first.
 *
 * <p>A change that is meant to change answers (new rules, a new rule set) regenerates the file, then the diff of
 * the file is reviewed like any other change. From the repository root:
 * <pre>
 * mvn -B -ntp -pl sop-validator -am verify -Dtest=LinterGoldenTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfmishare.linterGolden.write=true
 * </pre>
 * The third held-out set is deliberately not read here: it is run once per round and must stay unseen.
 */
class LinterGoldenTest {
    private static final String GOLDEN = "/linter-golden/answers.txt";
    private static final Path SOURCE = Path.of("src", "test", "resources", "linter-golden", "answers.txt");
    private static final String WRITE = "fmishare.linterGolden.write";
    private static final String HEADER = "# Answers of the coercion linter on every pinned input (LinterGoldenTest)."
            + "\n# Regenerate: see LinterGoldenTest's class comment. '## id<TAB>text' opens an input; each line"
            + " under it is one hit\n# (start-end severity kind frame | action) or one finding (ruleId severity"
            + " path [start,end) message).\n";

    private record Row(String id, String text) {}

    @Test
    void everyInputGetsTheAnswersPinnedInTheGoldenFile() throws IOException, URISyntaxException {
        RuleSet ruleSet = RuleSet.sop2024February();
        SopValidator validator = SopValidator.standard();
        Map<String, List<String>> first = answers(ruleSet, validator);
        Map<String, List<String>> second = answers(ruleSet, validator);
        assertThat(diff(first, second)).as("the second pass (answered from the caches) differs from the first")
                .isEmpty();
        if (Boolean.getBoolean(WRITE)) {
            Files.createDirectories(SOURCE.getParent());
            Files.writeString(SOURCE, format(first), StandardCharsets.UTF_8);
            System.out.println("wrote " + SOURCE.toAbsolutePath() + " (" + first.size() + " inputs)");
            return;
        }
        Map<String, List<String>> golden = parse(read(GOLDEN));
        assertThat(first.keySet()).as("the pinned inputs").containsExactlyElementsOf(golden.keySet());
        List<String> changed = diff(golden, first);
        assertThat(changed).as(changed.size() + " of " + golden.size() + " inputs changed answers (regenerate with -D"
                + WRITE + "=true only if the change is meant):\n" + String.join("\n", changed)).isEmpty();
    }

    private static Map<String, List<String>> answers(RuleSet ruleSet, SopValidator validator)
            throws IOException, URISyntaxException {
        CoercionLinter linter = ruleSet.linter();
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        rows.addAll(development("dev1", "/coercion-development/sentences.tsv"));
        rows.addAll(development("dev2", "/coercion-development/sentences-2.tsv"));
        rows.addAll(heldOut("/heldout/coercion-heldout.tsv"));
        rows.addAll(heldOut("/heldout2/coercion-heldout-2.tsv"));
        for (Row r : rows) {
            List<String> lines = new ArrayList<>();
            if (r.text().contains(" || ")) {
                String[] parts = r.text().split(" \\|\\| ");
                for (String part : parts) {
                    hits(linter, part, "part", lines);
                }
                hits(linter, String.join(" ", parts), "joined", lines);
            } else {
                hits(linter, r.text(), "text", lines);
            }
            ThreatShare share = CoercionDevelopmentTest.placed(r.text());
            ComplianceReport report = validator.validate(share, Messages.render(share));
            report.findings().stream().filter(f -> "P1-NO-COERCION".equals(f.ruleId()))
                    .forEach(f -> lines.add(finding(f)));
            out.put(r.id() + "\t" + oneLine(r.text()), lines);
        }
        for (Path file : CorpusTest.cases()) {
            ComplianceReport report = CorpusTest.runCase(file);
            List<String> lines = new ArrayList<>();
            report.findings().forEach(f -> lines.add(finding(f)));
            lines.add("verdict " + report.verdict() + " digest " + report.digest());
            out.put("corpus:" + file.getFileName() + "\t-", lines);
        }
        return out;
    }

    private static void hits(CoercionLinter linter, String text, String label, List<String> lines) {
        for (CoercionLinter.Hit h : linter.lint(text)) {
            lines.add(label + " " + h.start() + "-" + h.end() + " " + h.severity() + " " + h.kind() + " "
                    + oneLine(h.frame()) + " | " + oneLine(h.action()));
        }
    }

    private static String finding(Finding f) {
        return f.ruleId() + " " + f.severity() + " " + f.path()
                + f.span().map(s -> " [" + s.start() + "," + s.end() + ")").orElse("") + " " + oneLine(f.message());
    }

    private static String oneLine(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    private static List<Row> development(String prefix, String resource) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<CoercionDevelopmentTest.Row> dev = CoercionDevelopmentTest.rows(resource);
        for (int i = 0; i < dev.size(); i++) {
            rows.add(new Row(prefix + ":" + (i + 1), dev.get(i).text()));
        }
        return rows;
    }

    private static List<Row> heldOut(String resource) throws IOException {
        List<Row> rows = new ArrayList<>();
        String[] lines = read(resource).split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                String[] f = lines[i].split("\t", 4);
                rows.add(new Row(f[0], f[3]));
            }
        }
        return rows;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = LinterGoldenTest.class.getResourceAsStream(resource)) {
            return new String(Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String format(Map<String, List<String>> answers) {
        StringBuilder sb = new StringBuilder(HEADER);
        answers.forEach((k, v) -> {
            sb.append("## ").append(k).append('\n');
            v.forEach(l -> sb.append(l).append('\n'));
        });
        return sb.toString();
    }

    private static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("## ")) {
                current = new ArrayList<>();
                out.put(line.substring(3), current);
            } else if (!line.startsWith("#") && !line.isEmpty()) {
                Objects.requireNonNull(current, "a hit before the first input").add(line);
            }
        }
        return out;
    }

    /** One entry per input whose answers differ, naming the input, the sentence and both answers. */
    private static List<String> diff(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        List<String> out = new ArrayList<>();
        expected.forEach((k, v) -> {
            List<String> a = actual.getOrDefault(k, List.of());
            if (!v.equals(a)) {
                out.add("  " + k.replace("\t", ": ") + "\n    expected: " + v + "\n    actual:   " + a);
            }
        });
        return out;
    }
}

package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.disclosure.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Runs the labelled corpus ({@code src/test/resources/corpus}): every case's verdict and exact set of rule ids must
 * match its label.
 */
class CorpusTest {
    private static final FmiJson JSON = FmiJson.standard();
    private static final SopValidator VALIDATOR = SopValidator.standard();

    static List<Path> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(CorpusTest.class.getResource("/corpus")).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static ComplianceReport run(JsonNode c) {
        byte[] subject = JSON.write(c.get("subject"));
        return switch (c.get("kind").asString()) {
            case "THREAT_SHARE" -> {
                ThreatShare share = JSON.read(subject, ThreatShare.class);
                yield "CONTENT_ONLY".equals(c.get("check").asString()) ? VALIDATOR.validateContentOnly(share)
                        : VALIDATOR.validate(share, c.get("renderedMessage").asString());
            }
            case "MEETING" -> VALIDATOR.validate(JSON.read(subject, Meeting.class));
            case "BRIEFING" -> VALIDATOR.validate(JSON.read(subject, Briefing.class));
            case "SHARE_AMENDMENT" -> {
                ShareAmendment amendment = JSON.read(subject, ShareAmendment.class);
                // "RENDERED": the message the standard renderer makes of the amendment, as the Preparer sends it.
                yield VALIDATOR.validate(amendment, "RENDERED".equals(c.get("check").asString())
                        ? DisclosureRenderer.standard().renderAmendment(amendment, Format.TEXT).body()
                        : c.get("renderedMessage").asString());
            }
            default -> throw new IllegalArgumentException("unknown kind " + c.get("kind"));
        };
    }

    /** Validates one corpus case as {@link #caseMatchesItsLabel} does (the linter's golden file pins the reports). */
    static ComplianceReport runCase(Path file) throws IOException {
        return run(read(file));
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.mapper().readTree(Files.readAllBytes(file));
    }

    private static Set<String> expectedIds(JsonNode c) {
        Set<String> ids = new TreeSet<>();
        c.get("expected").get("ruleIds").forEach(n -> ids.add(n.asString()));
        return ids;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseMatchesItsLabel(Path file) throws IOException {
        JsonNode c = read(file);
        ComplianceReport report = run(c);
        assertThat(new TreeSet<>(report.failedRuleIds()))
                .as("%s: %s%n%s", file.getFileName(), c.get("description").asString(), ReportRenderer.text(report))
                .isEqualTo(expectedIds(c));
        assertThat(report.verdict()).as("%s%n%s", file.getFileName(), ReportRenderer.text(report))
                .isEqualTo(Verdict.valueOf(c.get("expected").get("verdict").asString()));
        // Cases whose answer depends on the version chosen by date say which one they mean.
        if (c.get("expected").has("ruleSetVersion")) {
            assertThat(report.ruleSetVersion()).as("%s: rule set version", file.getFileName())
                    .isEqualTo(c.get("expected").get("ruleSetVersion").asString());
        }
    }

    @Test
    void corpusIsLargeAndCoversEveryRuleBothWays() throws Exception {
        List<Path> files = cases();
        assertThat(files).hasSizeGreaterThanOrEqualTo(300);
        Set<String> failedSomewhere = new HashSet<>();
        Set<String> passedSomewhere = new HashSet<>();
        int coercionSentences = 0;
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            JsonNode c = read(f);
            Set<String> ids = expectedIds(c);
            failedSomewhere.addAll(ids);
            // A rule passes in a case when it is evaluated and the case does not expect it to object.
            for (String id : run(c).rulesEvaluated()) {
                if (!ids.contains(id)) {
                    passedSomewhere.add(id);
                }
            }
            if (f.getFileName().toString().contains("coercion-") || f.getFileName().toString().contains("direction-")) {
                coercionSentences++;
            }
        }
        for (String id : RuleSet.sop2024February().ruleIds()) {
            if (!failedSomewhere.contains(id)) {
                problems.add(id + " never objects in the corpus");
            }
            if (!passedSomewhere.contains(id)) {
                problems.add(id + " never passes in the corpus");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(coercionSentences).isGreaterThanOrEqualTo(30);
    }
}

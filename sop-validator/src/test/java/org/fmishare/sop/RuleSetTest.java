package org.fmishare.sop;

import org.fmishare.testkit.TestResources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.fmishare.core.compliance.ClauseIds;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.testkit.SampleData;
import org.fmishare.sop.corpus.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetTest {
    private static final Path SEEDS = TestResources.path(RuleSetTest.class, "/seeds");

    /** The original document, sop-2024-02 1.0.0: variants of it in tests are new documents, never edits of it. */
    static String bundledJson() throws IOException {
        return new String(bundledJsonBytes(), StandardCharsets.UTF_8);
    }

    static byte[] bundledJsonBytes() {
        try (var in = RuleSet.class.getResourceAsStream(RuleSet.SOP_2024_02_RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InvalidRuleSetException rejected(String json) {
        try {
            RuleSet.parse(json.getBytes(StandardCharsets.UTF_8), "test.json");
        } catch (InvalidRuleSetException e) {
            return e;
        }
        throw new AssertionError("document was accepted");
    }

    @Test
    void bundledRuleSetRequiresOnlyKnownClauseIds() {
        // The rule set spells clause ids as JSON strings; a typo there would demand a clause no catalogue has.
        assertThat(RuleSet.sop2024February().requiredShareDisclosures()).isNotEmpty().allMatch(ClauseIds::isKnown);
    }

    @Test
    void bundledRuleSetIsTheFebruary2024SopInItsLatestVersionWithTheAmendmentRules() {
        RuleSet rs = RuleSet.sop2024February();
        assertThat(rs.id()).isEqualTo("sop-2024-02");
        assertThat(rs.version()).isEqualTo("1.1.0");
        assertThat(rs.effectiveFrom()).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(rs.effectiveUntil()).isEmpty();
        assertThat(rs.changes()).hasValueSatisfying(c -> assertThat(c).contains("Since 1.0.0", "AM-RULE-SET",
                "2026-01-01"));
        assertThat(rs.ruleIds()).contains("P1-FACTS-SPECIFIC", "P1-CONFIDENCE-HIGH", "P2-ONE-SMC", "BR-TOPICS",
                "P1-DISCLOSURES", "AM-RULE-SET", "AM-REASON", "AM-NO-COERCION", "AM-DISCLOSURES").hasSize(28);
        assertThat(rs.requiredShareDisclosures()).containsExactly("no-request-no-obligation", "no-adverse-action",
                "voluntary-participation");
        assertThat(rs.coveredCountries().countries()).extracting(Object::toString)
                .containsExactly("CN", "KP", "RU", "IR");
        assertThat(rs.digest()).matches("sha-256:[0-9a-f]{64}");
        assertThat(rs.source()).isEqualTo(RuleSet.SOP_2024_02_1_1_0_RESOURCE);
    }

    @Test
    void originalVersion100HasNoAmendmentRulesAndIsInForceFromFebruary2024() {
        RuleSet rs = RuleSet.sop2024FebruaryVersions().get(0);
        assertThat(rs.id()).isEqualTo("sop-2024-02");
        assertThat(rs.version()).isEqualTo("1.0.0");
        assertThat(rs.effectiveFrom()).isEqualTo(LocalDate.parse("2024-02-01"));
        assertThat(rs.inForceOn(LocalDate.parse("2024-01-31"))).isFalse();
        assertThat(rs.inForceOn(LocalDate.parse("2024-02-01"))).isTrue();
        assertThat(rs.changes()).isEmpty();
        assertThat(rs.ruleIds()).contains("P1-FACTS-SPECIFIC", "P2-ONE-SMC", "BR-TOPICS", "P1-DISCLOSURES")
                .noneMatch(id -> id.startsWith("AM-")).hasSize(24);
        // 1.1.0 only adds rules: every 1.0.0 rule keeps its place and citation.
        RuleSet latest = RuleSet.sop2024February();
        assertThat(latest.ruleIds().subList(0, 24)).isEqualTo(rs.ruleIds());
        rs.ruleIds().forEach(id -> assertThat(latest.citation(id)).isEqualTo(rs.citation(id)));
        assertThat(latest.requiredShareDisclosures()).isEqualTo(rs.requiredShareDisclosures());
    }

    @Test
    void blankChangesNoteIsRejectedWithItsPath() throws IOException {
        InvalidRuleSetException e = rejected(bundledJson().replace("\"effectiveFrom\": \"2024-02-01\",",
                "\"effectiveFrom\": \"2024-02-01\", \"changes\": \" \","));
        assertThat(e.path()).isEqualTo("$.changes");
        assertThat(e.getMessage()).contains("must not be blank");
    }

    @Test
    void everyCitationQuotesAPrincipleVerbatim() throws IOException {
        String seeds = Files.readString(SEEDS.resolve("doj-strategic-principles-smc.txt"))
                + Files.readString(SEEDS.resolve("dhs-smc-briefing-release.txt"));
        RuleSet rs = RuleSet.sop2024February();
        for (String id : rs.ruleIds()) {
            assertThat(seeds).as(id).contains(rs.citation(id).orElseThrow());
        }
    }

    @Test
    void agencyAdoptsStricterThresholdsFromAFileWithoutACodeChange(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sop-2024-02-strict.json");
        Files.writeString(file, bundledJson().replace("\"minimumCount\" : 2", "\"minimumCount\" : 3")
                .replace("\"minimumCount\": 2", "\"minimumCount\": 3").replace("\"version\": \"1.0.0\"",
                        "\"version\": \"1.2.0\""));
        RuleSet strict = RuleSet.load(file);
        assertThat(strict.version()).isEqualTo("1.2.0");
        assertThat(strict.digest()).isNotEqualTo(RuleSet.sop2024February().digest());
        var share = SampleData.share(3, 2);
        assertThat(SopValidator.standard().validate(share, Messages.render(share)).verdict()).isEqualTo(Verdict.PASS);
        ComplianceReport report = SopValidator.standard().withRuleSet(strict).validate(share, Messages.render(share));
        assertThat(report.failedRuleIds()).containsExactly("P1-FACTS-COUNT");
        assertThat(report.ruleSetVersion()).isEqualTo("1.2.0");
        // Registered beside the bundled versions, the agency's new version is the highest in force, so new shares
        // take it, while envelopes naming 1.0.0 or 1.1.0 still find theirs.
        RuleSets agency = RuleSets.of(java.util.List.of(RuleSet.sop2024FebruaryVersions().get(0),
                RuleSet.sop2024February(), strict));
        assertThat(agency.inForceAt(share.createdAt())).isSameAs(strict);
        assertThat(agency.find("sop-2024-02", "1.1.0")).contains(RuleSet.sop2024February());
    }

    @Test
    void lexiconIsExtensibleThroughTheDocument() throws IOException {
        // An invented verb: no built-in list or the speech-act analysis knows it, only the extended lexicon does. The
        // trained classifier may still read the request's shape and ask for a person (REVIEW), but never fails it.
        var share = SampleData.passingShare().toBuilder().narrative("Please zorbify these accounts.").build();
        assertThat(SopValidator.standard().validate(share, Messages.render(share)).verdict())
                .isNotEqualTo(Verdict.FAIL);
        RuleSet extended = RuleSet.parse(bundledJson().replace("\"actions\": [", "\"actions\": [{\"lemma\": "
                + "\"zorbify\", \"forms\": [\"zorbified\"]},").getBytes(StandardCharsets.UTF_8), "ext.json");
        ComplianceReport report = SopValidator.standard().withRuleSet(extended).validate(share,
                Messages.render(share));
        assertThat(report.failedRuleIds()).containsExactly("P1-NO-COERCION");
    }

    @Test
    void outOfRangeThresholdNamesItsPath() throws IOException {
        InvalidRuleSetException e = rejected(bundledJson().replace("\"minimumCount\": 2", "\"minimumCount\": 0"));
        assertThat(e.path()).isEqualTo("$.facts.minimumCount");
        assertThat(e.isInputRejection()).isTrue();
    }

    @Test
    void unknownFieldNamesItsPath() throws IOException {
        assertThat(rejected(bundledJson().replace("\"requireIndicator\": true",
                "\"requireIndicator\": true, \"extra\": 1")).path()).isEqualTo("$.covert.extra");
    }

    @Test
    void unknownRuleIdNamesItsPath() throws IOException {
        assertThat(rejected(bundledJson().replace("\"id\": \"P1-RULE-SET\"", "\"id\": \"P1-MADE-UP\"")).path())
                .isEqualTo("$.rules[0].id");
    }

    @Test
    void wrongEnumNamesItsPath() throws IOException {
        assertThat(rejected(bundledJson().replace("\"minimumLevel\": \"HIGH\"", "\"minimumLevel\": \"SURE\""))
                .path()).isEqualTo("$.confidence.minimumLevel");
    }

    @Test
    void malformedPhraseNamesItsPath() throws IOException {
        assertThat(rejected(bundledJson().replace("\"lemma\": \"remove\"", "\"lemma\": \"* remove\"")).path())
                .isEqualTo("$.coercion.actions[0].lemma");
    }

    @Test
    void invalidListElementNamesItsIndex() throws IOException {
        assertThat(rejected(bundledJson().replace("\"negators\": [\n      \"not\"", "\"negators\": [\n      \"NOT\""))
                .path()).isEqualTo("$.coercion.negators[0]");
    }

    @Test
    void periodMustNotBeEmpty() throws IOException {
        assertThat(rejected(bundledJson().replace("\"effectiveFrom\": \"2024-02-01\"",
                "\"effectiveFrom\": \"2024-02-01\", \"effectiveUntil\": \"2024-01-01\"")).path())
                .isEqualTo("$.effectiveUntil");
    }

    @Test
    void malformedJsonIsRejected() {
        assertThat(rejected("{\"id\": ").path()).startsWith("$");
    }

    @Test
    void missingFileIsAnEnvironmentFailure(@TempDir Path dir) {
        assertThatThrownBy(() -> RuleSet.load(dir.resolve("absent.json")))
                .isInstanceOfSatisfying(RuleSetIoException.class, e -> assertThat(e.isInputRejection()).isFalse());
    }
}

package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fmishare.testkit.SampleData;
import org.fmishare.sop.corpus.Messages;
import org.junit.jupiter.api.Test;

class RuleSetsTest {
    private static RuleSet variant(String id, String from, String until) throws IOException {
        return variant(id, "1.0.0", from, until, id);
    }

    private static RuleSet variant(String id, String version, String from, String until, String source)
            throws IOException {
        String json = RuleSetTest.bundledJson().replace("\"id\": \"sop-2024-02\"", "\"id\": \"" + id + "\"")
                .replace("\"version\": \"1.0.0\"", "\"version\": \"" + version + "\"")
                .replace("\"effectiveFrom\": \"2024-02-01\"", "\"effectiveFrom\": \"" + from + "\""
                        + (until == null ? "" : ", \"effectiveUntil\": \"" + until + "\""));
        return RuleSet.parse(json.getBytes(StandardCharsets.UTF_8), source);
    }

    @Test
    void choosesTheRuleSetInForceOnTheSharesDate() throws IOException {
        RuleSet first = variant("sop-2024-02", "2024-02-01", "2026-07-01");
        RuleSet second = variant("sop-2026-07", "2026-07-01", null);
        RuleSets sets = RuleSets.of(List.of(second, first));
        assertThat(sets.inForceOn(LocalDate.parse("2026-06-30")).id()).isEqualTo("sop-2024-02");
        assertThat(sets.inForceOn(LocalDate.parse("2026-07-01")).id()).isEqualTo("sop-2026-07");
        assertThat(sets.all()).extracting(RuleSet::id).containsExactly("sop-2024-02", "sop-2026-07");

        SopValidator v = SopValidator.builder().ruleSets(sets).build();
        var share = SampleData.passingShare();
        ComplianceReport report = v.validate(share, Messages.render(share));
        assertThat(report.ruleSetId()).isEqualTo("sop-2026-07");
        // The share says it was prepared under sop-2024-02, which is no longer in force on its date.
        assertThat(report.failedRuleIds()).containsExactly("P1-RULE-SET");
        assertThat(v.withRuleSet(first).validate(share, Messages.render(share)).failedRuleIds()).isEmpty();
    }

    @Test
    void noRuleSetBeforeFebruary2024() {
        var share = SampleData.passingShare().toBuilder().createdAt(Instant.parse("2023-12-01T00:00:00Z")).build();
        assertThatThrownBy(() -> SopValidator.standard().validate(share, Messages.render(share)))
                .isInstanceOfSatisfying(NoRuleSetInForceException.class, e -> {
                    assertThat(e.date()).isEqualTo(LocalDate.parse("2023-12-01"));
                    assertThat(e.isInputRejection()).isTrue();
                });
    }

    @Test
    void overlappingPeriodsAreRejected() throws IOException {
        RuleSet a = variant("sop-a", "2024-02-01", null);
        RuleSet b = variant("sop-b", "2025-01-01", null);
        assertThatThrownBy(() -> RuleSets.of(List.of(a, b))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap");
    }

    @Test
    void twoDocumentsWithTheSameIdAndVersionButDifferentContentAreRefusedNamingBothSources() throws IOException {
        RuleSet a = variant("sop-a", "1.0.0", "2024-02-01", "2025-01-01", "agency/sop-a.json");
        RuleSet b = variant("sop-a", "1.0.0", "2025-01-01", null, "vendor/sop-a-copy.json");
        assertThatThrownBy(() -> RuleSets.of(List.of(a, b)))
                .isInstanceOfSatisfying(InvalidRuleSetException.class, e -> {
                    assertThat(e.source()).isEqualTo("vendor/sop-a-copy.json");
                    assertThat(e.path()).isEqualTo("$.version");
                    assertThat(e.isInputRejection()).isTrue();
                    assertThat(e.getMessage()).contains("agency/sop-a.json", "vendor/sop-a-copy.json", a.digest(),
                            b.digest(), "sop-a version 1.0.0", "never edited");
                });
    }

    @Test
    void aVersionSpelledWithLeadingZerosIsTheSameVersionAndRefusedWhenItsDocumentDiffers() throws IOException {
        RuleSet a = variant("sop-a", "1.0.0", "2024-02-01", null, "a.json");
        RuleSet b = variant("sop-a", "01.0.0", "2024-02-01", null, "b.json");
        assertThatThrownBy(() -> RuleSets.of(List.of(a, b))).isInstanceOf(InvalidRuleSetException.class)
                .hasMessageContaining("a.json").hasMessageContaining("b.json");
    }

    @Test
    void theSameDocumentGivenTwiceIsKeptOnce() {
        RuleSet original = RuleSets.standard().find("sop-2024-02", "1.0.0").orElseThrow();
        RuleSet copy = RuleSet.parse(RuleSetTest.bundledJsonBytes(), "copy-of-sop-2024-02.json");
        RuleSets sets = RuleSets.of(List.of(original, copy, RuleSet.sop2024February()));
        assertThat(sets.all()).hasSize(2);
        assertThat(sets.versions("sop-2024-02")).extracting(RuleSet::version).containsExactly("1.0.0", "1.1.0");
    }

    @Test
    void versionsOfOneIdMayBeInForceTogetherAndTheHighestVersionInForceIsChosenNumerically() throws IOException {
        RuleSet v19 = variant("sop-a", "1.9.0", "2024-02-01", null, "a-1.9.0.json");
        RuleSet v110 = variant("sop-a", "1.10.0", "2025-01-01", null, "a-1.10.0.json");
        RuleSet v12 = variant("sop-a", "1.2.0", "2024-06-01", null, "a-1.2.0.json");
        RuleSets sets = RuleSets.of(List.of(v110, v12, v19));

        // A string comparison would put 1.9.0 above 1.10.0.
        assertThat(sets.inForceOn(LocalDate.parse("2025-01-01")).version()).isEqualTo("1.10.0");
        assertThat(sets.inForceOn(LocalDate.parse("2024-12-31")).version()).isEqualTo("1.9.0");
        assertThat(sets.inForceOn(LocalDate.parse("2024-05-31")).version()).isEqualTo("1.9.0");
        assertThat(sets.versions("sop-a")).extracting(RuleSet::version).containsExactly("1.2.0", "1.9.0", "1.10.0");
        assertThat(sets.byId("sop-a")).contains(v110);
        assertThat(sets.all()).extracting(RuleSet::version).containsExactly("1.9.0", "1.2.0", "1.10.0");
        assertThat(sets.find("sop-a", "1.9.0")).contains(v19);
        assertThat(sets.find("sop-a", "1.9")).isEmpty();
    }

    @Test
    void versionsCompareNumericallyPartByPart() {
        assertThat(RuleSet.compareVersions("1.10.0", "1.9.0")).isPositive();
        assertThat(RuleSet.compareVersions("1.9.0", "1.10.0")).isNegative();
        assertThat(RuleSet.compareVersions("2.0.0", "1.99.99")).isPositive();
        assertThat(RuleSet.compareVersions("1.0.10", "1.0.9")).isPositive();
        assertThat(RuleSet.compareVersions("1.1.0", "1.1.0")).isZero();
        assertThat(RuleSet.compareVersions("01.0.0", "1.0.0")).isZero();
        assertThat(RuleSet.compareVersions("99999999999999999999.0.0", "9999999999999999999.0.0")).isPositive();
        assertThatThrownBy(() -> RuleSet.compareVersions("1.0", "1.0.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1.0'");
    }

    @Test
    void theStandardRegistryChoosesVersion100Before2026AndVersion110FromThen() {
        RuleSets standard = RuleSets.standard();
        assertThat(standard.all()).extracting(r -> r.id() + " " + r.version())
                .containsExactly("sop-2024-02 1.0.0", "sop-2024-02 1.1.0");
        assertThat(standard.inForceOn(LocalDate.parse("2024-02-01")).version()).isEqualTo("1.0.0");
        assertThat(standard.inForceOn(LocalDate.parse("2025-12-31")).version()).isEqualTo("1.0.0");
        assertThat(standard.inForceOn(LocalDate.parse("2026-01-01")).version()).isEqualTo("1.1.0");
        assertThat(standard.inForceAt(SampleData.CREATED_AT).version()).isEqualTo("1.1.0");
        assertThat(standard.find("sop-2024-02", "1.0.0").orElseThrow().ruleIds()).noneMatch(id -> id.startsWith("AM-"));
        assertThat(standard.find("sop-2024-02", "1.1.0")).contains(RuleSet.sop2024February());
        assertThat(standard.find("sop-2024-02", "1.2.0")).isEmpty();
    }

    @Test
    void lookupByIdGivesTheHighestVersion() {
        assertThat(RuleSets.standard().byId("sop-2024-02")).contains(RuleSet.sop2024February());
        assertThat(RuleSet.sop2024February().version()).isEqualTo("1.1.0");
        assertThat(RuleSets.standard().byId("sop-1999-01")).isEmpty();
    }
}

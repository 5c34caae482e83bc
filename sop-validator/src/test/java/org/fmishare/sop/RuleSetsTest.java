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
        String json = RuleSetTest.bundledJson().replace("\"id\": \"sop-2024-02\"", "\"id\": \"" + id + "\"")
                .replace("\"effectiveFrom\": \"2024-02-01\"", "\"effectiveFrom\": \"" + from + "\""
                        + (until == null ? "" : ", \"effectiveUntil\": \"" + until + "\""));
        return RuleSet.parse(json.getBytes(StandardCharsets.UTF_8), id);
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
    void repeatedIdsAreRejected() throws IOException {
        RuleSet a = variant("sop-a", "2024-02-01", "2025-01-01");
        RuleSet b = variant("sop-a", "2025-01-01", null);
        assertThatThrownBy(() -> RuleSets.of(List.of(a, b))).hasMessageContaining("appears twice");
    }

    @Test
    void lookupById() {
        assertThat(RuleSets.standard().byId("sop-2024-02")).contains(RuleSet.sop2024February());
        assertThat(RuleSets.standard().byId("sop-1999-01")).isEmpty();
    }
}

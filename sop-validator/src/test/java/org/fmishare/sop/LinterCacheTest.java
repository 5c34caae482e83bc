package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fmishare.sop.internal.CoercionLinter;
import org.junit.jupiter.api.Test;

/** The linter's per-text cache: a text seen before is answered with the remembered hits, unchanged. */
class LinterCacheTest {
    private static final String COERCIVE = "Please remove these accounts by Friday. We have attached the list.";

    @Test
    void aTextLintedAgainIsAnsweredWithTheSameRememberedHits() {
        CoercionLinter linter = RuleSet.sop2024February().linter();
        List<CoercionLinter.Hit> first = linter.lint(COERCIVE);
        // A new String with the same characters: the cache keys on the text, not on the object.
        List<CoercionLinter.Hit> again = linter.lint(new String(COERCIVE.toCharArray()));
        assertThat(first).isNotEmpty();
        assertThat(again).isSameAs(first);
        assertThat(first.get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void theRememberedHitsCannotBeChangedByACaller() {
        List<CoercionLinter.Hit> hits = RuleSet.sop2024February().linter().lint(COERCIVE);
        assertThatThrownBy(hits::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(RuleSet.sop2024February().linter().lint(COERCIVE)).isEqualTo(hits).isNotEmpty();
    }

    @Test
    void aTextTooLongToKeepIsLintedEachTimeWithTheSameAnswer() {
        String longText = "The accounts posted the same image. ".repeat(2_000) + COERCIVE;
        CoercionLinter linter = RuleSet.sop2024February().linter();
        List<CoercionLinter.Hit> first = linter.lint(longText);
        List<CoercionLinter.Hit> again = linter.lint(longText);
        assertThat(again).isNotSameAs(first).isEqualTo(first).hasSize(1);
        assertThat(longText.substring(first.get(0).start(), first.get(0).end())).startsWith("Please remove");
    }
}

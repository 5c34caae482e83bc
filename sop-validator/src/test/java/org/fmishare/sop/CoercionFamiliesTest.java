package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fmishare.sop.internal.CoercionClassifier;
import org.fmishare.sop.internal.CoercionLinter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analyser's rules (not the trained classifier) for the families the fourth blind set found weak: what they
 * now catch and what they now leave alone. Each sentence is new wording, in none of the development sets; the
 * classifier's findings are left out on purpose, so a rule that stops working fails here even when the classifier
 * happens to cover for it.
 */
class CoercionFamiliesTest {
    private static final CoercionLinter LINTER = RuleSet.sop2024February().linter();

    private static List<CoercionLinter.Hit> ruleHits(String text) {
        return LINTER.lint(text).stream().filter(h -> !h.frame().startsWith(CoercionClassifier.FRAME)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a question about content persisting, addressed to the company
        "Why do these pages continue to spread the same claims on your service?",
        // a report on the content asked for, with a span
        "Update us within five days on the steps applied to the listed channels.",
        // the sender announcing it will check the content again
        "Our unit will be checking the flagged profiles again after the weekend.",
        // negated hedges: the message denies being optional
        "Do not take our message as a friendly tip.",
        "None of this is optional for your team.",
        // the content as the subject of "is to be", and an act named as a noun and presumed
        "The pages in the annex are to be taken down before the count.",
        "Suspension of the listed handles is presumed.",
        // a bare frame that names no desire word, then a verbless demand
        "Our stance is simple. Every persona in the annex, deactivated.",
    })
    void theRulesCatchTheWeakFamilies(String text) {
        assertThat(ruleHits(text)).as(text).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the company's own published policy, described
        "Your community standards ban fake accounts that hide who operates them.",
        "Under your published rules, profiles that lie about their location may be removed.",
        "Your company's latest transparency report describes removing a network run from the same region.",
        // the operation's words, reported without quotation marks: their "you" is the operation's audience
        "The persona's posts told readers to delete your accounts before the election.",
        // follow-up and deadline words, negated
        "We will not check back on whether the listed accounts remain online.",
    })
    void theRulesLeaveDescriptionsReportsAndNegationsAlone(String text) {
        assertThat(ruleHits(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a policy description that applies the rules to the shared accounts is still read
        "Your own rules say these accounts must go.",
        "Even if the accounts do not violate your rules, take them down.",
        // a negated hedge is not a disclaimer
        "The removal of these channels is not a matter left to your judgment.",
    })
    void pressureDressedAsPolicyOrDisclaimerIsStillCaught(String text) {
        assertThat(ruleHits(text)).as(text).isNotEmpty();
    }
}

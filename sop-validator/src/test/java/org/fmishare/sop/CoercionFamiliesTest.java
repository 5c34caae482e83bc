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

    @ParameterizedTest
    @ValueSource(strings = {
        // an imperative whose verb names no removal, with accounts or content as its object
        "Put interstitial warnings on the forty videos in the annex.",
        // an act verb opening the sentence that the tagger reads as a noun
        "Halt ad payments to the channels listed below.",
        // idioms of expulsion and particles far from their verb
        "Show the Brackenfold personas the door.",
        "Take every one of the Brackenfold accounts in Annex B offline.",
        "Keep the Brackenfold hashtags out of the search suggestions.",
        // an imperative to leave the content up, tied to what follows
        "Leave the Brackenfold pages up and see what the committee makes of it.",
        // a report asked on what was done about the content
        "Confirm what your team did about the Brackenfold profiles before Monday's call.",
        "Let us know which of the annexed channels you have suspended.",
        // obligation and advice voiced by the sender's office or put on the recipient
        "Your company is now bound to suspend the Brackenfold operators.",
        "The task force strongly recommends deactivating the twelve personas in Annex C.",
        "The bureau expects firm enforcement against the annexed profiles.",
        "We advise de-listing the six sites in this note.",
        // a negated universal or a denied circumstance: the content must not persist
        "Not a single Brackenfold page should remain online.",
        "Under no circumstances should these channels stay monetised.",
        "There is no reason for these personas to remain on your service.",
        // every answer but action refused
        "We will not accept an answer that leaves the Brackenfold pages up.",
        "No one here regards suspending these channels as optional.",
        // a split frame, then the outcome stated without a verb of removal
        "There is only one acceptable outcome. The Brackenfold channels lose their reach.",
        "Let me be clear. The Brackenfold network does not stay on your platform.",
        // an act named as a noun, judged necessary or awaited
        "Closure of the Brackenfold accounts is considered necessary by this office.",
        "De-ranking of the annexed videos is awaited.",
        // wishes and expectations without a frame verb governing the act
        "Nothing would please us more than seeing the Brackenfold pages go dark.",
        "Our tip is demonetising the Brackenfold channels this week.",
        "Expectation on our side is that the listed network is suspended today.",
        // content chased as still up, expected gone, hoped absent
        "This is our second reminder about the Brackenfold pages, which are still online.",
        "The Brackenfold cluster is expected to be offline by the weekend.",
        "Our hope is that none of the Brackenfold accounts are still active next week.",
    })
    void theRulesCatchTheSixthRoundFamilies(String text) {
        assertThat(ruleHits(text)).as(text).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // disclosures in other words than the clause catalogue's
        "Please treat this share as information only, not as a request for any action.",
        "This is not a takedown request of any kind.",
        // a document's report of the operation's own orders
        "According to an internal memo, the operators' managers urged staff to delete old posts.",
        // logistics: the sender's own question and needs
        "Who should we contact if the liaison portal is unavailable?",
        "We need the names of your attendees by Thursday for the building passes.",
        "Would you like us to stop sending the weekly digest?",
        // the company's own process, practice and past acts
        "Your help centre explains that users can appeal a suspension within 14 days.",
        "Your transparency report says you suspend networks run by state media.",
        "Your team took down a similar network in 2022, according to your own blog.",
        // nouns that look like imperatives, and a modal that infers
        "Action items from the call are listed at the end of this note.",
        "The accounts must have been created in a single afternoon.",
        // a named third party's words, reported; a condition inverted after a comma
        "A local blogger wrote that readers should delete the app before the vote.",
        "The consequence of the campaign, should it spread, would be lower turnout.",
        "Suspension notices from other platforms were mocked by the personas.",
    })
    void theRulesLeaveTheSixthRoundLookAlikesAlone(String text) {
        assertThat(ruleHits(text)).as(text).isEmpty();
    }
}

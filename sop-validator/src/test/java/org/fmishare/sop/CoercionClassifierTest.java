package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.disclosure.ClauseCatalog;
import org.fmishare.disclosure.MessageKind;
import org.fmishare.sop.corpus.Messages;
import org.fmishare.sop.internal.CoercionClassifier;
import org.fmishare.sop.internal.CoercionLinter;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The trained classifier behind the linter's last step: the checked-in model is what its documented training
 * produces, the texts every share carries stay clean, and what it adds is REVIEW, never ERROR.
 */
class CoercionClassifierTest {
    private static final CoercionLinter LINTER = RuleSet.sop2024February().linter();

    private static byte[] checkedIn() throws IOException {
        try (InputStream in = CoercionClassifier.class.getResourceAsStream(CoercionClassifier.MODEL_RESOURCE)) {
            return Objects.requireNonNull(in, "model").readAllBytes();
        }
    }

    @Test
    void retrainingOnTheDevelopmentDataReproducesTheCheckedInModel() throws IOException {
        byte[] trained = CoercionClassifier.serialise(CoercionClassifier.train(CoercionTrainingData.examples()));
        assertThat(trained).as("retrain with -Dfmishare.classifier.writeModel=true (module README)")
                .isEqualTo(checkedIn());
    }

    /**
     * Writes the model (run once with {@code -Dfmishare.classifier.writeModel=true} after changing the training data,
     * the features or the trainer's parameters).
     */
    @Test
    @EnabledIfSystemProperty(named = "fmishare.classifier.writeModel", matches = "true")
    void writeModel() throws IOException {
        Path file = Path.of(System.getProperty("fmishare.root"), "sop-validator", "src", "main", "resources", "org",
                "fmishare", "sop", "internal", CoercionClassifier.MODEL_RESOURCE);
        Files.write(file, CoercionClassifier.serialise(CoercionClassifier.train(CoercionTrainingData.examples())));
    }

    @Test
    void theMandatoryClausesAndTheSampleMessageScoreBelowTheThreshold() {
        StringBuilder texts = new StringBuilder(Messages.render(SampleData.passingShare()));
        for (MessageKind kind : MessageKind.values()) {
            for (Disclosure clause : ClauseCatalog.english().mandatoryFor(kind)) {
                texts.append('\n').append(clause.text());
            }
        }
        for (String s : CoercionTrainingData.sentences(texts.toString(), 1)) {
            assertThat(CoercionClassifier.probability(s)).as(s).isLessThan(CoercionClassifier.REVIEW_THRESHOLD);
        }
    }

    /** A linter whose classifier answers {@code score} for every text, so these tests do not depend on the model. */
    private static CoercionLinter linterScoring(ToDoubleFunction<String> score) {
        return new CoercionLinter(RuleSet.sop2024February().document().coercion(), score);
    }

    @Test
    void aSentenceIsAlsoReadWithTheSentenceBeforeIt() {
        // Only the pair (joined by a line break) scores high: the second sentence is the one reported.
        CoercionLinter linter = linterScoring(t -> t.contains("\n") ? 0.99 : 0.0);
        String text = "The weather was fine this morning. The meeting ended at noon.";
        assertThat(linter.lint(text)).singleElement().satisfies(h -> {
            assertThat(h.severity()).isEqualTo(Severity.REVIEW);
            assertThat(h.frame()).startsWith(CoercionClassifier.FRAME).contains("read with the sentence before it");
            assertThat(text.substring(h.start(), h.end())).isEqualTo("The meeting ended at noon.");
        });
    }

    @Test
    void aSentenceAfterOneAlreadyReportedIsNotReportedAgainForIt() {
        CoercionLinter linter = linterScoring(t -> t.contains("\n") ? 0.99 : 0.0);
        String text = "Please remove these accounts by Friday. The meeting ended at noon.";
        assertThat(linter.lint(text)).singleElement().satisfies(h -> {
            assertThat(h.severity()).isEqualTo(Severity.ERROR);
            assertThat(text.substring(h.start(), h.end())).startsWith("Please remove");
        });
    }

    @Test
    void aFieldOfOneOrTwoWordsIsNotScoredAlone() {
        // A classifier that flags everything still leaves a grade or a name alone: the model's answer for a word or
        // two is its prior, not a reading of the text.
        CoercionLinter linter = linterScoring(t -> 0.99);
        assertThat(linter.lint("B")).isEmpty();
        assertThat(linter.lint("Directorate 9")).isEmpty();
        assertThat(linter.lint("The meeting ended at noon.")).singleElement()
                .satisfies(h -> assertThat(h.frame()).startsWith(CoercionClassifier.FRAME));
    }

    @Test
    void aRuleReviewTheClassifierIsSureOfIsClearedButAnErrorNeverIs() {
        String review = "Your company could remove these accounts in minutes.";
        String error = "Please remove these accounts by Friday.";
        assertThat(linterScoring(t -> 0.5).lint(review)).singleElement()
                .satisfies(h -> assertThat(h.severity()).isEqualTo(Severity.REVIEW));
        assertThat(linterScoring(t -> 0.0).lint(review)).isEmpty();
        assertThat(linterScoring(t -> 0.0).lint(error)).singleElement()
                .satisfies(h -> assertThat(h.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void wordingTheRulesDoNotKnowIsSentToReviewNotFailed() {
        // Colloquial, obligation and outcome-wish wording that no rule of the analyser or lexicon recognises.
        for (String s : List.of(NEW_WORDING)) {
            List<CoercionLinter.Hit> hits = LINTER.lint(s);
            assertThat(hits).as(s).singleElement().satisfies(h -> {
                assertThat(h.severity()).isEqualTo(Severity.REVIEW);
                assertThat(h.frame()).startsWith(CoercionClassifier.FRAME);
            });
        }
    }

    @Test
    void factualUsesOfTheSameWordsStayClean() {
        for (String s : List.of(SAME_WORDS_BENIGN)) {
            assertThat(LINTER.lint(s)).as(s).isEmpty();
        }
    }

    /**
     * Sentences of the third development set (so the model has seen them: this pins behaviour, it measures nothing)
     * that the rules leave clean, one per weak family: colloquial, litotes, recommendation, rhetorical question,
     * veiled consequence, appeal, outcome wish, obligation, nominal demand.
     */
    private static final String[] NEW_WORDING = {
        "It is not as if you have much choice about these accounts.",
        "Why should a foreign troll farm enjoy a home on your service?",
        "Leaving this network up is a choice your company will have to answer for.",
        "The public trusts you to keep foreign propaganda like this off your service.",
        "It would be nice if nobody could find these profiles anymore.",
        "You are accountable for these accounts staying up.",
    };

    /** The same tempting words in negated, reported, quoted, analytic and own-duty use. */
    private static final String[] SAME_WORDS_BENIGN = {
        "Nothing in this message asks your company to take the pages down.",
        "We do not expect any particular action on these channels.",
        "This notice is informational and creates no duty on your part.",
        "One post read \"Take down the traitors before the vote!\"",
        "The troll farm's managers expected each operator to run ten accounts.",
        "We assess that removal of earlier accounts did not slow the actor's tempo.",
        "Our team is obliged by policy to share this information with all affected companies.",
        "It is not your responsibility to report back to us.",
    };
}

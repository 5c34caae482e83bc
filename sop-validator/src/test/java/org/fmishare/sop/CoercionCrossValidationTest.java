package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import opennlp.tools.ml.model.MaxentModel;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.disclosure.DisclosureVerifier;
import org.fmishare.sop.corpus.Messages;
import org.fmishare.sop.internal.BuiltInRules;
import org.fmishare.sop.internal.CoercionClassifier;
import org.fmishare.sop.internal.CoercionLinter;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;

/**
 * Development figures for the linter with its trained classifier, by leave-one-author-out cross-validation: each
 * labelled set (one author's writing: a development set, a spent held-out set or a blind training set) is scored by
 * a model trained on all the other sets (the benign context every share carries is always in training). Random
 * folds mix one author's rows into training and test alike, and earlier rounds' 10-fold figures ran eight to nine
 * points above the next blind set; holding out a whole author's set is the nearest the development data comes to a
 * new author.
 *
 * <p>A row is caught when the rules object to it (the share rules on a share carrying it, run with a linter whose
 * classifier is the model that never saw the row's set, so the rule REVIEWs it clears are cleared out of set too;
 * the classifier's own findings left out) or when one of its sentences, alone or read with the sentence before it (the linter's two readings),
 * reaches {@link CoercionClassifier#REVIEW_THRESHOLD} under the model that never saw its set. The rules were tuned
 * on most of these rows, so the figures are development figures, not held-out ones; the threshold is chosen here.
 */
class CoercionCrossValidationTest {
    /**
     * Rows caught out of set, rules and classifier together, at the chosen threshold, over the blind-written sets (of
     * 1,882), as measured in the sixth round.
     */
    static final int CV_CAUGHT_FLOOR = 1846;
    /** Benign rows passed out of set, at the chosen threshold, over the blind-written sets (of 1,878). */
    static final int CV_PASSED_FLOOR = 1758;
    /** The recall target, in percent. */
    static final double RECALL_TARGET = 95.0;
    /** The benign pass target, in percent. */
    static final double BENIGN_TARGET = 90.0;
    /**
     * The sets the threshold is chosen on: written blind for training after the rules of this round were tuned, so
     * that neither the rules nor (out of set) the classifier have seen them, the nearest the development data comes
     * to a blind set. The spent held-out sets and the first three training sets were read while the rules were
     * tuned, so their rules-only figures flatter the rules.
     */
    static final List<String> THRESHOLD_SETS = List.of("/coercion-development/train-6d.tsv",
            "/coercion-development/train-6e.tsv", "/coercion-development/train-6f.tsv",
            "/coercion-development/train-6g.tsv", "/coercion-development/train-6h.tsv");

    /** The rule set whose share rules and lexicon the figures are for. */
    private static final RuleSet RULES = RuleSet.sop2024February();

    @Test
    void leaveOneAuthorOutRecallAndBenignPassStayAtOrAboveTheirFloors() {
        List<CoercionTrainingData.Row> rows = CoercionTrainingData.rows();
        List<String> context = CoercionTrainingData.benignContext();
        boolean[] rules = new boolean[rows.size()];
        double[] oof = new double[rows.size()];
        List<String> sources = new ArrayList<>(new LinkedHashSet<>(rows.stream()
                .map(CoercionTrainingData.Row::source).toList()));
        String narrativeEnd = last(CoercionTrainingData.sentences(SampleData.passingShare().narrative(), 1));
        List<String> boilerplate = new ArrayList<>();
        CoercionTrainingData.collect(FmiJson.standard().mapper().readTree(FmiJson.standard().write(
                SampleData.passingShare())), boilerplate);
        boilerplate.add(Messages.render(SampleData.passingShare()));
        long trainNanos = 0;
        for (String held : sources) {
            List<CoercionClassifier.Example> train = new ArrayList<>();
            for (CoercionTrainingData.Row r : rows) {
                if (!r.source().equals(held)) {
                    train.add(new CoercionClassifier.Example(r.trainingText(), r.coercive()));
                }
            }
            context.forEach(s -> train.add(new CoercionClassifier.Example(s, false)));
            long t0 = System.nanoTime();
            MaxentModel model = CoercionClassifier.train(train);
            trainNanos += System.nanoTime() - t0;
            // The rules' REVIEWs that the classifier clears are cleared by this set's model too.
            CoercionLinter linter = new CoercionLinter(RULES.document().coercion(),
                    s -> CoercionClassifier.probability(model, s));
            // Every share also carries the sample share's other fields and its rendered message: a threshold at
            // which the model flags any of them flags every row.
            double base = 0;
            for (String field : boilerplate) {
                base = Math.max(base, score(model, field, null));
            }
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).source().equals(held)) {
                    rules[i] = rulesObject(linter, rows.get(i).text());
                    oof[i] = Math.max(base, score(model, rows.get(i).text(), narrativeEnd));
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format("leave-one-author-out over %d rows in %d sets (%d benign "
                + "context sentences always in training), mean training time %.1f s%n", rows.size(), sources.size(),
                context.size(), trainNanos / 1e9 / sources.size()));
        out.append("threshold: blind-written sets caught/coercive passed/benign | all sets | sets the threshold is "
                + "chosen on\n");
        double chosen = Double.NaN;
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 20; k <= 85; k += 5) {
            double t = k / 100.0;
            int[] b = totals(rows, rules, oof, t, true);
            int[] a = totals(rows, rules, oof, t, false);
            int[] c = new int[4];
            for (int i = 0; i < rows.size(); i++) {
                if (THRESHOLD_SETS.contains(rows.get(i).source())) {
                    count(c, rows.get(i).coercive(), rules[i] || oof[i] >= t);
                }
            }
            double recall = 100.0 * c[0] / c[1];
            double pass = 100.0 * c[2] / c[3];
            out.append(String.format("  %.2f  %d/%d = %.1f %%  %d/%d = %.1f %%  |  %.1f %%  %.1f %%  |  %d/%d = %.1f %%"
                    + "  %d/%d = %.1f %%%n", t, b[0], b[1], 100.0 * b[0] / b[1], b[2], b[3], 100.0 * b[2] / b[3],
                    100.0 * a[0] / a[1], 100.0 * a[2] / a[3], c[0], c[1], recall, c[2], c[3], pass));
            // The threshold that keeps both figures furthest above their targets: the smaller margin is largest.
            double margin = Math.min(recall - RECALL_TARGET, pass - BENIGN_TARGET);
            if (margin > best + 1e-9) {
                best = margin;
                chosen = t;
            }
        }
        int[] before = totals(rows, rules, oof, 2.0, true);
        int[] after = totals(rows, rules, oof, CoercionClassifier.REVIEW_THRESHOLD, true);
        out.append(String.format("blind-written sets, rules only: recall %d/%d = %.1f %%, benign pass %d/%d = %.1f %%%n",
                before[0], before[1], 100.0 * before[0] / before[1], before[2], before[3],
                100.0 * before[2] / before[3]));
        out.append(String.format("blind-written sets, rules + classifier at %.2f: recall %d/%d = %.1f %%, benign pass "
                + "%d/%d = %.1f %%%n", CoercionClassifier.REVIEW_THRESHOLD, after[0], after[1],
                100.0 * after[0] / after[1], after[2], after[3], 100.0 * after[2] / after[3]));
        out.append("per set, rules only -> rules + classifier: caught/coercive, passed/benign\n");
        for (String s : sources) {
            int[] r0 = new int[4];
            int[] r1 = new int[4];
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).source().equals(s)) {
                    count(r0, rows.get(i).coercive(), rules[i]);
                    count(r1, rows.get(i).coercive(), rules[i] || oof[i] >= CoercionClassifier.REVIEW_THRESHOLD);
                }
            }
            out.append(String.format("  %-40s %3d -> %3d / %3d   %3d -> %3d / %3d%n", s, r0[0], r1[0], r1[1], r0[2],
                    r1[2], r1[3]));
        }
        out.append("per family over all sets, rules + classifier (caught/coercive, passed/benign)\n");
        Map<String, int[]> fam = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            CoercionTrainingData.Row r = rows.get(i);
            count(fam.computeIfAbsent((r.coercive() ? "C " : "B ") + r.family(), x -> new int[4]), r.coercive(),
                    rules[i] || oof[i] >= CoercionClassifier.REVIEW_THRESHOLD);
        }
        fam.forEach((k, c) -> out.append(String.format("  %-40s %3d / %3d%n", k, c[0] + c[2], c[1] + c[3])));
        out.append("out-of-set errors at the threshold:\n");
        for (int i = 0; i < rows.size(); i++) {
            boolean a = rules[i] || oof[i] >= CoercionClassifier.REVIEW_THRESHOLD;
            if (a != rows.get(i).coercive()) {
                out.append(String.format("  %s %.2f %s %s: %s%n", a ? "flagged" : "missed ", oof[i],
                        rows.get(i).source().replaceAll(".*/", ""), rows.get(i).family(), rows.get(i).text()));
            }
        }
        out.append(String.format("threshold chosen by the rule (the largest smaller margin above the targets, %.0f %% "
                + "recall and %.0f %% benign pass, on the sets it is chosen on): %.2f, margin %.1f points%n",
                RECALL_TARGET, BENIGN_TARGET, chosen, best));
        out.append(cost(rows));
        System.out.print(out);
        assertThat(CoercionClassifier.REVIEW_THRESHOLD).as(out.toString()).isEqualTo(chosen);
        assertThat(after[0]).as(out.toString()).isGreaterThanOrEqualTo(CV_CAUGHT_FLOOR);
        assertThat(after[2]).as(out.toString()).isGreaterThanOrEqualTo(CV_PASSED_FLOOR);
    }

    /** Approximate cost on this (shared, loaded) machine: printed, never asserted. */
    private static String cost(List<CoercionTrainingData.Row> rows) {
        try (java.io.InputStream in = CoercionClassifier.class.getResourceAsStream(
                CoercionClassifier.MODEL_RESOURCE)) {
            byte[] bytes = java.util.Objects.requireNonNull(in, "model").readAllBytes();
            long best = Long.MAX_VALUE;
            MaxentModel model = null;
            for (int k = 0; k < 5; k++) {
                long t0 = System.nanoTime();
                model = CoercionClassifier.read(new java.io.ByteArrayInputStream(bytes));
                best = Math.min(best, System.nanoTime() - t0);
            }
            List<String> sentences = new ArrayList<>();
            rows.forEach(r -> sentences.addAll(CoercionTrainingData.sentences(r.text().replace(" || ", "\n"), 1)));
            double sink = 0;
            long t0 = System.nanoTime();
            for (int k = 0; k < 5; k++) {
                for (String s : sentences) {
                    sink += CoercionClassifier.probability(model, s);
                }
            }
            double perSentence = (System.nanoTime() - t0) / 1e3 / (5.0 * sentences.size());
            return String.format("model: %d bytes, read in %.1f ms (best of 5); scoring a sentence whose features "
                    + "are cached: %.1f µs (mean over %d; checksum %.1f)%n", bytes.length, best / 1e6, perSentence,
                    5 * sentences.size(), sink);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The highest probability the model gives a row's sentences, each alone and read with the sentence before it,
     * as the linter reads a field; a row placed in the narrative follows the sample narrative's last sentence, and
     * the halves of a row split over two facts ("A || B") are separate fields; a sentence of fewer than {@link
     * CoercionClassifier#MIN_WORDS} words is read only with the one before it.
     */
    static double score(MaxentModel model, String text, String narrativeEnd) {
        double max = 0;
        boolean first = true;
        for (String field : text.split(" \\|\\| ")) {
            String before = first && !text.contains(" || ") ? narrativeEnd : null;
            first = false;
            for (String s : CoercionTrainingData.sentences(field, 1)) {
                if (CoercionClassifier.scoresAlone(s)) {
                    max = Math.max(max, CoercionClassifier.probability(model, s));
                }
                if (before != null) {
                    max = Math.max(max, CoercionClassifier.probability(model, before + "\n" + s));
                }
                before = s;
            }
        }
        return max;
    }

    private static String last(List<String> sentences) {
        return sentences.get(sentences.size() - 1);
    }

    private static void count(int[] c, boolean coercive, boolean flagged) {
        if (coercive) {
            c[1]++;
            c[0] += flagged ? 1 : 0;
        } else {
            c[3]++;
            c[2] += flagged ? 0 : 1;
        }
    }

    /** Totals over the blind-written sets (held-out and training sets by other authors) or over every set. */
    private static int[] totals(List<CoercionTrainingData.Row> rows, boolean[] rules, double[] oof, double t,
            boolean blindWritten) {
        int[] c = new int[4];
        for (int i = 0; i < rows.size(); i++) {
            if (!blindWritten || !rows.get(i).source().contains("/sentences")) {
                count(c, rows.get(i).coercive(), rules[i] || oof[i] >= t);
            }
        }
        return c;
    }

    /**
     * Whether the rules (not the classifier's own findings) object to the text placed in a share, as the development
     * tests place it, validated with its rendered message by the share rules with the given linter.
     */
    static boolean rulesObject(CoercionLinter linter, String text) {
        ThreatShare share = CoercionDevelopmentTest.placed(text);
        return BuiltInRules.share(share, Optional.of(Messages.render(share)), RULES.document(), linter,
                DisclosureVerifier.standard()).findings().stream()
                .anyMatch(f -> "P1-NO-COERCION".equals(f.ruleId()) && !f.message().contains(CoercionClassifier.FRAME));
    }
}

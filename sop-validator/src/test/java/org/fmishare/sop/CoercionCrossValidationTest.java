package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import opennlp.tools.ml.model.MaxentModel;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.sop.corpus.Messages;
import org.fmishare.sop.internal.CoercionClassifier;
import org.junit.jupiter.api.Test;

/**
 * Development figures for the linter with its trained classifier, by 10-fold cross-validation over the labelled
 * development rows (the development sets and the spent held-out sets 1 and 2): each row is scored by a model that
 * never saw it (the benign context every share carries is always in training). A row is caught when the rules
 * object to it (the full validation of a share carrying it, classifier findings left out) or when any of its
 * sentences reaches {@link CoercionClassifier#REVIEW_THRESHOLD} under the model of its fold. These are development
 * figures, not held-out ones: the rules were tuned on most of these rows, and the threshold is chosen here.
 */
class CoercionCrossValidationTest {
    private static final int FOLDS = 10;
    /** Out-of-fold coercive rows caught, rules and classifier together, at the chosen threshold. */
    static final int CV_CAUGHT_FLOOR = 945;
    /** Out-of-fold benign rows passed, at the chosen threshold. */
    static final int CV_PASSED_FLOOR = 937;

    @Test
    void crossValidatedRecallAndBenignPassStayAtOrAboveTheirFloors() {
        List<CoercionTrainingData.Row> rows = CoercionTrainingData.rows();
        List<String> context = CoercionTrainingData.benignContext();
        SopValidator validator = SopValidator.standard();
        boolean[] rules = new boolean[rows.size()];
        double[] oof = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            rules[i] = rulesObject(validator, rows.get(i).text());
        }
        long trainNanos = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            List<CoercionClassifier.Example> train = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (i % FOLDS != fold) {
                    train.add(new CoercionClassifier.Example(rows.get(i).trainingText(), rows.get(i).coercive()));
                }
            }
            context.forEach(s -> train.add(new CoercionClassifier.Example(s, false)));
            long t0 = System.nanoTime();
            MaxentModel model = CoercionClassifier.train(train);
            trainNanos += System.nanoTime() - t0;
            for (int i = fold; i < rows.size(); i += FOLDS) {
                double max = 0;
                for (String s : CoercionTrainingData.sentences(rows.get(i).text().replace(" || ", "\n"), 1)) {
                    max = Math.max(max, CoercionClassifier.probability(model, s));
                }
                oof[i] = max;
            }
        }
        StringBuilder out = new StringBuilder(String.format("%d-fold cross-validation over %d rows (%d benign "
                + "context sentences always in training), mean training time %.1f s%n", FOLDS, rows.size(),
                context.size(), trainNanos / 1e9 / FOLDS));
        out.append("threshold: caught/coercive passed/benign\n");
        for (double t = 0.20; t < 0.86; t += 0.05) {
            int[] c = totals(rows, rules, oof, t);
            out.append(String.format("  %.2f  %d/%d = %.1f %%  %d/%d = %.1f %%%n", t, c[0], c[1], 100.0 * c[0] / c[1],
                    c[2], c[3], 100.0 * c[2] / c[3]));
        }
        int[] before = totals(rows, rules, oof, 2.0);
        int[] after = totals(rows, rules, oof, CoercionClassifier.REVIEW_THRESHOLD);
        out.append(String.format("rules only: recall %d/%d = %.1f %%, benign pass %d/%d = %.1f %%%n", before[0],
                before[1], 100.0 * before[0] / before[1], before[2], before[3], 100.0 * before[2] / before[3]));
        out.append(String.format("rules + classifier at %.2f: recall %d/%d = %.1f %%, benign pass %d/%d = %.1f %%%n",
                CoercionClassifier.REVIEW_THRESHOLD, after[0], after[1], 100.0 * after[0] / after[1], after[2],
                after[3], 100.0 * after[2] / after[3]));
        out.append("per source and family, rules only -> rules + classifier (caught/coercive, passed/benign)\n");
        Map<String, int[]> fam = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            CoercionTrainingData.Row r = rows.get(i);
            String key = r.source().replaceAll(".*/", "").replace(".tsv", "") + " " + (r.coercive() ? "C " : "B ")
                    + r.family();
            int[] c = fam.computeIfAbsent(key, k -> new int[3]);
            boolean a = rules[i] || oof[i] >= CoercionClassifier.REVIEW_THRESHOLD;
            c[0] += (rules[i] == r.coercive()) ? 1 : 0;
            c[1] += (a == r.coercive()) ? 1 : 0;
            c[2]++;
        }
        fam.forEach((k, c) -> out.append(String.format("  %-40s %3d -> %3d / %3d%n", k, c[0], c[1], c[2])));
        out.append("out-of-fold misses at the threshold:\n");
        for (int i = 0; i < rows.size(); i++) {
            boolean a = rules[i] || oof[i] >= CoercionClassifier.REVIEW_THRESHOLD;
            if (a != rows.get(i).coercive()) {
                out.append(String.format("  %s %.2f %s: %s%n", a ? "flagged" : "missed ", oof[i],
                        rows.get(i).family(), rows.get(i).text()));
            }
        }
        out.append("the bundled model (trained on every row, so in-sample), rules + classifier, per source:\n");
        Map<String, int[]> bySource = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            CoercionTrainingData.Row r = rows.get(i);
            double max = 0;
            for (String s : CoercionTrainingData.sentences(r.text().replace(" || ", "\n"), 1)) {
                max = Math.max(max, CoercionClassifier.probability(s));
            }
            boolean a = rules[i] || max >= CoercionClassifier.REVIEW_THRESHOLD;
            int[] c = bySource.computeIfAbsent(r.source(), k -> new int[4]);
            c[r.coercive() ? 1 : 3]++;
            c[r.coercive() ? 0 : 2] += (a == r.coercive()) ? 1 : 0;
        }
        bySource.forEach((k, c) -> out.append(String.format("  %-40s recall %d/%d, benign pass %d/%d%n", k, c[0],
                c[1], c[2], c[3])));
        out.append(cost(rows));
        System.out.print(out);
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

    private static int[] totals(List<CoercionTrainingData.Row> rows, boolean[] rules, double[] oof, double t) {
        int[] c = new int[4];
        for (int i = 0; i < rows.size(); i++) {
            boolean a = rules[i] || oof[i] >= t;
            if (rows.get(i).coercive()) {
                c[1]++;
                c[0] += a ? 1 : 0;
            } else {
                c[3]++;
                c[2] += a ? 0 : 1;
            }
        }
        return c;
    }

    /** Whether the rules (not the classifier) object to the text placed in a share, as the development tests do. */
    static boolean rulesObject(SopValidator validator, String text) {
        ThreatShare share = CoercionDevelopmentTest.placed(text);
        return validator.validate(share, Messages.render(share)).findings().stream()
                .anyMatch(f -> "P1-NO-COERCION".equals(f.ruleId()) && !f.message().contains(CoercionClassifier.FRAME));
    }

}

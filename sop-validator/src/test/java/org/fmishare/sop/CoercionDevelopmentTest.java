package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fmishare.core.model.Fact;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.sop.corpus.Messages;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;

/**
 * Measures the coercion linter on its development sentences ({@code coercion-development/sentences.tsv}): for each
 * family of coercive phrasing, coercive sentences and benign look-alikes using the same words. Unlike the held-out
 * set, these sentences were written while the linter was developed and it is tuned against them, so the numbers say
 * which families are handled, not how the linter generalises. The floors are the measured development numbers, so a
 * change that loses a family fails here; the misses are printed.
 */
class CoercionDevelopmentTest {
    /** Second set, tuning rows (four in five): coercive caught. */
    static final int SECOND_TUNE_CAUGHT_FLOOR = 110;
    /**
     * Second set, tuning rows: benign passed. 165 from 167 in the sixth round: the classifier's lower threshold
     * (0.35, chosen by the leave-one-author-out rule) and its reading of a sentence with the one before it send two
     * more benign rows to review ("Kindly acknowledge receipt by Friday so that we can close the delivery record." is
     * one).
     */
    static final int SECOND_TUNE_PASS_FLOOR = 165;
    /** Second set, set-aside rows (every fifth, never looked at while tuning): coercive caught. */
    static final int SECOND_ASIDE_CAUGHT_FLOOR = 27;
    /** Second set, set-aside rows: benign passed. */
    static final int SECOND_ASIDE_PASS_FLOOR = 42;
    /** Coercive development sentences caught (FAIL or NEEDS_REVIEW on the linter rule). */
    static final int CAUGHT_FLOOR = 228;
    /**
     * Benign development sentences with no linter finding. 207 from 210 in the sixth round: the classifier's lower
     * threshold (0.35) sends three more of these benign rows to review.
     */
    static final int BENIGN_PASS_FLOOR = 207;
    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9A-Fa-f]{4})");

    /** One labelled development text. */
    record Row(boolean coercive, String family, String text) {
        Row {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(text, "text");
        }
    }

    static List<Row> rows() throws IOException {
        return rows("/coercion-development/sentences.tsv");
    }

    static List<Row> rows(String resource) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = CoercionDevelopmentTest.class.getResourceAsStream(resource)) {
            String all = new String(Objects.requireNonNull(in, "development set").readAllBytes(),
                    StandardCharsets.UTF_8);
            for (String line : all.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                assertThat(f).as(line).hasSize(3);
                assertThat(f[0]).as(line).isIn("COERCIVE", "BENIGN");
                rows.add(new Row("COERCIVE".equals(f[0]), f[1], unescape(f[2])));
            }
        }
        return rows;
    }

    private static String unescape(String s) {
        Matcher m = ESCAPE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
    }

    /**
     * Places the text where a sender would write it: in the narrative, or, for "A || B", in two facts' statements
     * (a demand split over two facts), then validates the share with its rendered message.
     */
    static boolean flagged(SopValidator validator, String text) {
        ThreatShare share = placed(text);
        return validator.validate(share, Messages.render(share)).findings().stream()
                .anyMatch(f -> "P1-NO-COERCION".equals(f.ruleId()));
    }

    /** The sample share with the text in its narrative, or, for "A || B", appended to two facts' statements. */
    static ThreatShare placed(String text) {
        ThreatShare base = SampleData.passingShare();
        if (!text.contains(" || ")) {
            return base.toBuilder().narrative(base.narrative() + " " + text).build();
        }
        String[] parts = text.split(" \\|\\| ");
        List<Fact> facts = new ArrayList<>(base.facts());
        for (int i = 0; i < parts.length; i++) {
            Fact f = facts.get(i);
            facts.set(i, new Fact(f.id(), f.statement().strip() + " " + parts[i], f.kind(), f.sourceType(),
                    f.reliability(), f.credibility(), f.collectedOn(), f.about(), f.activityDate()));
        }
        return base.toBuilder().facts(facts).build();
    }

    /** Counts per family: caught coercive, coercive, passed benign, benign. */
    static Map<String, int[]> measure(SopValidator validator, List<Row> rows, List<String> misses) {
        Map<String, int[]> byFamily = new TreeMap<>();
        for (Row r : rows) {
            String family = r.family().startsWith("split") ? "split" : r.family();
            int[] c = byFamily.computeIfAbsent(family, k -> new int[4]);
            boolean hit = flagged(validator, r.text());
            if (r.coercive()) {
                c[1]++;
                c[0] += hit ? 1 : 0;
            } else {
                c[3]++;
                c[2] += hit ? 0 : 1;
            }
            if (hit != r.coercive()) {
                misses.add((r.coercive() ? "missed  " : "flagged ") + r.family() + ": " + r.text());
            }
        }
        return byFamily;
    }

    @Test
    void developmentRecallAndBenignPassStayAtOrAboveTheirFloors() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(420);
        List<String> misses = new ArrayList<>();
        Map<String, int[]> byFamily = measure(SopValidator.standard(), rows, misses);
        int caught = 0;
        int coercive = 0;
        int passed = 0;
        int benign = 0;
        StringBuilder table = new StringBuilder("family: caught/coercive passed/benign\n");
        for (var e : byFamily.entrySet()) {
            int[] c = e.getValue();
            caught += c[0];
            coercive += c[1];
            passed += c[2];
            benign += c[3];
            table.append(String.format("  %-12s %2d/%2d  %2d/%2d%n", e.getKey(), c[0], c[1], c[2], c[3]));
            assertThat(c[1]).as("coercive rows of %s", e.getKey()).isGreaterThanOrEqualTo(15);
            assertThat(c[3]).as("benign rows of %s", e.getKey()).isGreaterThanOrEqualTo(15);
        }
        table.append(String.format("development recall %d/%d, benign pass %d/%d%n", caught, coercive, passed,
                benign));
        misses.forEach(m -> table.append("  ").append(m).append('\n'));
        System.out.print(table);
        assertThat(caught).as(table.toString()).isGreaterThanOrEqualTo(CAUGHT_FLOOR);
        assertThat(passed).as(table.toString()).isGreaterThanOrEqualTo(BENIGN_PASS_FLOOR);
    }

    /**
     * The second development set, split before tuning: rows {@code i % 5 == 4} are set aside. Misses are printed
     * for the tuning rows only; the set-aside rows are reported as counts, so they stay unseen while tuning.
     */
    @Test
    void secondSetTuningAndSetAsideFiguresStayAtOrAboveTheirFloors() throws IOException {
        List<Row> rows = rows("/coercion-development/sentences-2.tsv");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(300);
        List<Row> tune = new ArrayList<>();
        List<Row> aside = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (i % 5 == 4 ? aside : tune).add(rows.get(i));
        }
        SopValidator validator = SopValidator.standard();
        List<String> misses = new ArrayList<>();
        Map<String, int[]> byFamily = measure(validator, tune, misses);
        int[] t = total(byFamily);
        int[] a = total(measure(validator, aside, new ArrayList<>()));
        StringBuilder table = new StringBuilder("second set, tuning rows: family caught/coercive passed/benign\n");
        byFamily.forEach((k, c) -> table.append(String.format("  %-12s %2d/%2d  %2d/%2d%n", k, c[0], c[1], c[2],
                c[3])));
        table.append(String.format("tuning recall %d/%d, benign pass %d/%d%n", t[0], t[1], t[2], t[3]));
        table.append(String.format("set-aside recall %d/%d, benign pass %d/%d%n", a[0], a[1], a[2], a[3]));
        misses.forEach(m -> table.append("  ").append(m).append('\n'));
        System.out.print(table);
        assertThat(t[0]).as(table.toString()).isGreaterThanOrEqualTo(SECOND_TUNE_CAUGHT_FLOOR);
        assertThat(t[2]).as(table.toString()).isGreaterThanOrEqualTo(SECOND_TUNE_PASS_FLOOR);
        assertThat(a[0]).as(table.toString()).isGreaterThanOrEqualTo(SECOND_ASIDE_CAUGHT_FLOOR);
        assertThat(a[2]).as(table.toString()).isGreaterThanOrEqualTo(SECOND_ASIDE_PASS_FLOOR);
    }

    private static int[] total(Map<String, int[]> byFamily) {
        int[] sum = new int[4];
        for (int[] c : byFamily.values()) {
            for (int k = 0; k < 4; k++) {
                sum[k] += c[k];
            }
        }
        return sum;
    }
}

package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.sop.corpus.Messages;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;

/**
 * Measures the coercion linter on a held-out set written blind by a separate author (see
 * {@code heldout/PROVENANCE}). Each sentence is placed in a share's narrative, as a sender would write it, and the
 * share is validated with its rendered message. A COERCIVE row is caught when P1-NO-COERCION reports it (FAIL or
 * NEEDS_REVIEW); a BENIGN row passes when P1-NO-COERCION reports nothing. The floors are the numbers measured once,
 * when the set was first run, so that a regression fails; they are not targets to tune toward.
 */
class HeldOutCoercionTest {
    /** Recall measured on the first run: COERCIVE rows caught, of 132. */
    private static final int CAUGHT_FLOOR = HeldOutFloors.CAUGHT;
    /** Benign pass measured on the first run: BENIGN rows with no finding, of 128. */
    private static final int BENIGN_PASS_FLOOR = HeldOutFloors.BENIGN_PASSED;

    private record Row(String id, boolean coercive, String family, String text) {}

    private static List<Row> rows(String resource) throws IOException {
        try (InputStream in = HeldOutCoercionTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("held-out set on the test class path").isNotNull();
            List<Row> rows = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] f = lines[i].split("\t", 4);
                rows.add(new Row(f[0], "COERCIVE".equals(f[1]), f[2], f[3]));
            }
            return rows;
        }
    }

    private static boolean flagged(SopValidator validator, String text) {
        ThreatShare base = SampleData.passingShare();
        ThreatShare share = base.toBuilder().narrative(base.narrative() + " " + text).build();
        return validator.validate(share, Messages.render(share)).findings().stream()
                .anyMatch(f -> f.ruleId().equals("P1-NO-COERCION"));
    }

    @Test
    void recallAndBenignPassOnTheBlindSetStayAtLeastAtTheMeasuredFloor() throws IOException {
        measure("/heldout/coercion-heldout.tsv", 132, 128, CAUGHT_FLOOR, BENIGN_PASS_FLOOR);
    }

    /** The second set, written blind while the linter was generalised and run once after; see heldout2/PROVENANCE. */
    @Test
    void recallAndBenignPassOnTheSecondBlindSetStayAtLeastAtTheMeasuredFloor() throws IOException {
        measure("/heldout2/coercion-heldout-2.tsv", 120, 120, HeldOutFloors.CAUGHT_2, HeldOutFloors.BENIGN_PASSED_2);
    }

    /** The third set, written blind before the linter's third round and run once after; see heldout3/PROVENANCE. */
    @Test
    void recallAndBenignPassOnTheThirdBlindSetStayAtLeastAtTheMeasuredFloor() throws IOException {
        measure("/heldout3/coercion-heldout-3.tsv", 130, 130, HeldOutFloors.CAUGHT_3, HeldOutFloors.BENIGN_PASSED_3);
    }

    /**
     * The fourth set, written blind at the start of the linter's fourth round (the trained sentence classifier) and
     * run once after it was merged; see heldout4/PROVENANCE.
     */
    @Test
    void recallAndBenignPassOnTheFourthBlindSetStayAtLeastAtTheMeasuredFloor() throws IOException {
        measure("/heldout4/coercion-heldout-4.tsv", 150, 150, HeldOutFloors.CAUGHT_4, HeldOutFloors.BENIGN_PASSED_4);
    }

    /**
     * The fifth set, written blind at the start of the linter's fifth round (its author saw no code and no earlier set)
     * and run once after that round was merged; see heldout5/PROVENANCE.
     */
    @Test
    void recallAndBenignPassOnTheFifthBlindSetStayAtLeastAtTheMeasuredFloor() throws IOException {
        measure("/heldout5/coercion-heldout-5.tsv", 150, 150, HeldOutFloors.CAUGHT_5, HeldOutFloors.BENIGN_PASSED_5);
    }

    /**
     * The sixth set, written blind at the start of the linter's sixth round (its author saw no code, no training set
     * and no earlier set), kept outside the repository during the round and run once after it was merged; see
     * heldout6/PROVENANCE.
     */
    @Test
    void recallAndBenignPassOnTheSixthBlindSetStayAtLeastAtTheMeasuredFloor() throws IOException {
        measure("/heldout6/coercion-heldout-6.tsv", 150, 150, HeldOutFloors.CAUGHT_6, HeldOutFloors.BENIGN_PASSED_6);
    }

    private static void measure(String resource, int coerciveRows, int benignRows, int caughtFloor, int passedFloor)
            throws IOException {
        SopValidator validator = SopValidator.standard();
        List<Row> rows = rows(resource);
        int coercive = 0;
        int caught = 0;
        int benign = 0;
        int passed = 0;
        Map<String, int[]> byFamily = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Row r : rows) {
            boolean hit = flagged(validator, r.text());
            int[] fam = byFamily.computeIfAbsent((r.coercive() ? "C " : "B ") + r.family(), k -> new int[2]);
            fam[1]++;
            if (r.coercive()) {
                coercive++;
                if (hit) {
                    caught++;
                    fam[0]++;
                } else {
                    misses.add(r.id() + " missed: " + r.text());
                }
            } else {
                benign++;
                if (!hit) {
                    passed++;
                    fam[0]++;
                } else {
                    misses.add(r.id() + " flagged: " + r.text());
                }
            }
        }
        StringBuilder report = new StringBuilder(String.format(resource + ": recall %d/%d = %.1f%%, benign pass %d/%d"
                + " = %.1f%%%n", caught, coercive, 100.0 * caught / coercive, passed, benign, 100.0 * passed / benign));
        byFamily.forEach((k, v) -> report.append(String.format("  %-32s %d/%d%n", k, v[0], v[1])));
        misses.forEach(m -> report.append("  ").append(m).append('\n'));
        System.out.println(report);
        assertThat(coercive).isEqualTo(coerciveRows);
        assertThat(benign).isEqualTo(benignRows);
        assertThat(caught).as(report.toString()).isGreaterThanOrEqualTo(caughtFloor);
        assertThat(passed).as(report.toString()).isGreaterThanOrEqualTo(passedFloor);
    }
}

package org.fmishare.sop;

/**
 * The held-out numbers of {@link HeldOutCoercionTest}; regressions fail. Sets 1 and 2 became training data of the
 * linter's classifier in its fourth round, so their floors now guard only against regressions on sentences it was
 * trained on. Set 3 was run a second time after that round: recall rose from 105 to 122 of 130 and benign passes fell
 * from 121 to 118 of 130 (the classifier sends more sentences to review); its floors are that run's numbers. Set 4
 * was run once, after that round. In the fifth round the classifier's REVIEW threshold rose from 0.70 to 0.80 (for a
 * development benign pass of at least 93 %): on sets 1 and 2, which it was trained on, recall went from 132 to 131
 * and from 120 to 118, benign passes from 117 to 119 and from 109 to 112; their floors are those numbers. Sets 3
 * and 4 were not run in that round (they stay unseen). After it was merged, set 5 was run once, and sets 3 and 4
 * again: set 3's recall fell from 122 to 120 (the higher threshold) and its benign passes rose from 118 to 120; set
 * 4's recall stayed at 136 and its benign passes rose from 138 to 143. The floors are those numbers.
 *
 * <p>In the sixth round sets 3, 4 and 5 became training data of the classifier too, so all five sets' floors now
 * guard only against regressions on sentences it was trained on (the round's honest figures are the
 * leave-one-author-out ones of {@code CoercionCrossValidationTest}). After that round: set 1 caught 132 of 132 and
 * passed 121 of 128, set 2 120 of 120 and 114 of 120, set 3 130 of 130 and 126 of 130, set 4 150 of 150 and 146 of
 * 150, set 5 150 of 150 and 149 of 150; the floors are those numbers. Set 6, written blind at the start of that
 * round and kept outside the repository while it was worked on, was run once after the round was merged: 149 of
 * 150 caught, 140 of 150 passed.
 */
final class HeldOutFloors {
    /** First set: COERCIVE rows caught (FAIL or NEEDS_REVIEW) of 132 (now training data). */
    static final int CAUGHT = 132;
    /** First set: BENIGN rows that passed of 128 (now training data). */
    static final int BENIGN_PASSED = 121;

    /** Second set ({@code heldout2/}): COERCIVE rows caught of 120 (now training data). */
    static final int CAUGHT_2 = 120;
    /** Second set: BENIGN rows that passed of 120 (now training data). */
    static final int BENIGN_PASSED_2 = 114;

    /** Third set ({@code heldout3/}): COERCIVE rows caught of 130 (training data since the sixth round). */
    static final int CAUGHT_3 = 130;
    /** Third set: BENIGN rows that passed of 130 (training data since the sixth round). */
    static final int BENIGN_PASSED_3 = 126;

    /** Fourth set ({@code heldout4/}): COERCIVE rows caught of 150 (training data since the sixth round). */
    static final int CAUGHT_4 = 150;
    /** Fourth set: BENIGN rows that passed of 150 (training data since the sixth round). */
    static final int BENIGN_PASSED_4 = 146;

    /** Fifth set ({@code heldout5/}): COERCIVE rows caught of 150 (training data since the sixth round). */
    static final int CAUGHT_5 = 150;
    /** Fifth set: BENIGN rows that passed of 150 (training data since the sixth round). */
    static final int BENIGN_PASSED_5 = 149;

    /** Sixth set ({@code heldout6/}): COERCIVE rows caught of 150, measured on its one run. */
    static final int CAUGHT_6 = 149;
    /** Sixth set: BENIGN rows that passed of 150, measured on its one run. */
    static final int BENIGN_PASSED_6 = 140;

    private HeldOutFloors() {}
}

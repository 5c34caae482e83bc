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
 */
final class HeldOutFloors {
    /** First set: COERCIVE rows caught (FAIL or NEEDS_REVIEW) of 132 (now training data). */
    static final int CAUGHT = 131;
    /** First set: BENIGN rows that passed of 128 (now training data). */
    static final int BENIGN_PASSED = 119;

    /** Second set ({@code heldout2/}): COERCIVE rows caught of 120 (now training data). */
    static final int CAUGHT_2 = 118;
    /** Second set: BENIGN rows that passed of 120 (now training data). */
    static final int BENIGN_PASSED_2 = 112;

    /** Third set ({@code heldout3/}): COERCIVE rows caught of 130, measured on its third run. */
    static final int CAUGHT_3 = 120;
    /** Third set: BENIGN rows that passed of 130, measured on its third run. */
    static final int BENIGN_PASSED_3 = 120;

    /** Fourth set ({@code heldout4/}): COERCIVE rows caught of 150, measured on its one run. */
    static final int CAUGHT_4 = 136;
    /** Fourth set: BENIGN rows that passed of 150, measured on its second run. */
    static final int BENIGN_PASSED_4 = 143;

    /** Fifth set ({@code heldout5/}): COERCIVE rows caught of 150, measured on its one run. */
    static final int CAUGHT_5 = 131;
    /** Fifth set: BENIGN rows that passed of 150, measured on its one run. */
    static final int BENIGN_PASSED_5 = 139;

    private HeldOutFloors() {}
}

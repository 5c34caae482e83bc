package org.fmishare.sop;

/** The held-out numbers measured once, on the first run of {@link HeldOutCoercionTest}; regressions fail. */
final class HeldOutFloors {
    /** COERCIVE rows caught (FAIL or NEEDS_REVIEW) of 132. */
    static final int CAUGHT = 102;
    /** BENIGN rows that passed of 128. */
    static final int BENIGN_PASSED = 108;

    /** Second set ({@code heldout2/}): COERCIVE rows caught of 120, measured on its one run. */
    static final int CAUGHT_2 = 98;
    /** Second set: BENIGN rows that passed of 120, measured on its one run. */
    static final int BENIGN_PASSED_2 = 104;

    /** Third set ({@code heldout3/}): COERCIVE rows caught of 130, measured on its one run. */
    static final int CAUGHT_3 = 105;
    /** Third set: BENIGN rows that passed of 130, measured on its one run. */
    static final int BENIGN_PASSED_3 = 121;

    private HeldOutFloors() {}
}

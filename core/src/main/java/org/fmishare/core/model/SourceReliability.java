package org.fmishare.core.model;

/**
 * Source reliability on the Admiralty (NATO AJP-2.1) scale, A (best) to F. Compare with {@link #atLeast}.
 */
public enum SourceReliability {
    /** Completely reliable. */
    A,
    /** Usually reliable. */
    B,
    /** Fairly reliable. */
    C,
    /** Not usually reliable. */
    D,
    /** Unreliable. */
    E,
    /** Reliability cannot be judged. */
    F;

    /**
     * Whether this grade is as good as or better than {@code floor} (A is best).
     *
     * @param floor the minimum acceptable grade
     * @return true when this grade meets the floor
     */
    public boolean atLeast(SourceReliability floor) {
        return ordinal() <= floor.ordinal();
    }
}

package org.fmishare.core.model;

/** Analytic confidence, as the Intelligence Community expresses it. The SOP requires {@link #HIGH} to share. */
public enum ConfidenceLevel {
    /** Low confidence. */
    LOW,
    /** Moderate confidence. */
    MODERATE,
    /** High confidence. */
    HIGH
}

package org.fmishare.core.model;

/** Tactics of online FMI operations named in the Justice Department's principles. */
public enum Tactic {
    /** Fake or impersonated personas. */
    FALSE_PERSONAS,
    /** Fabricated narratives. */
    FABRICATED_NARRATIVES,
    /** Divisive narratives meant to sow discord. */
    DIVISIVE_NARRATIVES,
    /** AI-generated synthetic content, including deepfakes. */
    AI_SYNTHETIC_CONTENT,
    /** Coordinated inauthentic amplification (bot or troll networks). */
    INAUTHENTIC_AMPLIFICATION,
    /** Laundering state messaging through seemingly independent outlets or influencers. */
    CONTENT_LAUNDERING
}

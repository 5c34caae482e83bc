package org.fmishare.core.model;

/**
 * What a fact establishes. The SOP's sharing is actor-driven: facts about who is behind accounts and how they
 * behave count; facts about the content or viewpoint of speech alone never justify a share.
 */
public enum FactKind {
    /** Attributes activity to the foreign actor. */
    ACTOR_ATTRIBUTION,
    /** Links a specific account to the actor. */
    ACCOUNT_LINKAGE,
    /** Shows covert or inauthentic behaviour (false persona, concealed sponsorship). */
    COVERT_BEHAVIOUR,
    /** Shows direction, tasking or funding by the actor. */
    OPERATIONAL_DIRECTION,
    /** Describes the content or viewpoint of speech only. */
    CONTENT_OF_SPEECH
}

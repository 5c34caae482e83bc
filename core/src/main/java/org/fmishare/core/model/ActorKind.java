package org.fmishare.core.model;

/**
 * What kind of foreign actor is behind an activity, following the FBI definition of foreign malign influence
 * ("foreign governments, nonstate actors, or their proxies").
 */
public enum ActorKind {
    /** A foreign government or one of its organs (intelligence service, state media). */
    FOREIGN_GOVERNMENT,
    /** A foreign non-state actor (for example a foreign terrorist or criminal organisation). */
    NON_STATE_ACTOR,
    /** A proxy acting for a foreign government or non-state actor; needs a {@link ProxyLink}. */
    PROXY
}

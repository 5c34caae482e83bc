package org.fmishare.core.compliance;

import java.util.List;
import java.util.Objects;

/**
 * The ids of the mandatory disclosure clauses: the one place they are spelled. The clause texts live in
 * {@code disclosure-templates}, the SOP rule sets name the ids in their JSON, and envelopes require them by
 * default; all of them take the ids from here so that a renamed or added clause cannot be missed in one place.
 */
public final class ClauseIds {
    /** Prong 1 share: no request and no obligation. */
    public static final String NO_REQUEST_NO_OBLIGATION = "no-request-no-obligation";
    /** Prong 1 share: no adverse action. */
    public static final String NO_ADVERSE_ACTION = "no-adverse-action";
    /** Every kind: participation is voluntary. */
    public static final String VOLUNTARY_PARTICIPATION = "voluntary-participation";
    /** Meetings: no direction or suggestion about content. */
    public static final String MEETING_NO_CONTENT_DIRECTION = "meeting-no-content-direction";
    /** Briefings: no direction or suggestion about content; actions described are the company's own. */
    public static final String BRIEFING_NO_CONTENT_DIRECTION = "briefing-no-content-direction";

    private static final List<String> ALL = List.of(NO_REQUEST_NO_OBLIGATION, NO_ADVERSE_ACTION,
            VOLUNTARY_PARTICIPATION, MEETING_NO_CONTENT_DIRECTION, BRIEFING_NO_CONTENT_DIRECTION);

    private ClauseIds() {}

    /** {@return every clause id, in catalogue order} */
    public static List<String> all() {
        return ALL;
    }

    /**
     * @param id a clause id
     * @return whether the id names a known clause
     */
    public static boolean isKnown(String id) {
        return ALL.contains(Objects.requireNonNull(id, "id"));
    }
}

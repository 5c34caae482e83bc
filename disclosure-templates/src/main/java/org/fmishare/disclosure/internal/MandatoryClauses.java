package org.fmishare.disclosure.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fmishare.disclosure.MessageKind;

/**
 * Which clause ids (at which version) are mandatory for which message kind. Kept in code rather than in the
 * catalogue resources so that no translation or packaged file can make a clause optional.
 */
public final class MandatoryClauses {
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

    private static final Map<String, Integer> VERSIONS;

    static {
        Map<String, Integer> v = new LinkedHashMap<>();
        v.put(NO_REQUEST_NO_OBLIGATION, 1);
        v.put(NO_ADVERSE_ACTION, 1);
        v.put(VOLUNTARY_PARTICIPATION, 1);
        v.put(MEETING_NO_CONTENT_DIRECTION, 1);
        v.put(BRIEFING_NO_CONTENT_DIRECTION, 1);
        VERSIONS = java.util.Collections.unmodifiableMap(v);
    }

    private MandatoryClauses() {}

    /**
     * @param kind the message kind
     * @return the mandatory clause ids, in presentation order
     */
    public static List<String> idsFor(MessageKind kind) {
        return switch (Objects.requireNonNull(kind, "kind")) {
            case THREAT_SHARE -> List.of(NO_REQUEST_NO_OBLIGATION, NO_ADVERSE_ACTION, VOLUNTARY_PARTICIPATION);
            case MEETING -> List.of(VOLUNTARY_PARTICIPATION, MEETING_NO_CONTENT_DIRECTION);
            case BRIEFING -> List.of(VOLUNTARY_PARTICIPATION, BRIEFING_NO_CONTENT_DIRECTION);
        };
    }

    /** @return every known clause id with the version this release requires, in catalogue order */
    public static Map<String, Integer> versions() {
        return VERSIONS;
    }

    /**
     * @param id a clause id
     * @return whether the id is a known clause
     */
    public static boolean isKnown(String id) {
        return VERSIONS.containsKey(id);
    }
}

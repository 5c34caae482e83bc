package org.fmishare.disclosure.internal;

import static org.fmishare.core.compliance.ClauseIds.BRIEFING_NO_CONTENT_DIRECTION;
import static org.fmishare.core.compliance.ClauseIds.MEETING_NO_CONTENT_DIRECTION;
import static org.fmishare.core.compliance.ClauseIds.NO_ADVERSE_ACTION;
import static org.fmishare.core.compliance.ClauseIds.NO_REQUEST_NO_OBLIGATION;
import static org.fmishare.core.compliance.ClauseIds.VOLUNTARY_PARTICIPATION;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fmishare.disclosure.MessageKind;

/**
 * Which clause ids (at which version) are mandatory for which message kind. Kept in code rather than in the
 * catalogue resources so that no translation or packaged file can make a clause optional. The ids themselves are
 * spelled once, in {@link org.fmishare.core.compliance.ClauseIds}.
 */
public final class MandatoryClauses {

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

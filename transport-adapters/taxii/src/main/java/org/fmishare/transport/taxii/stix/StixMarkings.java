package org.fmishare.transport.taxii.stix;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.transport.taxii.internal.StixJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * TLP 2.0 marking definitions as OASIS publishes them (the "TLP 2.0" common objects, created
 * {@value #TLP2_CREATED}, carried by extension {@value #TLP2_EXTENSION_ID}). TLP 1.0 ids (WHITE, and the 1.0
 * GREEN, AMBER and RED objects) are not TLP 2.0 and are not accepted in their place.
 */
public final class StixMarkings {
    /** The extension definition of the TLP 2.0 marking definitions. */
    public static final String TLP2_EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    /** When OASIS created the TLP 2.0 marking definitions. */
    public static final String TLP2_CREATED = "2022-10-01T00:00:00.000Z";

    private static final Map<TlpMarking, String> IDS = new EnumMap<>(Map.of(
            TlpMarking.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            TlpMarking.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            TlpMarking.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            TlpMarking.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            TlpMarking.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"));
    private static final Map<String, String> TLP1 = Map.of(
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "TLP:WHITE (TLP 1.0)",
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "TLP:GREEN (TLP 1.0)",
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "TLP:AMBER (TLP 1.0)",
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "TLP:RED (TLP 1.0)");

    private StixMarkings() {}

    /**
     * The OASIS marking-definition id of a TLP 2.0 level.
     *
     * @param tlp the level
     * @return for example {@code marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421} for AMBER
     */
    public static String tlpMarkingId(TlpMarking tlp) {
        return IDS.get(Objects.requireNonNull(tlp, "tlp"));
    }

    /**
     * The TLP 2.0 level a marking-definition id stands for.
     *
     * @param markingId a marking-definition id
     * @return the level, or empty when the id is not one of the five TLP 2.0 ids
     */
    public static Optional<TlpMarking> tlpFor(String markingId) {
        Objects.requireNonNull(markingId, "markingId");
        return IDS.entrySet().stream().filter(e -> e.getValue().equals(markingId)).map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * Names a TLP 1.0 marking id, so errors can say why it is refused.
     *
     * @param markingId a marking-definition id
     * @return for example {@code TLP:WHITE (TLP 1.0)}, or empty
     */
    static Optional<String> tlp1Name(String markingId) {
        return Optional.ofNullable(TLP1.get(markingId));
    }

    /**
     * The TLP 2.0 marking-definition object exactly as OASIS publishes it.
     *
     * @param tlp the level
     * @return the marking-definition object
     */
    public static StixObject tlpDefinition(TlpMarking tlp) {
        ObjectNode o = StixJson.MAPPER.createObjectNode();
        o.put("type", "marking-definition");
        o.put("spec_version", "2.1");
        o.put("id", tlpMarkingId(tlp));
        o.put("created", TLP2_CREATED);
        o.put("name", tlp.label());
        ObjectNode ext = o.putObject("extensions").putObject(TLP2_EXTENSION_ID);
        ext.put("extension_type", "property-extension");
        ext.put("tlp_2_0", tlp.label().substring("TLP:".length()).toLowerCase(Locale.ROOT));
        return StixObject.of(o);
    }
}

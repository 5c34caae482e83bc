package org.fmishare.transport.taxii.testserver;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One STIX 2.1 object as the test server stores it: its id, type and version and its compact JSON text. The version
 * is {@code modified}, else {@code created} (TAXII 2.1 section 3.4.1), else absent: the server then versions the
 * object by the date it added it.
 *
 * <p>The server reads what clients send with its own small reader rather than the SDK client's classes: a test peer
 * that shared the client's parsing would share its bugs, and the two would agree where the standard does not.
 *
 * @param id the STIX id, {@code type--UUID}
 * @param type the STIX type
 * @param version {@code modified}, else {@code created}, as sent; empty when the object has neither
 * @param json the object's compact JSON text
 */
public record StoredObject(String id, String type, Optional<String> version, String json) {
    private static final Pattern ID = Pattern.compile(
            "([a-z][a-z0-9-]+[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}"
                    + "-[0-9a-fA-F]{12}");

    /** Validates. */
    public StoredObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(json, "json");
    }

    /**
     * Reads one object a client sent.
     *
     * @param node a JSON object with string {@code type} and {@code id} properties whose id is {@code type--UUID}
     * @return the object
     * @throws IllegalArgumentException when the node is not such an object
     */
    static StoredObject of(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a STIX object must be a JSON object, was " + node.getNodeType());
        }
        String type = text(node, "type");
        String id = text(node, "id");
        var m = ID.matcher(id);
        if (!m.matches() || !m.group(1).equals(type)) {
            throw new IllegalArgumentException("id '" + id + "' is not '" + type + "--' followed by a UUID");
        }
        Optional<String> version = node.has("modified") ? Optional.of(text(node, "modified"))
                : node.has("created") ? Optional.of(text(node, "created")) : Optional.empty();
        return new StoredObject(id, type, version, ServerJson.MAPPER.writeValueAsString(node));
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException("property '" + name + "' must be a string");
        }
        return v.stringValue();
    }
}

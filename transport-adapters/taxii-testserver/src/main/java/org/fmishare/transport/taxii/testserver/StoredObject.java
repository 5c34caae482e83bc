package org.fmishare.transport.taxii.testserver;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One STIX 2.1 object the test server stores, as compact JSON text, with the properties TAXII needs (id, type,
 * version) read once.
 *
 * <p>The server parses what clients send with its own small reader rather than the SDK client's classes: a test peer
 * that shared the client's parsing would share its bugs, and the two would agree where the standard does not.
 *
 * <p>Immutable and cheap to hold: the JSON is kept as text and parsed again only when {@link #tree()} is called,
 * so a stream of objects does not keep trees alive. Two objects are equal when their JSON text is equal.
 */
public final class StoredObject {
    private static final Pattern ID = Pattern.compile(
            "([a-z][a-z0-9-]+[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}"
                    + "-[0-9a-fA-F]{12}");

    private final String id;
    private final String type;
    private final String created;
    private final String modified;
    private final String json;

    private StoredObject(String id, String type, String created, String modified, String json) {
        this.id = id;
        this.type = type;
        this.created = created;
        this.modified = modified;
        this.json = json;
    }

    /**
     * Wraps a parsed STIX object.
     *
     * @param node a JSON object with string {@code type} and {@code id} properties whose id is {@code type--UUID}
     * @return the object
     * @throws IllegalArgumentException when the node is not an object, or type or id are missing or malformed
     */
    public static StoredObject of(JsonNode node) {
        Objects.requireNonNull(node, "node");
        if (!node.isObject()) {
            throw new IllegalArgumentException("a STIX object must be a JSON object, was " + node.getNodeType());
        }
        String type = text(node, "type");
        String id = text(node, "id");
        var m = ID.matcher(id);
        if (!m.matches() || !m.group(1).equals(type)) {
            throw new IllegalArgumentException("id '" + id + "' is not '" + type + "--' followed by a UUID");
        }
        String created = node.has("created") ? text(node, "created") : null;
        String modified = node.has("modified") ? text(node, "modified") : null;
        return new StoredObject(id, type, created, modified, ServerJson.MAPPER.writeValueAsString(node));
    }

    /**
     * Parses one STIX object from JSON text.
     *
     * @param json the JSON text of one object
     * @return the object
     * @throws IllegalArgumentException when the text is not a JSON object with a well-formed type and id
     */
    public static StoredObject parse(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return of(ServerJson.MAPPER.readTree(json));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isString() || v.stringValue().isEmpty()) {
            throw new IllegalArgumentException("a STIX object needs a non-empty string '" + name + "'");
        }
        return v.stringValue();
    }

    /** {@return the STIX id, {@code type--UUID}} */
    public String id() {
        return id;
    }

    /** {@return the STIX type, for example {@code report}} */
    public String type() {
        return type;
    }

    /** {@return the {@code created} timestamp text, absent for cyber-observables} */
    public Optional<String> created() {
        return Optional.ofNullable(created);
    }

    /** {@return the {@code modified} timestamp text, absent for cyber-observables and marking definitions} */
    public Optional<String> modified() {
        return Optional.ofNullable(modified);
    }

    /**
     * The version TAXII uses for this object: {@code modified}, else {@code created}, else absent (TAXII then
     * versions by the date the server added it).
     *
     * @return the version timestamp text
     */
    public Optional<String> version() {
        return Optional.ofNullable(modified != null ? modified : created);
    }

    /** {@return the compact JSON text} */
    public String json() {
        return json;
    }

    /** {@return a fresh, mutable tree of the object; changing it does not change this object} */
    public ObjectNode tree() {
        return (ObjectNode) ServerJson.MAPPER.readTree(json);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredObject other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    /** {@return the type and id only, never the content} */
    @Override
    public String toString() {
        return "StoredObject[" + id + "]";
    }
}

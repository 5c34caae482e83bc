package org.fmishare.transport.taxii.stix;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.fmishare.transport.taxii.internal.StixJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A STIX 2.1 bundle: an id and its objects, in order.
 *
 * @param id {@code bundle--UUID}
 * @param objects the objects
 */
public record StixBundle(String id, List<StixObject> objects) {
    private static final Pattern ID = Pattern.compile("bundle--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}"
            + "-[0-9a-f]{12}");

    /** Validates the id and copies the objects. */
    public StixBundle {
        Objects.requireNonNull(id, "id");
        objects = List.copyOf(Objects.requireNonNull(objects, "objects"));
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bundle id must be bundle-- and a lower-case UUID, was '" + id + "'");
        }
    }

    /**
     * Finds an object by id.
     *
     * @param objectId the STIX id
     * @return the first object with that id
     */
    public Optional<StixObject> object(String objectId) {
        Objects.requireNonNull(objectId, "objectId");
        return objects.stream().filter(o -> o.id().equals(objectId)).findFirst();
    }

    /** {@return the bundle as JSON text ({@code application/stix+json;version=2.1})} */
    public String toJson() {
        ObjectNode b = StixJson.MAPPER.createObjectNode();
        b.put("type", "bundle");
        b.put("id", id);
        ArrayNode arr = b.putArray("objects");
        for (StixObject o : objects) {
            arr.add(o.tree());
        }
        return StixJson.MAPPER.writeValueAsString(b);
    }

    /**
     * Parses a bundle.
     *
     * @param json the bundle's JSON text
     * @return the bundle
     * @throws StixMappingException when the text is not a bundle of well-formed STIX objects
     */
    public static StixBundle parse(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = StixJson.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new StixMappingException("bundle", "$", "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!root.isObject() || !"bundle".equals(root.path("type").asString(null))) {
            throw new StixMappingException("bundle", "type", "not a STIX bundle (type must be \"bundle\")");
        }
        String id = root.path("id").asString("");
        JsonNode objs = root.get("objects");
        List<StixObject> list = new ArrayList<>();
        if (objs != null) {
            if (!objs.isArray()) {
                throw new StixMappingException(id, "objects", "must be an array");
            }
            for (int i = 0; i < objs.size(); i++) {
                try {
                    list.add(StixObject.of(objs.get(i)));
                } catch (IllegalArgumentException e) {
                    throw new StixMappingException(id, "objects[" + i + "]", e.getMessage(), e);
                }
            }
        }
        try {
            return new StixBundle(id, list);
        } catch (IllegalArgumentException e) {
            throw new StixMappingException(id.isEmpty() ? "bundle" : id, "id", e.getMessage(), e);
        }
    }
}

package org.fmishare.transport.taxii.stix;

import java.util.Map;
import org.fmishare.transport.taxii.internal.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Naming shared by {@link StixShareWriter} and {@link StixShareReader}: the fmi-share extension's key, and the
 * camelCase (model JSON) to snake_case (STIX extension) property-name mapping in both directions.
 */
final class StixNames {
    /** The key of the fmi-share property extension in {@code extensions}. */
    static final String EXT = FmiStixExtension.ID;

    private StixNames() {}

    static JsonNode rename(JsonNode node, java.util.function.UnaryOperator<String> f) {
        if (node.isObject()) {
            ObjectNode out = StixJson.MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.set(f.apply(e.getKey()), rename(e.getValue(), f));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = StixJson.MAPPER.createArrayNode();
            node.forEach(n -> out.add(rename(n, f)));
            return out;
        }
        return node;
    }

    static String snake(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String camel(String snake) {
        StringBuilder sb = new StringBuilder(snake.length());
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }
}

package org.fmishare.transport.taxii.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.fmishare.transport.taxii.internal.StixJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The extension schema's model definitions are the core model schema with snake_case property names; this fails
 * when the model schema changes and the extension schema was not regenerated.
 */
class ExtensionSchemaDriftTest {

    @Test
    void modelDefinitionsMatchTheCoreSchemaInSnakeCase() throws Exception {
        JsonNode core;
        try (InputStream in = getClass().getResourceAsStream("/org/fmishare/core/schema/threat-share.schema.json")) {
            core = StixJson.MAPPER.readTree(in);
        }
        JsonNode ext = StixJson.MAPPER.readTree(FmiStixExtension.schemaJson());
        int compared = 0;
        for (Map.Entry<String, JsonNode> def : core.get("$defs").properties()) {
            if (def.getKey().equals("attendee") || def.getKey().equals("fitfInvolvement")) {
                continue; // meeting-only definitions
            }
            assertThat(ext.get("$defs").get(def.getKey())).as(def.getKey()).isEqualTo(snake(def.getValue()));
            compared++;
        }
        assertThat(compared).isGreaterThan(15);
    }

    private static JsonNode snake(JsonNode n) {
        if (n.isObject()) {
            ObjectNode out = StixJson.MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (e.getKey().equals("properties")) {
                    ObjectNode props = out.putObject("properties");
                    e.getValue().properties().forEach(p -> props.set(StixNames.snake(p.getKey()),
                            snake(p.getValue())));
                } else if (e.getKey().equals("required")) {
                    ArrayNode req = out.putArray("required");
                    e.getValue().forEach(r -> req.add(StixNames.snake(r.asString())));
                } else {
                    out.set(e.getKey(), snake(e.getValue()));
                }
            }
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = StixJson.MAPPER.createArrayNode();
            n.forEach(x -> out.add(snake(x)));
            return out;
        }
        return n;
    }
}

package org.fmishare.transport.taxii.stix;

import org.fmishare.testkit.TestResources;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official STIX 2.1 JSON schemas (copied into the test resources, see their PROVENANCE), registered under their remote {@code $id}s (and the
 * fmi-share extension schema under its own), with remote fetching switched off: validation never uses the network.
 */
final class StixSchemas {
    static final Path DIR = TestResources.path(StixSchemas.class, "/stix2-json-schemas");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> BY_ID = load();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemas(BY_ID).schemaLoader(l -> l.fetchRemoteResources(false)));
    private static final String BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/"
            + "schemas/";
    private static final Map<String, Schema> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private StixSchemas() {}

    private static Map<String, String> load() {
        Map<String, String> map = new HashMap<>();
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String text = Files.readString(p);
                map.put(JSON.readTree(text).get("$id").asString(), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String ext = FmiStixExtension.schemaJson();
        map.put(JSON.readTree(ext).get("$id").asString(), ext);
        if (map.size() < 50) {
            throw new IllegalStateException("expected the STIX schemas in " + DIR + ", found " + map.size());
        }
        return map;
    }

    static Schema schema(String relative) {
        return CACHE.computeIfAbsent(relative, r -> REGISTRY.getSchema(SchemaLocation.of(
                r.startsWith("https://") ? r : BASE + r)));
    }

    /** The schema file for a STIX type. */
    static String fileFor(String type) {
        return switch (type) {
            case "marking-definition", "extension-definition", "bundle" -> "common/" + type + ".json";
            case "relationship", "sighting" -> "sros/" + type + ".json";
            case "user-account", "url", "email-addr", "ipv4-addr", "domain-name" -> "observables/" + type + ".json";
            default -> "sdos/" + type + ".json";
        };
    }

    static List<Error> validate(JsonNode object) {
        return schema(fileFor(object.get("type").asString())).validate(object);
    }

    static List<Error> validateExtension(JsonNode extensionValue) {
        return schema(FmiStixExtension.SCHEMA_URL).validate(extensionValue);
    }
}

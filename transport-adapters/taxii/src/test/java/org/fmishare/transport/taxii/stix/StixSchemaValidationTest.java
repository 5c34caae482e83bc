package org.fmishare.transport.taxii.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.testkit.SampleData;
import org.fmishare.transport.taxii.TestShares;
import org.fmishare.transport.taxii.internal.StixJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every object the mapper emits validates against the official STIX 2.1 schemas and the extension schema. */
class StixSchemaValidationTest {

    static Stream<StixShareInput> inputs() {
        var share = SampleData.passingShare();
        return Stream.of(TestShares.sample(), TestShares.reviewed(), TestShares.input(SampleData.failingShare()),
                TestShares.input(SampleData.share(25, 9)),
                TestShares.input(share.toBuilder().sendingOffice(SampleData.westernFieldOffice())
                        .fitfCoordination(SampleData.coordination()).actor(SampleData.proxyActor())
                        .handling(TlpMarking.RED).narrative("").build()),
                TestShares.input(share.toBuilder().handling(TlpMarking.AMBER_STRICT).build()),
                TestShares.input(share, TestShares.compliance().withRuleSetDigest("sha-256:" + "5e".repeat(32))));
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void everyEmittedObjectValidatesAgainstTheOfficialSchemas(StixShareInput input) {
        StixBundle bundle = StixShareMapper.standard().toBundle(input);
        List<String> problems = new ArrayList<>();
        for (StixObject o : bundle.objects()) {
            StixSchemas.validate(o.tree()).forEach(e -> problems.add(o.id() + " (" + o.type() + "): " + e));
        }
        assertThat(problems).isEmpty();
        // Not checked against common/bundle.json: that schema's list of object types lacks note,
        // extension-definition and other 2.1 types, so it refuses valid 2.1 bundles. Each object is validated
        // above against the schema of its own type, which is what the specification's schemas define.
        assertThat(StixJson.MAPPER.readTree(bundle.toJson()).get("objects").size()).isEqualTo(
                bundle.objects().size());
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void everyExtensionInstanceValidatesAgainstTheExtensionSchema(StixShareInput input) {
        List<String> problems = new ArrayList<>();
        int extensions = 0;
        for (StixObject o : StixShareMapper.standard().toBundle(input).objects()) {
            JsonNode x = o.tree().path("extensions").path(FmiStixExtension.ID);
            if (x.isObject()) {
                extensions++;
                StixSchemas.validateExtension(x).forEach(e -> problems.add(o.id() + ": " + e));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(extensions).isGreaterThan(5);
    }

    @Test
    void theSchemasRejectABrokenObjectSoTheValidationAboveCanFail() {
        ObjectNode report = StixShareMapper.standard().toBundle(TestShares.sample())
                .object(StixIds.reportId(SampleData.passingShare().id())).orElseThrow().tree();
        report.remove("published");
        report.put("created", "2026-10-01 15:00");
        assertThat(StixSchemas.validate(report)).hasSizeGreaterThanOrEqualTo(2);
        ObjectNode x = (ObjectNode) StixShareMapper.standard().toBundle(TestShares.sample())
                .object(StixIds.reportId(SampleData.passingShare().id())).orElseThrow().tree()
                .path("extensions").path(FmiStixExtension.ID);
        x.put("unknown_property", "x");
        ((ObjectNode) x.get("compliance")).put("verdict", "MAYBE");
        assertThat(StixSchemas.validateExtension(x)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void extensionFollowsStixExtensionRules() {
        StixBundle bundle = StixShareMapper.standard().toBundle(TestShares.sample());
        JsonNode def = FmiStixExtension.definition().tree();
        assertThat(def.get("extension_types").get(0).asString()).isEqualTo("property-extension");
        assertThat(def.has("extension_properties")).as("only toplevel-property-extension lists properties").isFalse();
        assertThat(def.get("version").asString()).as("MAJOR.MINOR.PATCH").matches("\\d+\\.\\d+\\.\\d+");
        assertThat(FmiStixExtension.definitionObjects()).extracting(StixObject::id)
                .as("its creator is published with it").contains(def.get("created_by_ref").asString());
        FmiStixExtension.definitionObjects().forEach(o -> assertThat(StixSchemas.validate(o.tree())).as(o.id())
                .isEmpty());
        assertThat(bundle.objects()).extracting(StixObject::id).as("share bundles leave the definition out")
                .doesNotContain(FmiStixExtension.ID, FmiStixExtension.AUTHOR_IDENTITY_ID);
        assertThat(bundle.objects()).as("nothing in a share bundle has a top-level version (medallion 500s on it)")
                .noneMatch(o -> o.tree().has("version"));
        for (StixObject o : bundle.objects()) {
            JsonNode exts = o.tree().path("extensions");
            for (Map.Entry<String, JsonNode> e : exts.properties()) {
                if (e.getKey().equals(FmiStixExtension.ID)) {
                    assertThat(e.getValue().get("extension_type").asString()).isEqualTo("property-extension");
                    e.getValue().propertyNames().forEach(n -> assertThat(n).as(o.id())
                            .matches("[a-z][a-z0-9_]{2,249}"));
                }
            }
        }
    }

    @Test
    void everyShareObjectCarriesTheTlpAndEveryDisclosureMarking() {
        StixShareInput input = TestShares.sample();
        StixBundle bundle = StixShareMapper.standard().toBundle(input);
        List<String> disclosureMarks = bundle.objects().stream()
                .filter(o -> o.type().equals("marking-definition"))
                .filter(o -> o.tree().path("definition_type").asString("").equals("statement"))
                .map(StixObject::id).toList();
        assertThat(disclosureMarks).hasSize(input.disclosures().size());
        for (StixObject o : bundle.objects()) {
            if (o.type().equals("marking-definition") || o.id().equals(FmiStixExtension.ID)
                    || o.id().equals(FmiStixExtension.AUTHOR_IDENTITY_ID)) {
                continue;
            }
            List<String> refs = new ArrayList<>();
            o.tree().path("object_marking_refs").forEach(n -> refs.add(n.asString()));
            assertThat(refs).as(o.id()).contains(StixMarkings.tlpMarkingId(TlpMarking.AMBER))
                    .containsAll(disclosureMarks);
        }
    }

    @Test
    void stixTimestampsHaveMillisecondPrecision() {
        StixObject report = StixShareMapper.standard().toBundle(TestShares.sample())
                .object(StixIds.reportId(SampleData.passingShare().id())).orElseThrow();
        assertThat(report.tree().get("created").asString()).isEqualTo("2026-10-01T15:00:00.000Z");
        assertThat(report.tree().get("published").asString()).isEqualTo("2026-10-01T15:00:00.000Z");
    }
}

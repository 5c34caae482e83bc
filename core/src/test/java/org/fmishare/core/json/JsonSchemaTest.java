package org.fmishare.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fmishare.core.model.*;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The published JSON Schemas accept what the SDK writes, refuse what the codec refuses, and describe exactly the
 * properties of the model records, so non-Java producers can rely on them.
 */
class JsonSchemaTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema SHARE = load("threat-share.schema.json");
    private static final Schema MEETING = load("meeting.schema.json");

    static Stream<ThreatShare> shares() {
        ThreatShare s = SampleData.passingShare();
        return Stream.of(s, SampleData.failingShare(), SampleData.share(40, 9),
                s.toBuilder().sendingOffice(SampleData.westernFieldOffice()).fitfCoordination(SampleData.coordination())
                        .actor(SampleData.proxyActor()).build());
    }

    @ParameterizedTest
    @MethodSource("shares")
    void everyShareTheSdkWritesIsValid(ThreatShare share) {
        assertThat(errors(SHARE, FmiJson.standard().writeString(share))).isEmpty();
    }

    @Test
    void meetingsTheSdkWritesAreValid() {
        assertThat(errors(MEETING, FmiJson.standard().writeString(SampleData.meeting()))).isEmpty();
        assertThat(errors(MEETING, FmiJson.standard().writeString(SampleData.adHocMeeting()))).isEmpty();
    }

    // Not listed: credibility-as-float. JSON Schema counts 2.0 as an integer; the codec is stricter and refuses it.
    @ParameterizedTest
    @ValueSource(strings = {"unknown-top-level-property", "unknown-nested-property", "credibility-as-string",
        "timestamp-as-number", "accounts-as-object", "narrative-as-number",
        "handling-unknown-enum", "timestamp-not-iso", "timestamp-with-offset", "required-value-null",
        "required-value-missing", "country-lower-case", "fact-statement-blank", "credibility-out-of-range",
        "proxy-without-link", "disarm-id-malformed", "account-url-javascript", "id-with-spaces"})
    void documentsTheCodecRejectsFailTheSchemaToo(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/json/malformed/" + name + ".json")) {
            assertThat(errors(SHARE, new String(in.readAllBytes(), StandardCharsets.UTF_8))).as(name).isNotEmpty();
        }
    }

    @Test
    void meetingSchemaRejectsAnUnknownKind() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/json/malformed/meeting-unknown-kind.json")) {
            assertThat(errors(MEETING, new String(in.readAllBytes(), StandardCharsets.UTF_8))).isNotEmpty();
        }
    }

    @Test
    void schemaDefinitionsDescribeExactlyTheRecordComponents() throws IOException {
        Map<String, Class<? extends Record>> defs = Map.ofEntries(
                Map.entry("office", Office.class), Map.entry("fitfCoordination", FitfCoordination.class),
                Map.entry("location", Location.class), Map.entry("participation", Participation.class),
                Map.entry("contact", Contact.class), Map.entry("smcCertificate", SmcCertificate.class),
                Map.entry("socialMediaCompany", SocialMediaCompany.class), Map.entry("proxyLink", ProxyLink.class),
                Map.entry("foreignActor", ForeignActor.class), Map.entry("electionRef", ElectionRef.class),
                Map.entry("operationTarget", OperationTarget.class), Map.entry("fmiOperation", FmiOperation.class),
                Map.entry("platformAccount", PlatformAccount.class), Map.entry("fact", Fact.class),
                Map.entry("confidenceAssessment", ConfidenceAssessment.class),
                Map.entry("covertBasis", CovertBasis.class), Map.entry("attendee", Attendee.class),
                Map.entry("fitfInvolvement", FitfInvolvement.class));
        JsonNode share = tree("threat-share.schema.json");
        JsonNode meeting = tree("meeting.schema.json");
        for (Map.Entry<String, Class<? extends Record>> e : defs.entrySet()) {
            assertThat(propertyNames(share.get("$defs").get(e.getKey()))).as(e.getKey())
                    .isEqualTo(componentNames(e.getValue()));
            assertThat(meeting.get("$defs").get(e.getKey())).as("both schemas share " + e.getKey())
                    .isEqualTo(share.get("$defs").get(e.getKey()));
        }
        assertThat(propertyNames(share)).isEqualTo(componentNames(ThreatShare.class));
        assertThat(propertyNames(meeting)).isEqualTo(componentNames(Meeting.class));
    }

    private static Set<String> propertyNames(JsonNode schema) {
        return new TreeSet<>(schema.get("properties").propertyNames());
    }

    private static Set<String> componentNames(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Error> errors(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON);
    }

    private static Schema load(String name) {
        return REGISTRY.getSchema(JsonSchemaTest.class.getResourceAsStream("/org/fmishare/core/schema/" + name));
    }

    private static JsonNode tree(String name) throws IOException {
        try (InputStream in = JsonSchemaTest.class.getResourceAsStream("/org/fmishare/core/schema/" + name)) {
            return FmiJson.standard().mapper().readTree(in);
        }
    }
}

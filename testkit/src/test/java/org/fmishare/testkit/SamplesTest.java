package org.fmishare.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.model.*;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The files in samples/ are the JSON of SampleData and valid against the published schemas. */
class SamplesTest {
    static final Path SAMPLES = TestResources.samplesDirectory();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("passing-share.json", SampleData.passingShare(), "threat-share.schema.json"),
                Arguments.of("failing-share.json", SampleData.failingShare(), "threat-share.schema.json"),
                Arguments.of("meeting.json", SampleData.meeting(), "meeting.schema.json"),
                Arguments.of("adhoc-meeting.json", SampleData.adHocMeeting(), "meeting.schema.json"),
                Arguments.of("briefing.json", SampleData.briefing(), ""),
                Arguments.of("response.json", SampleData.response(), ""),
                Arguments.of("inbound-report.json", SampleData.inboundReport(), ""),
                Arguments.of("finding.json", SampleData.finding(), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleFileIsTheSampleDataAndValidAgainstItsSchema(String file, Object expected, String schema)
            throws IOException {
        String json = Files.readString(SAMPLES.resolve(file));
        assertThat(FmiJson.standard().read(json, expected.getClass())).isEqualTo(expected);
        if (!schema.isEmpty()) {
            Schema s = REGISTRY.getSchema(FmiJson.class.getResourceAsStream("/org/fmishare/core/schema/" + schema));
            assertThat(s.validate(json, InputFormat.JSON)).isEmpty();
        }
    }
}

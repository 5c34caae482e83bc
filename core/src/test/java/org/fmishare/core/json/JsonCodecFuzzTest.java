package org.fmishare.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.model.*;
import org.fmishare.testkit.FuzzCorpus;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestParties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Hostile JSON for every model type: the codec either reads a valid value, which writes back and reads again
 * unchanged, or throws {@link JsonCodecException}. Any other exception, a hang past the timeout or an
 * {@link OutOfMemoryError} is a finding. The first input byte picks the type, so one corpus covers them all.
 */
class JsonCodecFuzzTest {
    /** The types the codec reads at the top level or that embedders read on their own. */
    static final List<Class<?>> TYPES = List.of(ThreatShare.class, Meeting.class, Briefing.class,
            InboundReport.class, SmcResponse.class, SocialMediaCompany.class, Office.class, ForeignActor.class,
            FmiOperation.class, PlatformAccount.class, Fact.class, ElectionRef.class, FitfCoordination.class,
            ComplianceSummary.class, Disclosure.class, CountryCode.class, CoveredCountries.class, Contact.class);

    private static final FmiJson JSON = FmiJson.builder().maxInputBytes(256 * 1024).build();

    @FuzzTest
    @Timeout(120)
    void readAnyModelType(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Class<?> type = TYPES.get(Byte.toUnsignedInt(input[0]) % TYPES.size());
        byte[] json = Arrays.copyOfRange(input, 1, input.length);
        Object value;
        try {
            value = JSON.read(json, type);
        } catch (JsonCodecException expected) {
            assertThat(expected.getMessage()).doesNotContain("Optional[").startsWith("$");
            return;
        }
        assertThat(value).isNotNull();
        byte[] written = JSON.write(value);
        assertThat(JSON.read(written, type)).isEqualTo(value);
    }

    /** The valid seeds still read: a seed that drifted from the model would only exercise the error paths. */
    @Test
    void theValidSeedsStillRead() throws IOException {
        Path dir = FuzzCorpus.directory(JsonCodecFuzzTest.class, "readAnyModelType");
        List<Path> valid;
        try (var files = Files.list(dir)) {
            valid = files.filter(p -> p.getFileName().toString().startsWith("valid-")).toList();
        }
        assertThat(valid).hasSizeGreaterThanOrEqualTo(SEEDS.size());
        for (Path p : valid) {
            byte[] input = Files.readAllBytes(p);
            Class<?> type = TYPES.get(Byte.toUnsignedInt(input[0]) % TYPES.size());
            assertThat(JSON.read(Arrays.copyOfRange(input, 1, input.length), type)).as(p.toString()).isNotNull();
        }
    }

    private static final List<Object> SEEDS = List.of(SampleData.passingShare(), SampleData.failingShare(),
            SampleData.meeting(), SampleData.adHocMeeting(), SampleData.briefing(), SampleData.inboundReport(),
            SampleData.response(), SampleData.company(), SampleData.fitf(), SampleData.proxyActor(),
            SampleData.operation(), SampleData.passingShare().accounts().get(0),
            SampleData.passingShare().facts().get(0), SampleData.election(), SampleData.coordination(),
            TestParties.PASS, TestParties.SHARE_DISCLOSURES.get(0), CountryCode.of("RU"),
            CoveredCountries.statutory(), new Contact("Desk", "On call", "desk@example.test"));

    /** Writes the valid seeds into the corpus (run once with -Dfmishare.fuzz.writeSeeds=true after a model change). */
    @Test
    @EnabledIfSystemProperty(named = "fmishare.fuzz.writeSeeds", matches = "true")
    void writeSeeds() throws IOException {
        Path dir = FuzzCorpus.sourceDirectory(JsonCodecFuzzTest.class, "readAnyModelType");
        for (int i = 0; i < SEEDS.size(); i++) {
            Object seed = SEEDS.get(i);
            int index = TYPES.indexOf(seed.getClass());
            byte[] json = JSON.write(seed);
            byte[] input = new byte[json.length + 1];
            input[0] = (byte) index;
            System.arraycopy(json, 0, input, 1, json.length);
            FuzzCorpus.write(dir, String.format("valid-%02d-%s", i, seed.getClass().getSimpleName()), input);
        }
    }
}

package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.fmishare.testkit.FuzzCorpus;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Hostile rule set documents: a document either loads (and then validates a share without failing) or is refused
 * with {@link InvalidRuleSetException}. Any other exception, a hang or an {@link OutOfMemoryError} is a finding.
 */
class RuleSetFuzzTest {
    @FuzzTest
    @Timeout(120)
    void parseRuleSet(byte[] input) {
        RuleSet set;
        try {
            set = RuleSet.parse(input, "fuzz.json");
        } catch (InvalidRuleSetException expected) {
            assertThat(expected.getMessage()).contains("fuzz.json").doesNotContain("Optional[");
            return;
        }
        assertThat(set.id()).isNotBlank();
    }

    /** The bundled rule set, a valid seed, still loads. */
    @Test
    void theBundledSeedStillLoads() throws IOException {
        byte[] seed = java.nio.file.Files.readAllBytes(FuzzCorpus.directory(RuleSetFuzzTest.class, "parseRuleSet")
                .resolve("valid-sop-2024-02.json"));
        assertThat(RuleSet.parse(seed, "seed").id()).isEqualTo(SampleData.RULE_SET_ID);
    }

    /** Writes the valid seed (run once with -Dfmishare.fuzz.writeSeeds=true). */
    @Test
    @EnabledIfSystemProperty(named = "fmishare.fuzz.writeSeeds", matches = "true")
    void writeSeeds() throws IOException {
        Path dir = FuzzCorpus.sourceDirectory(RuleSetFuzzTest.class, "parseRuleSet");
        try (InputStream in = Objects.requireNonNull(RuleSet.class.getResourceAsStream(RuleSet.SOP_2024_02_RESOURCE))) {
            byte[] bundled = in.readAllBytes();
            FuzzCorpus.write(dir, "valid-sop-2024-02.json", bundled);
            String text = new String(bundled, StandardCharsets.UTF_8);
            FuzzCorpus.write(dir, "invalid-unknown-rule.json",
                    text.replaceFirst("\"id\":\\s*\"([a-z0-9-]+)\"(?!.*\"id\":\\s*\"sop)", "\"id\":\"no-such-rule\"")
                            .getBytes(StandardCharsets.UTF_8));
            FuzzCorpus.write(dir, "invalid-truncated.json", java.util.Arrays.copyOf(bundled, bundled.length / 3));
        }
        // A later version carries the optional "changes" note, so the fuzzer starts from a document with it too.
        try (InputStream in = Objects.requireNonNull(RuleSet.class.getResourceAsStream(
                RuleSet.SOP_2024_02_1_1_0_RESOURCE))) {
            FuzzCorpus.write(dir, "valid-sop-2024-02-1.1.0.json", in.readAllBytes());
        }
    }
}

package org.fmishare.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;

/** The codec applies signing's I-JSON string rule, so every reader refuses what signing would refuse. */
class LoneSurrogateTest {
    private static String shareJson() {
        return new String(FmiJson.standard().write(SampleData.passingShare()), StandardCharsets.UTF_8);
    }

    @Test
    void aLoneHighSurrogateInAnAccountHandleIsRefusedWithItsPath() {
        String json = shareJson().replaceFirst("\"handle\":\"", "\"handle\":\"\\\\uD800");
        assertThat(json).contains("\\uD800");
        assertThatThrownBy(() -> FmiJson.standard().read(json, ThreatShare.class))
                .isInstanceOfSatisfying(JsonCodecException.InvalidValue.class, e -> {
                    assertThat(e.rule()).isEqualTo("i-json");
                    assertThat(e.getMessage()).contains("$.accounts[0].handle").contains("lone surrogate");
                });
    }

    @Test
    void aLoneLowSurrogateAndAReversedPairAreRefusedAndAProperPairIsRead() {
        String low = shareJson().replaceFirst("\"narrative\":\"", "\"narrative\":\"x\\\\uDC00");
        assertThatThrownBy(() -> FmiJson.standard().read(low, ThreatShare.class))
                .isInstanceOf(JsonCodecException.InvalidValue.class).hasMessageContaining("$.narrative");
        String reversed = shareJson().replaceFirst("\"narrative\":\"", "\"narrative\":\"\\\\uDC00\\\\uD800");
        assertThatThrownBy(() -> FmiJson.standard().read(reversed, ThreatShare.class))
                .isInstanceOf(JsonCodecException.InvalidValue.class);
        String pair = shareJson().replaceFirst("\"narrative\":\"", "\"narrative\":\"\\\\uD83D\\\\uDE00 ");
        assertThat(FmiJson.standard().read(pair, ThreatShare.class).narrative()).startsWith("\uD83D\uDE00 ");
    }
}

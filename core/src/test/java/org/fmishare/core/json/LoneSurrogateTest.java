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

    /** A type with string map keys, as an embedder's document or a future model type may have. */
    record Labels(java.util.Map<String, String> labels) {}

    private static byte[] labelsWithKey(byte[] key) {
        byte[] head = "{\"labels\":{\"ok\":\"1\",\"".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\":\"2\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + key.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(key, 0, all, head.length, key.length);
        System.arraycopy(tail, 0, all, head.length + key.length, tail.length);
        return all;
    }

    @Test
    void aLoneSurrogateInAMapKeyIsRefusedLikeOneInAValue() {
        // From bytes, the parser refuses a surrogate in a name, raw (CESU-8 style, ED A0 80) or escaped.
        byte[] raw = labelsWithKey(new byte[] {'b', (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        assertThatThrownBy(() -> FmiJson.standard().read(raw, Labels.class))
                .isInstanceOf(JsonCodecException.class).hasMessageContaining("surrogate");
        for (String key : java.util.List.of("bad\\uD800", "\\uDC00", "x\\uDC00\\uD800")) {
            assertThatThrownBy(() -> FmiJson.standard().read(labelsWithKey(key.getBytes(StandardCharsets.UTF_8)),
                    Labels.class)).as(key).isInstanceOf(JsonCodecException.class).hasMessageContaining("surrogate");
        }
        // A tree built in memory never met the parser: the codec's own key check refuses it, as it refuses a value.
        tools.jackson.databind.node.ObjectNode tree = FmiJson.standard().mapper().createObjectNode();
        tree.putObject("labels").put("ok", "1").put("bad\uD800", "2");
        assertThatThrownBy(() -> FmiJson.standard().read(tree, Labels.class))
                .isInstanceOfSatisfying(JsonCodecException.InvalidValue.class, e -> {
                    assertThat(e.rule()).isEqualTo("i-json");
                    assertThat(e.getMessage()).contains("$.labels").contains("lone surrogate");
                });
        tools.jackson.databind.node.ObjectNode low = FmiJson.standard().mapper().createObjectNode();
        low.putObject("labels").put("\uDC00x", "2");
        assertThatThrownBy(() -> FmiJson.standard().read(low, Labels.class))
                .isInstanceOf(JsonCodecException.InvalidValue.class).hasMessageContaining("lone surrogate");
        // A Java string holding one is refused as it is, not encoded to '?' and read as another document.
        assertThatThrownBy(() -> FmiJson.standard().read("{\"labels\":{\"a\uD800\":\"x\"}}", Labels.class))
                .isInstanceOfSatisfying(JsonCodecException.InvalidValue.class,
                        e -> assertThat(e.rule()).isEqualTo("i-json"))
                .hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> FmiJson.standard().read("{\"labels\":{\"a\":\"x\uDC00\"}}", Labels.class))
                .isInstanceOf(JsonCodecException.InvalidValue.class).hasMessageContaining("lone surrogate");
        assertThat(FmiJson.standard().read(labelsWithKey("\\uD83D\\uDE00".getBytes(StandardCharsets.UTF_8)),
                Labels.class).labels()).containsKey("\uD83D\uDE00");
    }
}

package org.fmishare.core.jose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** FIPS 180-2 test vectors in all three notations. */
class DigestsTest {
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void prefixedNotation() {
        assertThat(Digests.sha256(new byte[0])).isEqualTo("sha-256:" + EMPTY);
        assertThat(Digests.sha256("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo("sha-256:" + ABC);
    }

    @Test
    void bareHex() {
        assertThat(Digests.sha256Hex(new byte[0])).isEqualTo(EMPTY);
        assertThat(Digests.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
    }

    @Test
    void rawBytes() {
        byte[] raw = Digests.sha256Bytes("abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(raw).hasSize(32).isEqualTo(HexFormat.of().parseHex(ABC));
        // Each call returns its own array, so a caller cannot corrupt another's digest.
        assertThat(Digests.sha256Bytes(new byte[0])).isNotSameAs(Digests.sha256Bytes(new byte[0]));
    }
}

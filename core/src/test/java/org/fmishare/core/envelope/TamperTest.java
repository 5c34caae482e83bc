package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every single-byte change of a signed envelope is rejected: each position flipped in its lowest bit (which keeps
 * base64url characters inside the alphabet most of the time, the hard case, and also reaches the non-significant
 * trailing bits of the last base64url character) and in its top bit (invalid UTF-8), plus truncation and appended
 * bytes. All failures are collected, then asserted once.
 */
class TamperTest {

    @Test
    void everySingleByteChangeIsRejected() {
        byte[] original = Fixtures.signedShare().serialized();
        // One verifier that never saw the original: an accepted mutation would pass (not show up as a replay).
        EnvelopeVerifier verifier = Fixtures.verifier();
        List<String> accepted = new ArrayList<>();
        List<String> wrongType = new ArrayList<>();
        int tried = 0;
        for (int i = 0; i < original.length; i++) {
            for (int mask : new int[] {0x01, 0x80}) {
                byte[] copy = original.clone();
                copy[i] ^= (byte) mask;
                tried++;
                try {
                    verifier.verify(copy);
                    accepted.add("byte " + i + " ^ 0x" + Integer.toHexString(mask));
                } catch (EnvelopeException e) {
                    if (e.check() == EnvelopeException.Check.REPLAY || !e.isInputRejection()) {
                        wrongType.add("byte " + i + ": " + e);
                    }
                }
            }
        }
        assertThat(tried).isEqualTo(original.length * 2);
        assertThat(accepted).as("accepted mutations").isEmpty();
        assertThat(wrongType).as("rejections of the wrong kind").isEmpty();
    }

    @Test
    void truncatedAndExtendedEnvelopesAreRejected() {
        byte[] original = Fixtures.signedShare().serialized();
        EnvelopeVerifier verifier = Fixtures.verifier();
        List<String> accepted = new ArrayList<>();
        for (int len = 0; len < original.length; len += 7) {
            try {
                verifier.verify(Arrays.copyOf(original, len));
                accepted.add("truncated to " + len);
            } catch (EnvelopeException expected) {
                // rejected, as it must be
            }
        }
        for (String suffix : new String[] {" ", "\n", "x", "{}", "\u0000"}) {
            byte[] longer = Arrays.copyOf(original, original.length + suffix.length());
            System.arraycopy(suffix.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, longer, original.length,
                    suffix.length());
            try {
                verifier.verify(longer);
                if (!suffix.isBlank()) {
                    accepted.add("appended '" + suffix + "'");
                }
            } catch (EnvelopeException expected) {
                // rejected
            }
        }
        assertThat(accepted).isEmpty();
    }
}

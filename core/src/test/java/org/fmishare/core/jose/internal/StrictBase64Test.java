package org.fmishare.core.jose.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class StrictBase64Test {

    @Test
    void nonCanonicalTrailingBitsAreRejectedThoughTheJdkDecodesThem() {
        // "AR" and "AQ" both decode to the single byte 0x01 with the JDK decoder: a changed signature character that
        // would otherwise go unnoticed.
        assertThat(Base64.getUrlDecoder().decode("AR")).containsExactly(1);
        assertThat(StrictBase64.url("AQ")).hasValueSatisfying(b -> assertThat(b).containsExactly(1));
        assertThat(StrictBase64.url("AR")).isEmpty();
    }

    @Test
    void paddingAndForeignAlphabetsAreRejected() {
        assertThat(StrictBase64.url("AQ==")).isEmpty();
        assertThat(StrictBase64.url("+/8")).isEmpty();
        assertThat(StrictBase64.standard("+/8=")).isPresent();
        assertThat(StrictBase64.standard("+/8")).isEmpty();
        assertThat(StrictBase64.standard("-_8=")).isEmpty();
    }

    /**
     * The decoder checks only the length and the last group rather than re-encoding everything; it must accept and
     * reject exactly what decode-re-encode-compare does, for every length and a mutated character anywhere.
     */
    @Test
    void agreesWithDecodeReEncodeCompareOnRandomAndMutatedInputs() {
        java.util.Random random = new java.util.Random(21);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/= .";
        for (int n = 0; n < 40; n++) {
            for (int round = 0; round < 200; round++) {
                byte[] bytes = new byte[n];
                random.nextBytes(bytes);
                for (boolean url : new boolean[] {true, false}) {
                    String s = url ? Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
                            : Base64.getEncoder().encodeToString(bytes);
                    if (round > 0) {
                        StringBuilder m = new StringBuilder(s);
                        int edits = 1 + random.nextInt(2);
                        for (int e = 0; e < edits; e++) {
                            int op = random.nextInt(3);
                            char c = alphabet.charAt(random.nextInt(alphabet.length()));
                            if (op == 0 && m.length() > 0) {
                                m.setCharAt(random.nextInt(m.length()), c);
                            } else if (op == 1) {
                                m.insert(random.nextInt(m.length() + 1), c);
                            } else if (m.length() > 0) {
                                m.deleteCharAt(random.nextInt(m.length()));
                            }
                        }
                        s = m.toString();
                    }
                    boolean expected = reference(s, url);
                    boolean actual = (url ? StrictBase64.url(s) : StrictBase64.standard(s)).isPresent();
                    assertThat(actual).as("%s %s", url ? "url" : "standard", s).isEqualTo(expected);
                }
            }
        }
    }

    private static boolean reference(String s, boolean url) {
        try {
            if (url) {
                byte[] b = Base64.getUrlDecoder().decode(s);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(b).equals(s);
            }
            byte[] b = Base64.getDecoder().decode(s);
            return Base64.getEncoder().encodeToString(b).equals(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

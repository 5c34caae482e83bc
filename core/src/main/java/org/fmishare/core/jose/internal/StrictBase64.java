package org.fmishare.core.jose.internal;

import java.util.Base64;
import java.util.Optional;

/**
 * Base64url without padding (RFC 7515 section 2) and standard base64 (for {@code x5c}), accepting only the one
 * canonical spelling of each byte string: the JDK decoder ignores non-zero trailing bits, so two different strings
 * could decode to the same signature and a changed character would go unnoticed.
 *
 * <p>Canonical form is checked without re-encoding the whole input (a payload is many kilobytes): every full
 * four-character group of alphabet characters is the only spelling of its three bytes, so only the length (which
 * rules out padding in base64url and requires it in standard base64) and the last group (its unused low bits must
 * be zero) can differ from the canonical encoding; those are compared with a re-encoding of the last group's bytes.
 */
public final class StrictBase64 {
    private StrictBase64() {}

    /**
     * Decodes unpadded base64url.
     *
     * @param s the text
     * @return the bytes, or empty when the text is not canonical unpadded base64url
     */
    public static Optional<byte[]> url(String s) {
        try {
            byte[] b = Base64.getUrlDecoder().decode(s);
            int expectedLength = (b.length / 3) * 4 + (b.length % 3 == 0 ? 0 : b.length % 3 + 1);
            return s.length() == expectedLength && lastGroupCanonical(s, b, URL) ? Optional.of(b) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Decodes padded standard base64.
     *
     * @param s the text
     * @return the bytes, or empty when the text is not canonical padded base64
     */
    public static Optional<byte[]> standard(String s) {
        try {
            byte[] b = Base64.getDecoder().decode(s);
            int expectedLength = (b.length + 2) / 3 * 4;
            return s.length() == expectedLength && lastGroupCanonical(s, b, STANDARD) ? Optional.of(b)
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Encoder STANDARD = Base64.getEncoder();

    /**
     * Whether the text ends with the canonical encoding of the decoded bytes' last (possibly partial) group. With
     * the length already matched and the JDK decoder having accepted the text, this is the whole canonical check.
     */
    private static boolean lastGroupCanonical(String s, byte[] b, Base64.Encoder encoder) {
        if (b.length == 0) {
            return s.isEmpty();
        }
        int rest = b.length % 3 == 0 ? 3 : b.length % 3;
        String tail = encoder.encodeToString(java.util.Arrays.copyOfRange(b, b.length - rest, b.length));
        return s.regionMatches(s.length() - tail.length(), tail, 0, tail.length());
    }

    /**
     * Encodes unpadded base64url.
     *
     * @param b bytes
     * @return the text
     */
    public static String url(byte[] b) {
        return URL.encodeToString(b);
    }
}

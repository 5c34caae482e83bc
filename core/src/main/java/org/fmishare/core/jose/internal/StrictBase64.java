package org.fmishare.core.jose.internal;

import java.util.Base64;
import java.util.Optional;

/**
 * Base64url without padding (RFC 7515 section 2) and standard base64 (for {@code x5c}), accepting only the one
 * canonical spelling of each byte string: the JDK decoder ignores non-zero trailing bits, so two different strings
 * could decode to the same signature and a changed character would go unnoticed. Decoding re-encodes and compares.
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
            return Base64.getUrlEncoder().withoutPadding().encodeToString(b).equals(s) ? Optional.of(b)
                    : Optional.empty();
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
            return Base64.getEncoder().encodeToString(b).equals(s) ? Optional.of(b) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Encodes unpadded base64url.
     *
     * @param b bytes
     * @return the text
     */
    public static String url(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

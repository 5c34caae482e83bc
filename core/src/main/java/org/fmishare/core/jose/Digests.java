package org.fmishare.core.jose;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the SDK's one digest. {@link #sha256(byte[])} gives the {@code sha-256:<hex>} notation carried in
 * envelopes, reports and logs; {@link #sha256Hex(byte[])} and {@link #sha256Bytes(byte[])} serve callers whose
 * format is fixed elsewhere (cache keys, JOSE thumbprints), so no module needs a private copy.
 */
public final class Digests {
    /** The prefix of the SDK's digest notation. */
    public static final String PREFIX = "sha-256:";

    private Digests() {}

    /**
     * Hashes bytes.
     *
     * @param bytes input
     * @return {@code sha-256:} and 64 lower-case hex digits
     */
    public static String sha256(byte[] bytes) {
        return PREFIX + sha256Hex(bytes);
    }

    /**
     * Hashes bytes, without the notation's prefix.
     *
     * @param bytes input
     * @return 64 lower-case hex digits
     */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Bytes(bytes));
    }

    /**
     * Hashes bytes.
     *
     * @param bytes input
     * @return the 32-byte digest (a new array)
     */
    public static byte[] sha256Bytes(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}

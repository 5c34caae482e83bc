package org.fmishare.core.jose;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code sha-256:<hex>} digests, the SDK's one digest notation. */
public final class Digests {
    private Digests() {}

    /**
     * Hashes bytes.
     *
     * @param bytes input
     * @return {@code sha-256:} and 64 lower-case hex digits
     */
    public static String sha256(byte[] bytes) {
        try {
            return "sha-256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}

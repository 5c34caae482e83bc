package org.fmishare.core.envelope;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A reference to a signed envelope, as carried by receipts: its id and its digest ({@link SignedEnvelope#digest()}).
 *
 * @param envelopeId the envelope's UUID, lower case
 * @param digest {@code sha-256:<hex>} over the envelope's JWS signing input
 */
public record EnvelopeReference(String envelopeId, String digest) {
    private static final Pattern DIGEST = Pattern.compile("sha-256:[0-9a-f]{64}");

    /** Validates both parts. */
    public EnvelopeReference {
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(digest, "digest");
        if (!isUuid(envelopeId)) {
            throw new IllegalArgumentException("envelopeId must be a lower-case UUID, was '" + envelopeId + "'");
        }
        if (!DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("digest must be sha-256: and 64 lower-case hex digits");
        }
    }

    static boolean isUuid(String s) {
        try {
            return UUID.fromString(s).toString().equals(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

package org.fmishare.core.envelope;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who signed an envelope, as recorded in its signed payload and bound by the verifier to the signing certificate.
 *
 * @param id the sending office's id (for example {@code fitf}) or, for receipts, the company's id
 * @param subject the signing certificate's subject distinguished name (RFC 2253)
 * @param certificateDigest {@code sha-256:<hex>} over the signing certificate's DER encoding
 */
public record EnvelopeSender(String id, String subject, String certificateDigest) {
    private static final Pattern DIGEST = Pattern.compile("sha-256:[0-9a-f]{64}");

    /** Validates the digest's form. */
    public EnvelopeSender {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(certificateDigest, "certificateDigest");
        if (id.isBlank()) {
            throw new IllegalArgumentException("sender id must not be blank");
        }
        if (!DIGEST.matcher(certificateDigest).matches()) {
            throw new IllegalArgumentException("certificateDigest must be sha-256: and 64 lower-case hex digits");
        }
    }
}

package org.fmishare.transport.https;

import java.time.Instant;
import java.util.Objects;

/**
 * A receipt a receiver sent, remembered so that a repeated delivery gets the same receipt again.
 *
 * @param requestKey the dedupe key of the request body: the envelope digest ({@code sha-256:<hex>} over the JWS
 *     signing input) for a signed envelope, {@code jwe-sha-256:<hex>} over the JWE parts for an encrypted one
 * @param envelopeId the envelope's id
 * @param digest the envelope's digest, which the receipt references
 * @param retainUntil until when it must be remembered: the envelope's expiry plus clock skew (after that the
 *     verifier rejects a retry as expired anyway)
 * @param receipt the serialized signed receipt
 */
public record StoredReceipt(String requestKey, String envelopeId, String digest, Instant retainUntil,
        byte[] receipt) {

    /** Validates and copies. */
    public StoredReceipt {
        Objects.requireNonNull(requestKey, "requestKey");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(retainUntil, "retainUntil");
        receipt = Objects.requireNonNull(receipt, "receipt").clone();
        if (receipt.length == 0) {
            throw new IllegalArgumentException("receipt must not be empty");
        }
    }

    /** {@return a copy of the receipt bytes} */
    @Override
    public byte[] receipt() {
        return receipt.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredReceipt r && requestKey.equals(r.requestKey) && envelopeId.equals(r.envelopeId)
                && digest.equals(r.digest) && retainUntil.equals(r.retainUntil)
                && java.util.Arrays.equals(receipt, r.receipt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requestKey, envelopeId);
    }

    @Override
    public String toString() {
        return "StoredReceipt[" + envelopeId + ", " + requestKey + ", until " + retainUntil + "]";
    }
}

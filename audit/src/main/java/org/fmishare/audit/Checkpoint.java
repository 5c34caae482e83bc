package org.fmishare.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed seal over every entry before it: its JWS payload names the number of entries it covers ({@link
 * #sequence()}) and the hash of the last of them ({@link #previousHash()}), so no covered entry can be changed,
 * removed or reordered without breaking the signature.
 *
 * @param sequence its position, which is also the number of entries it covers
 * @param previousHash the hash of the last covered entry
 * @param hash its own hash
 * @param sealedAt when it was signed
 * @param signerSubject the subject of the signing certificate
 * @param jws the JWS compact serialization
 */
public record Checkpoint(long sequence, String previousHash, String hash, Instant sealedAt, String signerSubject,
        String jws) implements AuditEntry {
    /** Validates. */
    public Checkpoint {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, was " + sequence);
        }
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(sealedAt, "sealedAt");
        Objects.requireNonNull(signerSubject, "signerSubject");
        Objects.requireNonNull(jws, "jws");
    }
}

package org.fmishare.core.envelope;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.fmishare.core.keys.KeyAlgorithm;

/**
 * The JWS algorithms (RFC 7518, RFC 8037) an envelope may be signed with. Each is bound to the key types it may be
 * used with, so a verifier never lets a header choose how a key is interpreted (no key confusion). There is
 * deliberately no {@code none} and no HMAC.
 */
public enum EnvelopeAlgorithm {
    /** ECDSA P-256 with SHA-256, signature in IEEE P1363 form (the default). */
    ES256("ES256", JWSAlgorithm.ES256, Set.of(KeyAlgorithm.EC_P256)),
    /** ECDSA P-384 with SHA-384. */
    ES384("ES384", JWSAlgorithm.ES384, Set.of(KeyAlgorithm.EC_P384)),
    /** Ed25519 (RFC 8037 {@code EdDSA}). */
    EDDSA("EdDSA", JWSAlgorithm.EdDSA, Set.of(KeyAlgorithm.ED25519)),
    /** RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt; RSA keys of at least 2048 bits. */
    PS256("PS256", JWSAlgorithm.PS256, Set.of(KeyAlgorithm.RSA_2048, KeyAlgorithm.RSA_3072));

    private final String jwsName;
    private final JWSAlgorithm nimbus;
    private final Set<KeyAlgorithm> keyTypes;

    EnvelopeAlgorithm(String jwsName, JWSAlgorithm nimbus, Set<KeyAlgorithm> keyTypes) {
        this.jwsName = jwsName;
        this.nimbus = nimbus;
        this.keyTypes = keyTypes;
    }

    /** {@return the {@code alg} header value} */
    public String jwsName() {
        return jwsName;
    }

    JWSAlgorithm nimbus() {
        return nimbus;
    }

    /**
     * Whether a key type may be used with this algorithm.
     *
     * @param keyType a key type
     * @return true when the key type fits
     */
    public boolean accepts(KeyAlgorithm keyType) {
        return keyTypes.contains(keyType);
    }

    /**
     * Looks up an algorithm by its exact, case-sensitive {@code alg} header value.
     *
     * @param jwsName the header value
     * @return the algorithm, or empty for anything not in this enum ({@code none}, {@code HS256}, {@code RS256}, ...)
     */
    public static Optional<EnvelopeAlgorithm> fromJwsName(String jwsName) {
        return Arrays.stream(values()).filter(a -> a.jwsName.equals(jwsName)).findFirst();
    }

    /**
     * The algorithm the SDK signs with by default for a key type.
     *
     * @param keyType the key type
     * @return ES256 for P-256, ES384 for P-384, EdDSA for Ed25519, PS256 for RSA
     */
    public static EnvelopeAlgorithm defaultFor(KeyAlgorithm keyType) {
        return switch (keyType) {
            case EC_P256 -> ES256;
            case EC_P384 -> ES384;
            case ED25519 -> EDDSA;
            case RSA_2048, RSA_3072 -> PS256;
        };
    }
}

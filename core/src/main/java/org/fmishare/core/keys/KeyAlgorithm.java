package org.fmishare.core.keys;

/** The key types the SDK generates and signs with. */
public enum KeyAlgorithm {
    /** ECDSA on NIST P-256 (secp256r1); signs ES256. */
    EC_P256,
    /** ECDSA on NIST P-384 (secp384r1); signs ES384. */
    EC_P384,
    /** Ed25519 (RFC 8032); signs EdDSA. */
    ED25519,
    /** RSA with a 2048-bit modulus; signs PS256. */
    RSA_2048,
    /** RSA with a 3072-bit modulus; signs PS256. */
    RSA_3072
}

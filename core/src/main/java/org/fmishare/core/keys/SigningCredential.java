package org.fmishare.core.keys;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.jose.internal.KeyTypes;

/**
 * A private key with the X.509 certificate chain that vouches for it, leaf first.
 *
 * <p>Guarantees: the chain is non-empty; the key is of a supported type ({@link KeyAlgorithm}); the leaf
 * certificate's public key belongs to the private key (checked by signing and verifying a random challenge, so a
 * mismatched pair cannot be constructed). The key may be opaque, as a hardware token's keys are (no encoding, not an
 * {@code ECPrivateKey} or {@code RSAPrivateKey}): its type is then read from the leaf certificate, and it is used
 * through the provider that accepts it ({@link CryptoProviders#signingProvider}). Certificate validity and trust are not checked here: the verifier checks
 * them at signing time against its own trust anchors.
 *
 * <p>{@link #toString()} never prints the private key.
 *
 * @param privateKey the signing (or decryption) key
 * @param chain the certificate chain, leaf first, optionally ending with the root
 */
public record SigningCredential(PrivateKey privateKey, List<X509Certificate> chain) {

    /**
     * Validates the pair.
     *
     * @throws KeyMaterialException when the chain is empty, the key type is unsupported or the key does not match
     *     the leaf certificate
     */
    public SigningCredential {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(chain, "chain");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new KeyMaterialException("certificate chain must hold at least the leaf certificate", null);
        }
        Optional<KeyAlgorithm> type = KeyTypes.ofPair(privateKey, chain.get(0).getPublicKey());
        if (type.isEmpty()) {
            throw new KeyMaterialException("unsupported private key type " + privateKey.getAlgorithm()
                    + " (supported: EC P-256, EC P-384, Ed25519, RSA >= 2048 bits; an opaque key takes its type from"
                    + " the leaf certificate, which must hold a key of the same family)", null);
        }
        // Fails with the remedy named when no provider can use the key, before the pair check would fail vaguely.
        CryptoProviders.signingProvider(KeyTypes.jcaSignature(type.get()), privateKey);
        if (!KeyTypes.isPair(privateKey, chain.get(0).getPublicKey())) {
            throw new KeyMaterialException("private key does not match the leaf certificate "
                    + chain.get(0).getSubjectX500Principal().getName(), null);
        }
    }

    /** {@return the leaf certificate, whose public key belongs to {@link #privateKey()}} */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** {@return the key type} */
    public KeyAlgorithm keyAlgorithm() {
        return KeyTypes.ofPair(privateKey, certificate().getPublicKey()).orElseThrow();
    }

    /**
     * The JCA provider that signs with this credential's key, chosen now by {@link CryptoProviders#signingProvider}.
     *
     * @param jcaAlgorithm the JCA signature name
     * @return the provider
     * @throws KeyMaterialException when no provider accepts the key
     */
    public Provider signingProvider(String jcaAlgorithm) {
        return CryptoProviders.signingProvider(jcaAlgorithm, privateKey);
    }

    /** {@return the leaf subject and key type, never key material} */
    @Override
    public String toString() {
        return "SigningCredential[" + certificate().getSubjectX500Principal().getName() + ", " + keyAlgorithm()
                + ", chain of " + chain.size() + "]";
    }
}

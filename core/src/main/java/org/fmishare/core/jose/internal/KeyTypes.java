package org.fmishare.core.jose.internal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECParameterSpec;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.fmishare.core.keys.CryptoProviders;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.KeyMaterialException;

/**
 * Classifies keys by what they are, not by what a provider calls them: EC keys by their curve parameters, Ed25519 by
 * the OID in their encoding (the JDK names Ed25519 keys "EdDSA", Bouncy Castle "Ed25519"), RSA by modulus size.
 * Keys whose encoding the provider keeps to itself (hardware tokens) are classified through their certificate's public
 * key; see {@link #ofPair}.
 */
public final class KeyTypes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyTypes() {}

    /**
     * Classifies a public key.
     *
     * @param key any public key
     * @return its algorithm, or empty when it is of no supported type (other curves, RSA under 2048 bits)
     */
    public static Optional<KeyAlgorithm> of(PublicKey key) {
        if (key instanceof ECKey ec) {
            return curve(ec.getParams());
        }
        if (key instanceof RSAKey rsa) {
            return rsa(rsa.getModulus().bitLength());
        }
        try {
            ASN1ObjectIdentifier oid = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getAlgorithm();
            return EdECObjectIdentifiers.id_Ed25519.equals(oid) ? Optional.of(KeyAlgorithm.ED25519) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Classifies a private key.
     *
     * @param key any private key
     * @return its algorithm, or empty when unsupported
     */
    public static Optional<KeyAlgorithm> of(PrivateKey key) {
        if (key instanceof ECKey ec) {
            return curve(ec.getParams());
        }
        if (key instanceof RSAKey rsa) {
            return rsa(rsa.getModulus().bitLength());
        }
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            return Optional.empty();
        }
        try {
            ASN1ObjectIdentifier oid = PrivateKeyInfo.getInstance(encoded).getPrivateKeyAlgorithm()
                    .getAlgorithm();
            return EdECObjectIdentifiers.id_Ed25519.equals(oid) ? Optional.of(KeyAlgorithm.ED25519) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Classifies a private key together with the public key it should pair with. A key that exposes its parameters
     * or encoding is classified by itself. An opaque key (a hardware token's key: not an {@code ECKey} or {@code
     * RSAKey}, no encoding) is classified by the public key, provided the two name the same family (EC, RSA,
     * Ed25519); {@link #isPair} then proves that they belong together.
     *
     * @param priv the private key
     * @param pub the public key it should pair with
     * @return the algorithm, or empty when unsupported or of different families
     */
    public static Optional<KeyAlgorithm> ofPair(PrivateKey priv, PublicKey pub) {
        Optional<KeyAlgorithm> own = of(priv);
        if (own.isPresent() || priv instanceof ECKey || priv instanceof RSAKey) {
            return own;
        }
        return of(pub).filter(t -> family(t).equals(family(priv.getAlgorithm())));
    }

    private static String family(KeyAlgorithm t) {
        return switch (t) {
            case EC_P256, EC_P384 -> "EC";
            case RSA_2048, RSA_3072 -> "RSA";
            case ED25519 -> "Ed25519";
        };
    }

    private static String family(String jcaKeyAlgorithm) {
        return switch (jcaKeyAlgorithm == null ? "" : jcaKeyAlgorithm) {
            case "EC", "ECDSA" -> "EC";
            case "RSA" -> "RSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> "?";
        };
    }

    private static Optional<KeyAlgorithm> rsa(int bits) {
        if (bits >= 3072) {
            return Optional.of(KeyAlgorithm.RSA_3072);
        }
        return bits >= 2048 ? Optional.of(KeyAlgorithm.RSA_2048) : Optional.empty();
    }

    private static Optional<KeyAlgorithm> curve(ECParameterSpec spec) {
        com.nimbusds.jose.jwk.Curve curve = com.nimbusds.jose.jwk.Curve.forECParameterSpec(spec);
        if (com.nimbusds.jose.jwk.Curve.P_256.equals(curve)) {
            return Optional.of(KeyAlgorithm.EC_P256);
        }
        if (com.nimbusds.jose.jwk.Curve.P_384.equals(curve)) {
            return Optional.of(KeyAlgorithm.EC_P384);
        }
        return Optional.empty();
    }

    /**
     * The JCA signature algorithm the SDK uses with a key type (for certificates, CMS and key-pair checks).
     *
     * @param algorithm the key type
     * @return the JCA name, understood by Bouncy Castle
     */
    public static String jcaSignature(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case EC_P256 -> "SHA256withECDSA";
            case EC_P384 -> "SHA384withECDSA";
            case ED25519 -> "Ed25519";
            case RSA_2048, RSA_3072 -> "SHA256withRSA";
        };
    }

    /**
     * Whether a private key and a public key form a pair: signs a random challenge and verifies it, as Tink
     * recomputes a public key rather than trusting the caller.
     *
     * @param priv the private key
     * @param pub the public key
     * @return true when they match
     */
    public static boolean isPair(PrivateKey priv, PublicKey pub) {
        Optional<KeyAlgorithm> a = ofPair(priv, pub);
        Optional<KeyAlgorithm> b = of(pub);
        if (a.isEmpty() || !a.equals(b)) {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            RANDOM.nextBytes(challenge);
            String alg = jcaSignature(a.get());
            // The private key is used through whichever provider accepts it (it may live in a token); the public key
            // is checked by the general provider.
            Signature s = Signature.getInstance(alg, CryptoProviders.signingProvider(alg, priv));
            s.initSign(priv);
            s.update(challenge);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg, CryptoProviders.provider());
            v.initVerify(pub);
            v.update(challenge);
            return v.verify(sig);
        } catch (GeneralSecurityException | KeyMaterialException e) {
            return false;
        }
    }
}

package org.fmishare.core.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fmishare.core.jose.internal.Ed25519Jws;
import org.fmishare.core.jose.internal.KeyTypes;
import org.fmishare.core.keys.CryptoProviders;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.KeyMaterialException;

/**
 * The JWS building blocks every signed artefact of the SDK shares (envelopes, receipts, audit seals): key
 * classification, the JWS signer and verifier for a key, the JCA provider, and PKIX path validation. One place, so
 * that a second signed format never grows its own copy of these rules.
 *
 * <p>The algorithm is always derived from the key (RFC 8725 section 3.1: never let the header choose it); Ed25519 is
 * plugged into Nimbus JOSE+JWT through an adapter over the JCA provider. Stateless and thread-safe.
 */
public final class JwsKeys {
    private JwsKeys() {}

    /**
     * The general JCA provider, chosen in {@link CryptoProviders} (Bouncy Castle by default, never registered
     * globally).
     *
     * @return the provider
     */
    public static Provider provider() {
        return CryptoProviders.provider();
    }

    /**
     * Classifies a public key by what it is (curve, modulus size, OID), not by the provider's name for it.
     *
     * @param key any public key
     * @return its algorithm, or empty when the SDK does not support it
     */
    public static Optional<KeyAlgorithm> keyAlgorithm(PublicKey key) {
        return KeyTypes.of(Objects.requireNonNull(key, "key"));
    }

    /**
     * Classifies a private key.
     *
     * @param key any private key
     * @return its algorithm, or empty when the SDK does not support it
     */
    public static Optional<KeyAlgorithm> keyAlgorithm(PrivateKey key) {
        return KeyTypes.of(Objects.requireNonNull(key, "key"));
    }

    /**
     * The JCA signature name used with a key type (certificates, CMS, key-pair checks).
     *
     * @param algorithm the key type
     * @return the JCA name
     */
    public static String jcaSignature(KeyAlgorithm algorithm) {
        return KeyTypes.jcaSignature(Objects.requireNonNull(algorithm, "algorithm"));
    }

    /**
     * A JWS signer for a private key of a known type.
     *
     * @param key the private key
     * @param type its type
     * @return a signer bound to the provider that accepts the key ({@link CryptoProviders#signingProvider}); the key
     *     may be opaque (a hardware token's)
     * @throws JOSEException when the key does not fit the type or no provider accepts it
     */
    public static JWSSigner signer(PrivateKey key, KeyAlgorithm type) throws JOSEException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Provider provider;
        try {
            provider = CryptoProviders.signingProvider(KeyTypes.jcaSignature(type), key);
        } catch (KeyMaterialException e) {
            throw new JOSEException(e.getMessage(), e);
        }
        JWSSigner s = switch (type) {
            // Nimbus takes an opaque EC key with its curve named; an ECPrivateKey carries its own.
            case EC_P256 -> key instanceof ECPrivateKey ec ? new ECDSASigner(ec) : new ECDSASigner(key, Curve.P_256);
            case EC_P384 -> key instanceof ECPrivateKey ec ? new ECDSASigner(ec) : new ECDSASigner(key, Curve.P_384);
            case RSA_2048, RSA_3072 -> new RSASSASigner(key);
            case ED25519 -> new Ed25519Jws.Signer(key, provider);
        };
        s.getJCAContext().setProvider(provider);
        return s;
    }

    /**
     * A JWS verifier for a public key of a known type.
     *
     * @param key the public key
     * @param type its type
     * @return a verifier bound to the SDK's provider
     * @throws JOSEException when the key does not fit the type
     */
    public static JWSVerifier verifier(PublicKey key, KeyAlgorithm type) throws JOSEException {
        Objects.requireNonNull(key, "key");
        JWSVerifier v = switch (Objects.requireNonNull(type, "type")) {
            case EC_P256, EC_P384 -> {
                if (!(key instanceof ECPublicKey ec)) {
                    throw new JOSEException("an " + type + " key must be an EC public key");
                }
                yield new ECDSAVerifier(ec);
            }
            case RSA_2048, RSA_3072 -> {
                if (!(key instanceof RSAPublicKey rsa)) {
                    throw new JOSEException("an " + type + " key must be an RSA public key");
                }
                yield new RSASSAVerifier(rsa);
            }
            case ED25519 -> new Ed25519Jws.Verifier(key, CryptoProviders.provider());
        };
        v.getJCAContext().setProvider(CryptoProviders.provider());
        return v;
    }

    /**
     * Validates a certificate path (leaf first, trust anchor excluded) with PKIX at a given instant.
     *
     * @param path the certificates, leaf first
     * @param at the validation time
     * @param anchors the trust anchors
     * @throws GeneralSecurityException when the path does not lead to an anchor at that time
     */
    public static void validatePath(List<X509Certificate> path, Instant at, Set<TrustAnchor> anchors)
            throws GeneralSecurityException {
        validatePath(path, at, anchors, List.of());
    }

    /**
     * Validates a certificate path with PKIX at a given instant and, when CRLs are given, checks every certificate of
     * the path against them (RFC 5280 section 6.3): a certificate listed as revoked, or one for which no current CRL
     * from its issuer is among {@code crls}, fails. Without CRLs, revocation is not checked.
     *
     * @param path the certificates, leaf first
     * @param at the validation time
     * @param anchors the trust anchors
     * @param crls the CRLs the embedder supplies; empty to skip revocation checking
     * @throws GeneralSecurityException when the path does not lead to an anchor at that time or fails revocation;
     *     see {@link #isRevocationFailure(CertPathValidatorException)}
     */
    public static void validatePath(List<X509Certificate> path, Instant at, Set<TrustAnchor> anchors,
            List<X509CRL> crls) throws GeneralSecurityException {
        Objects.requireNonNull(crls, "crls");
        CertPath certPath = CertificateFactory.getInstance("X.509", CryptoProviders.provider()).generateCertPath(path);
        PKIXParameters params = new PKIXParameters(anchors);
        params.setDate(Date.from(at));
        if (crls.isEmpty()) {
            params.setRevocationEnabled(false);
        } else {
            params.setRevocationEnabled(true);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls),
                    CryptoProviders.provider()));
        }
        CertPathValidator.getInstance("PKIX", CryptoProviders.provider()).validate(certPath, params);
        requireListedByNoCurrentCrl(certPath, path, at, anchors, crls);
    }

    /**
     * Refuses a certificate of the path that any supplied CRL of its issuer, current at {@code at} and signed by that
     * issuer, lists as revoked by then. Bouncy Castle's PKIX stops at the first complete CRL it finds for an issuer,
     * and its CRL store is unordered: given two current CRLs of one issuer that disagree (a stale copy beside a fresh
     * one, both still inside their update window), which one decided varied from run to run. A revoked certificate
     * must never pass because of the order in which a set was iterated, so a listing in any of them counts, as in the
     * JDK's own PKIX checker.
     */
    private static void requireListedByNoCurrentCrl(CertPath certPath, List<X509Certificate> path, Instant at,
            Set<TrustAnchor> anchors, List<X509CRL> crls) throws CertPathValidatorException {
        if (crls.isEmpty()) {
            return;
        }
        List<X509Certificate> issuers = new java.util.ArrayList<>(path);
        for (TrustAnchor a : anchors) {
            if (a.getTrustedCert() != null) {
                issuers.add(a.getTrustedCert());
            }
        }
        Date when = Date.from(at);
        for (int i = 0; i < path.size(); i++) {
            X509Certificate cert = path.get(i);
            for (X509CRL crl : crls) {
                if (!crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal())
                        || crl.getThisUpdate().after(when)
                        || (crl.getNextUpdate() != null && crl.getNextUpdate().before(when))) {
                    continue;
                }
                java.security.cert.X509CRLEntry entry = crl.getRevokedCertificate(cert);
                if (entry == null || entry.getRevocationDate().after(when) || !signedByIssuer(crl, issuers)) {
                    continue;
                }
                throw new CertPathValidatorException("certificate " + cert.getSubjectX500Principal().getName()
                        + " (serial " + cert.getSerialNumber().toString(16) + ") is revoked by a current CRL of "
                        + crl.getIssuerX500Principal().getName(), null, certPath, i,
                        CertPathValidatorException.BasicReason.REVOKED);
            }
        }
    }

    private static boolean signedByIssuer(X509CRL crl, List<X509Certificate> candidates) {
        for (X509Certificate c : candidates) {
            if (!c.getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
                continue;
            }
            try {
                crl.verify(c.getPublicKey());
                return true;
            } catch (GeneralSecurityException e) {
                // Not this issuer's key (a CA with the same name and another key): try the next one.
            }
        }
        return false;
    }

    /**
     * Validates a certificate path like {@link #validatePath(List, Instant, Set, List)} and also checks its
     * certificates' revocation status with OCSP (RFC 6960) as {@code ocsp} says.
     *
     * <p>The OCSP check runs on the JDK's own PKIX validator (provider {@code SUN}) with its
     * {@link PKIXRevocationChecker}, without falling back to CRLs; the chain and any CRLs are first checked with the
     * configured provider as without OCSP. The SUN validator is used for the OCSP step whatever the configured
     * provider: it fetches and verifies OCSP responses itself (responder override, soft fail, end-entity-only) through
     * the standard checker API, while Bouncy Castle's revocation checker fetches OCSP only under provider-specific
     * settings, so the behaviour would change with the provider.
     *
     * @param path the certificates, leaf first
     * @param at the validation time; the JDK checks the freshness of fetched OCSP responses (thisUpdate,
     *     nextUpdate) against the system time
     * @param anchors the trust anchors
     * @param crls CRLs to check as well; empty for none
     * @param ocsp the OCSP settings
     * @return true when every checked certificate's OCSP status was obtained; false only under soft fail when a
     *     responder could not be reached (the path was accepted without that status)
     * @throws GeneralSecurityException when the path does not lead to an anchor at that time, a certificate is revoked,
     *     or a status is unknown or (under hard fail) unobtainable; see
     *     {@link #isRevocationFailure(CertPathValidatorException)}
     */
    public static boolean validatePath(List<X509Certificate> path, Instant at, Set<TrustAnchor> anchors,
            List<X509CRL> crls, OcspSettings ocsp) throws GeneralSecurityException {
        Objects.requireNonNull(ocsp, "ocsp");
        validatePath(path, at, anchors, crls);
        CertPathValidator sun = CertPathValidator.getInstance("PKIX", "SUN");
        PKIXRevocationChecker checker = (PKIXRevocationChecker) sun.getRevocationChecker();
        java.util.EnumSet<PKIXRevocationChecker.Option> options = java.util.EnumSet.of(
                PKIXRevocationChecker.Option.NO_FALLBACK);
        if (ocsp.softFail()) {
            options.add(PKIXRevocationChecker.Option.SOFT_FAIL);
        }
        if (ocsp.endEntityOnly()) {
            options.add(PKIXRevocationChecker.Option.ONLY_END_ENTITY);
        }
        checker.setOptions(options);
        ocsp.responder().ifPresent(checker::setOcspResponder);
        PKIXParameters params = new PKIXParameters(anchors);
        params.setDate(Date.from(at));
        params.setRevocationEnabled(true);
        params.addCertPathChecker(checker);
        sun.validate(CertificateFactory.getInstance("X.509", "SUN").generateCertPath(path), params);
        boolean complete = true;
        for (CertPathValidatorException e : checker.getSoftFailExceptions()) {
            // Soft fail tolerates an unreachable responder only (an I/O failure); an answer of "unknown" refuses.
            if (!causedByIo(e)) {
                throw e;
            }
            complete = false;
        }
        return complete;
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a path validation failed on revocation (revoked, or status unknown for lack of a current CRL) rather
     * than on the chain itself.
     *
     * @param e the failure
     * @return true for a revocation failure
     */
    public static boolean isRevocationFailure(CertPathValidatorException e) {
        Objects.requireNonNull(e, "e");
        if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED
                || e.getReason() == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return true;
        }
        // Bouncy Castle reports some revocation outcomes with an unspecified reason; its messages name them.
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("revoked") || m.contains("revocation") || m.contains("crl");
    }
}

package org.fmishare.core.envelope;

import org.fmishare.core.keys.CryptoProviders;
import org.fmishare.core.envelope.EnvelopeException.Check;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.jose.JwsKeys;
import org.fmishare.core.jose.OcspSettings;
import org.fmishare.core.jose.internal.KeyTypes;

/**
 * PKIX validation of a signer's certificate chain against the verifier's trust anchors, with a cache of paths
 * already validated. Split out of {@link EnvelopeVerifier}, which owns one instance per verifier; thread-safe.
 *
 * <p>With CRLs configured, revocation is checked for every certificate of the path (the leaf and any intermediate),
 * and a certificate without a current CRL from its issuer is refused: revocation that cannot be checked is treated
 * as revocation, never silently skipped. With OCSP configured, every certificate's status (or only the leaf's) is
 * also asked of the responder ({@link OcspSettings}); a path so checked is remembered for at most
 * {@link OcspSettings#cacheFor()} past the check (never past the CRL and certificate bounds), and one accepted under
 * soft fail without its status is not remembered.
 */
final class CertificatePathValidator {
    private final Set<TrustAnchor> anchors;
    private final Set<X509Certificate> anchorCerts;
    private final List<X509CRL> crls;
    private final java.util.Optional<OcspSettings> ocsp;
    private final ValidatedPaths validatedPaths = new ValidatedPaths();

    CertificatePathValidator(Collection<X509Certificate> trustAnchors) {
        this(trustAnchors, List.of());
    }

    CertificatePathValidator(Collection<X509Certificate> trustAnchors, Collection<X509CRL> crls) {
        this(trustAnchors, crls, java.util.Optional.empty());
    }

    CertificatePathValidator(Collection<X509Certificate> trustAnchors, Collection<X509CRL> crls,
            java.util.Optional<OcspSettings> ocsp) {
        this(trustAnchors, new RevocationSettings(List.copyOf(crls), ocsp));
    }

    CertificatePathValidator(Collection<X509Certificate> trustAnchors, RevocationSettings revocation) {
        this.crls = revocation.crls();
        this.ocsp = revocation.ocsp();
        this.anchorCerts = Set.copyOf(trustAnchors);
        Set<TrustAnchor> ta = new HashSet<>();
        for (X509Certificate c : trustAnchors) {
            ta.add(new TrustAnchor(c, null));
        }
        this.anchors = Set.copyOf(ta);
    }

    /** Validates at {@code at}, which the verifier sets to its own clock (never the signer's claimed time). */
    void validateChain(List<X509Certificate> chain, Instant at) {
        X509Certificate leaf = chain.get(0);
        if (leaf.getBasicConstraints() != -1) {
            throw new EnvelopeException.Rejected(Check.CERTIFICATE_CHAIN, "the signing certificate "
                    + leaf.getSubjectX500Principal().getName() + " is a CA certificate");
        }
        boolean[] ku = leaf.getKeyUsage();
        if (ku != null && !(ku[0] || ku[1])) {
            throw new EnvelopeException.Rejected(Check.CERTIFICATE_CHAIN, "the signing certificate's key usage allows "
                    + "neither digitalSignature nor nonRepudiation");
        }
        List<X509Certificate> path = new ArrayList<>(chain);
        // A sender may include the root; PKIX wants the path without its anchor.
        while (path.size() > 1 && anchorCerts.contains(path.get(path.size() - 1))) {
            path.remove(path.size() - 1);
        }
        String pathKey = pathKey(path);
        if (validatedPaths.covers(pathKey, at)) {
            return;
        }
        try {
            if (ocsp.isPresent()) {
                boolean complete = JwsKeys.validatePath(path, at, anchors, crls, ocsp.get());
                // A path accepted without its OCSP status (soft fail) is asked about again next time.
                if (complete && !ocsp.get().cacheFor().isZero()) {
                    Instant[] window = validityWindow(path);
                    Instant bound = at.plus(ocsp.get().cacheFor());
                    window[1] = bound.isBefore(window[1]) ? bound : window[1];
                    validatedPaths.remember(pathKey, window);
                }
            } else {
                JwsKeys.validatePath(path, at, anchors, crls);
                validatedPaths.remember(pathKey, validityWindow(path));
            }
        } catch (CertPathValidatorException e) {
            if (JwsKeys.isRevocationFailure(e)) {
                String unknown = ocsp.isPresent()
                        && e.getReason() == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS
                        ? " (status unknown: the OCSP responder could not be reached or gave no status, and OCSP is"
                                + " hard-fail)" : "";
                throw new EnvelopeException.Rejected(Check.REVOKED, "the certificate chain of "
                        + leaf.getSubjectX500Principal().getName() + " fails the revocation check at " + at + unknown
                        + ": " + e.getMessage(), e);
            }
            String reason = e.getReason() == null ? "" : " (" + e.getReason() + ")";
            throw new EnvelopeException.Rejected(Check.CERTIFICATE_CHAIN, "chain of "
                    + leaf.getSubjectX500Principal().getName() + " is not valid at " + at
                    + reason + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new EnvelopeException.ProcessingFailed("PKIX validation could not run: " + e.getMessage(), e);
        }
    }

    /** Identifies a certification path by the SHA-256 of its certificates' encodings. */
    private static String pathKey(List<X509Certificate> path) {
        try {
            ByteArrayOutputStream encodings = new ByteArrayOutputStream();
            for (X509Certificate c : path) {
                encodings.writeBytes(c.getEncoded());
            }
            return Digests.sha256Hex(encodings.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new EnvelopeException.ProcessingFailed("cannot fingerprint the certificate chain", e);
        }
    }

    /**
     * The times at which a validated path stays valid: the intersection of its certificates' validity periods and
     * of the anchor that issued its top certificate, cut at the earliest {@code nextUpdate} of the configured CRLs.
     * The CRLs are fixed for the verifier's life, so within this window PKIX gives the same answer for the same path.
     */
    private Instant[] validityWindow(List<X509Certificate> path) {
        Instant from = Instant.MIN;
        Instant to = Instant.MAX;
        List<X509Certificate> all = new ArrayList<>(path);
        X509Certificate top = path.get(path.size() - 1);
        for (X509Certificate anchor : anchorCerts) {
            if (anchor.getSubjectX500Principal().equals(top.getIssuerX500Principal())) {
                all.add(anchor);
            }
        }
        for (X509CRL crl : crls) {
            // A CRL without nextUpdate is never stale by its own account; it does not shorten the window.
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(to)) {
                to = crl.getNextUpdate().toInstant();
            }
        }
        for (X509Certificate c : all) {
            Instant nb = c.getNotBefore().toInstant();
            Instant na = c.getNotAfter().toInstant();
            from = nb.isAfter(from) ? nb : from;
            to = na.isBefore(to) ? na : to;
        }
        return new Instant[] {from, to};
    }

    /**
     * Paths this verifier has already validated, so a sender's chain is not re-validated for every envelope. A
     * bounded LRU map; thread-safe.
     */
    private static final class ValidatedPaths {
        private static final int MAX = 256;
        private final java.util.LinkedHashMap<String, Instant[]> map = new java.util.LinkedHashMap<>(64, 0.75f,
                true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, Instant[]> eldest) {
                return size() > MAX;
            }
        };

        synchronized boolean covers(String key, Instant at) {
            Instant[] w = map.get(key);
            return w != null && !at.isBefore(w[0]) && !at.isAfter(w[1]);
        }

        synchronized void remember(String key, Instant[] window) {
            map.put(key, window);
        }
    }
}

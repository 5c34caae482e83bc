package org.fmishare.audit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fmishare.core.envelope.EnvelopeAlgorithm;
import org.fmishare.core.jose.Jcs;
import org.fmishare.core.jose.JwsKeys;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checkpoint JWS, signed the way envelopes are (Nimbus JOSE+JWT, the SDK's Bouncy Castle provider instance, the
 * algorithm fixed by the key type, the certificate chain in {@code x5c}) but with its own {@code typ}, so a
 * checkpoint can never be taken for an envelope or the other way round.
 */
final class Seals {
    static final String TYPE = "fmi-share-audit-checkpoint+jws";
    private static final Set<String> HEADER = Set.of("alg", "typ", "x5c");
    private static final Set<String> PAYLOAD = Set.of("count", "head", "sealedAt");

    private Seals() {}

    /** What a verified seal says. */
    record Sealed(long count, String head, Instant sealedAt, X509Certificate signer) {}

    /** A seal that does not verify; the caller adds its position. */
    static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bad(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    static String sign(SigningCredential credential, long count, String head, Instant sealedAt) {
        ObjectNode p = FmiJson.standard().mapper().createObjectNode();
        p.put("count", count);
        p.put("head", head);
        p.put("sealedAt", sealedAt.toString());
        byte[] payload = Jcs.canonicalize(FmiJson.standard().write(p));
        KeyAlgorithm keyType = credential.keyAlgorithm();
        List<Base64> x5c = new ArrayList<>();
        try {
            for (X509Certificate c : credential.chain()) {
                x5c.add(Base64.encode(c.getEncoded()));
            }
            JWSHeader header = new JWSHeader.Builder(nimbus(keyType)).type(new JOSEObjectType(TYPE))
                    .x509CertChain(x5c).build();
            JWSObject jws = new JWSObject(header, new Payload(payload));
            JWSSigner signer = JwsKeys.signer(credential.privateKey(), keyType);
            jws.sign(signer);
            return jws.serialize();
        } catch (JOSEException | CertificateEncodingException e) {
            throw new AuditException.StorageFailed("signing the audit checkpoint failed: " + e.getMessage(), e);
        }
    }

    private static JWSAlgorithm nimbus(KeyAlgorithm keyType) {
        return JWSAlgorithm.parse(EnvelopeAlgorithm.defaultFor(keyType).jwsName());
    }

    /**
     * Verifies a seal's form, signature and certificate chain. The chain is validated at {@code now}, the
     * verifier's clock: the claimed {@code sealedAt} never extends a certificate's life, and may neither lie ahead of
     * {@code now} (beyond {@code skew}) nor before the signing certificate existed.
     */
    static Sealed verify(String compact, Set<TrustAnchor> anchors, Set<X509Certificate> anchorCerts, Instant now,
            Duration skew, List<X509CRL> crls, java.util.Optional<org.fmishare.core.jose.OcspSettings> ocsp) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException e) {
            throw new Bad("the seal is not a JWS compact serialization", e);
        }
        JWSHeader h = jws.getHeader();
        if (h.getCriticalParams() != null && !h.getCriticalParams().isEmpty()) {
            throw new Bad("the seal's header lists critical parameters", null);
        }
        for (String name : h.getIncludedParams()) {
            if (!HEADER.contains(name)) {
                throw new Bad("seal header parameter '" + name + "' is not allowed (allowed: " + HEADER + ")", null);
            }
        }
        if (h.getType() == null || !TYPE.equals(h.getType().getType())) {
            throw new Bad("seal typ must be '" + TYPE + "'", null);
        }
        List<X509Certificate> chain = chain(h.getX509CertChain());
        X509Certificate leaf = chain.get(0);
        PublicKey key = leaf.getPublicKey();
        KeyAlgorithm keyType = JwsKeys.keyAlgorithm(key).orElseThrow(() -> new Bad("the seal's certificate holds an "
                + "unsupported key " + key.getAlgorithm(), null));
        // The algorithm is fixed by the certificate's key, never chosen by the header.
        if (!nimbus(keyType).equals(h.getAlgorithm())) {
            throw new Bad("seal alg " + h.getAlgorithm() + " does not fit the signing key (" + keyType + ")", null);
        }
        try {
            JWSVerifier v = JwsKeys.verifier(key, keyType);
            if (!jws.verify(v)) {
                throw new Bad("the seal's signature does not verify with the key of "
                        + leaf.getSubjectX500Principal().getName(), null);
            }
        } catch (JOSEException e) {
            throw new Bad("the seal's signature cannot be verified: " + e.getMessage(), e);
        }
        byte[] payload = jws.getPayload().toBytes();
        JsonNode p;
        try {
            p = FmiJson.standard().mapper().readTree(payload);
        } catch (RuntimeException e) {
            throw new Bad("the seal's payload is not JSON", e);
        }
        if (!(p instanceof ObjectNode o) || !PAYLOAD.equals(Set.copyOf(o.propertyNames()))
                || !o.get("count").isIntegralNumber() || !o.get("head").isString()
                || !o.get("sealedAt").isString()) {
            throw new Bad("the seal's payload must be {count: integer, head: string, sealedAt: string}", null);
        }
        Instant sealedAt;
        try {
            sealedAt = Instant.parse(o.get("sealedAt").stringValue());
        } catch (RuntimeException e) {
            throw new Bad("the seal's sealedAt is not an RFC 3339 instant", e);
        }
        validateChain(chain, now, anchors, anchorCerts, crls, ocsp);
        if (sealedAt.isAfter(now.plus(skew))) {
            throw new Bad("the seal claims sealedAt " + sealedAt + ", after the verifier's clock " + now
                    + " (skew " + skew + ")", null);
        }
        if (sealedAt.isBefore(leaf.getNotBefore().toInstant())) {
            throw new Bad("the seal claims sealedAt " + sealedAt + ", before its certificate was valid (from "
                    + leaf.getNotBefore().toInstant() + ")", null);
        }
        return new Sealed(o.get("count").longValue(), o.get("head").stringValue(), sealedAt, leaf);
    }

    private static List<X509Certificate> chain(List<Base64> x5c) {
        if (x5c == null || x5c.isEmpty() || x5c.size() > 5) {
            throw new Bad("the seal must carry an x5c chain of 1 to 5 certificates", null);
        }
        List<X509Certificate> out = new ArrayList<>();
        for (int i = 0; i < x5c.size(); i++) {
            try {
                X509Certificate c = Credentials.certificateFromDer(x5c.get(i).decode());
                if (c.getPublicKey() == null) {
                    throw new Bad("x5c[" + i + "] has no usable public key", null);
                }
                out.add(c);
            } catch (RuntimeException e) {
                throw new Bad("x5c[" + i + "] is not an X.509 certificate", e);
            }
        }
        return out;
    }

    private static void validateChain(List<X509Certificate> chain, Instant at, Set<TrustAnchor> anchors,
            Set<X509Certificate> anchorCerts, List<X509CRL> crls,
            java.util.Optional<org.fmishare.core.jose.OcspSettings> ocsp) {
        X509Certificate leaf = chain.get(0);
        if (leaf.getBasicConstraints() != -1) {
            throw new Bad("the seal's signing certificate is a CA certificate", null);
        }
        boolean[] ku = leaf.getKeyUsage();
        if (ku != null && !(ku[0] || ku[1])) {
            throw new Bad("the seal's signing certificate allows neither digitalSignature nor nonRepudiation", null);
        }
        List<X509Certificate> path = new ArrayList<>(chain);
        while (path.size() > 1 && anchorCerts.contains(path.get(path.size() - 1))) {
            path.remove(path.size() - 1);
        }
        try {
            if (ocsp.isPresent()) {
                // A soft failure (responder unreachable, OCSP allowed to soft-fail) accepts the seal unchecked.
                JwsKeys.validatePath(path, at, anchors, crls, ocsp.get());
            } else {
                JwsKeys.validatePath(path, at, anchors, crls);
            }
        } catch (java.security.cert.CertPathValidatorException e) {
            if (JwsKeys.isRevocationFailure(e)) {
                throw new Bad("the seal's certificate " + leaf.getSubjectX500Principal().getName() + " fails the "
                        + "revocation check at " + at + ": " + e.getMessage(), e);
            }
            throw new Bad("the seal's certificate chain (" + leaf.getSubjectX500Principal().getName()
                    + ") does not lead to a trust anchor at " + at + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new Bad("the seal's certificate chain (" + leaf.getSubjectX500Principal().getName()
                    + ") does not lead to a trust anchor at " + at + ": " + e.getMessage(), e);
        }
    }
}

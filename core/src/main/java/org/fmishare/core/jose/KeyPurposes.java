package org.fmishare.core.jose;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a certificate may be used for in fmi-share, and which party it speaks for: the SDK's extended key usage
 * (EKU) OIDs and the subjectAltName URI that binds a certificate to a sender id.
 *
 * <p>The OIDs live under the UUID arc {@code 2.25} (ITU-T X.667): the project minted one random UUID
 * ({@code ecb93d48-6f1f-4aac-bddd-03d0fcd2b48d}) and numbers its purposes below it, so no registration is needed and
 * no other issuer's OID can collide. A dedicated EKU is what keeps a TLS server or client certificate, or a
 * company's receipt certificate, issued by the same CA, from speaking as an envelope signer: PKIX alone only says
 * "this CA vouches for this key", not "for this purpose".
 *
 * <p>Stateless and thread-safe.
 */
public final class KeyPurposes {
    /** The UUID arc the SDK's OIDs live under: {@code 2.25.<decimal of the project's UUID>}. */
    public static final String ARC = "2.25.314659624889873278327722940168366371981";
    /** EKU for certificates that sign envelopes (shares, meeting notices, briefings). */
    public static final String ENVELOPE_SIGNING = ARC + ".1";
    /** EKU for certificates that sign receipts (a company acknowledging an envelope). */
    public static final String RECEIPT_SIGNING = ARC + ".2";
    /** EKU for certificates that seal audit logs (signed checkpoints). */
    public static final String AUDIT_SEALING = ARC + ".3";
    /**
     * EKU for certificates of reviewers who approve the REVIEW findings of a NEEDS_REVIEW compliance report (signed
     * review decisions); which offices a reviewer may approve for is the verifier's {@code ReviewerTrust}.
     */
    public static final String REVIEW_APPROVAL = ARC + ".4";
    /** The prefix of the subjectAltName URI naming the sender id a certificate speaks for. */
    public static final String SENDER_URI_PREFIX = "urn:fmishare:sender:";

    /** The characters the model allows in ids; the URI is compared whole, so no id can end inside another's. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final int SAN_URI = 6;

    private KeyPurposes() {}

    /**
     * The subjectAltName URI that binds a certificate to a sender id.
     *
     * @param senderId the office's or company's id, for example {@code fitf}
     * @return {@code urn:fmishare:sender:<senderId>}
     * @throws IllegalArgumentException when the id has characters outside {@code [A-Za-z0-9._:-]}
     */
    public static String senderUri(String senderId) {
        Objects.requireNonNull(senderId, "senderId");
        if (!ID.matcher(senderId).matches()) {
            throw new IllegalArgumentException("sender id '" + senderId + "' must match " + ID.pattern());
        }
        return SENDER_URI_PREFIX + senderId;
    }

    /**
     * The subjectAltName URIs of a certificate.
     *
     * @param certificate any certificate
     * @return its URI names, in order; empty when it has none or the extension cannot be parsed
     */
    public static List<String> sanUris(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            return names.stream().filter(n -> n.size() == 2 && Integer.valueOf(SAN_URI).equals(n.get(0))
                    && n.get(1) instanceof String).map(n -> (String) n.get(1)).toList();
        } catch (CertificateParsingException e) {
            // An unparseable extension binds nothing; the caller refuses the certificate for lack of a binding.
            return List.of();
        }
    }

    /**
     * Whether a certificate carries the sender URI for an id (exact, case-sensitive: ids are case-sensitive).
     *
     * @param certificate the certificate
     * @param senderId the sender id
     * @return true when {@link #senderUri(String)} of the id is one of its subjectAltName URIs
     */
    public static boolean speaksFor(X509Certificate certificate, String senderId) {
        Objects.requireNonNull(senderId, "senderId");
        return ID.matcher(senderId).matches() && sanUris(certificate).contains(SENDER_URI_PREFIX + senderId);
    }

    /**
     * Whether a certificate's extended key usage names a purpose. A certificate without the extension has none of
     * the SDK's purposes: RFC 5280 reads a missing EKU as "any purpose", which is exactly the ambiguity a dedicated
     * purpose removes. {@code anyExtendedKeyUsage} is not accepted for the same reason.
     *
     * @param certificate the certificate
     * @param purposeOid one of this class's OIDs
     * @return true when the EKU lists it
     */
    public static boolean hasPurpose(X509Certificate certificate, String purposeOid) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(purposeOid, "purposeOid");
        try {
            List<String> eku = certificate.getExtendedKeyUsage();
            return eku != null && eku.contains(purposeOid);
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}

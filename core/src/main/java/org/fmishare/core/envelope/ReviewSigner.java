package org.fmishare.core.envelope;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.util.Base64;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fmishare.core.compliance.ReviewApproval;
import org.fmishare.core.compliance.ReviewDecision;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.jose.Jcs;
import org.fmishare.core.jose.JwsKeys;
import org.fmishare.core.jose.KeyPurposes;
import org.fmishare.core.jose.internal.StrictBase64;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.keys.SigningCredential;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signs a reviewer's {@link ReviewDecision} as a compact JWS with the SDK's JOSE profile (the algorithm the key
 * calls for, {@code typ} {@value #JOSE_TYPE}, the certificate chain in {@code x5c}, an RFC 8785 canonical payload),
 * giving the {@link ReviewApproval} an envelope carries. The reviewer's certificate must carry the review-approval
 * purpose ({@link KeyPurposes#REVIEW_APPROVAL}); whether a verifier trusts the reviewer, and for which office, is the
 * verifier's {@link ReviewerTrust}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReviewSigner {
    /** The {@code typ} header of every signed review decision. */
    public static final String JOSE_TYPE = "fmi-share-review+jws";

    private final JWSHeader header;
    private final String protectedB64;
    private final JWSSigner jwsSigner;

    private ReviewSigner(SigningCredential credential) {
        if (!KeyPurposes.hasPurpose(credential.certificate(), KeyPurposes.REVIEW_APPROVAL)) {
            throw new IllegalArgumentException("the certificate " + credential.certificate()
                    .getSubjectX500Principal().getName() + " lacks the review-approval purpose ("
                    + KeyPurposes.REVIEW_APPROVAL + "): it may not sign review decisions");
        }
        EnvelopeAlgorithm algorithm = EnvelopeAlgorithm.defaultFor(credential.keyAlgorithm());
        try {
            List<Base64> chain = new ArrayList<>();
            for (X509Certificate c : credential.chain()) {
                chain.add(Base64.encode(c.getEncoded()));
            }
            this.header = new JWSHeader.Builder(algorithm.nimbus()).type(new JOSEObjectType(JOSE_TYPE))
                    .x509CertChain(List.copyOf(chain)).build();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate chain cannot be encoded", e);
        }
        this.protectedB64 = header.toBase64URL().toString();
        try {
            this.jwsSigner = JwsKeys.signer(credential.privateKey(), credential.keyAlgorithm());
        } catch (JOSEException e) {
            throw new EnvelopeException.ProcessingFailed("no signer for the " + credential.keyAlgorithm()
                    + " key: " + e.getMessage(), e);
        }
    }

    /**
     * A signer for one reviewer's credential.
     *
     * @param credential the reviewer's key and certificate chain; the certificate must carry the review-approval
     *     purpose
     * @return the signer
     * @throws IllegalArgumentException when the certificate lacks the review-approval purpose
     */
    public static ReviewSigner of(SigningCredential credential) {
        return new ReviewSigner(Objects.requireNonNull(credential, "credential"));
    }

    /**
     * Signs a decision.
     *
     * @param decision the decision; its reviewer id must be the one the credential's certificate is bound to at the
     *     verifiers
     * @return the approval to attach to the compliance summary ({@code ComplianceSummary.withReview})
     */
    public ReviewApproval sign(ReviewDecision decision) {
        Objects.requireNonNull(decision, "decision");
        String payloadB64 = StrictBase64.url(decision.canonicalJson());
        byte[] signingInput = Wire.signingInput(protectedB64, payloadB64);
        String signature;
        try {
            signature = jwsSigner.sign(header, signingInput).toString();
        } catch (JOSEException e) {
            throw new EnvelopeException.ProcessingFailed("signing the review decision on " + decision.subjectId()
                    + " failed: " + e.getMessage(), e);
        }
        return new ReviewApproval(decision.reviewerId(), decision.decidedAt(), decision.reasonsDigest(),
                protectedB64 + "." + payloadB64 + "." + signature);
    }

    /**
     * The digest a review decision binds the reviewed content with: {@code sha-256:} over the RFC 8785 canonical
     * JSON of {@code {"kind", "recipientId", "content"}}, where {@code content} is the share, meeting or briefing
     * in its JSON form (for an amendment, the amendment and the reference to the amended envelope). Any change to
     * the subject, or sending it to another recipient, changes the digest.
     *
     * @param subject the share, meeting notice or briefing summary reviewed and to be signed
     * @return the digest
     */
    public static String contentDigest(EnvelopeBody.Subject subject) {
        Objects.requireNonNull(subject, "subject");
        Object content = subject.match(EnvelopeBody.Share::share, EnvelopeBody.MeetingNotice::meeting,
                EnvelopeBody.BriefingSummary::briefing,
                // The reference is part of what was reviewed: the same amendment of another envelope is other content.
                a -> java.util.Map.of("amendment", a.amendment(), "original", a.original()), r -> {
                    throw new IllegalArgumentException("a receipt is not reviewed");
                });
        ObjectNode node = FmiJson.standard().mapper().createObjectNode();
        node.put("kind", subject.kind().name());
        node.put("recipientId", subject.recipientId());
        node.set("content", FmiJson.standard().mapper().valueToTree(content));
        return Digests.sha256(Jcs.canonicalize(node));
    }
}

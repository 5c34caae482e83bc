package org.fmishare.transport.taxii.stix;

import java.util.Objects;
import org.fmishare.core.envelope.EnvelopeReference;
import org.fmishare.core.model.SmcResponse;

/**
 * A company's response read back from its STIX {@code note}. <strong>Not verified</strong>: the office verifies
 * {@link #envelopeJws()} against the companies' receipt certificates (for example with the audit module's response
 * recorder) and then checks with {@link #requireSameAs} that the note says what was signed.
 *
 * @param noteId the STIX id of the note
 * @param response the response as the note's extension states it
 * @param inReplyTo the envelope the note says the response answers
 * @param envelopeId the response envelope's id, as the note names it
 * @param envelopeDigest the response envelope's digest, as the note names it
 * @param envelopeJws the signed response envelope, JWS JSON serialization
 */
public record PulledResponse(String noteId, SmcResponse response, EnvelopeReference inReplyTo, String envelopeId,
        String envelopeDigest, String envelopeJws) {

    /** Rejects nulls. */
    public PulledResponse {
        Objects.requireNonNull(noteId, "noteId");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(envelopeDigest, "envelopeDigest");
        Objects.requireNonNull(envelopeJws, "envelopeJws");
    }

    /** {@return the signed envelope's bytes, UTF-8, for a verifier or recorder} */
    public byte[] envelopeBytes() {
        return envelopeJws.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Checks that the note's readable view is what the verified envelope says.
     *
     * @param signed the response in the verified envelope
     * @param signedInReplyTo the envelope the verified response answers
     * @param signedEnvelopeId the verified envelope's id
     * @param signedDigest the verified envelope's digest
     * @throws StixMappingException naming the note and the property that differs
     */
    public void requireSameAs(SmcResponse signed, EnvelopeReference signedInReplyTo, String signedEnvelopeId,
            String signedDigest) {
        String x = "extensions." + FmiStixExtension.ID + ".";
        if (!response.equals(signed)) {
            throw new StixMappingException(noteId, x + "response", "differs from the signed response "
                    + signed.id());
        }
        if (!inReplyTo.equals(signedInReplyTo)) {
            throw new StixMappingException(noteId, x + "in_reply_to", "differs from the envelope the signed "
                    + "response answers (" + signedInReplyTo.envelopeId() + ")");
        }
        if (!envelopeId.equals(signedEnvelopeId) || !envelopeDigest.equals(signedDigest)) {
            throw new StixMappingException(noteId, x + "envelope_id", "the envelope id or digest on the note does "
                    + "not match the signed response envelope");
        }
    }
}

package org.fmishare.transport.taxii.stix;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeContent;
import org.fmishare.core.envelope.EnvelopeReference;
import org.fmishare.core.model.SmcResponse;

/**
 * Everything a company's response note carries: the response, the envelope it answers, the signed response envelope
 * (opaque here) and, when known, the TLP marking of the share it answers.
 *
 * @param response the company's response
 * @param inReplyTo the envelope the response answers
 * @param envelopeId the response envelope's id
 * @param envelopeDigest the response envelope's digest
 * @param envelopeJws the response envelope in JWS JSON serialization
 * @param tlpMarkingId the marking-definition id of the share's TLP 2.0 marking, applied to the note so the response
 *     is handled as the share it answers; empty when unknown
 */
public record StixResponseInput(SmcResponse response, EnvelopeReference inReplyTo, String envelopeId,
        String envelopeDigest, String envelopeJws, Optional<String> tlpMarkingId) {

    /** Validates: the envelope fields as for a share, and a TLP marking id that is one of the five TLP 2.0 ids. */
    public StixResponseInput {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(envelopeJws, "envelopeJws");
        Objects.requireNonNull(tlpMarkingId, "tlpMarkingId");
        new EnvelopeReference(envelopeId, envelopeDigest);
        if (!envelopeJws.strip().startsWith("{") || !envelopeJws.contains("\"payload\"")) {
            throw new IllegalArgumentException("envelopeJws must be a JWS in JSON serialization (a JSON object with "
                    + "a payload)");
        }
        if (tlpMarkingId.isPresent() && StixMarkings.tlpFor(tlpMarkingId.get()).isEmpty()) {
            throw new IllegalArgumentException("tlpMarkingId '" + tlpMarkingId.get() + "' is not a TLP 2.0 "
                    + "marking-definition id");
        }
    }

    /**
     * The input for a signed response as its signer hands it to a transport.
     *
     * @param content the response envelope's signed content; its body must be a {@link EnvelopeBody.Receipt}
     * @param wire the signed envelope's JWS JSON serialization, as sent
     * @param tlpMarkingId the TLP marking of the share answered, if known
     * @return the input
     * @throws IllegalArgumentException when the envelope is not a response
     */
    public static StixResponseInput of(EnvelopeContent content, byte[] wire, Optional<String> tlpMarkingId) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(wire, "wire");
        if (!(content.body() instanceof EnvelopeBody.Receipt r)) {
            throw new IllegalArgumentException("envelope " + content.envelopeId() + " carries a " + content.kind()
                    + ", not a company's response");
        }
        return new StixResponseInput(r.response(), r.inReplyTo(), content.envelopeId(), content.digest(),
                new String(wire, StandardCharsets.UTF_8), tlpMarkingId);
    }
}

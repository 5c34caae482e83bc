package org.fmishare.audit;

import java.util.Objects;
import org.fmishare.core.envelope.EnvelopeReference;
import org.fmishare.core.model.SmcResponse;

/**
 * A company's response as a {@link ResponseRecorder} took it: the response, the envelope it answers and the response
 * envelope's own id and digest. Nothing here evaluates the company: a response is recorded without consequence.
 *
 * @param response the company's response, note included (the audit log keeps no note)
 * @param inReplyTo the envelope the office sent and the response answers
 * @param responseEnvelopeId the response envelope's id
 * @param responseDigest the response envelope's digest
 * @param firstTime true when this call recorded it, false when the same response had been recorded before (it was
 *     then not recorded again)
 */
public record RecordedResponse(SmcResponse response, EnvelopeReference inReplyTo, String responseEnvelopeId,
        String responseDigest, boolean firstTime) {
    /** Validates. */
    public RecordedResponse {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(responseEnvelopeId, "responseEnvelopeId");
        Objects.requireNonNull(responseDigest, "responseDigest");
    }

    /** {@return the same record, marked as a repeat} */
    RecordedResponse again() {
        return new RecordedResponse(response, inReplyTo, responseEnvelopeId, responseDigest, false);
    }
}

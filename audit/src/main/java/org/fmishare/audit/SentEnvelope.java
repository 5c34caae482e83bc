package org.fmishare.audit;

import java.util.Objects;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeContent;
import org.fmishare.core.envelope.EnvelopeReference;
import org.fmishare.core.envelope.OutboundEnvelope;

/**
 * What an office sent, as far as a company's response needs it: the envelope's id and digest, the company it went to
 * and the id of the share, meeting or briefing it carried (for a correction or retraction, the share it amends). A response is recorded only when it answers one of these
 * and comes from that company.
 *
 * @param envelopeId the envelope's UUID
 * @param digest the envelope's digest ({@code sha-256:<hex>} over its JWS signing input)
 * @param recipientId the company the envelope was addressed to
 * @param subjectId the id of the share, meeting or briefing it carried
 */
public record SentEnvelope(String envelopeId, String digest, String recipientId, String subjectId) {
    /** Validates: the id and digest as an {@link EnvelopeReference} requires them, the ids not blank. */
    public SentEnvelope {
        new EnvelopeReference(envelopeId, digest);
        requireId(recipientId, "recipientId");
        requireId(subjectId, "subjectId");
    }

    /**
     * The record of an envelope this office signed.
     *
     * @param envelope the signed, encrypted or stored envelope
     * @return its record
     * @throws IllegalArgumentException when the envelope is a receipt (an office never sends one)
     */
    public static SentEnvelope of(OutboundEnvelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        return of(envelope.content());
    }

    /**
     * The record of an envelope's signed content, as {@link EnvelopeContent#ofOwnEnvelope} reads it back from the
     * office's own storage.
     *
     * @param content the content
     * @return its record
     * @throws IllegalArgumentException when the envelope is a receipt (an office never sends one)
     */
    public static SentEnvelope of(EnvelopeContent content) {
        Objects.requireNonNull(content, "content");
        EnvelopeBody body = content.body();
        String subjectId;
        if (body instanceof EnvelopeBody.Share s) {
            subjectId = s.share().id();
        } else if (body instanceof EnvelopeBody.MeetingNotice m) {
            subjectId = m.meeting().id();
        } else if (body instanceof EnvelopeBody.BriefingSummary b) {
            subjectId = b.briefing().id();
        } else if (body instanceof EnvelopeBody.Amendment a) {
            // A response to a correction or retraction is about the share it amends (EnvelopeSigner.signResponse).
            subjectId = a.amendment().shareId();
        } else {
            throw new IllegalArgumentException("envelope " + content.envelopeId() + " is a " + body.kind()
                    + ", not something an office sends");
        }
        return new SentEnvelope(content.envelopeId(), content.digest(), content.recipientId(), subjectId);
    }

    /**
     * The record of a {@code signed} event of the office's audit log.
     *
     * @param signed the event
     * @return its record
     */
    public static SentEnvelope of(AuditEvent.Signed signed) {
        Objects.requireNonNull(signed, "signed");
        return new SentEnvelope(signed.envelopeId(), signed.envelopeDigest(), signed.recipientId(),
                signed.subjectId());
    }

    private static void requireId(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

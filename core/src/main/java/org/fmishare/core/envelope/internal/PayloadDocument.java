package org.fmishare.core.envelope.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.envelope.EnvelopeKind;
import org.fmishare.core.envelope.EnvelopeReference;
import org.fmishare.core.envelope.EnvelopeSender;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.SmcResponse;
import org.fmishare.core.model.ThreatShare;

/**
 * The signed payload of an envelope, as written (then canonicalised with RFC 8785) and read with the SDK's strict
 * JSON codec. Exactly one of the body fields is present, matching {@code kind}; the verifier checks that, and every
 * other cross-field rule.
 *
 * @param format always {@link #FORMAT}
 * @param envelopeId a random UUID, the idempotency key
 * @param kind what the body is
 * @param sender who signed
 * @param recipient the recipient's id (a company id, or an office id for receipts)
 * @param issuedAt when signed
 * @param expiresAt after when it must not be accepted
 * @param nonce 16 random bytes, unpadded base64url
 * @param share the share, for {@link EnvelopeKind#THREAT_SHARE}
 * @param meetingNotice the meeting, for {@link EnvelopeKind#MEETING_NOTICE}
 * @param briefingSummary the briefing, for {@link EnvelopeKind#BRIEFING_SUMMARY}
 * @param response the company's response, for {@link EnvelopeKind#RECEIPT}
 * @param inReplyTo for receipts, the envelope answered
 * @param amendment the correction or retraction, for {@link EnvelopeKind#SHARE_AMENDMENT}
 * @param amends for amendments, the share envelope amended
 * @param disclosures the mandatory disclosures
 * @param compliance the compliance summary (absent for receipts)
 */
public record PayloadDocument(
        String format,
        String envelopeId,
        EnvelopeKind kind,
        EnvelopeSender sender,
        String recipient,
        Instant issuedAt,
        Instant expiresAt,
        String nonce,
        Optional<ThreatShare> share,
        Optional<Meeting> meetingNotice,
        Optional<Briefing> briefingSummary,
        Optional<SmcResponse> response,
        Optional<EnvelopeReference> inReplyTo,
        Optional<ShareAmendment> amendment,
        Optional<EnvelopeReference> amends,
        List<Disclosure> disclosures,
        Optional<ComplianceSummary> compliance) {

    /** The format identifier; a new incompatible layout gets a new one. */
    public static final String FORMAT = "fmi-share-envelope/1";

    /** Rejects missing required fields and copies the list. */
    public PayloadDocument {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(nonce, "nonce");
        share = share == null ? Optional.empty() : share;
        meetingNotice = meetingNotice == null ? Optional.empty() : meetingNotice;
        briefingSummary = briefingSummary == null ? Optional.empty() : briefingSummary;
        response = response == null ? Optional.empty() : response;
        inReplyTo = inReplyTo == null ? Optional.empty() : inReplyTo;
        amendment = amendment == null ? Optional.empty() : amendment;
        amends = amends == null ? Optional.empty() : amends;
        disclosures = disclosures == null ? List.of() : List.copyOf(disclosures);
        compliance = compliance == null ? Optional.empty() : compliance;
    }

    /** {@return how many body fields are present (exactly one in a valid document)} */
    public int bodyCount() {
        return (share.isPresent() ? 1 : 0) + (meetingNotice.isPresent() ? 1 : 0)
                + (briefingSummary.isPresent() ? 1 : 0) + (response.isPresent() ? 1 : 0)
                + (amendment.isPresent() ? 1 : 0);
    }

    /** {@return whether the body field present is the one {@code kind} calls for} */
    public boolean bodyMatchesKind() {
        return bodyCount() == 1 && switch (kind) {
            case THREAT_SHARE -> share.isPresent();
            case MEETING_NOTICE -> meetingNotice.isPresent();
            case BRIEFING_SUMMARY -> briefingSummary.isPresent();
            case SHARE_AMENDMENT -> amendment.isPresent();
            case RECEIPT -> response.isPresent();
        };
    }
}

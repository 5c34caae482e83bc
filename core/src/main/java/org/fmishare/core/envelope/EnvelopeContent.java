package org.fmishare.core.envelope;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.envelope.internal.PayloadDocument;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.json.JsonCodecException;

/**
 * The signed content of an outbound envelope, for the sending side: the body, the disclosures, the compliance
 * summary and the addressing that were signed. Transports that must present the content (an email body, a STIX
 * bundle) read it from here instead of re-verifying their own sender's envelope.
 *
 * <p>Instances come from the signer ({@link SignedEnvelope#content()}, built from the very payload document that was
 * canonicalised and signed) or, after an outbox reloads an envelope from storage, from {@link #ofOwnEnvelope}, which
 * parses the stored JWS and checks it against the digest recorded at signing. Either way the content is the signed
 * payload, never a separate copy that could drift from it. Receivers must use {@link EnvelopeVerifier} instead.
 *
 * @param envelopeId the envelope's UUID
 * @param sender who signed
 * @param recipientId the recipient's id
 * @param issuedAt when it was signed
 * @param expiresAt when it expires
 * @param body the body (exactly one of share, meeting notice, briefing summary, amendment, receipt)
 * @param disclosures the mandatory disclosures that were signed
 * @param compliance the compliance summary; empty exactly for receipts
 * @param digest the envelope's digest ({@link OutboundEnvelope#digest()})
 */
public record EnvelopeContent(String envelopeId, EnvelopeSender sender, String recipientId, Instant issuedAt,
        Instant expiresAt, EnvelopeBody body, List<Disclosure> disclosures, Optional<ComplianceSummary> compliance,
        String digest) {
    private static final Set<String> JWS_MEMBERS = Set.of("payload", "protected", "signature");

    /** Rejects nulls, copies the disclosures and requires a compliance summary exactly for non-receipts. */
    public EnvelopeContent {
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(body, "body");
        disclosures = List.copyOf(Objects.requireNonNull(disclosures, "disclosures"));
        Objects.requireNonNull(compliance, "compliance");
        Objects.requireNonNull(digest, "digest");
        if (compliance.isPresent() == (body instanceof EnvelopeBody.Receipt)) {
            throw new IllegalArgumentException("a compliance summary is carried by every envelope except receipts");
        }
    }

    /** {@return what the envelope carries} */
    public EnvelopeKind kind() {
        return body.kind();
    }

    /**
     * Reads the content back out of an envelope this process (or its outbox) signed earlier, without verifying the
     * signature: the bytes come from the sender's own durable storage, not from a network peer. What binds the
     * content to the signed bytes is the digest: it is recomputed over the JWS signing input read here and must equal
     * the digest recorded at signing, so the content returned is exactly what the recipient will verify.
     *
     * <p>Not a verification: a receiver must use {@link EnvelopeVerifier}, never this.
     *
     * @param signedSerialization the JWS JSON serialization (not the JWE wrapping of an encrypted envelope)
     * @param recordedDigest the digest recorded when the envelope was signed
     * @return the signed content
     * @throws EnvelopeException.Rejected with check {@code SYNTAX} when the bytes are not a well-formed envelope or do not match the digest
     */
    public static EnvelopeContent ofOwnEnvelope(byte[] signedSerialization, String recordedDigest) {
        Objects.requireNonNull(signedSerialization, "signedSerialization");
        Objects.requireNonNull(recordedDigest, "recordedDigest");
        Map<String, String> m = Wire.exactStringMembers(Wire.object(signedSerialization, "stored envelope"),
                JWS_MEMBERS, "stored JWS JSON serialization");
        String digest = Digests.sha256(Wire.signingInput(m.get("protected"), m.get("payload")));
        if (!digest.equals(recordedDigest)) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX,
                    "stored envelope has digest " + digest + ", but " + recordedDigest
                    + " was recorded when it was signed");
        }
        PayloadDocument doc;
        try {
            doc = FmiJson.standard().read(Wire.base64url(m.get("payload"), "payload"), PayloadDocument.class);
        } catch (JsonCodecException e) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX,
                    "stored envelope payload " + e.getMessage(), e);
        }
        return of(doc, digest);
    }

    /** The content of a payload document that passed {@link ContentRules} (signer) or was read from storage. */
    static EnvelopeContent of(PayloadDocument doc, String digest) {
        return new EnvelopeContent(doc.envelopeId(), doc.sender(), doc.recipient(), doc.issuedAt(),
                doc.expiresAt(), bodyOf(doc), doc.disclosures(), doc.compliance(), digest);
    }

    /** The sealed body of a payload document; refuses documents whose body fields do not match their kind. */
    static EnvelopeBody bodyOf(PayloadDocument doc) {
        if (!doc.bodyMatchesKind()) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.CONTENT,
                    "a " + doc.kind() + " envelope must carry exactly its own "
                    + "body field; found " + doc.bodyCount() + " body fields");
        }
        return switch (doc.kind()) {
            case THREAT_SHARE -> new EnvelopeBody.Share(doc.share().orElseThrow());
            case MEETING_NOTICE -> new EnvelopeBody.MeetingNotice(doc.meetingNotice().orElseThrow(), doc.recipient());
            case BRIEFING_SUMMARY -> new EnvelopeBody.BriefingSummary(doc.briefingSummary().orElseThrow(),
                    doc.recipient());
            case SHARE_AMENDMENT -> new EnvelopeBody.Amendment(doc.amendment().orElseThrow(), doc.amends().orElseThrow(
                    () -> new EnvelopeException.Rejected(EnvelopeException.Check.CONTENT,
                            "$.amends must be present exactly for share amendments")));
            case RECEIPT -> new EnvelopeBody.Receipt(doc.response().orElseThrow(), doc.inReplyTo().orElseThrow(
                    () -> new EnvelopeException.Rejected(EnvelopeException.Check.CONTENT,
                            "$.inReplyTo must be present exactly for receipts")));
        };
    }

    /** {@return id, kind and recipient; never the payload} */
    @Override
    public String toString() {
        return "EnvelopeContent[" + envelopeId + ", " + body.kind() + ", to " + recipientId + "]";
    }
}

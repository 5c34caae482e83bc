package org.fmishare.core.envelope;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.ReviewDecision;
import org.fmishare.core.envelope.internal.PayloadDocument;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.SmcResponse;
import org.fmishare.core.model.ThreatShare;

/**
 * The payload of an envelope that passed every check of an {@link EnvelopeVerifier}: size, strict syntax, algorithm
 * allow-list, no critical headers, signature, certificate chain (PKIX at the signing time, key usage), signer
 * binding, recipient, issued-at and expiry with clock skew, body consistency, required disclosures with recomputed
 * digests, a PASS compliance summary (or a NEEDS_REVIEW one with a verified reviewer's approval), and a nonce no
 * other envelope used ({@link #repeated()} says whether this same envelope was seen before).
 *
 * <p>Only the verifier creates instances, so the payload is reachable only through a successful verification.
 * Immutable and thread-safe; byte accessors return copies.
 */
public final class VerifiedEnvelope {
    private final PayloadDocument doc;
    private final EnvelopeAlgorithm algorithm;
    private final List<X509Certificate> chain;
    private final String digest;
    private final byte[] canonicalPayload;
    private final EnvelopeBody body;
    private final boolean complianceRechecked;
    private final Optional<ReviewDecision> review;
    private final boolean repeated;

    VerifiedEnvelope(PayloadDocument doc, EnvelopeAlgorithm algorithm, List<X509Certificate> chain, String digest,
            byte[] canonicalPayload) {
        this(doc, algorithm, chain, digest, canonicalPayload, false);
    }

    VerifiedEnvelope(PayloadDocument doc, EnvelopeAlgorithm algorithm, List<X509Certificate> chain, String digest,
            byte[] canonicalPayload, boolean complianceRechecked) {
        this(doc, algorithm, chain, digest, canonicalPayload, complianceRechecked, Optional.empty(), false);
    }

    VerifiedEnvelope(PayloadDocument doc, EnvelopeAlgorithm algorithm, List<X509Certificate> chain, String digest,
            byte[] canonicalPayload, boolean complianceRechecked, Optional<ReviewDecision> review,
            boolean repeated) {
        this.review = review;
        this.repeated = repeated;
        this.doc = doc;
        this.algorithm = algorithm;
        this.chain = List.copyOf(chain);
        this.digest = digest;
        this.canonicalPayload = canonicalPayload;
        this.body = EnvelopeContent.bodyOf(doc);
        this.complianceRechecked = complianceRechecked;
    }

    /** {@return the envelope's UUID} */
    public String envelopeId() {
        return doc.envelopeId();
    }

    /** {@return what the envelope carries} */
    public EnvelopeKind kind() {
        return doc.kind();
    }

    /** {@return the sender, bound to the signing certificate} */
    public EnvelopeSender sender() {
        return doc.sender();
    }

    /** {@return the recipient's id} */
    public String recipientId() {
        return doc.recipient();
    }

    /** {@return when it was signed} */
    public Instant issuedAt() {
        return doc.issuedAt();
    }

    /** {@return when it expires} */
    public Instant expiresAt() {
        return doc.expiresAt();
    }

    /** {@return the nonce recorded in the replay cache} */
    public String nonce() {
        return doc.nonce();
    }

    /**
     * Whether the verifier's replay cache had already recorded this very envelope (the same nonce with the same
     * digest), or it was verified as a known repeat ({@link EnvelopeVerifier#verifyRepeat}). A repeat is not an
     * attack: a sender retries the identical envelope when an answer was lost or the receiver failed before storing
     * its outcome, so a receiver looks in its own store of outcomes: a stored outcome is answered again; none means
     * the earlier attempt never completed and the envelope is processed now. Another envelope reusing the nonce is
     * refused as a replay and never gets here.
     *
     * @return true when the same envelope was verified before
     */
    public boolean repeated() {
        return repeated;
    }

    /** {@return the JWS algorithm it was signed with} */
    public EnvelopeAlgorithm algorithm() {
        return algorithm;
    }

    /** {@return the validated certificate chain, leaf first, as received in {@code x5c}} */
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    /** {@return the signing certificate} */
    public X509Certificate signerCertificate() {
        return chain.get(0);
    }

    /** {@return the envelope's digest ({@link OutboundEnvelope#digest()}), which a receipt references} */
    public String digest() {
        return digest;
    }

    /** {@return a reference to this envelope, as carried by receipts} */
    public EnvelopeReference reference() {
        return new EnvelopeReference(doc.envelopeId(), digest);
    }

    /** {@return the disclosures, with digests recomputed from their texts} */
    public List<Disclosure> disclosures() {
        return doc.disclosures();
    }

    /**
     * The reviewer's decision that approved a NEEDS_REVIEW share, as the verifier's {@link ReviewerTrust} verified
     * it (reviewer, time, each finding's reason); empty for PASS envelopes and receipts.
     *
     * @return the verified decision
     */
    public Optional<ReviewDecision> reviewDecision() {
        return review;
    }

    /** {@return whether a trusted reviewer approved this envelope's NEEDS_REVIEW report} */
    public boolean reviewed() {
        return review.isPresent();
    }

    /**
     * {@return the compliance summary (verdict PASS, or NEEDS_REVIEW with its verified approval); empty for
     * receipts}
     */
    public Optional<ComplianceSummary> compliance() {
        return doc.compliance();
    }

    /**
     * Whether the verifier re-ran the SOP check of the subject and got the claimed verdict and report digest (see
     * {@link EnvelopeVerifier.Builder#complianceRechecker}); false for receipts and for a verifier without a
     * rechecker, which trusts the sender's report.
     *
     * @return true when the compliance summary was confirmed by this party's own check
     */
    public boolean complianceRechecked() {
        return complianceRechecked;
    }

    /**
     * The body, as a sealed type to {@code switch} over exhaustively: a share, meeting notice, briefing summary or
     * receipt, matching {@link #kind()}.
     *
     * @return the body
     */
    public EnvelopeBody body() {
        return body;
    }

    /** {@return the share, for {@link EnvelopeKind#THREAT_SHARE}} */
    public Optional<ThreatShare> share() {
        return doc.share();
    }

    /** {@return the meeting, for {@link EnvelopeKind#MEETING_NOTICE}} */
    public Optional<Meeting> meetingNotice() {
        return doc.meetingNotice();
    }

    /** {@return the briefing, for {@link EnvelopeKind#BRIEFING_SUMMARY}} */
    public Optional<Briefing> briefingSummary() {
        return doc.briefingSummary();
    }

    /** {@return the company's response, for {@link EnvelopeKind#RECEIPT}} */
    public Optional<SmcResponse> response() {
        return doc.response();
    }

    /** {@return the correction or retraction, for {@link EnvelopeKind#SHARE_AMENDMENT}} */
    public Optional<ShareAmendment> amendment() {
        return doc.amendment();
    }

    /** {@return for share amendments, the share envelope amended} */
    public Optional<EnvelopeReference> amends() {
        return doc.amends();
    }

    /** {@return for receipts, the envelope answered} */
    public Optional<EnvelopeReference> inReplyTo() {
        return doc.inReplyTo();
    }

    /** {@return a copy of the RFC 8785 canonical payload that was signed} */
    public byte[] canonicalPayload() {
        return canonicalPayload.clone();
    }

    /**
     * A few lines for people: what, from whom (and which certificate), to whom, when, the verdict and the
     * disclosures. Contains ids and counts, not the threat details.
     *
     * @return the summary
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("verified ").append(doc.kind()).append(' ').append(doc.envelopeId()).append('\n');
        sb.append("  body:        ").append(bodyLine()).append('\n');
        sb.append("  from:        ").append(doc.sender().id()).append(" (").append(doc.sender().subject())
                .append(", ").append(algorithm.jwsName()).append(")\n");
        sb.append("  to:          ").append(doc.recipient()).append('\n');
        sb.append("  issued:      ").append(doc.issuedAt()).append(", expires ").append(doc.expiresAt())
                .append('\n');
        doc.compliance().ifPresent(c -> sb.append("  compliance:  ").append(c.verdict()).append(" under ")
                .append(c.ruleSetId()).append(' ').append(c.ruleSetVersion()).append(", report ")
                .append(c.reportDigest()).append(complianceRechecked ? " (re-checked by this receiver)" : "")
                .append('\n'));
        review.ifPresent(r -> sb.append("  review:      approved by ").append(r.reviewerId()).append(" at ")
                .append(r.decidedAt()).append(", ").append(r.findings().size()).append(" finding(s): ")
                .append(r.findings().stream().map(ReviewDecision.FindingDecision::ruleId).distinct()
                        .collect(Collectors.joining(", "))).append("; reasons ").append(r.reasonsDigest())
                .append('\n'));
        if (!doc.disclosures().isEmpty()) {
            sb.append("  disclosures: ").append(doc.disclosures().stream().map(d -> d.id() + " v" + d.version())
                    .collect(Collectors.joining(", "))).append('\n');
        }
        doc.amends().ifPresent(r -> sb.append("  amends:      ").append(r.envelopeId()).append(' ')
                .append(r.digest()).append('\n'));
        doc.inReplyTo().ifPresent(r -> sb.append("  in reply to: ").append(r.envelopeId()).append(' ')
                .append(r.digest()).append('\n'));
        if (repeated) {
            // Not an attack: the replay cache knew this very envelope (a retry, or the same file verified again).
            sb.append("  repeat:      the same envelope was verified before (same nonce and digest)\n");
        }
        sb.append("  digest:      ").append(digest);
        return sb.toString();
    }

    private String bodyLine() {
        return switch (doc.kind()) {
            case THREAT_SHARE -> {
                ThreatShare s = doc.share().orElseThrow();
                yield "share " + s.id() + " (" + s.accounts().size() + " accounts, " + s.facts().size() + " facts, "
                        + s.handling().label() + ")";
            }
            case MEETING_NOTICE -> "meeting " + doc.meetingNotice().orElseThrow().id();
            case BRIEFING_SUMMARY -> "briefing " + doc.briefingSummary().orElseThrow().id();
            case SHARE_AMENDMENT -> {
                ShareAmendment a = doc.amendment().orElseThrow();
                yield a.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + a.id() + " of share " + a.shareId()
                        + " (" + a.handling().label() + ")";
            }
            case RECEIPT -> {
                SmcResponse r = doc.response().orElseThrow();
                yield "response " + r.id() + " to " + r.shareId() + ": " + r.kind();
            }
        };
    }

    /** {@return id, kind and sender; never the payload} */
    @Override
    public String toString() {
        return "VerifiedEnvelope[" + doc.envelopeId() + ", " + doc.kind() + ", from " + doc.sender().id() + "]";
    }
}

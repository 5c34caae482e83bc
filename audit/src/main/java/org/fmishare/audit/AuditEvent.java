package org.fmishare.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.ReviewApproval;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.audit.internal.Checks;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.model.AdHocTrigger;
import org.fmishare.core.model.AmendmentKind;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.MeetingKind;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.SmcResponse;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.core.model.TransportKind;

/**
 * One thing that happened, as the audit log records it: ids, digests and non-identifying attributes only, never
 * threat content (no account names, facts, narratives or message bodies). The attributes are the ones a public
 * transparency report counts by: prong, channel, election nexus, rule set and version, meeting leadership, kind and
 * trigger, response kind and the rule ids that blocked a share.
 *
 * <p>Each kind is a record validated at construction; the {@code of(...)} factories take the domain objects and keep
 * only what may be logged. {@link #type()} is the stable name written to the log.
 */
public sealed interface AuditEvent {

    /** {@return when it happened} */
    Instant at();

    /** {@return the stable wire name of this kind of event, e.g. {@code "validated"}} */
    String type();

    /**
     * A share, meeting or briefing was checked against the SOP rule set.
     *
     * @param at when
     * @param subject what was checked
     * @param subjectId its id
     * @param verdict the verdict
     * @param ruleSetId the rule set
     * @param ruleSetVersion its version
     * @param reportDigest digest of the full compliance report, which stays with the agency
     * @param failedRuleIds the ids of rules that failed (empty on PASS); a FAIL blocks the share
     */
    record Validated(Instant at, AuditSubject subject, String subjectId, Verdict verdict, String ruleSetId,
            String ruleSetVersion, String reportDigest, List<String> failedRuleIds) implements AuditEvent {
        /** Validates. */
        public Validated {
            Checks.nonNull(at, "at", subject, "subject", verdict, "verdict");
            Checks.id(subjectId, "subjectId");
            Checks.id(ruleSetId, "ruleSetId");
            Checks.id(ruleSetVersion, "ruleSetVersion");
            Checks.digest(reportDigest, "reportDigest");
            failedRuleIds = Checks.ids(failedRuleIds, "failedRuleIds");
        }

        /**
         * Records the validation of a share.
         *
         * @param share the share
         * @param compliance the validator's summary
         * @param failedRuleIds the failed rule ids (the report's {@code failedRuleIds()})
         * @param at when
         * @return the event
         */
        public static Validated ofShare(ThreatShare share, ComplianceSummary compliance, List<String> failedRuleIds,
                Instant at) {
            Objects.requireNonNull(share, "share");
            Objects.requireNonNull(compliance, "compliance");
            return new Validated(at, AuditSubject.SHARE, share.id(), compliance.verdict(), compliance.ruleSetId(),
                    compliance.ruleSetVersion(), compliance.reportDigest(), failedRuleIds);
        }

        /**
         * Records the validation of a meeting.
         *
         * @param meeting the meeting
         * @param compliance the validator's summary
         * @param failedRuleIds the failed rule ids
         * @param at when
         * @return the event
         */
        public static Validated ofMeeting(Meeting meeting, ComplianceSummary compliance, List<String> failedRuleIds,
                Instant at) {
            Objects.requireNonNull(meeting, "meeting");
            Objects.requireNonNull(compliance, "compliance");
            return new Validated(at, AuditSubject.MEETING, meeting.id(), compliance.verdict(),
                    compliance.ruleSetId(), compliance.ruleSetVersion(), compliance.reportDigest(), failedRuleIds);
        }

        @Override
        public String type() {
            return "validated";
        }
    }

    /**
     * A message was rendered from the disclosure templates. Only the digest of the body is kept.
     *
     * @param at when
     * @param subject what the message is about
     * @param subjectId its id
     * @param format the format (e.g. {@code TEXT}, {@code HTML})
     * @param bodyDigest {@code sha-256:} digest of the rendered body (UTF-8)
     * @param disclosureDigests digests of the disclosure clauses it contains
     */
    record Rendered(Instant at, AuditSubject subject, String subjectId, String format, String bodyDigest,
            List<String> disclosureDigests) implements AuditEvent {
        /** Validates. */
        public Rendered {
            Checks.nonNull(at, "at", subject, "subject");
            Checks.id(subjectId, "subjectId");
            Checks.id(format, "format");
            Checks.digest(bodyDigest, "bodyDigest");
            disclosureDigests = Checks.list(disclosureDigests, "disclosureDigests");
            for (String d : disclosureDigests) {
                Checks.digest(d, "disclosureDigests[]");
            }
        }

        /**
         * Records a rendered message by the digest of its body.
         *
         * @param subject what it is about
         * @param subjectId its id
         * @param format the format name
         * @param body the rendered body (only its digest is kept)
         * @param disclosureDigests the digests of its disclosure clauses
         * @param at when
         * @return the event
         */
        public static Rendered of(AuditSubject subject, String subjectId, String format, String body,
                List<String> disclosureDigests, Instant at) {
            Objects.requireNonNull(body, "body");
            return new Rendered(at, subject, subjectId, format,
                    Digests.sha256(body.getBytes(StandardCharsets.UTF_8)), disclosureDigests);
        }

        @Override
        public String type() {
            return "rendered";
        }
    }

    /**
     * An envelope was signed.
     *
     * @param at when
     * @param subject what it carries
     * @param subjectId the id of what it carries
     * @param envelopeId the envelope id
     * @param recipientId the recipient's id
     * @param envelopeDigest the envelope's digest
     */
    record Signed(Instant at, AuditSubject subject, String subjectId, String envelopeId, String recipientId,
            String envelopeDigest) implements AuditEvent {
        /** Validates. */
        public Signed {
            Checks.nonNull(at, "at", subject, "subject");
            Checks.id(subjectId, "subjectId");
            Checks.id(envelopeId, "envelopeId");
            Checks.id(recipientId, "recipientId");
            Checks.digest(envelopeDigest, "envelopeDigest");
        }

        /**
         * Records a signed envelope.
         *
         * @param subject what it carries
         * @param subjectId the id of what it carries
         * @param envelope the envelope
         * @param at when
         * @return the event
         */
        public static Signed of(AuditSubject subject, String subjectId, OutboundEnvelope envelope, Instant at) {
            Objects.requireNonNull(envelope, "envelope");
            return new Signed(at, subject, subjectId, envelope.envelopeId(), envelope.recipientId(),
                    envelope.digest());
        }

        @Override
        public String type() {
            return "signed";
        }
    }

    /**
     * An envelope was handed to the dispatcher for a channel: the event the transparency report counts as "sent".
     *
     * @param at when
     * @param envelopeId the envelope
     * @param subject what it carries
     * @param subjectId the id of what it carries
     * @param recipientId the company's id (kept in the log for overseers, never published)
     * @param prong the strategic prong
     * @param channel the transport
     * @param electionNexus whether the shared activity targets an election
     * @param ruleSetId the SOP rule set it was checked under
     * @param ruleSetVersion that rule set's version
     * @param reviewedBy for a NEEDS_REVIEW subject sent with a reviewer's approval, the reviewer's id (kept for
     *     overseers, never published; the report counts reviewed shares); empty for a PASS subject
     * @param reviewDigest with {@code reviewedBy}, the SHA-256 digest of the reviewer's signed decision (the compact
     *     JWS the envelope carries, {@link ReviewApproval#decision()}), so an overseer can match the entry to the
     *     archived decision without the log holding its reasons; empty for a PASS subject and in entries written
     *     before it was recorded
     */
    record Dispatched(Instant at, String envelopeId, AuditSubject subject, String subjectId, String recipientId,
            Prong prong, TransportKind channel, boolean electionNexus, String ruleSetId, String ruleSetVersion,
            Optional<String> reviewedBy, Optional<String> reviewDigest) implements AuditEvent {
        /** Validates. */
        public Dispatched {
            Checks.nonNull(at, "at", subject, "subject", prong, "prong", channel, "channel");
            Checks.id(envelopeId, "envelopeId");
            Checks.id(subjectId, "subjectId");
            Checks.id(recipientId, "recipientId");
            Checks.id(ruleSetId, "ruleSetId");
            Checks.id(ruleSetVersion, "ruleSetVersion");
            // Absent in entries written before reviews existed, and for PASS subjects: the entry's bytes stay as
            // they were, so old logs keep their hashes.
            reviewedBy = reviewedBy == null ? Optional.empty() : reviewedBy;
            reviewedBy.ifPresent(r -> Checks.id(r, "reviewedBy"));
            reviewDigest = reviewDigest == null ? Optional.empty() : reviewDigest;
            reviewDigest.ifPresent(d -> Checks.digest(d, "reviewDigest"));
            if (reviewDigest.isPresent() && reviewedBy.isEmpty()) {
                throw new IllegalArgumentException("Dispatched.reviewDigest: a review decision's digest needs the "
                        + "reviewer (reviewedBy)");
            }
        }

        /**
         * An envelope whose entry names its reviewer but not the decision's digest, as entries written before the
         * digest was recorded do.
         *
         * @param at when
         * @param envelopeId the envelope
         * @param subject what it carries
         * @param subjectId the id of what it carries
         * @param recipientId the company's id
         * @param prong the strategic prong
         * @param channel the transport
         * @param electionNexus whether the shared activity targets an election
         * @param ruleSetId the SOP rule set it was checked under
         * @param ruleSetVersion that rule set's version
         * @param reviewedBy the reviewer's id, or empty for a PASS subject
         */
        public Dispatched(Instant at, String envelopeId, AuditSubject subject, String subjectId, String recipientId,
                Prong prong, TransportKind channel, boolean electionNexus, String ruleSetId, String ruleSetVersion,
                Optional<String> reviewedBy) {
            this(at, envelopeId, subject, subjectId, recipientId, prong, channel, electionNexus, ruleSetId,
                    ruleSetVersion, reviewedBy, Optional.empty());
        }

        /**
         * An envelope of a PASS subject (no reviewer).
         *
         * @param at when
         * @param envelopeId the envelope
         * @param subject what it carries
         * @param subjectId the id of what it carries
         * @param recipientId the company's id
         * @param prong the strategic prong
         * @param channel the transport
         * @param electionNexus whether the shared activity targets an election
         * @param ruleSetId the SOP rule set it was checked under
         * @param ruleSetVersion that rule set's version
         */
        public Dispatched(Instant at, String envelopeId, AuditSubject subject, String subjectId, String recipientId,
                Prong prong, TransportKind channel, boolean electionNexus, String ruleSetId, String ruleSetVersion) {
            this(at, envelopeId, subject, subjectId, recipientId, prong, channel, electionNexus, ruleSetId,
                    ruleSetVersion, Optional.empty(), Optional.empty());
        }

        /** The digest recorded for an approval: over the signed decision's compact JWS, which is ASCII. */
        private static String decisionDigest(ReviewApproval approval) {
            return Digests.sha256(approval.decision().getBytes(StandardCharsets.US_ASCII));
        }

        /** {@return whether a reviewer approved the NEEDS_REVIEW report this envelope was signed under} */
        public boolean reviewed() {
            return reviewedBy.isPresent();
        }

        /**
         * Records a share sent on a channel.
         *
         * @param share the share
         * @param compliance the summary it was signed with (its reviewer and the digest of the signed decision, if
         *     any, are recorded)
         * @param envelope its envelope
         * @param channel the transport
         * @param at when
         * @return the event
         */
        public static Dispatched ofShare(ThreatShare share, ComplianceSummary compliance, OutboundEnvelope envelope,
                TransportKind channel, Instant at) {
            Objects.requireNonNull(share, "share");
            Objects.requireNonNull(compliance, "compliance");
            Objects.requireNonNull(envelope, "envelope");
            return new Dispatched(at, envelope.envelopeId(), AuditSubject.SHARE, share.id(), share.recipient().id(),
                    Prong.ACCOUNT_SHARING, channel, share.electionNexus().isPresent(), compliance.ruleSetId(),
                    compliance.ruleSetVersion(), compliance.review().map(ReviewApproval::reviewerId),
                    compliance.review().map(Dispatched::decisionDigest));
        }

        /**
         * Records a meeting notice sent on a channel.
         *
         * @param meeting the meeting
         * @param compliance the summary it was signed with
         * @param envelope its envelope
         * @param channel the transport
         * @param electionNexus whether the meeting concerns threats to an election
         * @param at when
         * @return the event
         */
        public static Dispatched ofMeetingNotice(Meeting meeting, ComplianceSummary compliance,
                OutboundEnvelope envelope, TransportKind channel, boolean electionNexus, Instant at) {
            Objects.requireNonNull(meeting, "meeting");
            Objects.requireNonNull(compliance, "compliance");
            Objects.requireNonNull(envelope, "envelope");
            return new Dispatched(at, envelope.envelopeId(), AuditSubject.MEETING, meeting.id(),
                    envelope.recipientId(), Prong.MEETINGS, channel, electionNexus, compliance.ruleSetId(),
                    compliance.ruleSetVersion(), compliance.review().map(ReviewApproval::reviewerId),
                    compliance.review().map(Dispatched::decisionDigest));
        }

        @Override
        public String type() {
            return "dispatched";
        }
    }

    /**
     * A correction or retraction of a share sent earlier was handed to the dispatcher for a channel (one event per
     * amendment envelope, as {@link Dispatched} is per share envelope). The reason is kept as a digest only: the
     * company reads it in the amendment, overseers compare it with the agency's own copy, and the log never holds
     * the text. The transparency report counts each amendment id once, by kind.
     *
     * @param at when
     * @param amendmentId the amendment's own id
     * @param kind correction or retraction
     * @param shareId the share amended
     * @param envelopeId the amendment's envelope
     * @param originalEnvelopeId the share envelope it names (by id; its digest is signed into the amendment)
     * @param recipientId the company's id (kept in the log for overseers, never published)
     * @param channel the transport
     * @param reasonDigest {@code sha-256:} digest of the reason (UTF-8)
     * @param ruleSetId the SOP rule set the amendment was checked under
     * @param ruleSetVersion that rule set's version
     */
    record ShareAmended(Instant at, String amendmentId, AmendmentKind kind, String shareId, String envelopeId,
            String originalEnvelopeId, String recipientId, TransportKind channel, String reasonDigest,
            String ruleSetId, String ruleSetVersion) implements AuditEvent {
        /** Validates. */
        public ShareAmended {
            Checks.nonNull(at, "at", kind, "kind", channel, "channel");
            Checks.id(amendmentId, "amendmentId");
            Checks.id(shareId, "shareId");
            Checks.id(envelopeId, "envelopeId");
            Checks.id(originalEnvelopeId, "originalEnvelopeId");
            Checks.id(recipientId, "recipientId");
            Checks.digest(reasonDigest, "reasonDigest");
            Checks.id(ruleSetId, "ruleSetId");
            Checks.id(ruleSetVersion, "ruleSetVersion");
        }

        /**
         * Records a signed correction or retraction sent on a channel.
         *
         * @param envelope the amendment's envelope (a {@code SHARE_AMENDMENT}, as {@code Preparer} signed it)
         * @param compliance the summary it was signed with
         * @param channel the transport
         * @param at when
         * @return the event
         * @throws IllegalArgumentException if the envelope does not carry a share amendment
         */
        public static ShareAmended of(OutboundEnvelope envelope, ComplianceSummary compliance,
                TransportKind channel, Instant at) {
            Objects.requireNonNull(envelope, "envelope");
            Objects.requireNonNull(compliance, "compliance");
            if (!(envelope.content().body() instanceof EnvelopeBody.Amendment body)) {
                throw new IllegalArgumentException("envelope " + envelope.envelopeId() + " carries a "
                        + envelope.content().kind() + ", not a share amendment");
            }
            ShareAmendment a = body.amendment();
            return new ShareAmended(at, a.id(), a.kind(), a.shareId(), envelope.envelopeId(),
                    body.original().envelopeId(), a.recipient().id(), channel,
                    Digests.sha256(a.reason().getBytes(StandardCharsets.UTF_8)), compliance.ruleSetId(),
                    compliance.ruleSetVersion());
        }

        @Override
        public String type() {
            return "share-amended";
        }
    }

    /**
     * A delivery attempt started.
     *
     * @param at when
     * @param envelopeId the envelope
     * @param attempt 1 for the first
     */
    record SendAttempted(Instant at, String envelopeId, int attempt) implements AuditEvent {
        /** Validates. */
        public SendAttempted {
            Checks.nonNull(at, "at");
            Checks.id(envelopeId, "envelopeId");
            Checks.positive(attempt, "attempt");
        }

        @Override
        public String type() {
            return "send-attempted";
        }
    }

    /**
     * A delivery attempt failed and will be retried.
     *
     * @param at when
     * @param envelopeId the envelope
     * @param attempt the failed attempt's number
     * @param nextAttemptAt when the next one is due
     * @param reason why (clipped to 300 characters)
     */
    record SendFailed(Instant at, String envelopeId, int attempt, Instant nextAttemptAt, String reason)
            implements AuditEvent {
        /** Validates and clips the reason. */
        public SendFailed {
            Checks.nonNull(at, "at", nextAttemptAt, "nextAttemptAt");
            Checks.id(envelopeId, "envelopeId");
            Checks.positive(attempt, "attempt");
            reason = Checks.reason(reason);
        }

        @Override
        public String type() {
            return "send-failed";
        }
    }

    /**
     * The transport delivered an envelope.
     *
     * @param at when
     * @param envelopeId the envelope
     * @param receiptDigest digest of the receipt bytes the transport returned (of zero bytes when none)
     */
    record Delivered(Instant at, String envelopeId, String receiptDigest) implements AuditEvent {
        /** Validates. */
        public Delivered {
            Checks.nonNull(at, "at");
            Checks.id(envelopeId, "envelopeId");
            Checks.digest(receiptDigest, "receiptDigest");
        }

        @Override
        public String type() {
            return "delivered";
        }
    }

    /**
     * The dispatcher gave up on an envelope.
     *
     * @param at when
     * @param envelopeId the envelope
     * @param reason why (clipped)
     */
    record DeadLettered(Instant at, String envelopeId, String reason) implements AuditEvent {
        /** Validates and clips the reason. */
        public DeadLettered {
            Checks.nonNull(at, "at");
            Checks.id(envelopeId, "envelopeId");
            reason = Checks.reason(reason);
        }

        @Override
        public String type() {
            return "dead-lettered";
        }
    }

    /**
     * A signed receipt for an envelope was verified.
     *
     * @param at when
     * @param envelopeId the envelope it acknowledges
     * @param receiptEnvelopeId the receipt's own envelope id
     * @param receiptDigest the receipt envelope's digest
     */
    record ReceiptVerified(Instant at, String envelopeId, String receiptEnvelopeId, String receiptDigest)
            implements AuditEvent {
        /** Validates. */
        public ReceiptVerified {
            Checks.nonNull(at, "at");
            Checks.id(envelopeId, "envelopeId");
            Checks.id(receiptEnvelopeId, "receiptEnvelopeId");
            Checks.digest(receiptDigest, "receiptDigest");
        }

        /**
         * Records a receipt that {@code EnvelopeVerifier.verifyReceipt} accepted.
         *
         * @param receipt the verified receipt
         * @param at when it was verified
         * @return the event
         * @throws IllegalArgumentException if the envelope answers no other envelope (it is not a receipt)
         */
        public static ReceiptVerified of(VerifiedEnvelope receipt, Instant at) {
            Objects.requireNonNull(receipt, "receipt");
            String original = receipt.inReplyTo().map(r -> r.envelopeId()).orElseThrow(
                    () -> new IllegalArgumentException("envelope " + receipt.envelopeId() + " is not a receipt"));
            return new ReceiptVerified(at, original, receipt.envelopeId(), receipt.digest());
        }

        @Override
        public String type() {
            return "receipt-verified";
        }
    }

    /**
     * A company responded, voluntarily, to a share. Recorded so an overseer can check that later sharing with the
     * company did not depend on its choice.
     *
     * @param at when the response was recorded
     * @param responseId the response
     * @param shareId the share it answers
     * @param companyId the company (never published)
     * @param kind what it said
     */
    record SmcResponded(Instant at, String responseId, String shareId, String companyId, ResponseKind kind)
            implements AuditEvent {
        /** Validates. */
        public SmcResponded {
            Checks.nonNull(at, "at", kind, "kind");
            Checks.id(responseId, "responseId");
            Checks.id(shareId, "shareId");
            Checks.id(companyId, "companyId");
        }

        /**
         * Records a response; the note is not kept.
         *
         * @param response the response
         * @return the event
         */
        public static SmcResponded of(SmcResponse response) {
            Objects.requireNonNull(response, "response");
            return new SmcResponded(response.recordedAt(), response.id(), response.shareId(), response.companyId(),
                    response.kind());
        }

        @Override
        public String type() {
            return "smc-responded";
        }
    }

    /**
     * A prong-2 meeting was held. Agenda, talking points and minutes stay with the agency.
     *
     * @param at when it was held
     * @param meetingId the meeting
     * @param companyIds the company (one, under the SOP; never published)
     * @param kind regular or ad hoc
     * @param trigger the ad hoc trigger, if any
     * @param leadership who led it and how the FITF took part
     */
    record MeetingHeld(Instant at, String meetingId, List<String> companyIds, MeetingKind kind,
            Optional<AdHocTrigger> trigger, MeetingLeadership leadership) implements AuditEvent {
        /** Validates. */
        public MeetingHeld {
            Checks.nonNull(at, "at", kind, "kind", trigger, "trigger", leadership, "leadership");
            Checks.id(meetingId, "meetingId");
            companyIds = Checks.ids(companyIds, "companyIds");
        }

        /**
         * Records a held meeting.
         *
         * @param meeting the meeting
         * @param at when it was held
         * @return the event
         */
        public static MeetingHeld of(Meeting meeting, Instant at) {
            Objects.requireNonNull(meeting, "meeting");
            return new MeetingHeld(at, meeting.id(),
                    meeting.companies().stream().map(c -> c.id()).toList(), meeting.kind(), meeting.trigger(),
                    MeetingLeadership.of(meeting));
        }

        @Override
        public String type() {
            return "meeting-held";
        }
    }
}

package org.fmishare.core.envelope;

import java.util.Objects;
import java.util.function.Function;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.SmcResponse;
import org.fmishare.core.model.ThreatShare;

/**
 * What an envelope carries: exactly one of a threat share, a meeting notice, a briefing summary, an amendment
 * (correction or retraction) of a share, or a receipt. A
 * sealed type rather than four optional fields, so a body with none or several of them cannot be written down, and
 * callers {@code switch} over it exhaustively.
 *
 * <p>The four {@link Subject}s are what an office signs under a PASS compliance summary with the mandatory
 * disclosures ({@link EnvelopeSigner#sign}); a {@link Receipt} is a company's answer to an envelope it verified
 * ({@link EnvelopeSigner#signReceipt}). Every record rejects nulls and blank ids in its constructor.
 *
 * <p>Java 17 has no pattern matching for {@code switch}, so {@link #match} gives the exhaustive case analysis: it
 * takes one function per case, and adding a case breaks every caller at compile time.
 */
public sealed interface EnvelopeBody {

    /** {@return the envelope kind this body is carried under} */
    EnvelopeKind kind();

    /**
     * Applies the function for this body's case.
     *
     * @param <R> the result type
     * @param share applied to a {@link Share}
     * @param meetingNotice applied to a {@link MeetingNotice}
     * @param briefingSummary applied to a {@link BriefingSummary}
     * @param amendment applied to an {@link Amendment}
     * @param receipt applied to a {@link Receipt}
     * @return the result of the function applied
     */
    <R> R match(Function<? super Share, ? extends R> share,
            Function<? super MeetingNotice, ? extends R> meetingNotice,
            Function<? super BriefingSummary, ? extends R> briefingSummary,
            Function<? super Amendment, ? extends R> amendment,
            Function<? super Receipt, ? extends R> receipt);

    /**
     * A body an office sends: it names its own recipient and needs a PASS compliance summary and the mandatory
     * disclosures to be signed.
     */
    sealed interface Subject extends EnvelopeBody {
        /** {@return the id of the recipient the envelope is addressed to} */
        String recipientId();
    }

    /**
     * A prong-1 threat share, addressed to the company the share itself names (so the two cannot disagree).
     *
     * @param share the share
     */
    record Share(ThreatShare share) implements Subject {
        /** Rejects a null share. */
        public Share {
            Objects.requireNonNull(share, "share");
        }

        @Override
        public EnvelopeKind kind() {
            return EnvelopeKind.THREAT_SHARE;
        }

        @Override
        public <R> R match(Function<? super Share, ? extends R> share,
                Function<? super MeetingNotice, ? extends R> meetingNotice,
                Function<? super BriefingSummary, ? extends R> briefingSummary,
                Function<? super Amendment, ? extends R> amendment,
                Function<? super Receipt, ? extends R> receipt) {
            return share.apply(this);
        }

        /** {@return the id of the company the share names as its recipient} */
        @Override
        public String recipientId() {
            return share.recipient().id();
        }
    }

    /**
     * Notice of a meeting to one of its companies (a meeting may have several; each gets its own envelope).
     *
     * @param meeting the meeting
     * @param recipientId the company the notice goes to; the signer checks it is one of the meeting's companies
     */
    record MeetingNotice(Meeting meeting, String recipientId) implements Subject {
        /** Rejects nulls and a blank recipient. */
        public MeetingNotice {
            Objects.requireNonNull(meeting, "meeting");
            requireId(recipientId, "recipientId");
        }

        @Override
        public EnvelopeKind kind() {
            return EnvelopeKind.MEETING_NOTICE;
        }

        @Override
        public <R> R match(Function<? super Share, ? extends R> share,
                Function<? super MeetingNotice, ? extends R> meetingNotice,
                Function<? super BriefingSummary, ? extends R> briefingSummary,
                Function<? super Amendment, ? extends R> amendment,
                Function<? super Receipt, ? extends R> receipt) {
            return meetingNotice.apply(this);
        }
    }

    /**
     * Summary of a briefing. A briefing has no addressee field of its own, so the recipient is named here.
     *
     * @param briefing the briefing
     * @param recipientId who the summary goes to
     */
    record BriefingSummary(Briefing briefing, String recipientId) implements Subject {
        /** Rejects nulls and a blank recipient. */
        public BriefingSummary {
            Objects.requireNonNull(briefing, "briefing");
            requireId(recipientId, "recipientId");
        }

        @Override
        public EnvelopeKind kind() {
            return EnvelopeKind.BRIEFING_SUMMARY;
        }

        @Override
        public <R> R match(Function<? super Share, ? extends R> share,
                Function<? super MeetingNotice, ? extends R> meetingNotice,
                Function<? super BriefingSummary, ? extends R> briefingSummary,
                Function<? super Amendment, ? extends R> amendment,
                Function<? super Receipt, ? extends R> receipt) {
            return briefingSummary.apply(this);
        }
    }

    /**
     * A correction or retraction of a share sent earlier, addressed to the company the share went to. It names the
     * original share envelope by id and digest; the receiver refuses it unless it holds that very envelope ({@link
     * ShareStates}). Build it with {@link #of(ShareAmendment, OutboundEnvelope)}, which takes the reference from the
     * original envelope and checks that the amendment is about the share that envelope carries.
     *
     * @param amendment the correction or retraction
     * @param original the id and digest of the envelope that carried the share
     */
    record Amendment(ShareAmendment amendment, EnvelopeReference original) implements Subject {
        /** Rejects nulls. */
        public Amendment {
            Objects.requireNonNull(amendment, "amendment");
            Objects.requireNonNull(original, "original");
        }

        /**
         * An amendment of the share an envelope this office signed carries, referencing that envelope.
         *
         * @param amendment the correction or retraction
         * @param original the envelope (as signed, or reloaded from the outbox) that carried the share
         * @return the body to sign
         * @throws EnvelopeException.Rejected with check {@code AMENDMENT_REFERENCE} when the original carries no share,
         *     another share, or went to another company
         */
        public static Amendment of(ShareAmendment amendment, OutboundEnvelope original) {
            Objects.requireNonNull(amendment, "amendment");
            Objects.requireNonNull(original, "original");
            EnvelopeContent content = original.content();
            if (!(content.body() instanceof Share s)) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.AMENDMENT_REFERENCE, "envelope "
                        + content.envelopeId() + " carries a " + content.kind() + ", not a share to amend");
            }
            if (!s.share().id().equals(amendment.shareId())) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.AMENDMENT_REFERENCE,
                        "amendment.shareId '" + amendment.shareId() + "' differs from share '" + s.share().id()
                        + "' of envelope " + content.envelopeId());
            }
            if (!content.recipientId().equals(amendment.recipient().id())) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.AMENDMENT_REFERENCE,
                        "amendment.recipient.id '" + amendment.recipient().id() + "' differs from envelope "
                        + content.envelopeId() + "'s recipient '" + content.recipientId() + "'");
            }
            return new Amendment(amendment, new EnvelopeReference(content.envelopeId(), content.digest()));
        }

        @Override
        public EnvelopeKind kind() {
            return EnvelopeKind.SHARE_AMENDMENT;
        }

        @Override
        public <R> R match(Function<? super Share, ? extends R> share,
                Function<? super MeetingNotice, ? extends R> meetingNotice,
                Function<? super BriefingSummary, ? extends R> briefingSummary,
                Function<? super Amendment, ? extends R> amendment,
                Function<? super Receipt, ? extends R> receipt) {
            return amendment.apply(this);
        }

        /** {@return the id of the company the amended share went to} */
        @Override
        public String recipientId() {
            return amendment.recipient().id();
        }
    }

    /**
     * A signed receipt: the company's voluntary response and the envelope it answers.
     *
     * @param response the company's response
     * @param inReplyTo the id and digest of the envelope answered
     */
    record Receipt(SmcResponse response, EnvelopeReference inReplyTo) implements EnvelopeBody {
        /** Rejects nulls. */
        public Receipt {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(inReplyTo, "inReplyTo");
        }

        @Override
        public EnvelopeKind kind() {
            return EnvelopeKind.RECEIPT;
        }

        @Override
        public <R> R match(Function<? super Share, ? extends R> share,
                Function<? super MeetingNotice, ? extends R> meetingNotice,
                Function<? super BriefingSummary, ? extends R> briefingSummary,
                Function<? super Amendment, ? extends R> amendment,
                Function<? super Receipt, ? extends R> receipt) {
            return receipt.apply(this);
        }
    }

    private static void requireId(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

package org.fmishare.sop;

import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.ReviewApproval;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.core.envelope.ReviewerTrust;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.disclosure.Format;
import org.fmishare.disclosure.RenderedMessage;

/**
 * Prepares what an office sends in one call: renders the message with its mandatory disclosures, validates the
 * subject against the SOP (for a share, including the disclosures of the rendered message), and signs it only when
 * the verdict is PASS, or NEEDS_REVIEW with a reviewer's valid approval covering every REVIEW finding
 * ({@link #prepare(ThreatShare, ReviewApproval)}). This is the pipeline every sender needs, in one place, so no caller can sign a subject with
 * the report or the disclosures of another.
 *
 * <p>A share is rendered with {@link DisclosureRenderer#renderShare}, a meeting with {@link
 * DisclosureRenderer#renderMeetingNotice} and a briefing with {@link DisclosureRenderer#renderBriefingSummary}, all
 * as plain text; the disclosures signed are those of that rendering.
 *
 * <p>A verdict other than PASS is not an error but a {@link Refused} outcome carrying the report, so the caller can
 * show each finding; the signer's own refusals of a PASS subject (another office's share, a recipient outside the
 * meeting) stay {@link EnvelopeException}s.
 *
 * <p>Immutable and thread-safe when its signer, validator and renderer are (the SDK's are).
 */
public final class Preparer {
    private final EnvelopeSigner signer;
    private final SopValidator validator;
    private final DisclosureRenderer renderer;

    private Preparer(Builder b) {
        this.signer = b.signer;
        this.validator = b.validator;
        this.renderer = b.renderer;
    }

    /**
     * Starts a builder; the validator defaults to {@link SopValidator#standard()} and the renderer to {@link
     * DisclosureRenderer#standard()}.
     *
     * @param signer the signer of the sending office
     * @return the builder
     */
    public static Builder builder(EnvelopeSigner signer) {
        return new Builder(signer);
    }

    /**
     * Renders, validates and, on PASS, signs a threat share addressed to the company it names.
     *
     * @param share the share
     * @return the signed envelope with its report, or the refusal with its report
     * @throws EnvelopeException when the signer refuses a PASS share (for example a share of another office)
     */
    public Outcome prepare(ThreatShare share) {
        Objects.requireNonNull(share, "share");
        RenderedMessage message = renderer.renderShare(share, Format.TEXT);
        return finish(validator.validate(share, message.body()), message, new EnvelopeBody.Share(share));
    }

    /**
     * Renders, validates and signs a threat share whose report a reviewer approved: a PASS share is signed as by
     * {@link #prepare(ThreatShare)}; a NEEDS_REVIEW share is signed with the approval when the reviewer's decision
     * covers every REVIEW finding of the report computed here ({@link Reviews#requireCovers}) and the signer's
     * {@link EnvelopeSigner.Builder#reviewerTrust reviewer trust} verifies it (signature, reviewer, office, content
     * and report digests, no rejected finding); a FAIL share is refused whatever the approval says.
     *
     * @param share the share, exactly as reviewed
     * @param approval the reviewer's signed approval ({@link org.fmishare.core.envelope.ReviewSigner#sign})
     * @return the signed envelope (carrying the approval) with its report, or the refusal of a FAIL share
     * @throws ReviewException when the decision does not cover the report's REVIEW findings exactly
     * @throws EnvelopeException with check {@code REVIEW} when the approval is not valid for this share and report
     */
    public Outcome prepare(ThreatShare share, ReviewApproval approval) {
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(approval, "approval");
        RenderedMessage message = renderer.renderShare(share, Format.TEXT);
        return finish(validator.validate(share, message.body()), message, new EnvelopeBody.Share(share),
                Optional.of(approval));
    }

    /**
     * Renders, validates and signs a meeting notice whose report a reviewer approved, as {@link
     * #prepare(ThreatShare, ReviewApproval)} does for a share.
     *
     * @param meeting the meeting
     * @param recipientId the company the notice goes to
     * @param approval the reviewer's signed approval
     * @return the signed envelope with its report, or the refusal of a FAIL meeting
     * @throws ReviewException when the decision does not cover the report's REVIEW findings exactly
     * @throws EnvelopeException when the signer refuses, or the approval is not valid
     */
    public Outcome prepare(Meeting meeting, String recipientId, ReviewApproval approval) {
        EnvelopeBody.MeetingNotice body = new EnvelopeBody.MeetingNotice(meeting, recipientId);
        return finish(validator.validate(meeting), renderer.renderMeetingNotice(meeting, Format.TEXT), body,
                Optional.of(Objects.requireNonNull(approval, "approval")));
    }

    /**
     * Renders, validates and signs a briefing summary whose report a reviewer approved, as {@link
     * #prepare(ThreatShare, ReviewApproval)} does for a share.
     *
     * @param briefing the briefing
     * @param recipientId who the summary goes to
     * @param approval the reviewer's signed approval
     * @return the signed envelope with its report, or the refusal of a FAIL briefing
     * @throws ReviewException when the decision does not cover the report's REVIEW findings exactly
     * @throws EnvelopeException when the signer refuses, or the approval is not valid
     */
    public Outcome prepare(Briefing briefing, String recipientId, ReviewApproval approval) {
        EnvelopeBody.BriefingSummary body = new EnvelopeBody.BriefingSummary(briefing, recipientId);
        return finish(validator.validate(briefing), renderer.renderBriefingSummary(briefing, Format.TEXT), body,
                Optional.of(Objects.requireNonNull(approval, "approval")));
    }

    /**
     * The report {@link #prepare(ThreatShare)} decides on, without signing anything: the share validated with the
     * plain-text message the renderer produces, mandatory disclosures included. The command line's {@code
     * validate} and the receiver's {@link SopRechecker} use it, so every side judges a share the way it is sent.
     *
     * @param share the share
     * @param validator the validator (for example {@link SopValidator#standard()})
     * @param renderer the renderer (for example {@link DisclosureRenderer#standard()})
     * @return the report
     * @throws NoRuleSetInForceException when the validator has no rule set in force on the share's date
     */
    public static ComplianceReport report(ThreatShare share, SopValidator validator, DisclosureRenderer renderer) {
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(renderer, "renderer");
        return validator.validate(share, renderer.renderShare(share, Format.TEXT).body());
    }

    /**
     * Renders, validates and, on PASS, signs a meeting notice to one of the meeting's companies.
     *
     * @param meeting the meeting
     * @param recipientId the company the notice goes to
     * @return the signed envelope with its report, or the refusal with its report
     * @throws EnvelopeException when the signer refuses (for example a recipient not among the companies)
     */
    public Outcome prepare(Meeting meeting, String recipientId) {
        EnvelopeBody.MeetingNotice body = new EnvelopeBody.MeetingNotice(meeting, recipientId);
        return finish(validator.validate(meeting), renderer.renderMeetingNotice(meeting, Format.TEXT), body);
    }

    /**
     * Renders, validates and, on PASS, signs a briefing summary.
     *
     * @param briefing the briefing
     * @param recipientId who the summary goes to
     * @return the signed envelope with its report, or the refusal with its report
     * @throws EnvelopeException when the signer refuses
     */
    public Outcome prepare(Briefing briefing, String recipientId) {
        EnvelopeBody.BriefingSummary body = new EnvelopeBody.BriefingSummary(briefing, recipientId);
        return finish(validator.validate(briefing), renderer.renderBriefingSummary(briefing, Format.TEXT), body);
    }

    /**
     * Prepares a correction or retraction of a share this office sent: renders the amendment message, validates it
     * (the amendment rules and, for a correction, every share rule on the corrected share) and signs it only if it
     * passes, referencing {@code original} by id and digest.
     *
     * @param amendment the correction or retraction
     * @param original the envelope that carried the share (as signed, or from the outbox); with a share sent on
     *     several channels, prepare one amendment per envelope ({@code Dispatcher.deliveriesOf})
     * @return signed, or refused with the report
     * @throws org.fmishare.core.envelope.EnvelopeException.Rejected with check {@code AMENDMENT_REFERENCE} when
     *     {@code original} carries no share, another share, or went to another company
     */
    public Outcome prepare(ShareAmendment amendment, OutboundEnvelope original) {
        EnvelopeBody.Amendment body = EnvelopeBody.Amendment.of(amendment, original);
        RenderedMessage message = renderer.renderAmendment(amendment, Format.TEXT);
        return finish(validator.validate(amendment, message.body()), message, body);
    }

    private Outcome finish(ComplianceReport report, RenderedMessage message, EnvelopeBody.Subject subject) {
        return finish(report, message, subject, Optional.empty());
    }

    private Outcome finish(ComplianceReport report, RenderedMessage message, EnvelopeBody.Subject subject,
            Optional<ReviewApproval> approval) {
        if (report.verdict() == Verdict.PASS) {
            return new Signed(signer.sign(subject, report.summary(), message.disclosures()), report, message);
        }
        if (report.verdict() == Verdict.FAIL || approval.isEmpty()) {
            return new Refused(report, message);
        }
        // Coverage needs the report, which only this side holds; the signer then verifies signature and digests.
        Reviews.requireCovers(report, ReviewerTrust.decisionOf(approval.get()));
        return new Signed(signer.sign(subject, report.summary().withReview(approval.get()), message.disclosures()),
                report, message);
    }

    /**
     * What {@link #prepare} produced: a {@link Signed} envelope or a {@link Refused} subject, each with the SOP
     * report and the rendered message it was judged on.
     */
    public sealed interface Outcome permits Signed, Refused {
        /** {@return the validator's report (verdict, findings, rule set)} */
        ComplianceReport report();

        /** {@return the message as rendered with its mandatory disclosures} */
        RenderedMessage message();
    }

    /**
     * The subject passed and was signed.
     *
     * @param envelope the signed envelope (its {@link SignedEnvelope#content()} is what was signed)
     * @param report the PASS report (or the NEEDS_REVIEW report a reviewer approved) whose summary the envelope
     *     carries
     * @param message the rendered message whose disclosures the envelope carries
     */
    public record Signed(SignedEnvelope envelope, ComplianceReport report, RenderedMessage message)
            implements Outcome {
        /** Rejects nulls, and a report that is neither PASS nor NEEDS_REVIEW with an approval in the envelope. */
        public Signed {
            Objects.requireNonNull(envelope, "envelope");
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(message, "message");
            boolean approved = report.verdict() == Verdict.NEEDS_REVIEW && envelope.content().compliance()
                    .flatMap(ComplianceSummary::review).isPresent();
            if (report.verdict() != Verdict.PASS && !approved) {
                throw new IllegalArgumentException("a signed outcome needs a PASS report, or a NEEDS_REVIEW report "
                        + "with a reviewer's approval in the envelope; was " + report.verdict());
            }
        }

        /** {@return whether a reviewer's approval let a NEEDS_REVIEW report be signed} */
        public boolean reviewed() {
            return report.verdict() == Verdict.NEEDS_REVIEW;
        }
    }

    /**
     * The subject did not pass (FAIL or NEEDS_REVIEW), so nothing was signed.
     *
     * @param report the report; {@link ReportRenderer#text} explains each finding
     * @param message the rendered message that was validated
     */
    public record Refused(ComplianceReport report, RenderedMessage message) implements Outcome {
        /** Rejects nulls and a PASS report. */
        public Refused {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(message, "message");
            if (report.verdict() == Verdict.PASS) {
                throw new IllegalArgumentException("a refused outcome cannot have a PASS report");
            }
        }
    }

    /** Configures a {@link Preparer}. Not thread-safe; the preparer it builds is immutable. */
    public static final class Builder {
        private final EnvelopeSigner signer;
        private SopValidator validator = SopValidator.standard();
        private DisclosureRenderer renderer = DisclosureRenderer.standard();

        private Builder(EnvelopeSigner signer) {
            this.signer = Objects.requireNonNull(signer, "signer");
        }

        /**
         * Sets the validator (for example one pinned to a rule set); default {@link SopValidator#standard()}.
         *
         * @param validator the validator
         * @return this builder
         */
        public Builder validator(SopValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /**
         * Sets the disclosure renderer (its templates and clause catalogue); default {@link
         * DisclosureRenderer#standard()}.
         *
         * @param renderer the renderer
         * @return this builder
         */
        public Builder renderer(DisclosureRenderer renderer) {
            this.renderer = Objects.requireNonNull(renderer, "renderer");
            return this;
        }

        /** {@return the preparer} */
        public Preparer build() {
            return new Preparer(this);
        }
    }
}

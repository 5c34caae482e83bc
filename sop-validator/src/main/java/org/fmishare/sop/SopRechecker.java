package org.fmishare.sop;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.envelope.ComplianceRechecker;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.ReviewerTrust;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.disclosure.Format;

/**
 * The receiver's own SOP check of a signed subject, for {@link
 * org.fmishare.core.envelope.EnvelopeVerifier.Builder#complianceRechecker}: it validates the share, meeting notice or
 * briefing summary exactly as {@link Preparer} does on the sending side (a share with the message the standard
 * renderer produces), under the rule set the envelope's compliance summary names, and returns the summary of that
 * report. The verifier compares it with the claimed one, so a share whose envelope claims PASS but whose text is
 * coercive is refused by the receiver, whatever the sender's software said.
 *
 * <p>A NEEDS_REVIEW envelope carries a reviewer's approval: the decision must cover exactly the REVIEW findings of
 * this receiver's own report ({@link Reviews#requireCovers}), else the re-check is refused.
 *
 * <p>The rule set is looked up by the id and version the envelope names ({@link RuleSets#find}), so an envelope is
 * re-checked under exactly the version its sender used, however many newer ones this receiver has. An id or
 * version this receiver does not know is {@link ComplianceRechecker.Refused refused}, naming what it does know (a
 * receiver cannot vouch for rules it does not have); so is an envelope whose summary names a rule-set document
 * digest other than this receiver's document of that version (summaries made before the digest was carried have
 * none, and are judged by the report digest alone). The report is a function of the subject and the rule set only
 * (the validator judges a subject by its own dates, never by the clock), so a genuine envelope re-checked at any
 * time reproduces the sender's report digest.
 * A sender that adds agency rules ({@link SopValidator.Builder#addRule}) gets another digest: its receivers must be
 * given the same validator ({@link Builder#validator}).
 *
 * <p>Immutable and thread-safe.
 */
public final class SopRechecker implements ComplianceRechecker {
    private static final SopRechecker STANDARD = builder().build();

    private final RuleSets ruleSets;
    private final SopValidator validator;
    private final DisclosureRenderer renderer;

    private SopRechecker(Builder b) {
        this.ruleSets = b.ruleSets;
        this.validator = b.validator;
        this.renderer = b.renderer;
    }

    /**
     * {@return a rechecker with the bundled rule sets, {@link SopValidator#standard()} and {@link
     * DisclosureRenderer#standard()}, as {@link Preparer} uses them by default}
     */
    public static SopRechecker standard() {
        return STANDARD;
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Result recheck(EnvelopeBody.Subject subject, ComplianceSummary claimed) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(claimed, "claimed");
        Optional<RuleSet> named = ruleSets.find(claimed.ruleSetId(), claimed.ruleSetVersion());
        if (named.isEmpty()) {
            List<RuleSet> versions = ruleSets.versions(claimed.ruleSetId());
            if (versions.isEmpty()) {
                return new Refused("rule set '" + claimed.ruleSetId() + "' is unknown to this receiver (known: "
                        + ruleSets.describe() + ")");
            }
            return new Refused("the envelope names " + claimed.ruleSetId() + " version " + claimed.ruleSetVersion()
                    + ", which this receiver does not have (it has " + claimed.ruleSetId() + " version"
                    + (versions.size() == 1 ? " " : "s ")
                    + versions.stream().map(RuleSet::version).collect(Collectors.joining(", ")) + ")");
        }
        RuleSet rs = named.get();
        if (claimed.ruleSetDigest().isPresent() && !claimed.ruleSetDigest().get().equals(rs.digest())) {
            // Same id and version, another document: one side edited a published version. Say so, rather than
            // leave the receiver to puzzle over a report digest that cannot match.
            return new Refused("the envelope names " + rs.id() + " version " + rs.version() + " with document digest "
                    + claimed.ruleSetDigest().get() + ", but this receiver's " + rs.id() + " version " + rs.version()
                    + " has digest " + rs.digest() + " (a published rule set version was edited on one side)");
        }
        Optional<ComplianceReport> report = report(subject, rs);
        if (report.isEmpty()) {
            return new Refused("no SOP check is defined for a " + subject.getClass().getSimpleName());
        }
        ComplianceReport r = report.get();
        if (claimed.review().isPresent()) {
            // The verifier has verified the decision's signature and digests; whether it decides exactly the REVIEW
            // findings of this receiver's own report is checked here, where the report is.
            try {
                Reviews.requireCovers(r, ReviewerTrust.decisionOf(claimed.review().get()));
            } catch (ReviewException | EnvelopeException e) {
                return new Refused("the reviewer's decision does not fit this receiver's report: "
                        + e.getMessage());
            }
        }
        List<String> objections = r.findings().stream().filter(f -> f.severity() != Severity.INFO)
                .map(f -> f.severity() + " " + f.ruleId() + " " + f.path()).distinct().toList();
        List<String> skipped = r.rulesNotEvaluated().stream().map(n -> "NOT-EVALUATED " + n.ruleId()).toList();
        return new Recomputed(r.summary(), Stream.concat(objections.stream(), skipped.stream())
                .collect(Collectors.toList()));
    }

    /**
     * The report this receiver computes for a subject under a rule set, as the sender's {@link Preparer} would:
     * a share or share amendment with the plain-text message of this rechecker's renderer, a meeting notice or briefing summary as is.
     *
     * @param subject the subject an envelope carries
     * @param ruleSet the rule set to apply, whatever the subject's date
     * @return the report; empty for a kind of subject this module has no SOP check for
     */
    public Optional<ComplianceReport> report(EnvelopeBody.Subject subject, RuleSet ruleSet) {
        Objects.requireNonNull(subject, "subject");
        SopValidator pinned = validator.withRuleSet(Objects.requireNonNull(ruleSet, "ruleSet"));
        // Not a switch over the sealed type: a subject kind added later is refused, not a compile error here.
        if (subject instanceof EnvelopeBody.Share s) {
            return Optional.of(Preparer.report(s.share(), pinned, renderer));
        }
        if (subject instanceof EnvelopeBody.MeetingNotice m) {
            return Optional.of(pinned.validate(m.meeting()));
        }
        if (subject instanceof EnvelopeBody.BriefingSummary b) {
            return Optional.of(pinned.validate(b.briefing()));
        }
        if (subject instanceof EnvelopeBody.Amendment a) {
            return Optional.of(pinned.validate(a.amendment(), renderer.renderAmendment(a.amendment(), Format.TEXT)
                    .body()));
        }
        return Optional.empty();
    }

    /** Configures a {@link SopRechecker}. Not thread-safe; the product is. */
    public static final class Builder {
        private RuleSets ruleSets = RuleSets.standard();
        private SopValidator validator = SopValidator.standard();
        private DisclosureRenderer renderer = DisclosureRenderer.standard();

        private Builder() {}

        /**
         * The rule sets this receiver knows, every version it must re-check, looked up by the id and version an
         * envelope names (default {@link RuleSets#standard()}).
         *
         * @param ruleSets the registry
         * @return this builder
         */
        public Builder ruleSets(RuleSets ruleSets) {
            this.ruleSets = Objects.requireNonNull(ruleSets, "ruleSets");
            return this;
        }

        /**
         * The validator to re-run, pinned to the named rule set for each check (default {@link
         * SopValidator#standard()}); give the senders' agency rules here.
         *
         * @param validator the validator
         * @return this builder
         */
        public Builder validator(SopValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /**
         * The renderer whose plain-text message a share is checked with (default {@link
         * DisclosureRenderer#standard()}, as {@link Preparer}'s).
         *
         * @param renderer the renderer
         * @return this builder
         */
        public Builder renderer(DisclosureRenderer renderer) {
            this.renderer = Objects.requireNonNull(renderer, "renderer");
            return this;
        }

        /** {@return the rechecker} */
        public SopRechecker build() {
            return new SopRechecker(this);
        }
    }
}

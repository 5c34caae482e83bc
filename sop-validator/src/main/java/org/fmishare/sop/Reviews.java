package org.fmishare.sop;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.fmishare.core.compliance.ReviewDecision;
import org.fmishare.core.compliance.ReviewDecision.FindingDecision;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.ReviewSigner;

/**
 * The human step between NEEDS_REVIEW and signing: builds a reviewer's {@link ReviewDecision} from a compliance
 * report, and checks that a decision fits a report, by the rules of the review path:
 * <ul>
 * <li>only a NEEDS_REVIEW report whose rules all ran can be reviewed; a FAIL report can never be approved;</li>
 * <li>ERROR findings can never be approved (a decision naming one is refused);</li>
 * <li>a decision must cover every REVIEW finding, each with a written reason, and name no other finding;</li>
 * <li>the decision is bound to the subject's content digest ({@link ReviewSigner#contentDigest}) and the report's
 *     digest, so an edit of either after the review voids it.</li>
 * </ul>
 * A decision may reject findings: it is then a record of the refusal, and no signer accepts it.
 *
 * <p>Stateless and thread-safe.
 */
public final class Reviews {
    private Reviews() {}

    /**
     * One reviewer's choice for a finding, or for every REVIEW finding of a rule.
     *
     * @param outcome approved or rejected
     * @param reason the written reason, not blank
     */
    public record Choice(ReviewDecision.Outcome outcome, String reason) {
        /** Rejects nulls and blank reasons. */
        public Choice {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a review decision needs a written reason; the reason is blank");
            }
        }

        /**
         * An approval.
         *
         * @param reason why the finding may go out as it is
         * @return the choice
         */
        public static Choice approve(String reason) {
            return new Choice(ReviewDecision.Outcome.APPROVED, reason);
        }

        /**
         * A rejection.
         *
         * @param reason why the finding stands
         * @return the choice
         */
        public static Choice reject(String reason) {
            return new Choice(ReviewDecision.Outcome.REJECTED, reason);
        }
    }

    /**
     * Builds the decision on a report's REVIEW findings.
     *
     * @param subject the share, meeting notice or briefing summary the report is about, exactly as it will be signed
     * @param report the report on that subject
     * @param choices by finding id ({@link Finding#id()}) or by rule id (then for every REVIEW finding of that rule;
     *     a finding id wins over its rule id)
     * @param reviewerId the reviewer's id, as its certificate is bound
     * @param at when the reviewer decided (truncated to seconds)
     * @return the decision, ready to be signed by {@link ReviewSigner}
     * @throws ReviewException.ErrorNotApprovable when a choice names an ERROR finding or its rule
     * @throws ReviewException.NotReviewable when the report is not NEEDS_REVIEW or rules did not run
     * @throws ReviewException.UnknownFinding when a choice names neither a REVIEW finding nor its rule
     * @throws ReviewException.Uncovered when a REVIEW finding has no choice
     */
    public static ReviewDecision decide(EnvelopeBody.Subject subject, ComplianceReport report,
            Map<String, Choice> choices, String reviewerId, Instant at) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(choices, "choices");
        Objects.requireNonNull(reviewerId, "reviewerId");
        Objects.requireNonNull(at, "at");
        List<String> errors = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.severity() == Severity.ERROR && (choices.containsKey(f.id()) || choices.containsKey(f.ruleId()))
                    && !errors.contains(f.id())) {
                errors.add(f.id());
            }
        }
        if (!errors.isEmpty()) {
            throw new ReviewException.ErrorNotApprovable(errors);
        }
        requireReviewable(report);
        Map<String, Finding> review = reviewFindings(report);
        for (String selector : choices.keySet()) {
            boolean known = review.containsKey(selector)
                    || review.values().stream().anyMatch(f -> f.ruleId().equals(selector));
            if (!known) {
                throw new ReviewException.UnknownFinding(selector, List.copyOf(review.keySet()));
            }
        }
        List<FindingDecision> decisions = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (Finding f : review.values()) {
            Choice c = choices.containsKey(f.id()) ? choices.get(f.id()) : choices.get(f.ruleId());
            if (c == null) {
                undecided.add(f.id());
            } else {
                decisions.add(new FindingDecision(f.id(), f.ruleId(), c.outcome(), c.reason()));
            }
        }
        if (!undecided.isEmpty()) {
            throw new ReviewException.Uncovered(undecided);
        }
        return new ReviewDecision(report.subjectId(), ReviewSigner.contentDigest(subject), report.digest(),
                decisions, reviewerId, at.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Checks that a decision covers exactly the REVIEW findings of a report: the signer's and the receiver's check,
     * with the report each computed (the decision's signature and digests are the core's {@code ReviewerTrust}
     * checks).
     *
     * @param report the report on the subject being signed or received
     * @param decision the reviewer's decision
     * @throws ReviewException.NotReviewable when the report is not NEEDS_REVIEW or rules did not run
     * @throws ReviewException.ErrorNotApprovable when the decision names an ERROR finding
     * @throws ReviewException.UnknownFinding when it names a finding the report does not have as REVIEW
     * @throws ReviewException.Uncovered when a REVIEW finding has no decision
     */
    public static void requireCovers(ComplianceReport report, ReviewDecision decision) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(decision, "decision");
        Set<String> decided = new LinkedHashSet<>();
        decision.findings().forEach(f -> decided.add(f.findingId()));
        List<String> errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .map(Finding::id).filter(decided::contains).distinct().toList();
        if (!errors.isEmpty()) {
            throw new ReviewException.ErrorNotApprovable(errors);
        }
        requireReviewable(report);
        Map<String, Finding> review = reviewFindings(report);
        for (String id : decided) {
            if (!review.containsKey(id)) {
                throw new ReviewException.UnknownFinding(id, List.copyOf(review.keySet()));
            }
        }
        List<String> undecided = review.keySet().stream().filter(id -> !decided.contains(id)).toList();
        if (!undecided.isEmpty()) {
            throw new ReviewException.Uncovered(undecided);
        }
    }

    private static void requireReviewable(ComplianceReport report) {
        if (report.verdict() != Verdict.NEEDS_REVIEW) {
            throw new ReviewException.NotReviewable("only a NEEDS_REVIEW report can be reviewed; this report's "
                    + "verdict is " + report.verdict() + (report.verdict() == Verdict.FAIL
                    ? " (" + String.join(", ", report.failedRuleIds()) + "), which can never be approved"
                    : ", which needs no review"));
        }
        if (!report.rulesNotEvaluated().isEmpty()) {
            throw new ReviewException.NotReviewable("rules that did not run cannot be approved: "
                    + report.rulesNotEvaluated().stream().map(ComplianceReport.NotEvaluated::ruleId).toList()
                    + "; validate the complete subject");
        }
    }

    private static Map<String, Finding> reviewFindings(ComplianceReport report) {
        Map<String, Finding> out = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            if (f.severity() == Severity.REVIEW) {
                out.putIfAbsent(f.id(), f);
            }
        }
        return out;
    }
}

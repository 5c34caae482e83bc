package org.fmishare.sop;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Verdict;

/**
 * The validator's decision on one share, meeting or briefing, with its reasons.
 *
 * <p>Guarantees: the {@link #verdict()} is derived from the findings and can never disagree with them (any
 * {@link Severity#ERROR} finding gives FAIL; otherwise any {@link Severity#REVIEW} finding or any rule that could
 * not be evaluated gives NEEDS_REVIEW; otherwise PASS). A report with a rule in {@link #rulesNotEvaluated()} is
 * therefore never PASS. The {@link #digest()} is fixed at construction: {@code sha-256:} and 64 lower-case hex
 * digits over the UTF-8 bytes of {@link ReportRenderer#canonicalJson(ComplianceReport)}, the RFC 8785 (JCS)
 * canonical form of the report's JSON without its {@code digest} member (members sorted by code point, no
 * whitespace, minimal string escaping). Anyone holding the JSON can recompute it.
 *
 * <p>Immutable and thread-safe. Created only by {@link SopValidator}.
 */
public final class ComplianceReport {
    /**
     * A rule that could not run on this subject, and why.
     *
     * @param ruleId the rule id
     * @param reason why it was not evaluated
     */
    public record NotEvaluated(String ruleId, String reason) {
        /** Checks both parts are present. */
        public NotEvaluated {
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final SubjectKind subjectKind;
    private final String subjectId;
    private final Instant subjectTime;
    private final String ruleSetId;
    private final String ruleSetVersion;
    private final String ruleSetDigest;
    private final Verdict verdict;
    private final List<Finding> findings;
    private final List<String> rulesEvaluated;
    private final List<NotEvaluated> rulesNotEvaluated;
    private final String digest;

    ComplianceReport(SubjectKind subjectKind, String subjectId, Instant subjectTime, RuleSet ruleSet,
            List<Finding> findings, List<String> rulesEvaluated, List<NotEvaluated> rulesNotEvaluated) {
        this.subjectKind = Objects.requireNonNull(subjectKind, "subjectKind");
        this.subjectId = Objects.requireNonNull(subjectId, "subjectId");
        this.subjectTime = Objects.requireNonNull(subjectTime, "subjectTime");
        this.ruleSetId = ruleSet.id();
        this.ruleSetVersion = ruleSet.version();
        this.ruleSetDigest = ruleSet.digest();
        this.findings = List.copyOf(findings);
        this.rulesEvaluated = List.copyOf(rulesEvaluated);
        this.rulesNotEvaluated = List.copyOf(rulesNotEvaluated);
        this.verdict = verdictOf(this.findings, this.rulesNotEvaluated);
        this.digest = ReportRenderer.digestOf(this);
    }

    private static Verdict verdictOf(List<Finding> findings, List<NotEvaluated> notEvaluated) {
        Verdict v = notEvaluated.isEmpty() ? Verdict.PASS : Verdict.NEEDS_REVIEW;
        for (Finding f : findings) {
            Verdict fv = f.severity().verdict();
            if (fv.compareTo(v) > 0) {
                v = fv;
            }
        }
        return v;
    }

    /** {@return what the report is about} */
    public SubjectKind subjectKind() {
        return subjectKind;
    }

    /** {@return the subject's id (share, meeting or briefing id)} */
    public String subjectId() {
        return subjectId;
    }

    /** {@return the subject's date that chose the rule set: a share's createdAt, a meeting's scheduledAt, a briefing's heldAt} */
    public Instant subjectTime() {
        return subjectTime;
    }

    /** {@return the id of the rule set applied} */
    public String ruleSetId() {
        return ruleSetId;
    }

    /** {@return the version of the rule set applied} */
    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    /** {@return the digest of the exact rule set document applied} */
    public String ruleSetDigest() {
        return ruleSetDigest;
    }

    /** {@return the verdict, derived from the findings} */
    public Verdict verdict() {
        return verdict;
    }

    /** {@return every finding, built-in rules first in rule-set order, then added rules} */
    public List<Finding> findings() {
        return findings;
    }

    /** {@return the ids of the rules that ran, in order} */
    public List<String> rulesEvaluated() {
        return rulesEvaluated;
    }

    /** {@return the rules that could not run (for example the disclosure rule in a content-only check)} */
    public List<NotEvaluated> rulesNotEvaluated() {
        return rulesNotEvaluated;
    }

    /**
     * The distinct rule ids that produced findings, in first-seen order.
     *
     * @return the rule ids
     */
    public List<String> failedRuleIds() {
        return findings.stream().map(Finding::ruleId).distinct().toList();
    }

    /** {@return {@code sha-256:} and hex over the canonical JSON of this report (see the class documentation)} */
    public String digest() {
        return digest;
    }

    /**
     * The part of the report that travels inside a signed envelope.
     *
     * @return verdict, rule set id, version and document digest, and this report's digest
     */
    public ComplianceSummary summary() {
        return new ComplianceSummary(verdict, ruleSetId, ruleSetVersion, digest).withRuleSetDigest(ruleSetDigest);
    }

    @Override
    public String toString() {
        return "ComplianceReport[" + subjectKind + " " + subjectId + ": " + verdict + " under " + ruleSetId + " "
                + ruleSetVersion + ", " + findings.size() + " findings, " + digest + "]";
    }
}

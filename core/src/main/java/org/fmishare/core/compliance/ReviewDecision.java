package org.fmishare.core.compliance;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.jose.Jcs;
import org.fmishare.core.json.FmiJson;

/**
 * A reviewer's decision on a compliance report whose verdict is NEEDS_REVIEW: for each REVIEW finding, approved or
 * rejected with a written reason. The decision is bound to the exact content reviewed and to the exact report (both
 * by digest), so any later edit of either voids it; it is signed by the reviewer as a compact JWS
 * ({@code org.fmishare.core.envelope.ReviewSigner}) and travels inside the envelope as a {@link ReviewApproval}.
 *
 * <p>The SOP validator builds decisions from a report ({@code org.fmishare.sop.Reviews}), which refuses to approve
 * ERROR findings or a FAIL report and requires every REVIEW finding to be decided; this record checks what it can
 * on its own: well-formed digests and ids, a non-empty list of findings, each finding decided once, non-blank
 * reasons.
 *
 * @param subjectId the id of the share, meeting or briefing reviewed
 * @param contentDigest {@code sha-256:} digest of the reviewed subject's canonical content
 *     ({@code ReviewSigner.contentDigest})
 * @param reportDigest the digest of the compliance report reviewed ({@link ComplianceSummary#reportDigest()})
 * @param findings one decision per REVIEW finding of the report
 * @param reviewerId the reviewer's party id, bound to the reviewer's certificate
 * @param decidedAt when the reviewer decided, whole seconds
 */
public record ReviewDecision(String subjectId, String contentDigest, String reportDigest,
        List<FindingDecision> findings, String reviewerId, Instant decidedAt) {
    private static final Pattern DIGEST = Pattern.compile("sha-256:[0-9a-f]{64}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+){1,7}");
    /** Longest accepted reason, in characters: a paragraph, not a document. */
    public static final int MAX_REASON_LENGTH = 2000;

    /** What a reviewer decided on one finding. */
    public enum Outcome {
        /** The finding was read and the text may go out as it is. */
        APPROVED,
        /** The finding stands: the subject must not be signed. */
        REJECTED
    }

    /**
     * The decision on one REVIEW finding.
     *
     * @param findingId the finding's id as the validator names it (rule id, JSON path and text span), for example
     *     {@code P1-NO-COERCION@$.narrative#0-42}
     * @param ruleId the rule that raised the finding
     * @param outcome approved or rejected
     * @param reason the reviewer's written reason; not blank, at most {@value #MAX_REASON_LENGTH} characters
     */
    public record FindingDecision(String findingId, String ruleId, Outcome outcome, String reason) {
        /** Validates every part. */
        public FindingDecision {
            Objects.requireNonNull(findingId, "findingId");
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
            if (!RULE_ID.matcher(ruleId).matches()) {
                throw new IllegalArgumentException("ReviewDecision.findings[].ruleId must be a rule id like "
                        + "P1-NO-COERCION, was '" + ruleId + "'");
            }
            if (!findingId.startsWith(ruleId + "@") || findingId.length() > 300) {
                throw new IllegalArgumentException("ReviewDecision.findings[].findingId must start with its rule id "
                        + "and '@' (at most 300 characters), was '" + findingId + "'");
            }
            if (reason.isBlank()) {
                throw new IllegalArgumentException("ReviewDecision.findings[" + findingId
                        + "].reason must not be blank: every decision needs a written reason");
            }
            if (reason.length() > MAX_REASON_LENGTH) {
                throw new IllegalArgumentException("ReviewDecision.findings[" + findingId + "].reason has "
                        + reason.length() + " characters, more than " + MAX_REASON_LENGTH);
            }
        }
    }

    /** Validates every part and copies the list. */
    public ReviewDecision {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(contentDigest, "contentDigest");
        Objects.requireNonNull(reportDigest, "reportDigest");
        Objects.requireNonNull(reviewerId, "reviewerId");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (!ID.matcher(subjectId).matches()) {
            throw new IllegalArgumentException("ReviewDecision.subjectId must match " + ID + ", was '" + subjectId
                    + "'");
        }
        if (!ID.matcher(reviewerId).matches()) {
            throw new IllegalArgumentException("ReviewDecision.reviewerId must match " + ID + ", was '" + reviewerId
                    + "'");
        }
        if (!DIGEST.matcher(contentDigest).matches()) {
            throw new IllegalArgumentException("ReviewDecision.contentDigest must be sha-256: and 64 lower-case hex "
                    + "digits");
        }
        if (!DIGEST.matcher(reportDigest).matches()) {
            throw new IllegalArgumentException("ReviewDecision.reportDigest must be sha-256: and 64 lower-case hex "
                    + "digits");
        }
        if (decidedAt.getNano() != 0) {
            throw new IllegalArgumentException("ReviewDecision.decidedAt must be whole seconds, was " + decidedAt);
        }
        findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("ReviewDecision.findings must not be empty: a decision decides at "
                    + "least one REVIEW finding");
        }
        Set<String> seen = new HashSet<>();
        for (FindingDecision f : findings) {
            if (!seen.add(Objects.requireNonNull(f, "ReviewDecision.findings[]").findingId())) {
                throw new IllegalArgumentException("ReviewDecision.findings decides '" + f.findingId()
                        + "' twice");
            }
        }
    }

    /** {@return whether every finding was approved (no finding rejected)} */
    public boolean approvesAll() {
        return findings.stream().allMatch(f -> f.outcome() == Outcome.APPROVED);
    }

    /** {@return the findings the reviewer rejected, in order} */
    public List<FindingDecision> rejected() {
        return findings.stream().filter(f -> f.outcome() == Outcome.REJECTED).toList();
    }

    /**
     * The digest of the reasons: {@code sha-256:} over the RFC 8785 canonical JSON of {@link #findings()} (each with
     * its id, rule id, outcome and reason). The envelope carries it in clear, so a receiver's records can name the
     * reasons without holding them.
     *
     * @return the digest
     */
    public String reasonsDigest() {
        return Digests.sha256(Jcs.canonicalize(FmiJson.standard().mapper().valueToTree(findings)));
    }

    /** {@return the RFC 8785 canonical JSON of this decision, as signed} */
    public byte[] canonicalJson() {
        return Jcs.canonicalize(FmiJson.standard().mapper().valueToTree(this));
    }

    /** {@return subject, reviewer and counts; never the reasons} */
    @Override
    public String toString() {
        return "ReviewDecision[" + subjectId + " by " + reviewerId + " at " + decidedAt + ", " + findings.size()
                + " findings, " + rejected().size() + " rejected]";
    }
}

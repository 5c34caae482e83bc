package org.fmishare.core.compliance;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The part of a compliance report that travels inside a signed envelope: the verdict, which rule set produced it,
 * and the digest of the full report, so a receiver can match the envelope to the sender's archived report; for a
 * NEEDS_REVIEW report that a reviewer approved, also the reviewer's signed approval.
 *
 * <p>An approval belongs only with a NEEDS_REVIEW verdict: a PASS needs none, and a FAIL can never be approved, so
 * a summary with an approval and any other verdict cannot be built. Signers and verifiers refuse a NEEDS_REVIEW
 * summary without a valid approval.
 *
 * <p>The rule set's document digest names the exact document the report was made under, so a receiver whose copy
 * of that version differs can say so instead of only seeing a different report digest. Envelopes made before
 * the digest was carried have none; a sender's {@code Preparer} always sets it now.
 *
 * @param verdict the verdict
 * @param ruleSetId the rule set's id, for example {@code sop-2024-02}
 * @param ruleSetVersion the rule set's version, for example {@code 1.0.0}
 * @param reportDigest {@code sha-256:} followed by 64 lower-case hex digits, over the report's canonical JSON
 * @param review the reviewer's approval of a NEEDS_REVIEW report; empty otherwise
 * @param ruleSetDigest {@code sha-256:} and 64 lower-case hex digits over the rule set document's RFC 8785 canonical
 *     form; empty in envelopes made before it was carried
 */
public record ComplianceSummary(Verdict verdict, String ruleSetId, String ruleSetVersion, String reportDigest,
        Optional<ReviewApproval> review, Optional<String> ruleSetDigest) {
    private static final Pattern DIGEST = Pattern.compile("sha-256:[0-9a-f]{64}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    /** Validates every part. */
    public ComplianceSummary {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(ruleSetId, "ruleSetId");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        Objects.requireNonNull(reportDigest, "reportDigest");
        // The JSON codec passes null for an absent member.
        review = review == null ? Optional.empty() : review;
        ruleSetDigest = ruleSetDigest == null ? Optional.empty() : ruleSetDigest;
        if (!TOKEN.matcher(ruleSetId).matches()) {
            throw new IllegalArgumentException("ruleSetId must match " + TOKEN + ", was '" + ruleSetId + "'");
        }
        if (!TOKEN.matcher(ruleSetVersion).matches()) {
            throw new IllegalArgumentException("ruleSetVersion must match " + TOKEN + ", was '" + ruleSetVersion
                    + "'");
        }
        if (!DIGEST.matcher(reportDigest).matches()) {
            throw new IllegalArgumentException("reportDigest must be sha-256: and 64 lower-case hex digits");
        }
        if (ruleSetDigest.isPresent() && !DIGEST.matcher(ruleSetDigest.get()).matches()) {
            throw new IllegalArgumentException("ruleSetDigest must be sha-256: and 64 lower-case hex digits");
        }
        if (review.isPresent() && verdict != Verdict.NEEDS_REVIEW) {
            throw new IllegalArgumentException("review: only a NEEDS_REVIEW verdict can carry a reviewer's approval, "
                    + "was " + verdict);
        }
    }

    /**
     * A summary without a reviewer's approval.
     *
     * @param verdict the verdict
     * @param ruleSetId the rule set's id
     * @param ruleSetVersion the rule set's version
     * @param reportDigest the report's digest
     */
    public ComplianceSummary(Verdict verdict, String ruleSetId, String ruleSetVersion, String reportDigest) {
        this(verdict, ruleSetId, ruleSetVersion, reportDigest, Optional.empty(), Optional.empty());
    }

    /**
     * A summary without the rule set's document digest, as envelopes made before it was carried hold.
     *
     * @param verdict the verdict
     * @param ruleSetId the rule set's id
     * @param ruleSetVersion the rule set's version
     * @param reportDigest the report's digest
     * @param review the reviewer's approval of a NEEDS_REVIEW report; empty otherwise
     */
    public ComplianceSummary(Verdict verdict, String ruleSetId, String ruleSetVersion, String reportDigest,
            Optional<ReviewApproval> review) {
        this(verdict, ruleSetId, ruleSetVersion, reportDigest, review, Optional.empty());
    }

    /**
     * This summary naming the digest of the rule set document the report was made under.
     *
     * @param digest {@code sha-256:} and 64 lower-case hex digits
     * @return the summary carrying it
     * @throws IllegalArgumentException when the digest is malformed
     */
    public ComplianceSummary withRuleSetDigest(String digest) {
        return new ComplianceSummary(verdict, ruleSetId, ruleSetVersion, reportDigest, review,
                Optional.of(Objects.requireNonNull(digest, "digest")));
    }

    /**
     * This summary with a reviewer's approval attached.
     *
     * @param approval the approval of this NEEDS_REVIEW report
     * @return the summary carrying it
     * @throws IllegalArgumentException when the verdict is not NEEDS_REVIEW
     */
    public ComplianceSummary withReview(ReviewApproval approval) {
        return new ComplianceSummary(verdict, ruleSetId, ruleSetVersion, reportDigest,
                Optional.of(Objects.requireNonNull(approval, "approval")), ruleSetDigest);
    }

    /** {@return this summary without any approval: what the report itself says} */
    public ComplianceSummary withoutReview() {
        return new ComplianceSummary(verdict, ruleSetId, ruleSetVersion, reportDigest, Optional.empty(),
                ruleSetDigest);
    }
}

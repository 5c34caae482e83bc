package org.fmishare.core.compliance;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The reviewer's approval as an envelope carries it, inside its {@link ComplianceSummary}: who approved, when, the
 * digest of the written reasons, and the reviewer's signed decision itself (a compact JWS over the {@link
 * ReviewDecision}), so every receiver can verify the approval on its own. The clear fields repeat the signed ones for
 * people and logs; verifiers check that they agree with the signed decision.
 *
 * @param reviewerId the reviewer's party id
 * @param decidedAt when the reviewer decided
 * @param reasonsDigest {@link ReviewDecision#reasonsDigest()} of the signed decision
 * @param decision the reviewer's signed decision: a compact JWS (three base64url parts joined by dots)
 */
public record ReviewApproval(String reviewerId, Instant decidedAt, String reasonsDigest, String decision) {
    private static final Pattern DIGEST = Pattern.compile("sha-256:[0-9a-f]{64}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    /** Longest accepted signed decision, in characters (the reviewer's certificate chain and the reasons). */
    public static final int MAX_DECISION_CHARS = 256 * 1024;

    /** Validates the form of every part; the signature is checked by the verifiers, not here. */
    public ReviewApproval {
        Objects.requireNonNull(reviewerId, "reviewerId");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(reasonsDigest, "reasonsDigest");
        Objects.requireNonNull(decision, "decision");
        if (!ID.matcher(reviewerId).matches()) {
            throw new IllegalArgumentException("ReviewApproval.reviewerId must match " + ID + ", was '"
                    + reviewerId + "'");
        }
        if (!DIGEST.matcher(reasonsDigest).matches()) {
            throw new IllegalArgumentException("ReviewApproval.reasonsDigest must be sha-256: and 64 lower-case hex "
                    + "digits");
        }
        if (decision.length() > MAX_DECISION_CHARS || !COMPACT.matcher(decision).matches()) {
            throw new IllegalArgumentException("ReviewApproval.decision must be a compact JWS (three base64url parts "
                    + "joined by '.', at most " + MAX_DECISION_CHARS + " characters)");
        }
    }

    /** {@return reviewer and time; never the decision} */
    @Override
    public String toString() {
        return "ReviewApproval[" + reviewerId + " at " + decidedAt + ", reasons " + reasonsDigest + "]";
    }
}

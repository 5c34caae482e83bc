package org.fmishare.core.compliance;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The part of a compliance report that travels inside a signed envelope: the verdict, which rule set produced it,
 * and the digest of the full report, so a receiver can match the envelope to the sender's archived report.
 *
 * @param verdict the verdict
 * @param ruleSetId the rule set's id, for example {@code sop-2024-02}
 * @param ruleSetVersion the rule set's version, for example {@code 1.0.0}
 * @param reportDigest {@code sha-256:} followed by 64 lower-case hex digits, over the report's canonical JSON
 */
public record ComplianceSummary(Verdict verdict, String ruleSetId, String ruleSetVersion, String reportDigest) {
    private static final Pattern DIGEST = Pattern.compile("sha-256:[0-9a-f]{64}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    /** Validates every part. */
    public ComplianceSummary {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(ruleSetId, "ruleSetId");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        Objects.requireNonNull(reportDigest, "reportDigest");
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
    }
}

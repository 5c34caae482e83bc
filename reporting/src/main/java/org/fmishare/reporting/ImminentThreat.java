package org.fmishare.reporting;

import java.time.Instant;
import java.util.Objects;

/**
 * Information indicating that an FMI actor is poised imminently to leverage a company's platform: an ad hoc
 * trigger under the principles.
 *
 * @param companyId the company whose platform is at risk
 * @param platform the platform
 * @param recordedAt when the information was recorded
 * @param summary a short, non-directive description for the meeting's trigger detail
 */
public record ImminentThreat(String companyId, String platform, Instant recordedAt, String summary) {
    /** Validates. */
    public ImminentThreat {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(summary, "summary");
        if (summary.isBlank() || platform.isBlank()) {
            throw new IllegalArgumentException("platform and summary must not be blank");
        }
    }
}

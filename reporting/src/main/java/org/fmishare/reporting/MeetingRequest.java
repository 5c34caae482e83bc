package org.fmishare.reporting;

import java.time.Instant;
import java.util.Objects;

/**
 * A company's own request to discuss potential FMI threats with the FBI: an ad hoc trigger under the principles.
 *
 * @param companyId the requesting company
 * @param at when it asked
 * @param topic what it wants to discuss, in its words (kept in the meeting's trigger detail, not in the audit log)
 */
public record MeetingRequest(String companyId, Instant at, String topic) {
    /** Validates. */
    public MeetingRequest {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
    }
}

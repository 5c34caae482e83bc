package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.fmishare.core.internal.ModelChecks;

/**
 * The sender's confidence that the activity is covert and foreign-directed, with its rationale.
 *
 * @param level low, moderate or high
 * @param rationale why this level
 */
public record ConfidenceAssessment(
        @NotNull ConfidenceLevel level,
        @NotBlank @Size(max = Limits.TEXT) String rationale) {

    /** Validates. */
    public ConfidenceAssessment {
        ModelChecks.validate(ConfidenceAssessment.class, level, rationale);
    }
}

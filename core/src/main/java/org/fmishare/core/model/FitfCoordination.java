package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.fmishare.core.internal.ModelChecks;

/**
 * Record that a field office's share was coordinated with the FITF.
 *
 * @param coordinator the FITF person who coordinated
 * @param coordinatedAt when
 * @param reference the FITF's reference for the coordination
 */
public record FitfCoordination(
        @NotBlank @Size(max = Limits.NAME) String coordinator,
        @NotNull Instant coordinatedAt,
        @NotBlank @Size(max = Limits.NAME) String reference) {

    /** Validates. */
    public FitfCoordination {
        ModelChecks.validate(FitfCoordination.class, coordinator, coordinatedAt, reference);
    }
}

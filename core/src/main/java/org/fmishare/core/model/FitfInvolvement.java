package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.fmishare.core.internal.ModelChecks;

/**
 * The FITF's part in a meeting.
 *
 * @param role participates, oversees, or not involved
 * @param overseer the named FITF overseer, when the FITF oversees
 */
public record FitfInvolvement(
        @NotNull FitfRole role,
        @NotNull Optional<@Pattern(regexp = Limits.NOT_BLANK, message = "must not be blank") @Size(max = Limits.NAME) String> overseer) {

    /** Validates. */
    public FitfInvolvement {
        overseer = ModelChecks.optional(overseer);
        ModelChecks.validate(FitfInvolvement.class, role, overseer);
    }
}

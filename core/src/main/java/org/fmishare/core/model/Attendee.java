package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.fmishare.core.internal.ModelChecks;

/**
 * A person attending a meeting or briefing.
 *
 * @param name the person's name
 * @param organisation the organisation they represent
 * @param role their role
 * @param side which party they represent
 */
public record Attendee(
        @NotBlank @Size(max = Limits.NAME) String name,
        @NotBlank @Size(max = Limits.NAME) String organisation,
        @NotBlank @Size(max = Limits.NAME) String role,
        @NotNull AttendeeSide side) {

    /** Validates. */
    public Attendee {
        ModelChecks.validate(Attendee.class, name, organisation, role, side);
    }
}

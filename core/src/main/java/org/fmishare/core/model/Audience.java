package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.fmishare.core.internal.ModelChecks;

/**
 * One audience of a briefing, for example the National Association of Secretaries of State.
 *
 * @param name the audience's name
 * @param kind what kind of audience it is
 */
public record Audience(
        @NotBlank @Size(max = Limits.NAME) String name,
        @NotNull AudienceKind kind) {

    /** Validates. */
    public Audience {
        ModelChecks.validate(Audience.class, name, kind);
    }
}

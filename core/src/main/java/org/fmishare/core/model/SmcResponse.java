package org.fmishare.core.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import org.fmishare.core.internal.ModelChecks;

/**
 * A company's voluntary response to a share. Recorded for transparency only: no response, and no kind of response,
 * has any consequence for the company.
 *
 * @param id stable identifier
 * @param shareId the share responded to
 * @param companyId the responding company
 * @param kind what the company chose
 * @param recordedAt when recorded
 * @param note the company's own words, if it gave any
 */
public record SmcResponse(
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String id,
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String shareId,
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String companyId,
        @NotNull ResponseKind kind,
        @NotNull Instant recordedAt,
        @NotNull Optional<@Size(max = Limits.TEXT) String> note) {

    /** Validates. */
    public SmcResponse {
        note = ModelChecks.optional(note);
        ModelChecks.validate(SmcResponse.class, id, shareId, companyId, kind, recordedAt, note);
    }
}

package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.fmishare.core.internal.ModelChecks;

/**
 * A U.S. election targeted by an operation, or to which a share has a nexus.
 *
 * @param name for example "2026 general election"
 * @param electionDate election day
 * @param level federal, state or local
 * @param jurisdictions the states or territories concerned; empty means nationwide
 */
public record ElectionRef(
        @NotBlank @Size(max = Limits.NAME) String name,
        @NotNull LocalDate electionDate,
        @NotNull ElectionLevel level,
        @NotNull @Size(max = 56) List<@NotNull UsJurisdiction> jurisdictions) {

    /** Validates and copies. */
    public ElectionRef {
        jurisdictions = ModelChecks.optionalList(jurisdictions);
        ModelChecks.validate(ElectionRef.class, name, electionDate, level, jurisdictions);
        jurisdictions = List.copyOf(jurisdictions);
    }
}

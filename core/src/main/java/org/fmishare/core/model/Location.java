package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.fmishare.core.internal.ModelChecks;

/**
 * Where a company is located. A U.S. location names its state or territory, so that the field office whose area
 * of responsibility covers it can be found.
 *
 * @param country the country
 * @param usJurisdiction the state or territory; required when {@code country} is {@code US}, absent otherwise
 * @param city the city
 */
public record Location(
        @NotNull CountryCode country,
        @NotNull Optional<UsJurisdiction> usJurisdiction,
        @NotBlank @Size(max = Limits.NAME) String city) {

    /** Validates that U.S. locations, and only they, carry a jurisdiction. */
    public Location {
        usJurisdiction = ModelChecks.optional(usJurisdiction);
        ModelChecks.validate(Location.class, country, usJurisdiction, city);
        boolean us = CountryCode.US.equals(country);
        if (us && usJurisdiction.isEmpty()) {
            throw InvalidModelException.of("Location", "usJurisdiction", "us-jurisdiction-required",
                    "a U.S. location must name its state or territory");
        }
        if (!us && usJurisdiction.isPresent()) {
            throw InvalidModelException.of("Location", "usJurisdiction", "us-jurisdiction-only-in-us",
                    "only a U.S. location names a state or territory, country is " + country);
        }
    }
}

package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.fmishare.core.internal.ModelChecks;

/**
 * The configurable list of "covered foreign countries" in the sense of 50 U.S.C. 3059(f)(1): the statutory four
 * plus any country the Director of National Intelligence adds. Agencies pass their current list; the SDK never
 * hard-codes it beyond {@link #statutory()}.
 *
 * @param countries the covered countries
 * @param basis where the list comes from (statute, determination and date), for audit
 */
public record CoveredCountries(
        @NotNull @Size(min = 1, max = 250) List<@NotNull CountryCode> countries,
        @NotBlank @Size(max = Limits.SHORT_TEXT) String basis) {

    /** Validates and copies the list. */
    public CoveredCountries {
        ModelChecks.validate(CoveredCountries.class, countries, basis);
        countries = List.copyOf(countries);
    }

    /**
     * The four countries named in the statute: China, North Korea, Russia and Iran.
     *
     * @return the statutory list
     */
    public static CoveredCountries statutory() {
        return new CoveredCountries(
                List.of(CountryCode.of("CN"), CountryCode.of("KP"), CountryCode.of("RU"), CountryCode.of("IR")),
                "50 U.S.C. 3059(f)(1)(A)-(D)");
    }

    /**
     * Whether a country is covered.
     *
     * @param country the country to test
     * @return true when it is on this list
     */
    public boolean contains(CountryCode country) {
        return countries.contains(country);
    }
}

package org.fmishare.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import java.util.Set;
import org.fmishare.core.internal.ModelChecks;

/**
 * An ISO 3166-1 alpha-2 country code, such as {@code RU} or {@code US}. Only officially assigned codes are
 * accepted (as the JDK lists them); JSON form is the bare two-letter string.
 *
 * @param value the upper-case two-letter code
 */
public record CountryCode(@NotNull @Pattern(regexp = "[A-Z]{2}") String value) {
    private static final Set<String> ASSIGNED = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    /** The United States, whose jurisdictions field offices cover. */
    public static final CountryCode US = new CountryCode("US");

    /** Checks the code is a well-formed, assigned ISO 3166-1 alpha-2 code. */
    public CountryCode {
        ModelChecks.validate(CountryCode.class, value);
        if (!ASSIGNED.contains(value)) {
            throw InvalidModelException.of("CountryCode", "value", "iso-3166-1-assigned",
                    "'" + value + "' is not an assigned ISO 3166-1 alpha-2 code");
        }
    }

    /**
     * Parses a code (JSON creator).
     *
     * @param value the two-letter code
     * @return the country code
     */
    @JsonCreator
    public static CountryCode of(String value) {
        return new CountryCode(value);
    }

    /** {@return the two-letter code} */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}

package org.fmishare.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.fmishare.core.internal.ModelChecks;

/**
 * The FITF or a field office, with its area of responsibility.
 *
 * <p>The FITF's responsibility is nationwide, so it lists no jurisdictions; a field office lists at least one.
 *
 * @param id stable identifier, for example {@code fitf} or {@code fo-sanfrancisco}
 * @param kind FITF or field office
 * @param name the office's name
 * @param areaOfResponsibility the states and territories a field office covers; empty for the FITF
 */
public record Office(
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String id,
        @NotNull OfficeKind kind,
        @NotBlank @Size(max = Limits.NAME) String name,
        @NotNull @Size(max = 56) List<@NotNull UsJurisdiction> areaOfResponsibility) {

    /** Validates the area of responsibility against the kind. */
    public Office {
        areaOfResponsibility = ModelChecks.optionalList(areaOfResponsibility);
        ModelChecks.validate(Office.class, id, kind, name, areaOfResponsibility);
        areaOfResponsibility = List.copyOf(areaOfResponsibility);
        if (kind == OfficeKind.FITF && !areaOfResponsibility.isEmpty()) {
            throw InvalidModelException.of("Office", "areaOfResponsibility", "fitf-nationwide",
                    "the FITF's responsibility is nationwide and lists no jurisdictions");
        }
        if (kind == OfficeKind.FIELD_OFFICE && areaOfResponsibility.isEmpty()) {
            throw InvalidModelException.of("Office", "areaOfResponsibility", "field-office-area-required",
                    "a field office must list the jurisdictions it covers");
        }
    }

    /**
     * Whether this office's area of responsibility covers a location: the FITF covers everywhere, a field office
     * the U.S. jurisdictions it lists.
     *
     * @param location the location to test
     * @return true when covered
     */
    public boolean covers(Location location) {
        if (kind == OfficeKind.FITF) {
            return true;
        }
        return location.usJurisdiction().map(areaOfResponsibility::contains).orElse(false);
    }

    /** {@return whether this is the FITF} */
    @JsonIgnore
    public boolean isFitf() {
        return kind == OfficeKind.FITF;
    }
}

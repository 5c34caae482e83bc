package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.fmishare.core.internal.ModelChecks;

/**
 * The stated basis for judging the activity covert (or undeclared).
 *
 * @param indicators the kinds of concealment observed (may be empty; the validator decides sufficiency)
 * @param statement the basis, in words
 */
public record CovertBasis(
        @NotNull @Size(max = Limits.FEW) List<@NotNull CovertIndicator> indicators,
        @NotNull @Size(max = Limits.TEXT) String statement) {

    /** Validates and copies. */
    public CovertBasis {
        indicators = ModelChecks.optionalList(indicators);
        ModelChecks.validate(CovertBasis.class, indicators, statement);
        indicators = List.copyOf(indicators);
    }
}

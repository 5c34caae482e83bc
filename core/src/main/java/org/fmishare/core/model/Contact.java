package org.fmishare.core.model;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.fmishare.core.internal.ModelChecks;

/**
 * A person or team at a company that receives FMI information.
 *
 * @param name the person's or team's name
 * @param role for example "Threat intelligence lead"
 * @param email an ASCII mail address without display name
 */
public record Contact(
        @NotBlank @Size(max = Limits.NAME) String name,
        @NotBlank @Size(max = Limits.NAME) String role,
        @NotBlank @Size(max = 254) @Email @Pattern(regexp = "[\\x21-\\x7E]+") String email) {

    /** Validates. */
    public Contact {
        ModelChecks.validate(Contact.class, name, role, email);
    }
}

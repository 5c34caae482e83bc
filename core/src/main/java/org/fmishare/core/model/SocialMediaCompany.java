package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.fmishare.core.internal.ModelChecks;

/**
 * A social media company (any company that hosts or provides a social media platform) and its voluntary
 * participation in each prong of engagement.
 *
 * @param id stable identifier
 * @param name the company's name
 * @param platforms the platforms it operates (at least one)
 * @param headquarters where it is located
 * @param threatSharing its choice about prong 1, receiving threat information
 * @param meetings its choice about prong 2, meeting to discuss threats
 * @param contacts who receives information (may be empty)
 * @param preferredTransports channels it prefers, most preferred first (may be empty)
 * @param certificates certificates it published (may be empty)
 */
public record SocialMediaCompany(
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String id,
        @NotBlank @Size(max = Limits.NAME) String name,
        @NotNull @Size(min = 1, max = Limits.FEW) List<@NotBlank @Size(max = Limits.NAME) String> platforms,
        @NotNull Location headquarters,
        @NotNull Participation threatSharing,
        @NotNull Participation meetings,
        @NotNull @Size(max = Limits.FEW) List<@NotNull Contact> contacts,
        @NotNull @Size(max = 3) List<@NotNull TransportKind> preferredTransports,
        @NotNull @Size(max = 16) List<@NotNull SmcCertificate> certificates) {

    /** Validates and copies. */
    public SocialMediaCompany {
        contacts = ModelChecks.optionalList(contacts);
        preferredTransports = ModelChecks.optionalList(preferredTransports);
        certificates = ModelChecks.optionalList(certificates);
        ModelChecks.validate(SocialMediaCompany.class, id, name, platforms, headquarters, threatSharing, meetings,
                contacts, preferredTransports, certificates);
        platforms = List.copyOf(platforms);
        contacts = List.copyOf(contacts);
        preferredTransports = List.copyOf(preferredTransports);
        certificates = List.copyOf(certificates);
    }
}

package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.fmishare.core.internal.ModelChecks;

/**
 * The link between a proxy and the foreign government or non-state actor it serves.
 *
 * @param basis how the proxy is linked
 * @param principalName the principal's name
 * @param principalKind the principal's kind: {@link ActorKind#FOREIGN_GOVERNMENT} or {@link ActorKind#NON_STATE_ACTOR}
 * @param principalCountry the principal's country
 * @param statement the articulable basis for the link
 */
public record ProxyLink(
        @NotNull ProxyBasis basis,
        @NotBlank @Size(max = Limits.NAME) String principalName,
        @NotNull ActorKind principalKind,
        @NotNull CountryCode principalCountry,
        @NotBlank @Size(max = Limits.TEXT) String statement) {

    /** Validates; a proxy's principal cannot itself be a proxy. */
    public ProxyLink {
        ModelChecks.validate(ProxyLink.class, basis, principalName, principalKind, principalCountry, statement);
        if (principalKind == ActorKind.PROXY) {
            throw InvalidModelException.of("ProxyLink", "principalKind", "principal-not-proxy",
                    "must be FOREIGN_GOVERNMENT or NON_STATE_ACTOR, not PROXY");
        }
    }
}

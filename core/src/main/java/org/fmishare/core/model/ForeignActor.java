package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.fmishare.core.internal.ModelChecks;

/**
 * A foreign government, non-state actor, or a proxy of either, behind an FMI operation.
 *
 * @param id stable identifier of the actor in the sender's records
 * @param kind government, non-state actor or proxy
 * @param country the actor's country (for a proxy, where the proxy itself is based)
 * @param name the primary name
 * @param aliases other names the actor is known by (may be empty)
 * @param proxyLink for a {@link ActorKind#PROXY proxy} the link to its principal; absent otherwise
 */
public record ForeignActor(
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String id,
        @NotNull ActorKind kind,
        @NotNull CountryCode country,
        @NotBlank @Size(max = Limits.NAME) String name,
        @NotNull @Size(max = Limits.FEW) List<@NotBlank @Size(max = Limits.NAME) String> aliases,
        @NotNull Optional<ProxyLink> proxyLink) {

    /** Validates; a proxy must state its link and a non-proxy must not carry one. */
    public ForeignActor {
        aliases = ModelChecks.optionalList(aliases);
        proxyLink = ModelChecks.optional(proxyLink);
        ModelChecks.validate(ForeignActor.class, id, kind, country, name, aliases, proxyLink);
        aliases = List.copyOf(aliases);
        if (kind == ActorKind.PROXY && proxyLink.isEmpty()) {
            throw InvalidModelException.of("ForeignActor", "proxyLink", "proxy-link-required",
                    "a PROXY actor must state the basis of its link to a foreign government or non-state actor");
        }
        if (kind != ActorKind.PROXY && proxyLink.isPresent()) {
            throw InvalidModelException.of("ForeignActor", "proxyLink", "proxy-link-only-for-proxy",
                    "only a PROXY actor carries a proxy link, this actor is " + kind);
        }
    }

    /**
     * The country whose government or actor is ultimately behind the activity: the principal's for a proxy.
     *
     * @return the attributed country
     */
    public CountryCode attributedCountry() {
        return proxyLink.map(ProxyLink::principalCountry).orElse(country);
    }

    /**
     * Whether the actor (or, for a proxy, its principal) belongs to a covered foreign country.
     *
     * @param covered the list in force
     * @return true when the attributed country is covered
     */
    public boolean isCoveredBy(CoveredCountries covered) {
        return covered.contains(attributedCountry());
    }
}

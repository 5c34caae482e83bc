package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.fmishare.core.internal.ModelChecks;

/**
 * An account on a social media platform linked to FMI activity.
 *
 * @param platform the platform's name, for example {@code ExampleSocial}
 * @param accountId the platform's stable account id (not the handle, which can change)
 * @param handle the display handle when known
 * @param url the profile URL when known ({@code https} or {@code http})
 * @param firstObserved when the account was first observed in the activity
 * @param lastObserved when it was last observed; not before {@code firstObserved}
 * @param usPersonIndicator whether the account may belong to a U.S. person
 * @param actorLinkBasis the articulable basis linking this account to the foreign actor, when stated
 */
public record PlatformAccount(
        @NotBlank @Size(max = Limits.NAME) String platform,
        @NotBlank @Size(max = Limits.NAME) String accountId,
        @NotNull Optional<@Pattern(regexp = Limits.NOT_BLANK, message = "must not be blank") @Size(max = Limits.NAME) String> handle,
        @NotNull Optional<URI> url,
        @NotNull Instant firstObserved,
        @NotNull Instant lastObserved,
        @NotNull UsPersonIndicator usPersonIndicator,
        @NotNull Optional<@Pattern(regexp = Limits.NOT_BLANK, message = "must not be blank") @Size(max = Limits.TEXT) String> actorLinkBasis) {

    /** Validates; the observation window must be ordered and the URL must be an absolute web URL. */
    public PlatformAccount {
        handle = ModelChecks.optional(handle);
        url = ModelChecks.optional(url);
        actorLinkBasis = ModelChecks.optional(actorLinkBasis);
        ModelChecks.validate(PlatformAccount.class, platform, accountId, handle, url, firstObserved, lastObserved,
                usPersonIndicator, actorLinkBasis);
        if (lastObserved.isBefore(firstObserved)) {
            throw InvalidModelException.of("PlatformAccount", "lastObserved", "observed-window-ordered",
                    "must not be before firstObserved (" + firstObserved + ")");
        }
        url.ifPresent(u -> {
            String scheme = u.getScheme();
            if (!u.isAbsolute() || u.getHost() == null
                    || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                throw InvalidModelException.of("PlatformAccount", "url", "web-url",
                        "must be an absolute http(s) URL with a host");
            }
        });
    }

    /**
     * The reference facts use to point at this account: {@code platform:accountId}.
     *
     * @return the account reference
     */
    public String ref() {
        return platform + ":" + accountId;
    }
}

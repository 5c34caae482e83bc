package org.fmishare.core.jose;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a verifier checks certificate revocation with OCSP (RFC 6960). Immutable.
 *
 * <p>Every certificate of a signer's path is checked (the leaf and any intermediate), or only the leaf with
 * {@link #endEntityOnly}. A certificate the responder reports revoked is always refused. When the status cannot be
 * obtained because the responder is unreachable, a hard fail (the default) refuses, a {@link #softFail soft fail}
 * accepts; a status the responder reports as unknown is refused either way. A validated path is remembered for at
 * most {@link #cacheFor}, after which the responder is asked again.
 *
 * @param responder the responder to ask for every certificate; empty to use each certificate's Authority Information
 *     Access extension
 * @param softFail whether an unreachable responder is tolerated
 * @param endEntityOnly whether only the signer's own certificate is checked
 * @param cacheFor how long a path checked with OCSP may be trusted without asking again; between 0 (never) and 1 hour
 */
public record OcspSettings(Optional<URI> responder, boolean softFail, boolean endEntityOnly, Duration cacheFor) {
    /** The default {@link #cacheFor}. */
    public static final Duration DEFAULT_CACHE_FOR = Duration.ofMinutes(5);
    /** The largest {@link #cacheFor}. */
    public static final Duration MAX_CACHE_FOR = Duration.ofHours(1);

    /** Validates the settings. */
    public OcspSettings {
        Objects.requireNonNull(responder, "responder");
        Objects.requireNonNull(cacheFor, "cacheFor");
        responder.ifPresent(u -> {
            if (!u.isAbsolute() || !("http".equalsIgnoreCase(u.getScheme())
                    || "https".equalsIgnoreCase(u.getScheme()))) {
                throw new IllegalArgumentException("responder must be an absolute http or https URI, was " + u);
            }
        });
        if (cacheFor.isNegative() || cacheFor.compareTo(MAX_CACHE_FOR) > 0) {
            throw new IllegalArgumentException("cacheFor must be between 0 and " + MAX_CACHE_FOR + ", was "
                    + cacheFor);
        }
    }

    /**
     * Hard-fail OCSP asking the responder each certificate names in its Authority Information Access extension.
     *
     * @return the settings
     */
    public static OcspSettings fromCertificates() {
        return new OcspSettings(Optional.empty(), false, false, DEFAULT_CACHE_FOR);
    }

    /**
     * Hard-fail OCSP asking one responder for every certificate.
     *
     * @param uri the responder's http or https URI
     * @return the settings
     */
    public static OcspSettings responder(URI uri) {
        return new OcspSettings(Optional.of(Objects.requireNonNull(uri, "uri")), false, false, DEFAULT_CACHE_FOR);
    }

    /**
     * These settings with an unreachable responder tolerated.
     *
     * @return the settings
     */
    public OcspSettings withSoftFail() {
        return new OcspSettings(responder, true, endEntityOnly, cacheFor);
    }

    /**
     * These settings checking only the signer's own certificate.
     *
     * @return the settings
     */
    public OcspSettings withEndEntityOnly() {
        return new OcspSettings(responder, softFail, true, cacheFor);
    }

    /**
     * These settings with another cache bound.
     *
     * @param duration how long a checked path is trusted without asking again
     * @return the settings
     */
    public OcspSettings withCacheFor(Duration duration) {
        return new OcspSettings(responder, softFail, endEntityOnly, duration);
    }
}

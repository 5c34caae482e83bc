package org.fmishare.transport.taxii;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a collection's manifest.
 *
 * @param id the object id
 * @param dateAdded when the server added this version
 * @param version the version ({@code modified}, {@code created} or the date added)
 * @param mediaType the object's media type, if given
 */
public record ManifestEntry(String id, Instant dateAdded, String version, Optional<String> mediaType) {
    /** Checks presence. */
    public ManifestEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dateAdded, "dateAdded");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(mediaType, "mediaType");
    }
}

package org.fmishare.transport.taxii;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.transport.taxii.internal.TaxiiUris;

/**
 * A TAXII 2.1 collection resource, with the API root it belongs to.
 *
 * @param apiRoot the API root's URI
 * @param id the collection id
 * @param title its title
 * @param description its description, if given
 * @param alias its alias, if given
 * @param canRead whether the caller may read objects
 * @param canWrite whether the caller may add objects
 * @param mediaTypes the media types of the objects it holds (may be empty)
 */
public record TaxiiCollection(URI apiRoot, String id, String title, Optional<String> description,
        Optional<String> alias, boolean canRead, boolean canWrite, List<String> mediaTypes) {
    /** Checks presence, that the id is one path segment (no {@code /} or {@code ..}), and copies. */
    public TaxiiCollection {
        Objects.requireNonNull(apiRoot, "apiRoot");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(alias, "alias");
        mediaTypes = List.copyOf(mediaTypes);
        if (id.isBlank()) {
            throw new IllegalArgumentException("collection id must not be blank");
        }
        if (!isPathSegment(id)) {
            throw new IllegalArgumentException("collection id '" + id + "' must be one path segment (no '/' or '..')");
        }
    }

    /** {@return the collection's URI, {@code {api-root}/collections/{id}/}, the id percent-encoded} */
    public URI uri() {
        // Encoded: an id is the server's text, and characters a URI path does not allow must not make this throw.
        return apiRoot.resolve("collections/" + TaxiiUris.pathSegment(id) + "/");
    }

    /** Whether an id can stand as one path segment: not empty, no '/' and no '..' (which would leave the path). */
    static boolean isPathSegment(String id) {
        return !id.isEmpty() && !id.contains("/") && !id.contains("..");
    }
}

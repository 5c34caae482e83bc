package org.fmishare.transport.taxii;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The TAXII 2.1 discovery resource ({@code GET /taxii2/}).
 *
 * @param title the server's title
 * @param description its description, if given
 * @param contact its contact, if given
 * @param defaultApiRoot the default API root, resolved to an absolute URI, if given
 * @param apiRoots the API roots, resolved to absolute URIs
 */
public record Discovery(String title, Optional<String> description, Optional<String> contact,
        Optional<URI> defaultApiRoot, List<URI> apiRoots) {
    /** Checks presence and copies. */
    public Discovery {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(defaultApiRoot, "defaultApiRoot");
        apiRoots = List.copyOf(apiRoots);
    }
}

package org.fmishare.transport.taxii;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A TAXII 2.1 API root's information ({@code GET {api-root}/}).
 *
 * @param url the API root's URI
 * @param title its title
 * @param description its description, if given
 * @param versions the TAXII versions it supports, as the server wrote them
 * @param maxContentLength the largest request body, in bytes, the server accepts
 */
public record ApiRoot(URI url, String title, Optional<String> description, List<String> versions,
        long maxContentLength) {
    /** Checks presence, copies, and requires a positive size limit. */
    public ApiRoot {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        versions = List.copyOf(versions);
        if (maxContentLength < 1) {
            throw new IllegalArgumentException("maxContentLength must be positive, was " + maxContentLength);
        }
    }
}

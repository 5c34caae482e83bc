package org.fmishare.transport.taxii;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@link TaxiiTransport} destination, built from the API root a TAXII server advertises and a collection id
 * rather than assembled by hand: {@code TaxiiDestination.builder().apiRoot(apiRoot).collection("shares").build()}
 * gives {@code taxii://host[:port]/<api-root-path>/collections/shares/}, which the dispatcher routes to the TAXII
 * transport.
 *
 * <p>An {@code https} API root becomes a {@code taxii:} destination; a plain {@code http} one is accepted only on a
 * loopback address (test harnesses) and becomes {@code taxii+http:}.
 *
 * @param uri the destination to hand to {@code Dispatcher.submit} or a {@code Delivery}
 */
public record TaxiiDestination(URI uri) {
    private static final Pattern COLLECTION_ID = Pattern.compile("[A-Za-z0-9._~-]+");

    /**
     * Checks that the URI is a TAXII destination.
     *
     * @throws IllegalArgumentException when it does not name host, API root and collection
     */
    public TaxiiDestination {
        Objects.requireNonNull(uri, "uri");
        TaxiiTransport.Target.parse(uri);
    }

    /**
     * The destination for a collection under an API root.
     *
     * @param apiRoot the API root, as discovery lists it, for example {@code https://taxii.example.org/api1/}
     * @param collectionId the collection id
     * @return the destination
     * @throws IllegalArgumentException when the API root is not absolute https (or http on loopback) or the id is
     *     empty or holds characters outside RFC 3986's unreserved set
     */
    public static TaxiiDestination of(URI apiRoot, String collectionId) {
        return builder().apiRoot(apiRoot).collection(collectionId).build();
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the destination URI as text} */
    @Override
    public String toString() {
        return uri.toString();
    }

    /** Builds a {@link TaxiiDestination}; both parts are required. */
    public static final class Builder {
        private URI apiRoot;
        private String collection;

        private Builder() {}

        /**
         * The API root.
         *
         * @param apiRoot an absolute https URI (http only on a loopback address), as a server's discovery lists it
         * @return this builder
         */
        public Builder apiRoot(URI apiRoot) {
            this.apiRoot = Objects.requireNonNull(apiRoot, "apiRoot");
            return this;
        }

        /**
         * The collection.
         *
         * @param collectionId the collection id (TAXII ids are usually UUIDs)
         * @return this builder
         */
        public Builder collection(String collectionId) {
            this.collection = Objects.requireNonNull(collectionId, "collectionId");
            return this;
        }

        /**
         * Builds the destination.
         *
         * @return the destination
         * @throws IllegalStateException when the API root or the collection was not set
         * @throws IllegalArgumentException when either is malformed
         */
        public TaxiiDestination build() {
            if (apiRoot == null || collection == null) {
                throw new IllegalStateException("a TAXII destination needs apiRoot and collection");
            }
            if (!COLLECTION_ID.matcher(collection).matches()) {
                throw new IllegalArgumentException("collection id must be non-empty and use only letters, digits "
                        + "and . _ ~ -, was '" + collection + "'");
            }
            String scheme = apiRoot.getScheme() == null ? "" : apiRoot.getScheme().toLowerCase(Locale.ROOT);
            if (!apiRoot.isAbsolute() || apiRoot.getRawAuthority() == null || apiRoot.getHost() == null
                    || apiRoot.getRawQuery() != null || apiRoot.getRawFragment() != null) {
                throw new IllegalArgumentException("apiRoot must be an absolute URI with a host and no query or "
                        + "fragment, was " + apiRoot);
            }
            String taxiiScheme = switch (scheme) {
                case "https" -> "taxii";
                case "http" -> {
                    if (!loopback(apiRoot.getHost())) {
                        throw new IllegalArgumentException("apiRoot over plain http is allowed only on a loopback "
                                + "address, was " + apiRoot);
                    }
                    yield "taxii+http";
                }
                default -> throw new IllegalArgumentException("apiRoot must be https (http only on loopback), was "
                        + apiRoot);
            };
            String path = apiRoot.getRawPath() == null || apiRoot.getRawPath().isEmpty() ? "/" : apiRoot.getRawPath();
            if (!path.endsWith("/")) {
                path = path + "/";
            }
            return new TaxiiDestination(URI.create(taxiiScheme + "://" + apiRoot.getRawAuthority() + path
                    + "collections/" + collection + "/"));
        }

        private static boolean loopback(String host) {
            String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            if ("localhost".equalsIgnoreCase(h)) {
                return true;
            }
            // Only literal addresses: a name is not resolved, so a DNS answer cannot turn this into a remote host.
            if (!h.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
                return false;
            }
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }
}

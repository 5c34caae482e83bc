package org.fmishare.transport.taxii.testserver;

import java.util.Locale;

/** TAXII 2.1 media types as the test server reads them (its own copy, see {@link StoredObject}). */
final class ServerMediaTypes {
    /** The TAXII 2.1 media type, for Accept and for the Content-Type of requests and responses. */
    public static final String TAXII = "application/taxii+json;version=2.1";
    /** The STIX 2.1 media type, as collections list it in {@code media_types}. */
    public static final String STIX = "application/stix+json;version=2.1";

    private ServerMediaTypes() {}

    /**
     * Whether a media type (one element of a header value) is TAXII JSON at version 2.1. A missing version
     * parameter means "the latest", which this SDK takes as 2.1.
     *
     * @param value for example {@code application/taxii+json; version=2.1}
     * @return true when it names TAXII 2.1
     */
    public static boolean isTaxii21(String value) {
        if (value == null) {
            return false;
        }
        String[] parts = value.split(";");
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/taxii+json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("version=")) {
                return p.substring("version=".length()).replace("\"", "").equals("2.1");
            }
        }
        return true;
    }

    /**
     * Whether an Accept header admits TAXII 2.1 (wildcards do not: the specification asks clients to name the
     * type, and a server should refuse anything else with 406).
     *
     * @param accept the header value, possibly a comma-separated list with q parameters
     * @return true when one element is TAXII 2.1
     */
    public static boolean acceptsTaxii21(String accept) {
        if (accept == null) {
            return false;
        }
        for (String element : accept.split(",")) {
            StringBuilder withoutQ = new StringBuilder();
            for (String part : element.split(";")) {
                if (!part.strip().toLowerCase(Locale.ROOT).startsWith("q=")) {
                    withoutQ.append(withoutQ.length() == 0 ? "" : ";").append(part);
                }
            }
            if (isTaxii21(withoutQ.toString())) {
                return true;
            }
        }
        return false;
    }
}

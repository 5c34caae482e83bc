package org.fmishare.transport.taxii.testserver;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** TAXII 2.1 media types as the test server reads them (its own reading, see {@link StoredObject}). */
final class ServerMediaTypes {
    static final String TAXII = "application/taxii+json;version=2.1";
    static final String STIX = "application/stix+json;version=2.1";

    private ServerMediaTypes() {}

    /** One media type naming TAXII JSON 2.1; no version parameter means the latest, 2.1; {@code q} is ignored. */
    static boolean isTaxii21(String mediaType) {
        if (mediaType == null) {
            return false;
        }
        List<String> parts = Arrays.stream(mediaType.split(";")).map(p -> p.strip().toLowerCase(Locale.ROOT))
                .toList();
        return parts.get(0).equals("application/taxii+json") && parts.stream().skip(1)
                .filter(p -> p.startsWith("version=")).allMatch(p -> p.replace("\"", "").equals("version=2.1"));
    }

    /** An Accept header admits TAXII 2.1 only when one element names it (no wildcards: the server answers 406). */
    static boolean acceptsTaxii21(String accept) {
        return accept != null && Arrays.stream(accept.split(",")).anyMatch(ServerMediaTypes::isTaxii21);
    }
}

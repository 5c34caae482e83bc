package org.fmishare.transport.taxii.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fmishare.transport.taxii.ObjectQuery;

/** Building TAXII request URIs: query parameters, path segments and directory URIs. */
public final class TaxiiUris {
    private TaxiiUris() {}

    /**
     * @param base an endpoint
     * @param q the query
     * @param next the {@code next} value of the previous page, or {@code null} on the first request
     * @return the endpoint with the query's parameters
     */
    public static URI withQuery(URI base, ObjectQuery q, String next) {
        List<String> params = new ArrayList<>();
        // added_after and next are never sent together: next already encodes the position.
        if (next != null) {
            params.add("next=" + enc(next));
        } else {
            q.addedAfter().ifPresent(a -> params.add("added_after=" + enc(StixJson.timestamp(a))));
        }
        q.limit().ifPresent(l -> params.add("limit=" + l));
        if (!q.ids().isEmpty()) {
            params.add(enc("match[id]") + "=" + enc(String.join(",", q.ids())));
        }
        if (!q.types().isEmpty()) {
            params.add(enc("match[type]") + "=" + enc(String.join(",", q.types())));
        }
        if (!q.versions().isEmpty()) {
            params.add(enc("match[version]") + "=" + enc(String.join(",", q.versions())));
        }
        if (!q.specVersions().isEmpty()) {
            params.add(enc("match[spec_version]") + "=" + enc(String.join(",", q.specVersions())));
        }
        return params.isEmpty() ? base : URI.create(base + "?" + String.join("&", params));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * @param s an id used as one path segment
     * @return it, percent-encoded
     * @throws IllegalArgumentException when it is empty or could leave its segment
     */
    public static String pathSegment(String s) {
        Objects.requireNonNull(s, "id");
        if (s.isEmpty() || s.contains("/") || s.contains("..")) {
            throw new IllegalArgumentException("'" + s + "' is not a valid path segment");
        }
        return enc(s).replace("+", "%20");
    }

    /**
     * @param apiRoot a URI
     * @return it, ending in a slash so that relative references resolve below it
     */
    public static URI dir(URI apiRoot) {
        Objects.requireNonNull(apiRoot, "apiRoot");
        String s = apiRoot.toString();
        return s.endsWith("/") ? apiRoot : URI.create(s + "/");
    }
}

package org.fmishare.transport.taxii.internal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fmishare.transport.taxii.TaxiiException;
import org.fmishare.transport.taxii.TaxiiStatus;
import tools.jackson.databind.JsonNode;

/** Strict readers for the JSON of TAXII resources; a malformed member is a {@link TaxiiException.ProtocolViolation}. */
public final class TaxiiJson {
    private TaxiiJson() {}

    /**
     * @param uri where the status resource came from (for messages)
     * @param s the status resource
     * @return the checked status
     * @throws TaxiiException.ProtocolViolation when it is malformed or its lists disagree with its counts
     */
    public static TaxiiStatus status(URI uri, JsonNode s) {
        String state = requireText(uri, s, "status");
        if (!state.equals("pending") && !state.equals("complete")) {
            throw new TaxiiException.ProtocolViolation(uri + ": status must be pending or complete, was " + state);
        }
        try {
            List<TaxiiStatus.Detail> successes = details(uri, s, "successes");
            List<TaxiiStatus.Detail> failures = details(uri, s, "failures");
            List<TaxiiStatus.Detail> pendings = details(uri, s, "pendings");
            int success = count(uri, s, "success_count");
            int failure = count(uri, s, "failure_count");
            int pending = count(uri, s, "pending_count");
            if (successes.size() > success || failures.size() != failure && s.has("failures")
                    || pendings.size() > pending) {
                throw new TaxiiException.ProtocolViolation(uri + ": status lists disagree with their counts");
            }
            return new TaxiiStatus(requireText(uri, s, "id"), state.equals("complete"), count(uri, s, "total_count"),
                    success, failure, pending, successes, failures, pendings);
        } catch (IllegalArgumentException e) {
            throw new TaxiiException.ProtocolViolation(uri + ": " + e.getMessage(), e);
        }
    }

    private static List<TaxiiStatus.Detail> details(URI uri, JsonNode s, String name) {
        List<TaxiiStatus.Detail> out = new ArrayList<>();
        for (JsonNode d : s.path(name)) {
            out.add(new TaxiiStatus.Detail(requireText(uri, d, "id"), requireText(uri, d, "version"),
                    optText(d, "message")));
        }
        return out;
    }

    private static int count(URI uri, JsonNode s, String name) {
        JsonNode n = s.get(name);
        // A count beyond int must be refused here: converting it would throw Jackson's own unchecked exception.
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0) {
            throw new TaxiiException.ProtocolViolation(uri + ": " + name + " must be a non-negative integer");
        }
        return n.intValue();
    }

    /**
     * @param headers response headers
     * @param uri the request (for messages)
     * @return the {@code X-TAXII-Date-Added-Last} header, when present
     */
    public static Optional<Instant> dateAddedLast(java.net.http.HttpHeaders headers, URI uri) {
        Optional<String> h = headers.firstValue("X-TAXII-Date-Added-Last");
        return h.map(v -> timestamp(uri, v));
    }

    /**
     * @param uri where the text came from (for messages)
     * @param text a STIX timestamp
     * @return the instant
     * @throws TaxiiException.ProtocolViolation when it is not a STIX timestamp
     */
    public static Instant timestamp(URI uri, String text) {
        try {
            return StixJson.parseTimestamp(text);
        } catch (IllegalArgumentException e) {
            throw new TaxiiException.ProtocolViolation(uri + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param uri where the object came from (for messages)
     * @param n a JSON object
     * @param name a member name
     * @return the member's string value
     * @throws TaxiiException.ProtocolViolation when it is missing or not a string
     */
    public static String requireText(URI uri, JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || !v.isString()) {
            throw new TaxiiException.ProtocolViolation(uri + ": '" + name + "' must be a string");
        }
        return v.stringValue();
    }

    /**
     * @param n a JSON object
     * @param name a member name
     * @return the member's string value, when it is present and a string
     */
    public static Optional<String> optText(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v != null && v.isString() ? Optional.of(v.stringValue()) : Optional.empty();
    }
}

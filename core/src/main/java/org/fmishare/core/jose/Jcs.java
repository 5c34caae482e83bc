package org.fmishare.core.jose;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.erdtman.jcs.JsonCanonicalizer;
import org.fmishare.core.json.FmiJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * RFC 8785 JSON Canonicalization Scheme.
 *
 * <p>Design note: serialisation is delegated to {@code io.github.erdtman:java-json-canonicalization}, which passes
 * every RFC 8785 reference file byte for byte and all 10,000 lines of the ES6 number sequence (tests in
 * {@code JcsVectorsTest}); Java's own {@code Double.toString} would not. That library, however, turns a lone UTF-16
 * surrogate into {@code ?} instead of rejecting it, so input is first read with the SDK's strict Jackson mapper and
 * checked against I-JSON (RFC 7493): no duplicate keys, no lone surrogates, no integers beyond 2^53 (they would
 * silently lose precision as IEEE-754 doubles). Only then is it canonicalised.
 */
public final class Jcs {
    private static final double MAX_SAFE_INTEGER = 9007199254740991d;

    private Jcs() {}

    /** The input is not I-JSON, or not JSON at all. */
    public static final class NotIJsonException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NotIJsonException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Canonicalises a JSON document.
     *
     * @param json UTF-8 JSON
     * @return the canonical UTF-8 bytes
     * @throws NotIJsonException when the input is malformed, has duplicate keys, lone surrogates or unsafe integers
     */
    public static byte[] canonicalize(byte[] json) {
        Objects.requireNonNull(json, "json");
        JsonNode tree;
        try {
            tree = FmiJson.standard().mapper().readTree(json);
        } catch (JacksonException e) {
            throw new NotIJsonException("not strict JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new NotIJsonException("empty document", null);
        }
        checkIJson(tree, "$");
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException | RuntimeException e) {
            throw new NotIJsonException("cannot canonicalise: " + e.getMessage(), e);
        }
    }

    private static void checkIJson(JsonNode node, String path) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                checkString(e.getKey(), path + " (key)");
                checkIJson(e.getValue(), path + "." + e.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkIJson(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isString()) {
            checkString(node.stringValue(), path);
        } else if (node.isNumber()) {
            if (node.isIntegralNumber()) {
                if (Math.abs(node.bigIntegerValue().doubleValue()) > MAX_SAFE_INTEGER) {
                    throw new NotIJsonException(path + ": integer beyond 2^53 loses precision in I-JSON", null);
                }
            } else if (!Double.isFinite(node.doubleValue())) {
                throw new NotIJsonException(path + ": number out of IEEE-754 double range", null);
            }
        }
    }

    private static void checkString(String s, String path) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new NotIJsonException(path + ": lone surrogate at index " + i, null);
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new NotIJsonException(path + ": lone surrogate at index " + i, null);
            }
        }
    }
}

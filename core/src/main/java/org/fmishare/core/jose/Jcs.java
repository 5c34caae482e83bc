package org.fmishare.core.jose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.erdtman.jcs.NumberToJSON;
import org.fmishare.core.json.FmiJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * RFC 8785 JSON Canonicalization Scheme.
 *
 * <p>Design note: input is read once with the SDK's strict Jackson mapper and checked against I-JSON (RFC 7493): no
 * duplicate keys, no lone surrogates, no integers beyond 2^53 (they would silently lose precision as IEEE-754
 * doubles). The canonical bytes are then written straight from that tree: members sorted by UTF-16 code units,
 * strings with the RFC's minimal escaping, numbers in the ES6 form. Only the ES6 number formatting is delegated, to
 * {@code io.github.erdtman:java-json-canonicalization}'s {@code NumberToJSON}, which reproduces all 10,000 lines of
 * the ES6 number sequence (Java 17's {@code Double.toString} does not); the output passes every RFC 8785 reference
 * file byte for byte (tests in {@code JcsVectorsTest}). Writing from the tree, rather than handing the bytes to a
 * second parser, is what keeps signing and verification at one parse (or none, for a tree built from a model value).
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
        return canonicalize(tree);
    }

    /**
     * Canonicalises a JSON tree, for callers that already hold one (a tree read with the SDK's strict mapper, or
     * one built from a model value), so the document is not serialised and parsed again.
     *
     * @param tree the document; must not contain lone surrogates, unsafe integers or non-finite numbers
     * @return the canonical UTF-8 bytes
     * @throws NotIJsonException when the tree is not I-JSON, or holds a node that is not JSON data
     */
    public static byte[] canonicalize(JsonNode tree) {
        Objects.requireNonNull(tree, "tree");
        checkIJson(tree, "$");
        StringBuilder out = new StringBuilder(4096);
        write(tree, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                members.add(e);
            }
            // RFC 8785 section 3.2.3: sort by UTF-16 code units, which is exactly String.compareTo.
            members.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeString(members.get(i).getKey(), out);
                out.append(':');
                write(members.get(i).getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isString()) {
            writeString(node.stringValue(), out);
        } else if (node.isIntegralNumber()) {
            // checkIJson bounded it to +-(2^53 - 1), where the ES6 form of an integer is its plain decimal.
            out.append(node.longValue());
        } else if (node.isNumber()) {
            try {
                out.append(NumberToJSON.serializeNumber(node.doubleValue()));
            } catch (IOException e) {
                throw new NotIJsonException("number cannot be serialised: " + e.getMessage(), e);
            }
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull()) {
            out.append("null");
        } else {
            throw new NotIJsonException("node of type " + node.getNodeType() + " is not JSON data", null);
        }
    }

    /** RFC 8785 section 3.2.2.2: escape only quote, backslash and control characters, with the short forms. */
    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 0xf, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
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

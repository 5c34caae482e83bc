package org.fmishare.core.jose;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
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
    private static final long MAX_SAFE_LONG = 9007199254740991L;

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
        Utf8 out = new Utf8(4096);
        write(tree, out, new ArrayDeque<>());
        return out.toByteArray();
    }

    // One pass checks I-JSON and writes the canonical UTF-8 bytes. The path of a node is kept as a stack of keys and
    // indexes and only spelled out when a node is refused: building "$.a.b[3]" for every node was most of the
    // allocation of canonicalising a share.
    private static void write(JsonNode node, Utf8 out, Deque<Object> path) {
        if (node.isObject()) {
            out.ascii('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sortedMembers(node)) {
                if (!first) {
                    out.ascii(',');
                }
                first = false;
                checkString(e.getKey(), path, " (key)");
                path.addLast(e.getKey());
                writeString(e.getKey(), out);
                out.ascii(':');
                write(e.getValue(), out, path);
                path.removeLast();
            }
            out.ascii('}');
        } else if (node.isArray()) {
            out.ascii('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.ascii(',');
                }
                path.addLast(i);
                write(node.get(i), out, path);
                path.removeLast();
            }
            out.ascii(']');
        } else if (node.isString()) {
            String s = node.stringValue();
            checkString(s, path, "");
            writeString(s, out);
        } else if (node.isIntegralNumber()) {
            boolean safe = node.canConvertToLong() && node.longValue() >= -MAX_SAFE_LONG
                    && node.longValue() <= MAX_SAFE_LONG;
            if (!safe) {
                throw new NotIJsonException(spell(path) + ": integer beyond 2^53 loses precision in I-JSON", null);
            }
            // Bounded to +-(2^53 - 1), where the ES6 form of an integer is its plain decimal.
            out.ascii(Long.toString(node.longValue()));
        } else if (node.isNumber()) {
            if (!Double.isFinite(node.doubleValue())) {
                throw new NotIJsonException(spell(path) + ": number out of IEEE-754 double range", null);
            }
            try {
                out.ascii(NumberToJSON.serializeNumber(node.doubleValue()));
            } catch (IOException e) {
                throw new NotIJsonException("number cannot be serialised: " + e.getMessage(), e);
            }
        } else if (node.isBoolean()) {
            out.ascii(node.booleanValue() ? "true" : "false");
        } else if (node.isNull()) {
            out.ascii("null");
        } else {
            throw new NotIJsonException("node of type " + node.getNodeType() + " is not JSON data", null);
        }
    }

    /**
     * RFC 8785 section 3.2.3: members sorted by UTF-16 code units, which is exactly {@link String#compareTo}. A
     * document that was canonical already (every payload a verifier checks) has them in order, and is not copied.
     */
    private static Iterable<Map.Entry<String, JsonNode>> sortedMembers(JsonNode node) {
        String previous = null;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (previous != null && previous.compareTo(e.getKey()) > 0) {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
                for (Map.Entry<String, JsonNode> m : node.properties()) {
                    members.add(m);
                }
                members.sort(Map.Entry.comparingByKey());
                return members;
            }
            previous = e.getKey();
        }
        return node.properties();
    }

    /** RFC 8785 section 3.2.2.2: escape only quote, backslash and control characters, with the short forms. */
    private static void writeString(String s, Utf8 out) {
        out.ascii('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.ascii("\\\"");
                case '\\' -> out.ascii("\\\\");
                case '\b' -> out.ascii("\\b");
                case '\t' -> out.ascii("\\t");
                case '\n' -> out.ascii("\\n");
                case '\f' -> out.ascii("\\f");
                case '\r' -> out.ascii("\\r");
                default -> {
                    if (c < 0x20) {
                        out.ascii("\\u00");
                        out.ascii(Character.forDigit(c >> 4, 16));
                        out.ascii(Character.forDigit(c & 0xf, 16));
                    } else if (Character.isHighSurrogate(c)) {
                        // checkString let only whole pairs through
                        out.codePoint(Character.toCodePoint(c, s.charAt(++i)));
                    } else {
                        out.codePoint(c);
                    }
                }
            }
        }
        out.ascii('"');
    }

    private static void checkString(String s, Deque<Object> path, String suffix) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new NotIJsonException(spell(path) + suffix + ": lone surrogate at index " + i, null);
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new NotIJsonException(spell(path) + suffix + ": lone surrogate at index " + i, null);
            }
        }
    }

    /** {@code $.a.b[3]} from the stack of keys and indexes; a key's own path is its object's. */
    private static String spell(Deque<Object> path) {
        StringBuilder b = new StringBuilder("$");
        for (Object step : path) {
            if (step instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                b.append('.').append(step);
            }
        }
        return b.toString();
    }

    /** A growable UTF-8 byte buffer: the canonical form is written as bytes once, never as a string first. */
    private static final class Utf8 {
        private byte[] buf;
        private int size;

        Utf8(int capacity) {
            buf = new byte[capacity];
        }

        private void room(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        void ascii(char c) {
            room(1);
            buf[size++] = (byte) c;
        }

        void ascii(String s) {
            int n = s.length();
            room(n);
            for (int i = 0; i < n; i++) {
                buf[size++] = (byte) s.charAt(i);
            }
        }

        void codePoint(int cp) {
            room(4);
            if (cp < 0x80) {
                buf[size++] = (byte) cp;
            } else if (cp < 0x800) {
                buf[size++] = (byte) (0xC0 | (cp >> 6));
                buf[size++] = (byte) (0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                buf[size++] = (byte) (0xE0 | (cp >> 12));
                buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[size++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                buf[size++] = (byte) (0xF0 | (cp >> 18));
                buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[size++] = (byte) (0x80 | (cp & 0x3F));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }
}

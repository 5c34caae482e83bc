package org.fmishare.core.envelope;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fmishare.core.jose.internal.StrictBase64;
import org.fmishare.core.json.FmiJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strict reading of the outer JOSE JSON documents. Everything goes through the SDK's strict Jackson mapper first
 * (duplicate keys, trailing content and oversized tokens rejected), because Nimbus's bundled parser is not relied
 * upon to reject duplicate keys.
 */
final class Wire {
    private Wire() {}

    static ObjectNode object(byte[] json, String what) {
        JsonNode node;
        try {
            node = FmiJson.standard().mapper().readTree(json);
        } catch (JacksonException e) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX,
                    what + " is not strict JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX, what + " must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Requires exactly the given members, each a JSON string; returns them by name. */
    static Map<String, String> exactStringMembers(ObjectNode o, Set<String> names, String what) {
        Set<String> present = new TreeSet<>(o.propertyNames());
        if (!present.equals(new TreeSet<>(names))) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX,
                    what + " must have exactly the members " + new TreeSet<>(names)
                    + ", has " + present);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : names) {
            JsonNode v = o.get(n);
            if (!v.isString()) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX,
                        what + " member '" + n + "' must be a string");
            }
            out.put(n, v.stringValue());
        }
        return out;
    }

    static byte[] base64url(String s, String what) {
        return StrictBase64.url(s).orElseThrow(() -> new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX, what
                + " is not canonical unpadded base64url"));
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The JWS signing input, {@code ASCII(protected || '.' || payload)}, built without an intermediate string. */
    static byte[] signingInput(String protectedB64, String payloadB64) {
        byte[] p = ascii(protectedB64);
        byte[] q = ascii(payloadB64);
        byte[] out = java.util.Arrays.copyOf(p, p.length + 1 + q.length);
        out[p.length] = '.';
        System.arraycopy(q, 0, out, p.length + 1, q.length);
        return out;
    }
}

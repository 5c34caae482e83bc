package org.fmishare.transport.https.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.json.FmiJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The key under which a receiver remembers the receipt for a request, computed without verifying anything.
 *
 * <p>For a JWS it is the envelope digest ({@code sha-256:<hex>} over the JWS signing input {@code
 * protected.payload}, exactly {@code OutboundEnvelope.digest()}), so it names the signed content and not the JSON
 * layout. For a JWE it is {@code jwe-sha-256:<hex>} over {@code protected.encrypted_key.iv.ciphertext.tag}, because
 * the inner digest is only known after decryption. A retry sends the outbox's stored bytes, so it has the same key.
 * The key is only ever used to find a receipt stored after a successful verification of the same content; it is
 * never trusted for anything else.
 */
public final class DedupeKey {
    private DedupeKey() {}

    /**
     * Computes the key.
     *
     * @param body the request body
     * @return the key, or empty when the body is not a JWS or JWE JSON object (verification will reject it)
     */
    public static Optional<String> of(byte[] body) {
        JsonNode n;
        try {
            n = FmiJson.standard().mapper().readTree(body);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (n == null || !n.isObject()) {
            return Optional.empty();
        }
        if (strings(n, "protected", "payload", "signature")) {
            return Optional.of("sha-256:" + sha256(n.get("protected").stringValue() + "."
                    + n.get("payload").stringValue()));
        }
        if (strings(n, "protected", "encrypted_key", "iv", "ciphertext", "tag")) {
            return Optional.of("jwe-sha-256:" + sha256(String.join(".", n.get("protected").stringValue(),
                    n.get("encrypted_key").stringValue(), n.get("iv").stringValue(),
                    n.get("ciphertext").stringValue(), n.get("tag").stringValue())));
        }
        return Optional.empty();
    }

    private static boolean strings(JsonNode n, String... names) {
        for (String name : names) {
            JsonNode v = n.get(name);
            if (v == null || !v.isString()) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(String ascii) {
        return Digests.sha256Hex(ascii.getBytes(StandardCharsets.US_ASCII));
    }
}

package org.fmishare.core.envelope;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.jose.KeyPurposes;
import org.fmishare.core.json.FmiJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may speak as whom: for each sender id (an office, or a company signing receipts) the certificate identities
 * allowed to sign as it. An {@link EnvelopeVerifier} refuses an envelope whose {@code sender.id} is not bound to the
 * certificate that signed it (check {@code SIGNER_BINDING}); without a directory it still requires the leaf to carry
 * the subjectAltName URI {@code urn:fmishare:sender:<sender.id>} ({@link #sanUriDefault()}), so holding some
 * certificate under a trusted CA is never enough to speak as an office.
 *
 * <p>A binding is one of: the leaf's subjectAltName URI (preferred: survives re-keying and is not shared with TLS
 * names), the leaf's exact subject distinguished name, or a pinned key (SHA-256 of the leaf's SubjectPublicKeyInfo).
 * A sender id with several bindings is bound by any one of them (key rotation). A sender id missing from an explicit
 * directory is refused.
 *
 * <p>The JSON form ({@link #fromJson(byte[])}, {@link #toJson()}), as {@code keys init} writes it:
 * <pre>{@code
 * {"senders": {"fitf": [{"sanUri": "urn:fmishare:sender:fitf"}],
 *              "smc-examplesocial": [{"subject": "CN=ExampleSocial receipts"}, {"key": "sha-256:..."}]}}
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SenderDirectory {
    private static final Pattern KEY_DIGEST = Pattern.compile("sha-256:[0-9a-f]{64}");
    private static final int MAX_JSON_BYTES = 1024 * 1024;
    private static final SenderDirectory SAN_URI_DEFAULT = new SenderDirectory(Map.of(), true);

    private final Map<String, List<Binding>> bindings;
    private final boolean sanUriDefault;

    private SenderDirectory(Map<String, List<Binding>> bindings, boolean sanUriDefault) {
        this.bindings = bindings;
        this.sanUriDefault = sanUriDefault;
    }

    /**
     * A certificate identity a sender id is bound to.
     */
    public sealed interface Binding permits SanUri, Subject, PinnedKey {
        /**
         * Whether a leaf certificate has this identity.
         *
         * @param leaf the signing certificate
         * @return true when it matches
         */
        boolean matches(X509Certificate leaf);
    }

    /**
     * The leaf carries this subjectAltName URI.
     *
     * @param uri the URI, for example {@code urn:fmishare:sender:fitf}
     */
    public record SanUri(String uri) implements Binding {
        /** Requires a non-blank URI. */
        public SanUri {
            Objects.requireNonNull(uri, "uri");
            if (uri.isBlank()) {
                throw new IllegalArgumentException("uri must not be blank");
            }
        }

        @Override
        public boolean matches(X509Certificate leaf) {
            return KeyPurposes.sanUris(leaf).contains(uri);
        }
    }

    /**
     * The leaf's subject is this distinguished name (compared as X.500 names, so spacing and case of attribute
     * keywords do not matter).
     *
     * @param distinguishedName the RFC 2253 name, for example {@code CN=FITF envelope signer}
     */
    public record Subject(String distinguishedName) implements Binding {
        /** Requires a parseable, non-empty name. */
        public Subject {
            Objects.requireNonNull(distinguishedName, "distinguishedName");
            if (new X500Principal(distinguishedName).getName().isEmpty()) {
                throw new IllegalArgumentException("distinguishedName must not be empty");
            }
        }

        @Override
        public boolean matches(X509Certificate leaf) {
            return leaf.getSubjectX500Principal().equals(new X500Principal(distinguishedName));
        }
    }

    /**
     * The leaf's public key is this one: the SHA-256 of its DER SubjectPublicKeyInfo.
     *
     * @param sha256 {@code sha-256:<64 lowercase hex digits>}
     */
    public record PinnedKey(String sha256) implements Binding {
        /** Requires the SDK's digest notation. */
        public PinnedKey {
            Objects.requireNonNull(sha256, "sha256");
            if (!KEY_DIGEST.matcher(sha256).matches()) {
                throw new IllegalArgumentException("pinned key must be sha-256:<64 lowercase hex>, was " + sha256);
            }
        }

        /**
         * Pins a certificate's key.
         *
         * @param certificate the certificate whose key to pin
         * @return the pin
         */
        public static PinnedKey of(X509Certificate certificate) {
            return new PinnedKey(Digests.sha256(certificate.getPublicKey().getEncoded()));
        }

        @Override
        public boolean matches(X509Certificate leaf) {
            return sha256.equals(Digests.sha256(leaf.getPublicKey().getEncoded()));
        }
    }

    /**
     * The default policy: a sender id is bound to any leaf carrying {@code urn:fmishare:sender:<id>} as a
     * subjectAltName URI. Verifiers use it when no directory is configured.
     *
     * @return the default directory
     */
    public static SenderDirectory sanUriDefault() {
        return SAN_URI_DEFAULT;
    }

    /** {@return a builder for an explicit directory; ids not added to it are refused} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks that a certificate may speak as a sender id.
     *
     * @param senderId the id the signed payload claims
     * @param leaf the certificate that signed it
     * @throws EnvelopeException.Rejected with check {@code SIGNER_BINDING} when it may not
     */
    public void requireBound(String senderId, X509Certificate leaf) {
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(leaf, "leaf");
        if (!isBound(senderId, leaf)) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SIGNER_BINDING, "the certificate "
                    + leaf.getSubjectX500Principal().getName() + " is not bound to sender '" + senderId + "' ("
                    + (sanUriDefault ? "it lacks the subjectAltName URI " + KeyPurposes.SENDER_URI_PREFIX + senderId
                            : bindings.containsKey(senderId) ? "no binding in the sender directory matches"
                                    : "the sender directory does not list it") + ")");
        }
    }

    /**
     * Whether a certificate may speak as a sender id.
     *
     * @param senderId the claimed id
     * @param leaf the signing certificate
     * @return true when bound
     */
    public boolean isBound(String senderId, X509Certificate leaf) {
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(leaf, "leaf");
        if (sanUriDefault) {
            return KeyPurposes.speaksFor(leaf, senderId);
        }
        return bindings.getOrDefault(senderId, List.of()).stream().anyMatch(b -> b.matches(leaf));
    }

    /** {@return the explicit bindings by sender id; empty for {@link #sanUriDefault()}} */
    public Map<String, List<Binding>> bindings() {
        return bindings;
    }

    /**
     * Reads a directory from its JSON form (strict: duplicate keys, unknown members and empty binding lists are
     * refused, because a typo in a trust file must not silently widen or drop a binding).
     *
     * @param json the file's bytes
     * @return the directory
     * @throws IllegalArgumentException naming what is wrong
     */
    public static SenderDirectory fromJson(byte[] json) {
        Objects.requireNonNull(json, "json");
        if (json.length > MAX_JSON_BYTES) {
            throw new IllegalArgumentException("sender directory exceeds " + MAX_JSON_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = FmiJson.standard().mapper().readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("sender directory is not strict JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || root.size() != 1 || !root.has("senders")
                || !root.get("senders").isObject()) {
            throw new IllegalArgumentException("sender directory must be {\"senders\": {id: [binding, ...]}}");
        }
        Builder b = builder();
        for (Map.Entry<String, JsonNode> e : root.get("senders").properties()) {
            String id = e.getKey();
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw new IllegalArgumentException("$.senders." + id + " must be a non-empty array of bindings");
            }
            int i = 0;
            for (JsonNode n : e.getValue()) {
                String at = "$.senders." + id + "[" + i++ + "]";
                if (!n.isObject() || n.size() != 1) {
                    throw new IllegalArgumentException(at + " must have exactly one of sanUri, subject, key");
                }
                String kind = n.propertyNames().iterator().next();
                JsonNode v = n.get(kind);
                if (!v.isString()) {
                    throw new IllegalArgumentException(at + "." + kind + " must be a string");
                }
                b.bind(id, switch (kind) {
                    case "sanUri" -> new SanUri(v.stringValue());
                    case "subject" -> new Subject(v.stringValue());
                    case "key" -> new PinnedKey(v.stringValue());
                    default -> throw new IllegalArgumentException(at + ": unknown binding '" + kind
                            + "' (sanUri, subject, key)");
                });
            }
        }
        return b.build();
    }

    /**
     * Writes the JSON form read by {@link #fromJson(byte[])}.
     *
     * @return UTF-8 JSON
     * @throws IllegalStateException for {@link #sanUriDefault()}, which is a rule, not a list
     */
    public byte[] toJson() {
        if (sanUriDefault) {
            throw new IllegalStateException("the SAN URI default has no list form");
        }
        ObjectNode root = FmiJson.standard().mapper().createObjectNode();
        ObjectNode senders = root.putObject("senders");
        bindings.forEach((id, list) -> {
            ArrayNode a = senders.putArray(id);
            for (Binding bd : list) {
                // Java 17: no pattern switch; the interface is sealed, so these three are all.
                if (bd instanceof SanUri u) {
                    a.addObject().put("sanUri", u.uri());
                } else if (bd instanceof Subject sj) {
                    a.addObject().put("subject", sj.distinguishedName());
                } else {
                    a.addObject().put("key", ((PinnedKey) bd).sha256());
                }
            }
        });
        return (FmiJson.standard().mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return sanUriDefault ? "SenderDirectory[SAN URI default]" : "SenderDirectory" + bindings;
    }

    /** Builds an explicit directory. Not thread-safe. */
    public static final class Builder {
        private final Map<String, List<Binding>> bindings = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Binds a sender id to a certificate identity (may be called several times per id).
         *
         * @param senderId the sender id
         * @param binding the identity
         * @return this builder
         */
        public Builder bind(String senderId, Binding binding) {
            KeyPurposes.senderUri(senderId); // validates the id's form
            bindings.computeIfAbsent(senderId, k -> new ArrayList<>()).add(Objects.requireNonNull(binding, "binding"));
            return this;
        }

        /**
         * Binds a sender id to its preferred identity, the SAN URI {@code urn:fmishare:sender:<id>}.
         *
         * @param senderId the sender id
         * @return this builder
         */
        public Builder bindSanUri(String senderId) {
            return bind(senderId, new SanUri(KeyPurposes.senderUri(senderId)));
        }

        /**
         * {@return the directory}
         *
         * @throws IllegalStateException when nothing is bound (an empty directory would refuse everything)
         */
        public SenderDirectory build() {
            if (bindings.isEmpty()) {
                throw new IllegalStateException("a sender directory needs at least one binding");
            }
            Map<String, List<Binding>> copy = new LinkedHashMap<>();
            bindings.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new SenderDirectory(java.util.Collections.unmodifiableMap(copy), false);
        }
    }
}

package org.fmishare.core.envelope;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An envelope this process has just signed: JWS JSON serialization (RFC 7515 section 7.2.2, flattened) of an RFC 8785
 * canonical payload, with the signer's certificate chain in the protected {@code x5c} header.
 *
 * <p>Only {@link EnvelopeSigner} creates instances, so holding one means the signer accepted the content (PASS
 * compliance summary, required disclosures, consistent sender and recipient). There is deliberately no way to turn
 * bytes back into a {@code SignedEnvelope}: receivers use {@link EnvelopeVerifier}; a durable outbox keeps the
 * {@link #stored()} form, which carries the same delivery metadata and reads the signed content back from the bytes
 * it stores (bound to them by the digest).
 *
 * <p>Immutable and thread-safe; byte accessors return copies.
 */
public final class SignedEnvelope implements OutboundEnvelope {
    private final String envelopeId;
    private final EnvelopeKind kind;
    private final EnvelopeSender sender;
    private final String recipientId;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final EnvelopeAlgorithm algorithm;
    private final byte[] serialized;
    private final byte[] canonicalPayload;
    private final String digest;
    private final List<X509Certificate> chain;
    private final EnvelopeContent content;

    SignedEnvelope(String envelopeId, EnvelopeKind kind, EnvelopeSender sender, String recipientId, Instant issuedAt,
            Instant expiresAt, EnvelopeAlgorithm algorithm, byte[] serialized, byte[] canonicalPayload, String digest,
            List<X509Certificate> chain, EnvelopeContent content) {
        this.envelopeId = envelopeId;
        this.kind = kind;
        this.sender = sender;
        this.recipientId = recipientId;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.algorithm = algorithm;
        this.serialized = serialized;
        this.canonicalPayload = canonicalPayload;
        this.digest = digest;
        this.chain = List.copyOf(chain);
        this.content = content;
    }

    @Override
    public String envelopeId() {
        return envelopeId;
    }

    /**
     * The signed content, as the signer built it from the payload it signed (not parsed back from the bytes): what a
     * transport presents (email body, STIX objects) without verifying its own sender's envelope.
     *
     * @return the content
     */
    @Override
    public EnvelopeContent content() {
        return content;
    }

    /** {@return what the envelope carries} */
    public EnvelopeKind kind() {
        return kind;
    }

    /** {@return the sender record signed into the payload} */
    public EnvelopeSender sender() {
        return sender;
    }

    @Override
    public String recipientId() {
        return recipientId;
    }

    /** {@return when it was signed} */
    public Instant issuedAt() {
        return issuedAt;
    }

    @Override
    public Instant expiresAt() {
        return expiresAt;
    }

    /** {@return the JWS algorithm it was signed with} */
    public EnvelopeAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public String digest() {
        return digest;
    }

    @Override
    public byte[] serialized() {
        return serialized.clone();
    }

    /** {@return a copy of the serialized bytes: a signed envelope's wire form is its signed form} */
    @Override
    public byte[] signedSerialization() {
        return serialized.clone();
    }

    /**
     * The RFC 8785 canonical payload bytes that were signed: the content a detached CMS signature ({@link
     * EnvelopeSigner#detachedCms(SignedEnvelope)}) covers, and what an S/MIME channel carries beside it.
     *
     * @return a copy of the canonical payload
     */
    public byte[] canonicalPayload() {
        return canonicalPayload.clone();
    }

    /** {@return the signer's certificate chain, leaf first, as placed in {@code x5c}} */
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    /** {@return the form a durable outbox stores and reloads} */
    public Stored stored() {
        return new Stored(envelopeId, recipientId, expiresAt, digest, serialized);
    }

    /**
     * Encrypts this envelope to a recipient certificate (sign-then-encrypt, RFC 7516 JSON serialization):
     * ECDH-ES+A256KW for EC P-256/P-384 keys, RSA-OAEP-256 for RSA keys, content encrypted with A256GCM.
     *
     * @param recipientCertificate the recipient's encryption certificate
     * @return the encrypted envelope
     * @throws IllegalArgumentException when the certificate's key type cannot receive encrypted envelopes
     */
    public EncryptedEnvelope encryptFor(X509Certificate recipientCertificate) {
        Objects.requireNonNull(recipientCertificate, "recipientCertificate");
        return EncryptedEnvelope.encrypt(this, recipientCertificate);
    }

    /** {@return the id, kind, recipient and digest; never the payload} */
    @Override
    public String toString() {
        return "SignedEnvelope[" + envelopeId + ", " + kind + ", to " + recipientId + ", " + digest + "]";
    }

    /**
     * An outbound envelope reloaded from storage: the bytes to transmit and the signed JWS they were made from (the
     * same bytes unless the envelope was encrypted), with the delivery metadata recorded when it was signed.
     *
     * <p>Its {@link #content()} is read once, in the constructor, from the signed JWS with {@link
     * EnvelopeContent#ofOwnEnvelope}: the digest recomputed from those bytes must equal the recorded digest, so the
     * content cannot diverge from what was signed. The signature is not re-verified (the bytes are the sender's own
     * stored envelope); the recipient verifies it, as always. Immutable; byte accessors return copies.
     */
    public static final class Stored implements OutboundEnvelope {
        private static final Pattern DIGEST = Pattern.compile("sha-256:[0-9a-f]{64}");

        private final String envelopeId;
        private final String recipientId;
        private final Instant expiresAt;
        private final String digest;
        private final byte[] serialized;
        private final byte[] signedSerialization;
        private final EnvelopeContent content;

        /**
         * Recreates a stored signed (not encrypted) envelope.
         *
         * @param envelopeId the UUID recorded at signing
         * @param recipientId the recipient recorded at signing
         * @param expiresAt the expiry recorded at signing
         * @param digest the digest recorded at signing
         * @param serialized the stored JWS bytes (copied)
         * @throws IllegalArgumentException when the id is not a UUID, the digest malformed or the bytes empty
         * @throws EnvelopeException.Rejected with check {@code SYNTAX} when the bytes are not a JWS with the recorded digest and metadata
         */
        public Stored(String envelopeId, String recipientId, Instant expiresAt, String digest, byte[] serialized) {
            this(envelopeId, recipientId, expiresAt, digest, serialized, serialized);
        }

        /**
         * Recreates a stored envelope whose wire form may differ from its signed form (an encrypted envelope).
         *
         * @param envelopeId the UUID recorded at signing
         * @param recipientId the recipient recorded at signing
         * @param expiresAt the expiry recorded at signing
         * @param digest the digest recorded at signing
         * @param serialized the bytes to transmit (JWS or JWE; copied)
         * @param signedSerialization the signed JWS the wire bytes were made from (copied)
         * @throws IllegalArgumentException when the id is not a UUID, the digest malformed or the bytes empty
         * @throws EnvelopeException.Rejected with check {@code SYNTAX} when the signed bytes are not a JWS with the recorded digest and
         *     metadata
         */
        public Stored(String envelopeId, String recipientId, Instant expiresAt, String digest, byte[] serialized,
                byte[] signedSerialization) {
            this.envelopeId = Objects.requireNonNull(envelopeId, "envelopeId");
            this.recipientId = Objects.requireNonNull(recipientId, "recipientId");
            this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
            this.digest = Objects.requireNonNull(digest, "digest");
            this.serialized = Objects.requireNonNull(serialized, "serialized").clone();
            this.signedSerialization = Objects.requireNonNull(signedSerialization, "signedSerialization").clone();
            if (!EnvelopeReference.isUuid(envelopeId)) {
                throw new IllegalArgumentException("envelopeId must be a lower-case UUID, was '" + envelopeId + "'");
            }
            if (!DIGEST.matcher(digest).matches()) {
                throw new IllegalArgumentException("digest must be sha-256: and 64 lower-case hex digits");
            }
            if (this.serialized.length == 0 || this.signedSerialization.length == 0 || recipientId.isBlank()) {
                throw new IllegalArgumentException("serialized bytes and recipientId must not be empty");
            }
            this.content = EnvelopeContent.ofOwnEnvelope(this.signedSerialization, digest);
            if (!content.envelopeId().equals(envelopeId) || !content.recipientId().equals(recipientId)
                    || !content.expiresAt().equals(expiresAt)) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX, "stored metadata of " + envelopeId
                        + " does not match its signed payload");
            }
        }

        @Override
        public EnvelopeContent content() {
            return content;
        }

        @Override
        public byte[] signedSerialization() {
            return signedSerialization.clone();
        }

        @Override
        public String envelopeId() {
            return envelopeId;
        }

        @Override
        public String recipientId() {
            return recipientId;
        }

        @Override
        public Instant expiresAt() {
            return expiresAt;
        }

        @Override
        public String digest() {
            return digest;
        }

        @Override
        public byte[] serialized() {
            return serialized.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Stored s && envelopeId.equals(s.envelopeId) && recipientId.equals(s.recipientId)
                    && expiresAt.equals(s.expiresAt) && digest.equals(s.digest)
                    && Arrays.equals(serialized, s.serialized)
                    && Arrays.equals(signedSerialization, s.signedSerialization);
        }

        @Override
        public int hashCode() {
            return Objects.hash(envelopeId, digest);
        }

        @Override
        public String toString() {
            return "SignedEnvelope.Stored[" + envelopeId + ", to " + recipientId + ", " + digest + "]";
        }
    }
}

package org.fmishare.core.envelope;

import java.time.Instant;

/**
 * What a transport needs to deliver an envelope: its idempotency key, addressee, deadline, digest and bytes. Sealed:
 * the only implementations are a freshly signed {@link SignedEnvelope}, an {@link EncryptedEnvelope} made from one,
 * and {@link SignedEnvelope.Stored}, the form a durable outbox reloads from storage.
 *
 * <p>Implementations are immutable; {@link #serialized()} returns a copy.
 */
public sealed interface OutboundEnvelope permits SignedEnvelope, SignedEnvelope.Stored, EncryptedEnvelope {
    /** Media type of every serialized form: JWS and JWE JSON serialization (RFC 7515/7516). */
    String MEDIA_TYPE = "application/jose+json";

    /** {@return the envelope's UUID (lower case), the idempotency key for delivery} */
    String envelopeId();

    /** {@return the id of the recipient the envelope is addressed to} */
    String recipientId();

    /** {@return after when the recipient will reject the envelope} */
    Instant expiresAt();

    /**
     * The envelope's digest, which receipts reference: {@code sha-256:<hex>} over the JWS signing input (ASCII of
     * {@code BASE64URL(protected header) || '.' || BASE64URL(payload)}, RFC 7515 section 5.1). It covers the header
     * (with the certificate chain) and the payload, does not change when a transport re-serialises the JSON, and is
     * the same for the signed and the encrypted form.
     *
     * @return the digest
     */
    String digest();

    /** {@return a copy of the bytes to transmit, of type {@link #MEDIA_TYPE}} */
    byte[] serialized();

    /**
     * The signed JWS serialization the wire bytes were made from: the same bytes as {@link #serialized()} for a
     * signed envelope, the JWE plaintext for an encrypted one. A durable outbox stores it so that the content can be
     * read again after a restart even when the wire bytes are encrypted.
     *
     * @return a copy of the JWS JSON serialization
     */
    byte[] signedSerialization();

    /**
     * The signed content (body, disclosures, compliance summary, addressing), for transports that present it. For
     * an encrypted envelope this is the plaintext content, which stays on the sending side.
     *
     * @return the content
     */
    EnvelopeContent content();

    /** {@return {@link #MEDIA_TYPE}} */
    default String mediaType() {
        return MEDIA_TYPE;
    }
}

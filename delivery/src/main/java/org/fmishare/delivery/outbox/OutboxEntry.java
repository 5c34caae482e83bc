package org.fmishare.delivery.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.jose.Digests;

/**
 * One delivery in the outbox, an envelope to one destination, and its state, as a store returns it.
 *
 * <p>An envelope may be queued for several destinations; each is its own entry, tracked on its own and named by its
 * {@link #deliveryId() delivery id}, which stores use as their key.
 *
 * <p>The envelope is held as the exact bytes that will go on the wire (the JWS JSON serialization); the outbox never
 * re-serializes it, so what was signed is what is sent. Byte arrays are copied in and out.
 *
 * @param envelopeId the envelope's id, also the idempotency key at the receiver
 * @param destination where to deliver it, as a URI whose scheme selects the transport ({@code https:},
 *     {@code mailto:}, {@code taxii:})
 * @param recipientId the id of the company the envelope is addressed to
 * @param expiresAt when the envelope expires; it is not sent after that
 * @param digest the envelope's digest ({@code sha-256:<hex>}), which receipts reference
 * @param enqueuedAt when it was persisted
 * @param envelope the serialized signed envelope
 * @param state the delivery state
 * @param attempts failed delivery attempts so far
 * @param nextAttemptAt when the next attempt may start (for QUEUED)
 * @param lastError the last failure, if any
 * @param finishedAt when it was delivered or declared dead
 * @param receipt the receipt bytes for a DELIVERED entry (may be empty)
 * @param signedEnvelope the signed JWS the wire bytes were made from: equal to {@code envelope} unless the envelope
 *     was encrypted. Kept so the dispatcher can read the signed content again after a restart (a JWE cannot be
 *     decrypted by its sender), checked against {@code digest} so it cannot diverge from what was signed
 */
public record OutboxEntry(String envelopeId, String destination, String recipientId, Instant expiresAt,
        String digest, Instant enqueuedAt, byte[] envelope,
        OutboxState state, int attempts, Instant nextAttemptAt, Optional<String> lastError,
        Optional<Instant> finishedAt, byte[] receipt, byte[] signedEnvelope) {

    /** Validates and copies the byte arrays. */
    public OutboxEntry {
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(signedEnvelope, "signedEnvelope");
        if (envelopeId.isBlank() || envelopeId.length() > 256) {
            throw new IllegalArgumentException("envelopeId must be 1 to 256 characters");
        }
        if (destination.isBlank() || destination.length() > 2048) {
            throw new IllegalArgumentException("destination must be 1 to 2048 characters");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
        }
        envelope = envelope.clone();
        receipt = receipt.clone();
        signedEnvelope = signedEnvelope.clone();
    }

    /**
     * A newly enqueued entry of a signed, not encrypted, envelope (its signed form is its wire form).
     *
     * @param envelopeId the envelope id
     * @param destination the destination URI
     * @param recipientId the recipient's id
     * @param expiresAt the envelope's expiry
     * @param digest the envelope's digest
     * @param envelope the serialized envelope
     * @param at the enqueue time
     * @return a QUEUED entry due immediately
     */
    public static OutboxEntry queued(String envelopeId, String destination, String recipientId, Instant expiresAt,
            String digest, byte[] envelope, Instant at) {
        return queued(envelopeId, destination, recipientId, expiresAt, digest, envelope, envelope, at);
    }

    /**
     * A newly enqueued entry whose wire form may differ from its signed form (an encrypted envelope).
     *
     * @param envelopeId the envelope id
     * @param destination the destination URI
     * @param recipientId the recipient's id
     * @param expiresAt the envelope's expiry
     * @param digest the envelope's digest
     * @param envelope the serialized envelope to transmit
     * @param signedEnvelope the signed JWS the wire bytes were made from
     * @param at the enqueue time
     * @return a QUEUED entry due immediately
     */
    public static OutboxEntry queued(String envelopeId, String destination, String recipientId, Instant expiresAt,
            String digest, byte[] envelope, byte[] signedEnvelope, Instant at) {
        return new OutboxEntry(envelopeId, destination, recipientId, expiresAt, digest, at, envelope,
                OutboxState.QUEUED, 0, at, Optional.empty(), Optional.empty(), new byte[0], signedEnvelope);
    }

    /**
     * The key of this entry in a store: the envelope id and the destination, so that one envelope queued for two
     * destinations is two deliveries.
     *
     * @return {@link #deliveryId(String, String) deliveryId(envelopeId, destination)}
     */
    public String deliveryId() {
        return deliveryId(envelopeId, destination);
    }

    /**
     * The delivery id of an envelope to a destination: {@code <envelope id>#<16 hex digits>}, the digits being the
     * start of the SHA-256 of the destination URI. The destination is hashed, not appended, so the id stays short
     * (destinations may be 2,048 characters) while still starting with the envelope id an operator knows.
     *
     * @param envelopeId the envelope id
     * @param destination the destination URI, as stored
     * @return the delivery id
     */
    public static String deliveryId(String envelopeId, String destination) {
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(destination, "destination");
        return envelopeId + "#" + Digests.sha256Hex(destination.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** {@return a copy of the serialized envelope} */
    @Override
    public byte[] envelope() {
        return envelope.clone();
    }

    /** {@return a copy of the receipt bytes} */
    @Override
    public byte[] receipt() {
        return receipt.clone();
    }

    /** {@return a copy of the signed JWS the wire bytes were made from} */
    @Override
    public byte[] signedEnvelope() {
        return signedEnvelope.clone();
    }

    /** {@return the envelope's size in bytes, without copying it} */
    public int envelopeSize() {
        return envelope.length;
    }

    OutboxEntry withAttempt(int attempt, Instant next, String error) {
        return new OutboxEntry(envelopeId, destination, recipientId, expiresAt, digest, enqueuedAt, envelope, OutboxState.QUEUED, attempt, next,
                Optional.of(error), Optional.empty(), receipt, signedEnvelope);
    }

    OutboxEntry delivered(Instant at, byte[] receiptBytes) {
        return new OutboxEntry(envelopeId, destination, recipientId, expiresAt, digest, enqueuedAt, envelope, OutboxState.DELIVERED, attempts,
                nextAttemptAt, lastError, Optional.of(at), receiptBytes, signedEnvelope);
    }

    OutboxEntry dead(Instant at, String reason) {
        return new OutboxEntry(envelopeId, destination, recipientId, expiresAt, digest, enqueuedAt, envelope, OutboxState.DEAD, attempts,
                nextAttemptAt, Optional.of(reason), Optional.of(at), receipt, signedEnvelope);
    }

    OutboxEntry replayed(Instant at) {
        return new OutboxEntry(envelopeId, destination, recipientId, expiresAt, digest, enqueuedAt, envelope, OutboxState.QUEUED, 0, at, lastError,
                Optional.empty(), receipt, signedEnvelope);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxEntry e && envelopeId.equals(e.envelopeId) && destination.equals(e.destination)
                && recipientId.equals(e.recipientId) && expiresAt.equals(e.expiresAt) && digest.equals(e.digest)
                && enqueuedAt.equals(e.enqueuedAt) && Arrays.equals(envelope, e.envelope) && state == e.state
                && attempts == e.attempts && nextAttemptAt.equals(e.nextAttemptAt) && lastError.equals(e.lastError)
                && finishedAt.equals(e.finishedAt) && Arrays.equals(receipt, e.receipt)
                && Arrays.equals(signedEnvelope, e.signedEnvelope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(envelopeId, state, attempts) * 31 + Arrays.hashCode(envelope);
    }

    @Override
    public String toString() {
        return "OutboxEntry[" + envelopeId + " -> " + destination + ", " + state + ", attempts=" + attempts + "]";
    }
}

package org.fmishare.core.transport;

import java.net.URI;
import java.util.Objects;
import org.fmishare.core.envelope.EnvelopeContent;
import org.fmishare.core.envelope.OutboundEnvelope;

/**
 * One delivery a {@link Transport} is asked to make: the envelope (its id, addressee, expiry, digest and the bytes
 * to put on the wire), the destination, and the signed content for transports that must present it (an email
 * body, STIX objects).
 *
 * <p>The content comes with the envelope ({@link OutboundEnvelope#content()}): from the signer for a freshly signed
 * or encrypted envelope, or read once from the stored signed bytes (and checked against the recorded digest) when an
 * outbox reloads one. A transport therefore never needs to verify its own sender's envelope to learn what it says.
 *
 * @param envelope the signed (or signed-then-encrypted) envelope
 * @param destination where to deliver it; its scheme is one of the transport's {@link Transport#schemes()}
 */
public record Delivery(OutboundEnvelope envelope, URI destination) {

    /** Rejects nulls and a destination without a scheme. */
    public Delivery {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(destination, "destination");
        if (destination.getScheme() == null) {
            throw new IllegalArgumentException("destination must be an absolute URI, was " + destination);
        }
    }

    /** {@return the envelope id, the idempotency key at the receiver} */
    public String envelopeId() {
        return envelope.envelopeId();
    }

    /** {@return a copy of the bytes to transmit (JWS, or JWE for an encrypted envelope)} */
    public byte[] wire() {
        return envelope.serialized();
    }

    /** {@return the signed content: body, disclosures, compliance summary, sender and recipient (plaintext)} */
    public EnvelopeContent content() {
        return envelope.content();
    }

    /** {@return the envelope id and destination; never the content} */
    @Override
    public String toString() {
        return "Delivery[" + envelope.envelopeId() + " -> " + destination + "]";
    }
}

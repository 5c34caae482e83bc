package org.fmishare.core.transport;

import java.util.Set;
import org.fmishare.core.envelope.OutboundEnvelope;

/**
 * One delivery channel (HTTPS, email, TAXII) behind a single SPI. A transport accepts only a {@link Delivery} of an
 * {@link OutboundEnvelope}, a sealed type whose instances come from the envelope signer (or the outbox reloading
 * one), so nothing unsigned can be sent through it. The delivery also carries the signed content, so a transport
 * that presents it (email body, STIX) never has to verify its own sender's envelope.
 *
 * <p>Contract: {@link #deliver} reports the outcome as a {@link DeliveryResult}; it throws only for programming
 * errors. It must be safe to call again with the same envelope: the envelope id is the idempotency key, and
 * receivers dedupe on it. Implementations are thread-safe and reusable.
 *
 * <p>Transports are passed to {@code Dispatcher.builder().transport(...)}; discovery with
 * {@link java.util.ServiceLoader} is available but opt-in ({@code discoverTransports()}) and logged, because a
 * transport sees every envelope.
 */
public interface Transport extends AutoCloseable {

    /**
     * The destination URI schemes this transport delivers to, for example {@code https} or {@code mailto}.
     *
     * @return lower-case scheme names
     */
    Set<String> schemes();

    /**
     * Attempts one delivery.
     *
     * @param delivery the envelope, its signed content and the destination (whose scheme is one of {@link
     *     #schemes()})
     * @return the outcome
     */
    DeliveryResult deliver(Delivery delivery);

    /** Releases connections and threads. The default does nothing. */
    @Override
    default void close() {}
}

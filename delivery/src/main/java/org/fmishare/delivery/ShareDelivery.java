package org.fmishare.delivery;

import java.net.URI;
import java.util.Objects;
import org.fmishare.core.envelope.EnvelopeReference;
import org.fmishare.delivery.outbox.OutboxState;

/**
 * One envelope in the outbox that carried a share, and where it went: what a correction or retraction of the share
 * references ({@link Dispatcher#deliveriesOf}).
 *
 * @param envelope the share envelope's id and digest
 * @param destination where it was submitted
 * @param state its outbox state
 */
public record ShareDelivery(EnvelopeReference envelope, URI destination, OutboxState state) {
    /** Rejects nulls. */
    public ShareDelivery {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(state, "state");
    }
}

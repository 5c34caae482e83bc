package org.fmishare.spring.internal;

import java.time.Instant;
import java.util.List;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.delivery.DispatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each dispatch event to every listener bean (metrics, audit, the application's), so one that throws does not
 * keep the event from the others.
 */
public final class CompositeDispatchListener implements DispatchListener {
    private static final Logger LOG = LoggerFactory.getLogger(CompositeDispatchListener.class);

    private final List<DispatchListener> listeners;

    /**
     * Creates the composite.
     *
     * @param listeners the listeners, in order
     */
    public CompositeDispatchListener(List<DispatchListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void queued(String envelopeId) {
        each(l -> l.queued(envelopeId));
    }

    @Override
    public void attempting(String envelopeId, int attempt) {
        each(l -> l.attempting(envelopeId, attempt));
    }

    @Override
    public void retrying(String envelopeId, int attempt, Instant nextAttemptAt, String reason) {
        each(l -> l.retrying(envelopeId, attempt, nextAttemptAt, reason));
    }

    @Override
    public void delivered(String envelopeId, DeliveryResult.Delivered result) {
        each(l -> l.delivered(envelopeId, result));
    }

    @Override
    public void dead(String envelopeId, String reason) {
        each(l -> l.dead(envelopeId, reason));
    }

    private void each(java.util.function.Consumer<DispatchListener> event) {
        for (DispatchListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("dispatch listener {} threw {}; ignored", l.getClass().getName(), e.toString());
            }
        }
    }
}

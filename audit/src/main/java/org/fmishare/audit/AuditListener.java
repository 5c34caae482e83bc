package org.fmishare.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.delivery.DispatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the {@link org.fmishare.delivery.Dispatcher}'s progress in an audit log: each attempt
 * ({@link AuditEvent.SendAttempted}), each failed attempt ({@link AuditEvent.SendFailed}), each delivery
 * ({@link AuditEvent.Delivered}, with the receipt's digest, not the receipt) and each dead letter
 * ({@link AuditEvent.DeadLettered}). Pass it to {@code Dispatcher.builder().listener(...)}.
 *
 * <p>A listener must not throw: an audit failure is logged at ERROR and the dispatcher carries on (the log then
 * refuses further appends, so the gap is visible rather than silent).
 */
public final class AuditListener implements DispatchListener {
    private static final Logger LOG = LoggerFactory.getLogger(AuditListener.class);
    private final AuditLog log;
    private final Clock clock;

    /**
     * Creates the listener.
     *
     * @param log where events go
     * @param clock the clock that timestamps them
     */
    public AuditListener(AuditLog log, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates the listener with the system UTC clock.
     *
     * @param log where events go
     */
    public AuditListener(AuditLog log) {
        this(log, Clock.systemUTC());
    }

    @Override
    public void attempting(String envelopeId, int attempt) {
        record(new AuditEvent.SendAttempted(now(), envelopeId, attempt));
    }

    @Override
    public void retrying(String envelopeId, int attempt, Instant nextAttemptAt, String reason) {
        record(new AuditEvent.SendFailed(now(), envelopeId, attempt, nextAttemptAt, reason));
    }

    @Override
    public void delivered(String envelopeId, DeliveryResult.Delivered result) {
        record(new AuditEvent.Delivered(now(), envelopeId, Digests.sha256(result.receipt())));
    }

    @Override
    public void dead(String envelopeId, String reason) {
        record(new AuditEvent.DeadLettered(now(), envelopeId, reason));
    }

    private Instant now() {
        return clock.instant();
    }

    private void record(AuditEvent event) {
        try {
            log.append(event);
        } catch (RuntimeException e) {
            LOG.error("could not record {} for envelope in the audit log: {}", event.type(), e.getMessage());
        }
    }
}

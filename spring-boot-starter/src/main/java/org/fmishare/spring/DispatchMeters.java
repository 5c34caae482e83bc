package org.fmishare.spring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.delivery.DispatchListener;
import org.fmishare.delivery.outbox.OutboxEntry;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.delivery.outbox.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer meters for a dispatcher and its outbox. Give it to the dispatcher as its {@link DispatchListener}
 * (the starter does) and bind it to a registry:
 *
 * <ul>
 *   <li>{@value #QUEUED} (gauge): envelopes in the outbox waiting for an attempt;
 *   <li>{@value #IN_FLIGHT} (gauge): attempts under way in this process;
 *   <li>{@value #DELIVERED} (counter): envelopes this process delivered;
 *   <li>{@value #DEAD_LETTERS} (gauge): envelopes in the outbox's dead letters;
 *   <li>{@value #LATENCY} (timer): from enqueueing to delivery, per delivered envelope.
 * </ul>
 *
 * <p>The gauges read the store when they are sampled, so they count what every instance sharing the store queued.
 * Thread-safe.
 */
public final class DispatchMeters implements MeterBinder, DispatchListener {
    /** Gauge of queued envelopes. */
    public static final String QUEUED = "fmishare.outbox.queued";
    /** Gauge of attempts under way. */
    public static final String IN_FLIGHT = "fmishare.outbox.in_flight";
    /** Counter of delivered envelopes. */
    public static final String DELIVERED = "fmishare.delivery.delivered";
    /** Gauge of dead letters. */
    public static final String DEAD_LETTERS = "fmishare.delivery.dead_letters";
    /** Timer from enqueueing to delivery. */
    public static final String LATENCY = "fmishare.delivery.latency";

    private static final Logger LOG = LoggerFactory.getLogger(DispatchMeters.class);

    private final OutboxStore store;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong delivered = new AtomicLong();
    private final List<Timer> latencyTimers = new CopyOnWriteArrayList<>();

    /**
     * Creates the meters.
     *
     * @param store the dispatcher's outbox, read for the queue and dead-letter gauges and each delivery's latency
     */
    public DispatchMeters(OutboxStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(QUEUED, this, m -> m.count(OutboxState.QUEUED)).description("Envelopes waiting in the outbox")
                .baseUnit("envelopes").register(registry);
        Gauge.builder(IN_FLIGHT, inFlight, Set::size).description("Delivery attempts under way")
                .baseUnit("envelopes").register(registry);
        FunctionCounter.builder(DELIVERED, delivered, AtomicLong::doubleValue)
                .description("Envelopes delivered by this process").baseUnit("envelopes").register(registry);
        Gauge.builder(DEAD_LETTERS, this, m -> m.count(OutboxState.DEAD))
                .description("Envelopes in the outbox's dead letters").baseUnit("envelopes").register(registry);
        latencyTimers.add(Timer.builder(LATENCY).description("Time from enqueueing to delivery")
                .register(registry));
    }

    /** {@return envelopes this instance delivered since it was created} */
    public long deliveredCount() {
        return delivered.get();
    }

    /** {@return attempts under way} */
    public int inFlightCount() {
        return inFlight.size();
    }

    @Override
    public void attempting(String envelopeId, int attempt) {
        inFlight.add(envelopeId);
    }

    @Override
    public void retrying(String envelopeId, int attempt, java.time.Instant nextAttemptAt, String reason) {
        inFlight.remove(envelopeId);
    }

    @Override
    public void delivered(String envelopeId, DeliveryResult.Delivered result) {
        inFlight.remove(envelopeId);
        delivered.incrementAndGet();
        latency(envelopeId).ifPresent(d -> latencyTimers.forEach(t -> t.record(d)));
    }

    @Override
    public void dead(String envelopeId, String reason) {
        inFlight.remove(envelopeId);
    }

    private Optional<Duration> latency(String envelopeId) {
        try {
            // An envelope sent to several destinations has one delivery each; the one just delivered finished last.
            return store.deliveriesOf(envelopeId).stream()
                    .filter(e -> e.state() == OutboxState.DELIVERED && e.finishedAt().isPresent())
                    .max(java.util.Comparator.comparing((OutboxEntry e) -> e.finishedAt().orElseThrow()))
                    .map(e -> Duration.between(e.enqueuedAt(), e.finishedAt().orElseThrow()))
                    .filter(d -> !d.isNegative());
        } catch (RuntimeException e) {
            LOG.debug("no latency for {}: the outbox could not be read ({})", envelopeId, e.toString());
            return Optional.empty();
        }
    }

    private double count(OutboxState state) {
        try {
            return store.list(state).size();
        } catch (RuntimeException e) {
            // A gauge sampled while the store is closing or unreachable reports "no value", not a stale count.
            LOG.debug("outbox gauge for {} unavailable: {}", state, e.toString());
            return Double.NaN;
        }
    }
}

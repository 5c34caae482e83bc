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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
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
 *   <li>{@value #IN_FLIGHT} (gauge): delivery attempts under way in this process, one per destination, as the
 *       dispatcher counts them ({@link org.fmishare.delivery.Dispatcher#inFlight()});
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
    private final IntSupplier inFlight;
    private final AtomicLong delivered = new AtomicLong();
    private final List<Timer> latencyTimers = new CopyOnWriteArrayList<>();

    /**
     * Creates the meters.
     *
     * @param store the dispatcher's outbox, read for the queue and dead-letter gauges and each delivery's latency
     * @param inFlight the dispatcher's count of attempts under way, usually {@code dispatcher::inFlight}; read when
     *     the gauge is sampled (the meters are the dispatcher's listener, so they exist before it: a supplier lets
     *     the gauge read the one count the dispatcher keeps rather than a second tally that could drift from it)
     */
    public DispatchMeters(OutboxStore store, IntSupplier inFlight) {
        this.store = Objects.requireNonNull(store, "store");
        this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(QUEUED, this, m -> m.count(OutboxState.QUEUED)).description("Envelopes waiting in the outbox")
                .baseUnit("envelopes").register(registry);
        Gauge.builder(IN_FLIGHT, this, DispatchMeters::inFlightGauge).description("Delivery attempts under way")
                .baseUnit("deliveries").register(registry);
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

    /**
     * Attempts under way, as the dispatcher counts them.
     *
     * @return the count
     * @throws RuntimeException what the supplier throws (for example, while the application context is closing)
     */
    public int inFlightCount() {
        return inFlight.getAsInt();
    }

    private double inFlightGauge() {
        try {
            return inFlight.getAsInt();
        } catch (RuntimeException e) {
            LOG.debug("in-flight gauge unavailable: {}", e.toString());
            return Double.NaN;
        }
    }

    @Override
    public void delivered(String envelopeId, DeliveryResult.Delivered result) {
        delivered.incrementAndGet();
        latency(envelopeId).ifPresent(d -> latencyTimers.forEach(t -> t.record(d)));
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

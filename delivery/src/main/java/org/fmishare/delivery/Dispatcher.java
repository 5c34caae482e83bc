package org.fmishare.delivery;

import org.fmishare.core.FmiShareException;
import org.fmishare.core.transport.TransportException;
import org.fmishare.core.transport.Transport;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.LogContext;
import org.fmishare.core.envelope.EnvelopeException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeContent;
import org.fmishare.core.envelope.EnvelopeReference;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.delivery.outbox.OutboxEntry;
import org.fmishare.delivery.outbox.OutboxException;
import org.fmishare.delivery.outbox.SharedOutboxStore;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.delivery.outbox.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Delivers signed envelopes through their {@link Transport}s with a durable outbox: nothing is lost, nothing is
 * sent twice to a receiver that dedupes on the envelope id.
 *
 * <p>Guarantees. {@link #submit} returns only after the envelope is durable in the {@link OutboxStore}; no network
 * I/O happens before that. Workers deliver due envelopes; a retryable failure is retried with exponential backoff
 * and jitter (never sooner than a receiver's {@code Retry-After}); a permanent failure, an expired envelope, or
 * {@code maxAttempts} failed attempts move it to the dead letters, which the embedder can list and
 * {@linkplain #replay replay}. On {@link #start()} everything still queued in the store is scheduled again, so a
 * restart after a crash delivers what was not yet delivered. An envelope whose delivery succeeded at the receiver
 * but whose success was not yet recorded when the process died is sent once more after restart; its id lets the
 * receiver recognise it (the SDK's receivers answer with the original receipt).
 *
 * <p>Design note: each envelope id is scheduled at most once at a time (a set guards the delay queue), so two
 * workers never attempt the same envelope concurrently. Transport calls are guarded: an exception from a transport
 * counts as a retryable failure and never kills a worker.
 *
 * <p>Design note: transports receive a {@link Delivery} carrying the signed content, so none of them has to verify
 * its own sender's envelope. Each envelope is opened once: a submitted envelope brings the content the signer built;
 * after a restart the stored signed JWS is read back once ({@link SignedEnvelope.Stored}) and must hash to the
 * digest recorded at signing, so the content handed to transports is always the signed payload. The outbox keeps
 * the signed JWS beside the wire bytes because an encrypted envelope cannot be decrypted by its sender.
 *
 * <p>Handling markings. The dispatcher holds one {@link CompanyRecord} per receiving company (its highest TLP and,
 * for TLP:RED, its named recipients). {@link #submit} refuses a marked envelope (a threat share carries its TLP)
 * whose recipient has no record, whose marking is above the record's clearance, or which is TLP:RED to a destination
 * the record does not name, with a {@link HandlingException} thrown before the outbox or any transport sees it. The
 * check is the dispatcher's, not each transport's, so it holds on every channel; it is repeated before each attempt,
 * so an envelope queued before a clearance was lowered is retired to the dead letters instead of being sent.
 * Envelopes without a marking (meeting notices, briefing summaries, receipts) need no record.
 *
 * <p>Several instances (separate processes) can share one {@link SharedOutboxStore} ({@link Builder#shared}): each
 * instance then leases due entries from the store instead of scheduling everything it finds, so an entry is
 * attempted by one instance at a time; a failed attempt ends the lease and whichever instance leases the entry when
 * it is due again retries it; the leases of an instance that died are taken over once they expire. That is
 * at-least-once delivery: an attempt that outlives its lease, or a process killed between the receiver's acceptance
 * and the commit of the delivery, leads to one more delivery of the same envelope, which receivers recognise by its
 * id. Exactly-once therefore holds at a receiver that de-duplicates on the envelope id, as the SDK's receivers do.
 *
 * <p>Thread-safe. Build with {@link #builder()}, call {@link #start()}, and {@link #close()} when done.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final OutboxStore store;
    private final Map<String, Transport> transports;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double jitter;
    private final int workerCount;
    private final Clock clock;
    private final DispatchListener listener;
    private final Map<String, CompanyRecord> companies;
    /** The shared store and this instance's lease identity, or null when this dispatcher owns its store alone. */
    private final SharedOutboxStore shared;
    private final String instanceId;
    private final Duration leaseTime;
    private final Duration pollInterval;
    private final Object pollSignal = new Object();
    /** Renews the leases of attempts under way (shared dispatchers only, else null). */
    private final ScheduledExecutorService renewer;
    /** When this instance last took or renewed the lease of each entry it holds (shared dispatchers only). */
    private final Map<String, Instant> leasedAt = new ConcurrentHashMap<>();

    private final DelayQueue<Due> queue = new DelayQueue<>();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    /** Envelopes opened for delivery (signed content available), by id; dropped once delivered or dead. */
    private final Map<String, OutboundEnvelope> opened = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong attempts = new AtomicLong();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean closed;

    private Dispatcher(Builder b) {
        this.store = b.store;
        this.transports = Map.copyOf(b.transports);
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.jitter = b.jitter;
        this.workerCount = b.workers;
        this.clock = b.clock;
        this.listener = b.listener;
        this.companies = Map.copyOf(b.companies);
        this.shared = b.instanceId == null ? null : (SharedOutboxStore) b.store;
        this.instanceId = b.instanceId;
        this.leaseTime = b.leaseTime;
        this.pollInterval = b.pollInterval;
        this.renewer = b.instanceId == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fmi-share-dispatcher-lease-renewal");
            t.setDaemon(true);
            return t;
        });
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Schedules everything still queued in the store and starts the workers. Idempotent.
     *
     * @return this dispatcher
     */
    public synchronized Dispatcher start() {
        ensureOpen();
        if (running) {
            return this;
        }
        running = true;
        if (shared == null) {
            List<OutboxEntry> pending = store.list(OutboxState.QUEUED);
            pending.forEach(e -> schedule(e.deliveryId(), e.nextAttemptAt()));
            if (!pending.isEmpty()) {
                LOG.info("outbox: resuming {} undelivered envelope(s)", pending.size());
            }
        } else {
            Thread poller = new Thread(this::pollLeases, "fmi-share-dispatcher-leases");
            poller.setDaemon(true);
            workers.add(poller);
            poller.start();
            LOG.info("outbox: instance {} sharing the outbox with leases of {}", instanceId, leaseTime);
        }
        for (int i = 0; i < workerCount; i++) {
            Thread t = new Thread(this::work, "fmi-share-dispatcher-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        return this;
    }

    /**
     * Persists an envelope for delivery. Returns once it is durable; delivery happens on the workers.
     *
     * @param envelope the signed envelope
     * @param destination where to deliver it (its scheme selects the transport)
     * @return true if queued, false if this envelope was already in the outbox for this destination (in any state);
     *     the same envelope for another destination is queued as a separate delivery, tracked on its own
     * @throws TransportException if no transport handles the destination's scheme, or the dispatcher is closed
     * @throws HandlingException if the envelope's marking may not go to its recipient at this destination (nothing
     *     is stored or sent)
     */
    public boolean submit(OutboundEnvelope envelope, URI destination) {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(destination, "destination");
        ensureOpen();
        transportFor(destination);
        checkHandling(envelope.envelopeId(), envelope.recipientId(), envelope.content(), destination);
        Instant now = clock.instant();
        OutboxEntry entry = OutboxEntry.queued(envelope.envelopeId(), destination.toString(),
                envelope.recipientId(), envelope.expiresAt(), envelope.digest(), envelope.serialized(),
                envelope.signedSerialization(), now);
        boolean added = store.enqueue(entry);
        if (added) {
            opened.put(entry.deliveryId(), envelope);
            safely(() -> listener.queued(envelope.envelopeId()));
            if (running) {
                scheduleOrWake(entry.deliveryId(), now);
            }
        }
        return added;
    }

    /**
     * Queues a correction or retraction for every destination its original share envelope was submitted to, so the
     * company receives the amendment on each channel it received the share on. The outbox looks the original up by
     * the id the amendment names and requires the same digest; the handling checks of {@link #submit} apply (the
     * amendment carries the share's marking).
     *
     * <p>A share signed into several envelopes (one per channel) needs one amendment per envelope, since each
     * receiver knows only the envelope it got; {@link #deliveriesOf} lists them.
     *
     * @param amendment a signed {@link EnvelopeBody.Amendment}
     * @return true if queued for at least one destination, false if it was already in the outbox for all of them
     * @throws IllegalArgumentException if the envelope is not a share amendment
     * @throws OutboxException.UnknownEnvelope if the outbox holds no envelope with the id and digest it names
     * @throws HandlingException as {@link #submit}
     */
    public boolean submitAmendment(OutboundEnvelope amendment) {
        Objects.requireNonNull(amendment, "amendment");
        if (!(amendment.content().body() instanceof EnvelopeBody.Amendment a)) {
            throw new IllegalArgumentException("envelope " + amendment.envelopeId() + " is a "
                    + amendment.content().kind() + ", not a share amendment");
        }
        EnvelopeReference original = a.original();
        List<OutboxEntry> deliveries = store.deliveriesOf(original.envelopeId());
        if (deliveries.isEmpty()) {
            throw new OutboxException.UnknownEnvelope(original.envelopeId());
        }
        for (OutboxEntry entry : deliveries) {
            if (!entry.digest().equals(original.digest())) {
                throw new OutboxException.UnknownEnvelope(original.envelopeId(), original.digest(), entry.digest());
            }
        }
        boolean queued = false;
        for (OutboxEntry entry : deliveries) {
            queued |= submit(amendment, URI.create(entry.destination()));
        }
        return queued;
    }

    /**
     * The envelopes in the outbox (in any state) that carried a share, with where each went: the envelopes a
     * correction or retraction of the share must reference, one amendment each. Reads every entry of the store, so
     * it costs as much as the outbox is large.
     *
     * @param shareId the share id
     * @return the deliveries, in the store's order per state
     */
    public List<ShareDelivery> deliveriesOf(String shareId) {
        Objects.requireNonNull(shareId, "shareId");
        List<ShareDelivery> out = new ArrayList<>();
        for (OutboxState state : OutboxState.values()) {
            for (OutboxEntry e : store.list(state)) {
                EnvelopeContent content;
                try {
                    content = EnvelopeContent.ofOwnEnvelope(e.signedEnvelope(), e.digest());
                } catch (RuntimeException ex) {
                    // An encrypted or unreadable entry cannot be a share this office can amend by content.
                    continue;
                }
                if (content.body() instanceof EnvelopeBody.Share s && s.share().id().equals(shareId)) {
                    out.add(new ShareDelivery(new EnvelopeReference(e.envelopeId(), e.digest()),
                            URI.create(e.destination()), e.state()));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The outbox entry of an envelope; for an envelope submitted to several destinations, its first delivery (see
     * {@link #deliveries} and {@link #status(String, URI)}).
     *
     * @param envelopeId the envelope id
     * @return its entry, if submitted
     */
    public Optional<OutboxEntry> status(String envelopeId) {
        return store.deliveriesOf(envelopeId).stream().findFirst();
    }

    /**
     * The outbox entry of an envelope's delivery to one destination.
     *
     * @param envelopeId the envelope id
     * @param destination the destination it was submitted to
     * @return its entry, if submitted there
     */
    public Optional<OutboxEntry> status(String envelopeId, URI destination) {
        Objects.requireNonNull(destination, "destination");
        return store.find(OutboxEntry.deliveryId(envelopeId, destination.toString()));
    }

    /**
     * Every delivery of an envelope, one per destination it was submitted to, oldest first.
     *
     * @param envelopeId the envelope id
     * @return the entries, empty if it was never submitted
     */
    public List<OutboxEntry> deliveries(String envelopeId) {
        return store.deliveriesOf(envelopeId);
    }

    /** {@return the dead letters, oldest first} */
    public List<OutboxEntry> deadLetters() {
        return store.list(OutboxState.DEAD);
    }

    /**
     * Moves an envelope's dead letters (every destination where it is dead) back to the queue with a fresh attempt
     * budget.
     *
     * @param envelopeId the envelope id
     * @throws org.fmishare.delivery.outbox.OutboxException if it is unknown or dead nowhere
     */
    public void replay(String envelopeId) {
        ensureOpen();
        List<OutboxEntry> all = store.deliveriesOf(envelopeId);
        if (all.isEmpty()) {
            throw new OutboxException.UnknownEnvelope(envelopeId);
        }
        List<OutboxEntry> dead = all.stream().filter(e -> e.state() == OutboxState.DEAD).toList();
        if (dead.isEmpty()) {
            throw new OutboxException.IllegalTransition(envelopeId, all.get(0).state(), "replayed");
        }
        dead.forEach(this::replay);
    }

    /**
     * Moves the dead letter of an envelope's delivery to one destination back to the queue with a fresh attempt
     * budget.
     *
     * @param envelopeId the envelope id
     * @param destination the destination whose delivery is dead
     * @throws org.fmishare.delivery.outbox.OutboxException if that delivery is unknown or not dead
     */
    public void replay(String envelopeId, URI destination) {
        ensureOpen();
        Objects.requireNonNull(destination, "destination");
        String key = OutboxEntry.deliveryId(envelopeId, destination.toString());
        replay(store.find(key).orElseThrow(() -> new OutboxException.UnknownEnvelope(envelopeId + " to "
                + destination)));
    }

    private void replay(OutboxEntry dead) {
        Instant now = clock.instant();
        store.replay(dead.deliveryId(), now);
        LOG.info("outbox: replaying dead letter {} to {}", dead.envelopeId(), URI.create(dead.destination())
                .getScheme());
        if (running) {
            scheduleOrWake(dead.deliveryId(), now);
        }
    }

    /**
     * Delivery attempts under way in this instance now: one per destination, so an envelope being delivered to two
     * companies at once counts twice. Unlike {@link #metrics()} it reads no store, so a gauge may sample it often.
     *
     * @return attempts under way, at least 0
     */
    public int inFlight() {
        return inFlight.get();
    }

    /** {@return a snapshot of queued, in-flight, delivered and dead counts} */
    public DispatchMetrics metrics() {
        return new DispatchMetrics(store.list(OutboxState.QUEUED).size(), inFlight.get(),
                store.list(OutboxState.DELIVERED).size(), store.list(OutboxState.DEAD).size(), attempts.get());
    }

    /**
     * Waits until no envelope is queued or in flight (all delivered or dead), or the timeout passes. A dispatcher
     * sharing its store waits until nothing is queued in the store, whichever instance delivers it.
     *
     * @param timeout how long to wait at most
     * @return true if idle, false on timeout
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!scheduled.isEmpty() || inFlight.get() > 0
                || (shared != null && !store.list(OutboxState.QUEUED).isEmpty())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(shared == null ? 10 : 100);
        }
        return true;
    }

    /** Stops the workers (an attempt under way finishes) and closes the transports. The store stays open. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = false;
        }
        workers.forEach(Thread::interrupt);
        if (renewer != null) {
            renewer.shutdownNow();
        }
        for (Thread t : workers) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Transport t : new java.util.HashSet<>(transports.values())) {
            try {
                t.close();
            } catch (Exception e) {
                LOG.warn("closing transport {} failed: {}", t.getClass().getName(), e.toString());
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new TransportException(FmiShareException.Kind.PROCESSING_FAILED, "the dispatcher is closed");
        }
    }

    private Transport transportFor(URI destination) {
        String scheme = destination.getScheme() == null ? "" : destination.getScheme().toLowerCase(Locale.ROOT);
        Transport t = transports.get(scheme);
        if (t == null) {
            throw new TransportException(FmiShareException.Kind.INPUT_REJECTED, "no transport for '" + scheme
                    + ":' destinations (configured: " + new java.util.TreeSet<>(transports.keySet()) + ")");
        }
        return t;
    }

    private void checkHandling(String envelopeId, String recipientId, EnvelopeContent content, URI destination) {
        Optional<TlpMarking> marking = markingOf(content.body());
        if (marking.isEmpty()) {
            return;
        }
        CompanyRecord company = companies.get(recipientId);
        if (company == null) {
            throw new HandlingException.NoCompanyRecord(envelopeId, recipientId, marking.get(), destination);
        }
        if (company.permits(marking.get(), destination)) {
            return;
        }
        if (marking.get().compareTo(company.highestTlp()) > 0) {
            throw new HandlingException.AboveClearance(envelopeId, recipientId, marking.get(), company.highestTlp(),
                    destination);
        }
        throw new HandlingException.RedRecipientNotNamed(envelopeId, recipientId, destination);
    }

    /** The TLP an envelope's body carries: a share's or amendment's handling; the other bodies carry none. */
    static Optional<TlpMarking> markingOf(EnvelopeBody body) {
        return body.match(share -> Optional.of(share.share().handling()), notice -> Optional.empty(),
                briefing -> Optional.empty(), amendment -> Optional.of(amendment.amendment().handling()),
                receipt -> Optional.empty());
    }

    /** A shared dispatcher leaves new work to the lease poller (so it is leased first); a lone one schedules it. */
    private void scheduleOrWake(String envelopeId, Instant at) {
        if (shared == null) {
            schedule(envelopeId, at);
        } else {
            synchronized (pollSignal) {
                pollSignal.notifyAll();
            }
        }
    }

    /**
     * Leases due entries while this instance has room for them: at most two per worker are held, so an entry does
     * not sit leased in a local queue while other instances are idle.
     */
    private void pollLeases() {
        int room = 2 * workerCount;
        while (running) {
            int free = room - scheduled.size();
            List<String> leased = List.of();
            if (free > 0) {
                try {
                    Instant now = clock.instant();
                    leased = shared.lease(instanceId, now, leaseTime, free);
                    leased.forEach(id -> {
                        leasedAt.put(id, now);
                        schedule(id, now);
                    });
                } catch (RuntimeException e) {
                    LOG.error("outbox: instance {} cannot lease entries: {}", instanceId, e.toString());
                }
            }
            if (leased.size() < free || free <= 0) {
                try {
                    synchronized (pollSignal) {
                        pollSignal.wait(Math.max(1, pollInterval.toMillis()));
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void schedule(String envelopeId, Instant at) {
        if (scheduled.add(envelopeId)) {
            queue.add(new Due(envelopeId, System.nanoTime()
                    + Math.max(0, Duration.between(clock.instant(), at).toNanos())));
        }
    }

    /**
     * Puts an envelope that is already in {@code scheduled} back on the delay queue without leaving the set, so
     * {@link #awaitIdle} never sees it as neither scheduled nor in flight between two attempts.
     */
    private void reschedule(String envelopeId, Instant at) {
        if (shared != null) {
            // The failure ended the lease; whichever instance leases the entry when it is due retries it.
            scheduled.remove(envelopeId);
            wakePoller();
        } else if (running) {
            queue.add(new Due(envelopeId, System.nanoTime()
                    + Math.max(0, Duration.between(clock.instant(), at).toNanos())));
        } else {
            scheduled.remove(envelopeId);
        }
    }

    private void work() {
        while (running) {
            Due due;
            try {
                due = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (due == null) {
                continue;
            }
            try {
                attempt(due.envelopeId);
            } catch (OutboxException.IllegalTransition e) {
                // Another instance sharing the store finished this entry first (its lease had expired here).
                LOG.info("outbox: {} was finished elsewhere: {}", due.envelopeId, e.getMessage());
                opened.remove(due.envelopeId);
                scheduled.remove(due.envelopeId);
            } catch (RuntimeException e) {
                // The store failed (disk, database): keep the envelope queued and try again later.
                LOG.error("outbox: cannot process {}: {}", due.envelopeId, e.toString());
                reschedule(due.envelopeId, clock.instant().plus(maxBackoff));
            }
            if (shared != null) {
                // Room for one more lease.
                wakePoller();
            }
        }
    }

    /** One attempt at a delivery, named by its delivery id. */
    private void attempt(String id) {
        try {
            attemptFound(id);
        } finally {
            // A shared entry is leased for one attempt: the attempt's outcome ended the lease, or it was lost.
            leasedAt.remove(id);
        }
    }

    private void attemptFound(String id) {
        Optional<OutboxEntry> found = store.find(id);
        if (found.isEmpty() || found.get().state() != OutboxState.QUEUED) {
            scheduled.remove(id);
            return;
        }
        // Every log line of the attempt (this class's, the transport's, the listener's) names the envelope.
        try (LogContext.Scope ignored = LogContext.open(found.get().envelopeId(), Optional.empty())) {
            attemptInContext(id, found.get());
        }
    }

    private void attemptInContext(String id, OutboxEntry e) {
        String envelopeId = e.envelopeId();
        Instant now = clock.instant();
        if (now.isAfter(e.expiresAt())) {
            retire(e, now, "expired at " + e.expiresAt() + " before it could be delivered");
            return;
        }
        URI destination = URI.create(e.destination());
        Transport transport;
        try {
            transport = transportFor(destination);
        } catch (TransportException ex) {
            // Not this dispatcher's channel (a CLI send builds one transport, and the outbox may hold deliveries
            // over others): the entry stays queued, untouched, for a dispatcher that has the transport.
            LOG.warn("outbox: {} stays queued for a dispatcher with a transport for it: {}", envelopeId,
                    ex.getMessage());
            scheduled.remove(id);
            opened.remove(id);
            return;
        }
        OutboundEnvelope envelope;
        try {
            envelope = opened.computeIfAbsent(id, k -> new SignedEnvelope.Stored(e.envelopeId(), e.recipientId(),
                    e.expiresAt(), e.digest(), e.envelope(), e.signedEnvelope()));
        } catch (EnvelopeException | IllegalArgumentException ex) {
            // The stored bytes do not hash to the recorded digest or are not an envelope: retrying cannot help.
            retire(e, now, "stored envelope cannot be opened: " + ex.getMessage());
            return;
        }
        shareId(envelope).ifPresent(share -> MDC.put(LogContext.SHARE_ID, share));
        try {
            checkHandling(id, envelope.recipientId(), envelope.content(), destination);
        } catch (HandlingException ex) {
            retire(e, now, ex.getMessage());
            return;
        }
        if (shared != null && !holdsLease(id, envelopeId)) {
            scheduled.remove(id);
            opened.remove(id);
            return;
        }
        int attempt = e.attempts() + 1;
        attempts.incrementAndGet();
        safely(() -> listener.attempting(envelopeId, attempt));
        DeliveryResult result;
        inFlight.incrementAndGet();
        ScheduledFuture<?> renewal = null;
        if (shared != null) {
            long period = Math.max(1, leaseTime.toMillis() / 4);
            renewal = renewer.scheduleAtFixedRate(() -> renewLease(id, envelopeId), period, period,
                    TimeUnit.MILLISECONDS);
        }
        try {
            result = transport.deliver(new Delivery(envelope, destination));
            if (result == null) {
                result = DeliveryResult.retry("transport " + transport.getClass().getSimpleName() + " returned null");
            }
        } catch (RuntimeException ex) {
            result = DeliveryResult.retry("transport " + transport.getClass().getSimpleName() + " threw " + ex);
        } finally {
            if (renewal != null) {
                renewal.cancel(false);
            }
        }
        // Still in flight until its outcome is stored and the listener told: awaitIdle() must not return between
        // the two (a meter read right after it would miss the delivery).
        try {
            record(id, envelopeId, e, destination, attempt, result);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void record(String id, String envelopeId, OutboxEntry e, URI destination, int attempt,
            DeliveryResult result) {
        Instant after = clock.instant();
        if (result instanceof DeliveryResult.Delivered d) {
            store.markDelivered(id, after, d.receipt());
            opened.remove(id);
            scheduled.remove(id);
            LOG.info("outbox: delivered {} to {} on attempt {}", envelopeId, destination.getScheme(), attempt);
            safely(() -> listener.delivered(envelopeId, d));
        } else if (result instanceof DeliveryResult.PermanentFailure p) {
            retire(e, after, "permanent failure on attempt " + attempt + ": " + p.reason());
        } else {
            DeliveryResult.RetryableFailure r = (DeliveryResult.RetryableFailure) result;
            if (attempt >= maxAttempts) {
                retire(e, after, "gave up after " + attempt + " attempts; last: " + r.reason());
                return;
            }
            Duration wait = backoff(attempt);
            if (r.retryAfter().isPresent() && r.retryAfter().get().compareTo(wait) > 0) {
                wait = r.retryAfter().get();
            }
            Instant next = after.plus(wait);
            store.recordFailure(id, attempt, next, r.reason());
            LOG.debug("outbox: attempt {} of {} failed ({}); retrying at {}", attempt, envelopeId, r.reason(), next);
            safely(() -> listener.retrying(envelopeId, attempt, next, r.reason()));
            reschedule(id, next);
        }
    }

    /** The share id of an envelope that carries a share; empty when it carries something else or cannot be read. */
    private static Optional<String> shareId(OutboundEnvelope envelope) {
        try {
            return envelope.content().body() instanceof EnvelopeBody.Share s ? Optional.of(s.share().id())
                    : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether this instance still holds the lease of an entry about to be attempted. A lease taken or renewed less
     * than a quarter of the lease time ago is held; an older one (the entry waited behind other attempts) is renewed
     * first, and if it expired and another instance took it, the attempt is left to that instance.
     */
    private boolean holdsLease(String id, String envelopeId) {
        Instant now = clock.instant();
        Instant at = leasedAt.get(id);
        if (at != null && Duration.between(at, now).compareTo(leaseTime.dividedBy(4)) < 0) {
            return true;
        }
        if (shared.renew(id, instanceId, now, leaseTime)) {
            leasedAt.put(id, now);
            return true;
        }
        LOG.info("outbox: the lease on {} expired before its attempt; left to the instance holding it now",
                envelopeId);
        return false;
    }

    /** Keeps the lease of an attempt under way, so no other instance takes the entry over while it runs. */
    private void renewLease(String id, String envelopeId) {
        try {
            Instant now = clock.instant();
            if (shared.renew(id, instanceId, now, leaseTime)) {
                leasedAt.put(id, now);
                LOG.debug("outbox: instance {} renewed its lease on {} until {}", instanceId, envelopeId,
                        now.plus(leaseTime));
            } else {
                LOG.warn("outbox: instance {} lost the lease on {} during an attempt; another instance may deliver "
                        + "it again (receivers de-duplicate)", instanceId, envelopeId);
            }
        } catch (RuntimeException ex) {
            LOG.warn("outbox: cannot renew the lease on {}: {}", envelopeId, ex.toString());
        }
    }

    private void wakePoller() {
        synchronized (pollSignal) {
            pollSignal.notifyAll();
        }
    }

    private void retire(OutboxEntry e, Instant at, String reason) {
        String id = e.deliveryId();
        store.markDead(id, at, reason);
        opened.remove(id);
        scheduled.remove(id);
        LOG.warn("outbox: {} to {} moved to dead letters: {}", e.envelopeId(), URI.create(e.destination())
                .getScheme(), reason);
        safely(() -> listener.dead(e.envelopeId(), reason));
    }

    /** Exponential backoff with multiplicative jitter: initial * 2^(n-1), capped, times a factor in 1 +- jitter. */
    Duration backoff(int attempt) {
        double base = initialBackoff.toNanos() * Math.pow(2, Math.min(attempt - 1, 40));
        double capped = Math.min(base, maxBackoff.toNanos());
        double factor = 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofNanos((long) Math.min(capped * factor, maxBackoff.toNanos()));
    }

    private static void safely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("dispatch listener threw {}; ignored", e.toString());
        }
    }

    private static final class Due implements Delayed {
        final String envelopeId;
        final long dueNanos;

        Due(String envelopeId, long dueNanos) {
            this.envelopeId = envelopeId;
            this.dueNanos = dueNanos;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(dueNanos, ((Due) o).dueNanos);
        }
    }

    /** Configures a {@link Dispatcher}; {@link #store} is required, everything else has a default. */
    public static final class Builder {
        private OutboxStore store;
        private final Map<String, Transport> transports = new HashMap<>();
        private int maxAttempts = 10;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofMinutes(10);
        private double jitter = 0.2;
        private int workers = 2;
        private Clock clock = Clock.systemUTC();
        private DispatchListener listener = new DispatchListener() {};
        private final Map<String, CompanyRecord> companies = new HashMap<>();
        private String instanceId;
        private Duration leaseTime;
        private Duration pollInterval = Duration.ofMillis(250);

        private Builder() {}

        /**
         * Adds a receiving company's handling record; every company that receives marked envelopes (threat shares)
         * needs one, or its envelopes are refused.
         *
         * @param company the record
         * @return this builder
         * @throws IllegalStateException if a record for the same company was already added
         */
        public Builder company(CompanyRecord company) {
            Objects.requireNonNull(company, "company");
            CompanyRecord previous = companies.putIfAbsent(company.companyId(), company);
            if (previous != null && !previous.equals(company)) {
                throw new IllegalStateException("two different company records for " + company.companyId());
            }
            return this;
        }

        /** @param store the durable outbox @return this builder */
        public Builder store(OutboxStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Adds a transport for each scheme it declares.
         *
         * @param transport the transport
         * @return this builder
         * @throws IllegalStateException if another transport already handles one of its schemes
         */
        public Builder transport(Transport transport) {
            Objects.requireNonNull(transport, "transport");
            for (String scheme : transport.schemes()) {
                String s = scheme.toLowerCase(Locale.ROOT);
                Transport previous = transports.putIfAbsent(s, transport);
                if (previous != null && previous != transport) {
                    throw new IllegalStateException("scheme '" + s + "' is already handled by "
                            + previous.getClass().getName());
                }
            }
            return this;
        }

        /**
         * Adds every {@link Transport} found with {@link ServiceLoader} on the class loader (each needs a public
         * no-argument constructor). Opt-in and logged, because a transport sees every envelope.
         *
         * @param loader where to look
         * @return this builder
         */
        public Builder discoverTransports(ClassLoader loader) {
            for (Transport t : ServiceLoader.load(Transport.class, loader)) {
                LOG.info("discovered transport {} for schemes {}", t.getClass().getName(), t.schemes());
                transport(t);
            }
            return this;
        }

        /** @param maxAttempts attempts before giving up, at least 1 (default 10) @return this builder */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the backoff range.
         *
         * @param initial the wait after the first failure (default 500 ms)
         * @param max the longest wait (default 10 minutes)
         * @return this builder
         */
        public Builder backoff(Duration initial, Duration max) {
            Objects.requireNonNull(initial, "initial");
            Objects.requireNonNull(max, "max");
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff needs 0 < initial <= max, was " + initial + " and "
                        + max);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** @param jitter relative jitter in [0, 1) (default 0.2) @return this builder */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter < 1)) {
                throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /** @param workers concurrent delivery threads, at least 1 (default 2) @return this builder */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, was " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** @param clock the clock for timestamps and expiry (default UTC system clock) @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param listener progress callbacks @return this builder */
        public Builder listener(DispatchListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Shares the store with other dispatcher instances: entries are leased from the store (which must be a
         * {@link SharedOutboxStore}) for {@code leaseTime} before an attempt, so one instance attempts an entry at a
         * time and a dead instance's entries are taken over when their leases expire. While an attempt is under way
         * its lease is renewed every quarter of {@code leaseTime}, so a slow attempt is not taken over; a lease that
         * aged while its entry waited for a worker is renewed before the attempt, which is skipped if another
         * instance took the entry in the meantime.
         *
         * @param instanceId this instance's name, unique among those sharing the store (1 to 256 characters)
         * @param leaseTime how long a lease lasts without renewal: how long a killed instance's entries wait before
         *     another instance takes them over; well above the longest pause a live instance may have (garbage
         *     collection, database latency), since a lease not renewed in time may be taken over
         * @return this builder
         */
        public Builder shared(String instanceId, Duration leaseTime) {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(leaseTime, "leaseTime");
            if (instanceId.isBlank() || instanceId.length() > 256) {
                throw new IllegalArgumentException("instanceId must be 1 to 256 characters, was '" + instanceId + "'");
            }
            if (leaseTime.isNegative() || leaseTime.isZero()) {
                throw new IllegalArgumentException("leaseTime must be positive, was " + leaseTime);
            }
            this.instanceId = instanceId;
            this.leaseTime = leaseTime;
            return this;
        }

        /**
         * How often a shared dispatcher looks for due entries when it found none (default 250 ms); a submit on this
         * instance looks at once.
         *
         * @param pollInterval the interval, positive
         * @return this builder
         */
        public Builder pollInterval(Duration pollInterval) {
            Objects.requireNonNull(pollInterval, "pollInterval");
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
            }
            this.pollInterval = pollInterval;
            return this;
        }

        /**
         * Builds the dispatcher (not yet started).
         *
         * @return the dispatcher
         * @throws IllegalStateException if no store or no transport was given, or {@link #shared} was called with a
         *     store that is not a {@link SharedOutboxStore}
         */
        public Dispatcher build() {
            if (store == null) {
                throw new IllegalStateException("a Dispatcher needs an OutboxStore: call store(...)");
            }
            if (transports.isEmpty()) {
                throw new IllegalStateException("a Dispatcher needs at least one Transport: call transport(...)");
            }
            if (instanceId != null && !(store instanceof SharedOutboxStore)) {
                throw new IllegalStateException("store must be a SharedOutboxStore to be shared, was "
                        + store.getClass().getName());
            }
            return new Dispatcher(this);
        }
    }
}

package org.fmishare.transport.https;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.fmishare.core.FmiShareException;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeKind;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.ShareStates;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.SmcResponse;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.core.transport.LogContext;
import org.fmishare.transport.https.ReceiverResponse.Outcome;
import org.fmishare.transport.https.internal.DedupeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving end of the HTTPS channel, for companies and test harnesses: verifies each envelope, hands it to the
 * embedder's {@link EnvelopeConsumer} once, and answers with a signed receipt (an {@link ResponseKind#ACKNOWLEDGED}
 * {@link SmcResponse} signed by the receiving company's {@link EnvelopeSigner}). A repeated delivery of the same
 * envelope, which the sender's outbox makes after a lost answer, gets the original receipt again and does not reach
 * the callback.
 *
 * <p>How a request is handled, in order: not {@code POST}: 405; not {@code application/jose+json}: 415; larger
 * than {@link Builder#maxEnvelopeBytes}: 413. Then the request's dedupe key is computed without trusting anything
 * (for a JWS, the envelope digest: SHA-256 over the signing input {@code protected.payload}); if a receipt is stored
 * under that key, it is returned (200, {@link Outcome#DUPLICATE}) without verifying the envelope again. A request
 * with the same key as one still being processed waits for it and shares its answer. Otherwise the envelope is verified fully (any failure: 400, or 413 for size);
 * it must be addressed to the signer's company (else 400) and its id must not have been accepted with other content
 * (409). Then the callback runs, the receipt is signed and stored, and the receipt is sent (200, {@link
 * Outcome#ACCEPTED}). If the callback throws, the answer is 500 and the verified envelope is kept so that the
 * sender's retry reaches the callback again.
 *
 * <p>Security notes. Error answers carry only a short category ({@code rejected}, {@code too large}, ...); the
 * failed check is in {@link ReceiverResponse#failure()} and the log. A stored receipt is returned to whoever presents
 * the same signed content: it acknowledges that content and says nothing more, and a TLS server in front of this
 * handler should require client certificates. Exactly-once holds while the {@link ReceiptStore} remembers the
 * receipt; with the in-memory defaults (receipt store and replay cache) it does not survive a restart of the
 * receiver. A {@link FileReceiptStore} keeps receipts across restarts on one machine; a {@link JdbcReceiptStore} on
 * PostgreSQL is shared by several receiver processes, which then answer a body one at a time (the store's
 * {@link ReceiptStore#exclusively exclusive section}), so the callback runs once and every receiver answers the
 * same receipt. Give the verifier the matching persistent replay cache ({@code FileReplayCache},
 * {@code JdbcReplayCache}) so that a different envelope reusing an accepted nonce is refused after a restart and by
 * every receiver.
 *
 * <p>Nothing is lost between the nonce and the receipt: the verifier records the nonce before the callback runs and
 * the receipt is stored, so a callback that throws, or a receiver that dies in between, leaves a recorded nonce and
 * no receipt. The replay cache keeps the envelope's digest with the nonce, so the sender's retry of the identical
 * envelope, on a restarted receiver or on another instance sharing the stores, verifies as a repeat ({@link
 * VerifiedEnvelope#repeated()}) and not as a replay; finding no receipt for it, the receiver runs the callback (once,
 * inside the store's exclusive section) and stores and sends the receipt, and a later retry gets that receipt. Only
 * a different envelope reusing the nonce is refused ({@code REPLAY}). Within one instance, a verified envelope whose
 * callback failed is also held in memory, so the retry skips verification. Pair the stores: with a persistent replay
 * cache but the in-memory receipt store, a retry after a restart reaches the callback again.
 *
 * <p>Thread-safe; build once and share between request threads.
 */
public final class EnvelopeReceiver implements EnvelopeHandler {
    /** Default time a request waits for a concurrent request with the same envelope before answering 503. */
    public static final Duration DEFAULT_IN_PROGRESS_WAIT = Duration.ofSeconds(5);
    /** Verified envelopes whose callback failed, kept for the sender's retry (oldest dropped beyond this). */
    private static final int MAX_PENDING = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeReceiver.class);

    private final EnvelopeVerifier verifier;
    private final EnvelopeSigner signer;
    private final EnvelopeConsumer consumer;
    private final ReceiptStore store;
    private final int maxBytes;
    private final Duration inProgressWait;
    private final Duration skew;
    private final Clock clock;
    private final Optional<ShareStates> shareStates;
    private final Map<String, CompletableFuture<ReceiverResponse>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > MAX_PENDING;
        }
    };

    /** A verified envelope waiting for its callback to succeed ({@code consumed} false) or its receipt. */
    private record Pending(VerifiedEnvelope envelope, boolean consumed) {}

    private EnvelopeReceiver(Builder b) {
        this.verifier = b.verifier;
        this.signer = b.signer;
        this.consumer = inLogContext(b.consumer);
        this.store = b.store != null ? b.store : InMemoryReceiptStore.create();
        this.maxBytes = b.maxBytes;
        this.inProgressWait = b.inProgressWait;
        this.skew = b.skew;
        this.clock = b.clock;
        this.shareStates = b.shareStates;
    }

    /** {@return a builder; verifier, signer and callback are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the largest accepted body in bytes; bindings may refuse a larger {@code Content-Length} early} */
    public int maxEnvelopeBytes() {
        return maxBytes;
    }

    /**
     * Handles a request whose body is a stream; reads at most {@link #maxEnvelopeBytes()} + 1 bytes of it.
     *
     * @param method the HTTP method
     * @param contentType the {@code Content-Type} header, if any
     * @param body the body stream (not closed)
     * @return the answer
     */
    @Override
    public ReceiverResponse handle(String method, Optional<String> contentType, InputStream body) {
        Objects.requireNonNull(body, "body");
        Optional<ReceiverResponse> early = checkRequest(method, contentType);
        if (early.isPresent()) {
            return early.get();
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            return ReceiverResponse.problem(Outcome.FAILED, Optional.empty(), Optional.of(
                    new HttpsTransportException.ReceiveFailed("cannot read the request body: " + e, e)));
        }
        return process(bytes);
    }

    /**
     * Handles a request whose body is already in memory.
     *
     * @param method the HTTP method
     * @param contentType the {@code Content-Type} header, if any
     * @param body the body
     * @return the answer
     */
    public ReceiverResponse handle(String method, Optional<String> contentType, byte[] body) {
        Objects.requireNonNull(body, "body");
        return checkRequest(method, contentType).orElseGet(() -> process(body.clone()));
    }

    private Optional<ReceiverResponse> checkRequest(String method, Optional<String> contentType) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(contentType, "contentType");
        if (!method.equals("POST")) {
            return Optional.of(problem(Outcome.METHOD_NOT_ALLOWED, null));
        }
        String type = contentType.map(t -> {
            int semi = t.indexOf(';');
            return (semi < 0 ? t : t.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        }).orElse("");
        if (!type.equals(OutboundEnvelope.MEDIA_TYPE)) {
            return Optional.of(problem(Outcome.UNSUPPORTED_MEDIA_TYPE, null));
        }
        return Optional.empty();
    }

    private ReceiverResponse process(byte[] body) {
        if (body.length > maxBytes) {
            return problem(Outcome.TOO_LARGE, null);
        }
        Optional<String> key = DedupeKey.of(body);
        if (key.isEmpty()) {
            // Not a JWS or JWE object: verification rejects it and names the reason for the log.
            return firstDelivery(body, Optional.empty());
        }
        String k = key.get();
        Optional<StoredReceipt> known = store.findByKey(k, clock.instant());
        if (known.isPresent()) {
            return duplicate(known.get());
        }
        CompletableFuture<ReceiverResponse> mine = new CompletableFuture<>();
        CompletableFuture<ReceiverResponse> other = inFlight.putIfAbsent(k, mine);
        if (other != null) {
            return awaitConcurrent(other, k);
        }
        ReceiverResponse answer = null;
        try {
            // Checked again: a request that finished between the first look and putIfAbsent has stored its receipt.
            // Inside the store's exclusive section, so receivers sharing the store cannot both call back.
            answer = store.exclusively(k, () -> {
                Optional<StoredReceipt> stored = store.findByKey(k, clock.instant());
                return stored.isPresent() ? duplicate(stored.get()) : firstDelivery(body, key);
            });
            return answer;
        } catch (RuntimeException e) {
            LOG.error("receiving envelope failed unexpectedly", e);
            answer = problem(Outcome.FAILED, new HttpsTransportException.ReceiveFailed("unexpected " + e, e));
            return answer;
        } finally {
            inFlight.remove(k, mine);
            mine.complete(answer);
        }
    }

    private ReceiverResponse awaitConcurrent(CompletableFuture<ReceiverResponse> other, String key) {
        try {
            ReceiverResponse r = other.get(inProgressWait.toMillis(), TimeUnit.MILLISECONDS);
            return r.isReceipt() ? ReceiverResponse.receipt(Outcome.DUPLICATE, r.body()) : r;
        } catch (TimeoutException e) {
            LOG.info("envelope with key {} is still being processed; answering busy", key);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.error("concurrent request failed", e.getCause());
        }
        return ReceiverResponse.problem(Outcome.BUSY, Optional.of(Duration.ofSeconds(1)), Optional.empty());
    }

    private ReceiverResponse firstDelivery(byte[] body, Optional<String> key) {
        Instant now = clock.instant();
        Pending held;
        synchronized (pending) {
            held = key.map(pending::get).orElse(null);
        }
        VerifiedEnvelope v;
        boolean consumed = false;
        if (held != null && held.envelope().expiresAt().plus(skew).isAfter(now)) {
            v = held.envelope();
            consumed = held.consumed();
        } else {
            try {
                v = verifier.verify(body);
            } catch (EnvelopeException e) {
                LOG.info("rejected envelope: {}", e.getMessage());
                Outcome o = e.check() == EnvelopeException.Check.SIZE ? Outcome.TOO_LARGE
                        : e.isInputRejection() ? Outcome.REJECTED : Outcome.FAILED;
                return problem(o, e);
            }
        }
        String k = key.orElse(v.digest());
        String company = signer.sender().id();
        if (!v.recipientId().equals(company)) {
            String msg = "envelope " + v.envelopeId() + " is addressed to '" + v.recipientId() + "', this receiver "
                    + "acknowledges for '" + company + "'";
            LOG.info("rejected envelope: {}", msg);
            return problem(Outcome.REJECTED, new HttpsTransportException.EnvelopeRefused(msg));
        }
        Optional<StoredReceipt> sameId = store.findByEnvelopeId(v.envelopeId(), now);
        if (sameId.isPresent()) {
            if (sameId.get().requestKey().equals(k)) {
                return duplicate(sameId.get());
            }
            String msg = "envelope id " + v.envelopeId() + " was already accepted with digest "
                    + sameId.get().digest() + "; this one has " + v.digest();
            LOG.warn("refused envelope: {}", msg);
            return problem(Outcome.CONFLICT, new HttpsTransportException.EnvelopeRefused(msg));
        }
        if (!consumed && shareStates.isPresent() && (v.kind() == EnvelopeKind.THREAT_SHARE
                || v.kind() == EnvelopeKind.SHARE_AMENDMENT)) {
            // Recorded before the callback and the receipt: an amendment of a share this company does not hold is
            // refused, never acknowledged. Recording is idempotent, so a retry after a failed callback is harmless.
            try {
                shareStates.get().record(v);
            } catch (EnvelopeException e) {
                LOG.info("rejected envelope: {}", e.getMessage());
                return problem(e.isInputRejection() ? Outcome.REJECTED : Outcome.FAILED, e);
            }
        }
        if (!consumed) {
            try {
                consumer.accept(v);
            } catch (RuntimeException e) {
                hold(k, v, false);
                LOG.error("envelope callback failed for {}; the sender will retry", v.envelopeId(), e);
                return problem(Outcome.FAILED, new HttpsTransportException.ReceiveFailed("the callback failed for "
                        + "envelope " + v.envelopeId() + ": " + e, e));
            }
        }
        try {
            SignedEnvelope receipt = signer.signReceipt(v, acknowledgement(v, company));
            StoredReceipt stored = store.put(new StoredReceipt(k, v.envelopeId(), v.digest(),
                    v.expiresAt().plus(skew), receipt.serialized()), clock.instant());
            synchronized (pending) {
                pending.remove(k);
            }
            LOG.info("accepted envelope {} ({}) from {}", v.envelopeId(), v.kind(), v.sender().id());
            return ReceiverResponse.receipt(Outcome.ACCEPTED, stored.receipt());
        } catch (RuntimeException e) {
            // The callback has run: keep the envelope so the retry only signs and stores the receipt.
            hold(k, v, true);
            LOG.error("cannot sign or store the receipt for {}; the sender will retry", v.envelopeId(), e);
            return problem(Outcome.FAILED, new HttpsTransportException.ReceiveFailed("receipt for envelope "
                    + v.envelopeId() + " could not be signed or stored: " + e, e));
        }
    }

    private void hold(String key, VerifiedEnvelope v, boolean consumed) {
        synchronized (pending) {
            pending.put(key, new Pending(v, consumed));
        }
    }

    private SmcResponse acknowledgement(VerifiedEnvelope v, String company) {
        String answered = v.share().map(ThreatShare::id)
                .or(() -> v.meetingNotice().map(Meeting::id))
                .or(() -> v.briefingSummary().map(Briefing::id))
                .or(() -> v.amendment().map(ShareAmendment::shareId))
                .or(() -> v.response().map(SmcResponse::id))
                .orElseThrow();
        return new SmcResponse("ack-" + v.envelopeId(), answered, company, ResponseKind.ACKNOWLEDGED,
                clock.instant(), Optional.empty());
    }

    private static ReceiverResponse duplicate(StoredReceipt r) {
        LOG.debug("repeated delivery of envelope {}: original receipt returned", r.envelopeId());
        return ReceiverResponse.receipt(Outcome.DUPLICATE, r.receipt());
    }

    private static ReceiverResponse problem(Outcome outcome, FmiShareException failure) {
        return ReceiverResponse.problem(outcome, Optional.empty(), Optional.ofNullable(failure));
    }

    /** Configures an {@link EnvelopeReceiver}. */
    public static final class Builder {
        private EnvelopeVerifier verifier;
        private EnvelopeSigner signer;
        private EnvelopeConsumer consumer;
        private ReceiptStore store;
        private int maxBytes = EnvelopeVerifier.DEFAULT_MAX_ENVELOPE_BYTES;
        private Duration inProgressWait = DEFAULT_IN_PROGRESS_WAIT;
        private Duration skew = EnvelopeVerifier.DEFAULT_CLOCK_SKEW;
        private Clock clock = Clock.systemUTC();
        private Optional<ShareStates> shareStates = Optional.empty();

        private Builder() {}

        /**
         * Keeps the state of every share received (active, corrected, retracted): each share and share amendment is
         * recorded before the callback runs and the receipt is signed, and an amendment of a share the store does
         * not hold (or holds with another digest) is refused with a problem response naming check
         * {@code amendment-reference}. Without a store, amendments are verified but not matched to shares.
         *
         * @param states the store, for example {@link ShareStates#file(java.nio.file.Path)}
         * @return this builder
         */
        public Builder shareStates(ShareStates states) {
            this.shareStates = Optional.of(Objects.requireNonNull(states, "states"));
            return this;
        }

        /**
         * Sets the verifier. It should expect this company as recipient ({@code expectedRecipient}) and trust the
         * senders' roots; envelopes addressed to anyone but the signer's company are refused either way.
         *
         * @param verifier the verifier
         * @return this builder
         */
        public Builder verifier(EnvelopeVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /**
         * Sets the receiving company's signer, whose sender id is the company's id; it signs the receipts.
         *
         * @param signer the signer
         * @return this builder
         */
        public Builder signer(EnvelopeSigner signer) {
            this.signer = Objects.requireNonNull(signer, "signer");
            return this;
        }

        /** @param consumer the callback for verified envelopes @return this builder */
        public Builder onEnvelope(EnvelopeConsumer consumer) {
            this.consumer = Objects.requireNonNull(consumer, "consumer");
            return this;
        }

        /** @param store where receipts are remembered (default a new {@link InMemoryReceiptStore}) @return this */
        public Builder receiptStore(ReceiptStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Sets the largest accepted body; default {@link EnvelopeVerifier#DEFAULT_MAX_ENVELOPE_BYTES} (keep it equal
         * to the verifier's limit).
         *
         * @param bytes at least 1024
         * @return this builder
         */
        public Builder maxEnvelopeBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxEnvelopeBytes must be at least 1024, was " + bytes);
            }
            this.maxBytes = bytes;
            return this;
        }

        /** @param wait how long a repeated request waits for the first (default 5 s) @return this builder */
        public Builder inProgressWait(Duration wait) {
            Objects.requireNonNull(wait, "wait");
            if (wait.isNegative()) {
                throw new IllegalArgumentException("inProgressWait must not be negative, was " + wait);
            }
            this.inProgressWait = wait;
            return this;
        }

        /**
         * Sets the clock skew added to an envelope's expiry to get how long its receipt is kept; keep it equal to the
         * verifier's (default {@link EnvelopeVerifier#DEFAULT_CLOCK_SKEW}).
         *
         * @param skew not negative
         * @return this builder
         */
        public Builder clockSkew(Duration skew) {
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative()) {
                throw new IllegalArgumentException("clockSkew must not be negative, was " + skew);
            }
            this.skew = skew;
            return this;
        }

        /** @param clock the clock for receipts and expiry (default UTC) @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the receiver.
         *
         * @return the receiver
         * @throws IllegalStateException when verifier, signer or callback is missing
         */
        public EnvelopeReceiver build() {
            if (verifier == null || signer == null || consumer == null) {
                throw new IllegalStateException("an EnvelopeReceiver needs verifier(..), signer(..) and "
                        + "onEnvelope(..); missing: " + (verifier == null ? "verifier " : "")
                        + (signer == null ? "signer " : "") + (consumer == null ? "onEnvelope" : ""));
            }
            return new EnvelopeReceiver(this);
        }
    }

    /** The application's callback runs with the envelope and share ids in the SLF4J MDC ({@link LogContext}). */
    private static EnvelopeConsumer inLogContext(EnvelopeConsumer consumer) {
        return v -> {
            try (LogContext.Scope ignored = LogContext.open(v.envelopeId(), v.share().map(ThreatShare::id))) {
                consumer.accept(v);
            }
        };
    }
}

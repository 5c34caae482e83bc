package org.fmishare.transport.https;

import org.fmishare.core.model.TlpMarking;
import org.fmishare.testkit.SampleData;
import org.fmishare.delivery.CompanyRecord;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.OutboxEntry;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.transport.https.ReceiverResponse.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 envelopes through a real loopback HTTPS server that fails on a deterministic schedule, behind a TCP proxy
 * that resets connections: each envelope reaches the receiver's callback exactly once and is DELIVERED with a receipt
 * that verifies.
 */
class FaultInjectionTest {
    static final int ENVELOPES = 1_000;
    static final Duration CLIENT_TIMEOUT = Duration.ofMillis(400);
    static final Duration STALL = Duration.ofMillis(650);

    /**
     * Faults by request number n (slot = n mod 50): slots 0, 10, ..., 40 answer 503 before the receiver sees the
     * request; 1, 11, ..., 41 let the receiver accept it and then answer 503 (the receipt is lost); 2 and 27 answer
     * 429 with Retry-After: 1; 3 lets the receiver accept and then stalls past the client's timeout; 28 stalls
     * before the receiver sees it. Other requests pass. (Stalls are rare because each one holds a worker for the
     * whole client timeout.)
     */
    static final class FaultSchedule implements EnvelopeHandler {
        final EnvelopeHandler receiver;
        final AtomicLong requests = new AtomicLong();
        final Map<String, AtomicInteger> faults = new ConcurrentHashMap<>();
        final Map<Outcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();

        FaultSchedule(EnvelopeHandler receiver) {
            this.receiver = receiver;
        }

        @Override
        public ReceiverResponse handle(String method, Optional<String> contentType, InputStream body) {
            long i = requests.getAndIncrement();
            int slot = (int) (i % 50);
            int fault = slot % 10 == 0 ? 0 : slot % 10 == 1 ? 1 : slot == 2 || slot == 27 ? 2 : slot == 3 ? 3
                    : slot == 28 ? 4 : -1;
            switch (fault) {
                case 0 -> {
                    count("503 before");
                    return ReceiverResponse.problem(Outcome.BUSY, Optional.empty(), Optional.empty());
                }
                case 1 -> {
                    count("503 after accepting");
                    record(receiver.handle(method, contentType, body));
                    return ReceiverResponse.problem(Outcome.BUSY, Optional.empty(), Optional.empty());
                }
                case 2 -> {
                    count("429 Retry-After");
                    return ReceiverResponse.problem(Outcome.THROTTLED, Optional.of(Duration.ofSeconds(1)),
                            Optional.empty());
                }
                case 3 -> {
                    count("stall after accepting");
                    ReceiverResponse r = record(receiver.handle(method, contentType, body));
                    sleep(STALL);
                    return r;
                }
                case 4 -> {
                    count("stall before");
                    sleep(STALL);
                    return record(receiver.handle(method, contentType, body));
                }
                default -> {
                    return record(receiver.handle(method, contentType, body));
                }
            }
        }

        private ReceiverResponse record(ReceiverResponse r) {
            outcomes.computeIfAbsent(r.outcome(), k -> new AtomicInteger()).incrementAndGet();
            return r;
        }

        private void count(String fault) {
            faults.computeIfAbsent(fault, k -> new AtomicInteger()).incrementAndGet();
        }

        private static void sleep(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @TempDir
    Path dir;

    @Test
    void everyEnvelopeArrivesExactlyOnceThroughErrorsResetsStallsAndThrottling() throws Exception {
        List<SignedEnvelope> envelopes = new ArrayList<>(ENVELOPES);
        for (int i = 0; i < ENVELOPES; i++) {
            envelopes.add(Pki.share());
        }
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        EnvelopeReceiver receiver = EnvelopeReceiver.builder().verifier(Pki.companyVerifier()).signer(Pki.SMC)
                .onEnvelope(v -> calls.computeIfAbsent(v.envelopeId(), k -> new AtomicInteger()).incrementAndGet())
                .build();
        FaultSchedule faults = new FaultSchedule(receiver);
        long started = System.nanoTime();
        try (HttpsReceiverServer server = HttpsReceiverServer.builder().sslContext(Pki.serverTls())
                .requireClientCertificate(true).handler(faults).threads(8).start();
                ResetProxy proxy = new ResetProxy(server.port());
                FileJournalStore store = FileJournalStore.open(dir.resolve("outbox.journal"));
                Dispatcher dispatcher = Dispatcher.builder().store(store).company(CompanyRecord.upTo(SampleData.company().id(), TlpMarking.AMBER))
                        .transport(HttpsTransport.builder().sslContext(Pki.clientTls())
                                .connectTimeout(Duration.ofSeconds(2)).requestTimeout(CLIENT_TIMEOUT).build())
                        .backoff(Duration.ofMillis(10), Duration.ofMillis(200)).maxAttempts(60).workers(8)
                        .build().start()) {
            URI destination = URI.create("https://127.0.0.1:" + proxy.port() + server.uri().getPath());
            // Submit from several threads so the journal's group commit batches the fsyncs.
            ExecutorService submitters = Executors.newFixedThreadPool(8);
            List<Future<Boolean>> submitted = new ArrayList<>();
            for (SignedEnvelope e : envelopes) {
                submitted.add(submitters.submit(() -> dispatcher.submit(e, destination)));
            }
            for (Future<Boolean> f : submitted) {
                assertThat(f.get()).isTrue();
            }
            submitters.shutdown();

            assertThat(dispatcher.awaitIdle(Duration.ofMinutes(3))).as("dispatcher idle").isTrue();
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("fault injection: %d envelopes in %d ms, %d requests, %d attempts, faults %s, "
                    + "receiver outcomes %s, proxy: %d connections, %d reset on accept, %d reset mid-stream%n",
                    ENVELOPES, millis, faults.requests.get(), dispatcher.metrics().attempts(), faults.faults,
                    faults.outcomes, proxy.connections.get(), proxy.resetOnAccept.get(),
                    proxy.resetMidStream.get());

            assertThat(dispatcher.deadLetters()).isEmpty();
            List<OutboxEntry> delivered = store.list(OutboxState.DELIVERED);
            assertThat(delivered).hasSize(ENVELOPES);
            assertThat(calls).hasSize(ENVELOPES);
            assertThat(calls.values()).allSatisfy(c -> assertThat(c).hasValue(1));
            for (SignedEnvelope e : envelopes) {
                assertThat(calls).containsKey(e.envelopeId());
            }
            EnvelopeVerifier receipts = Pki.receiptVerifier();
            Map<String, SignedEnvelope> byId = new java.util.HashMap<>();
            envelopes.forEach(e -> byId.put(e.envelopeId(), e));
            for (OutboxEntry entry : delivered) {
                receipts.verifyReceipt(entry.receipt(), byId.get(entry.envelopeId()));
            }
            // The schedule and the proxy really did interfere, and repeated deliveries were answered from the store.
            assertThat(faults.faults).containsKeys("503 before", "503 after accepting", "429 Retry-After",
                    "stall after accepting", "stall before");
            assertThat(faults.outcomes.get(Outcome.DUPLICATE)).isNotNull();
            assertThat(faults.outcomes.get(Outcome.DUPLICATE).get()).isGreaterThan(0);
            assertThat(proxy.resetOnAccept.get() + proxy.resetMidStream.get()).isGreaterThan(0);
            assertThat(faults.outcomes.get(Outcome.ACCEPTED)).hasValue(ENVELOPES);
        }
    }
}

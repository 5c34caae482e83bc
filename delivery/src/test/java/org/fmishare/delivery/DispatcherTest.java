package org.fmishare.delivery;

import org.fmishare.testkit.TestParties;
import org.fmishare.core.transport.TransportException;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.transport.Transport;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.core.transport.Delivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.core.envelope.EncryptedEnvelope;
import org.fmishare.core.model.ThreatShare;
import java.security.cert.X509Certificate;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestPki;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.OutboxEntry;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dispatcher semantics through the Transport SPI: retries with backoff, Retry-After, dead letters, replay,
 * restart, expiry and guarded transports. (The wire itself is exercised by the transport adapters' tests.)
 */
class DispatcherTest {
    static final TestParties PARTIES = TestParties.create("dispatcher test CA");
    static final EnvelopeSigner SIGNER = PARTIES.officeSigner();
    static final ComplianceSummary PASS = TestParties.PASS;
    static final List<Disclosure> DISCLOSURES = TestParties.SHARE_DISCLOSURES;
    static final URI DEST = URI.create("test://smc.example/fmi");

    @TempDir
    Path dir;

    static SignedEnvelope envelope() {
        return SIGNER.sign(new EnvelopeBody.Share(SampleData.passingShare()), PASS, DISCLOSURES);
    }

    /** A transport that answers from a script per attempt number and records what it saw. */
    static final class ScriptedTransport implements Transport {
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> delivered = new ConcurrentLinkedQueue<>();
        final List<Instant> times = Collections.synchronizedList(new ArrayList<>());
        final BiFunction<String, Integer, DeliveryResult> script;

        ScriptedTransport(BiFunction<String, Integer, DeliveryResult> script) {
            this.script = script;
        }

        @Override
        public Set<String> schemes() {
            return Set.of("test");
        }

        @Override
        public DeliveryResult deliver(Delivery delivery) {
            OutboundEnvelope envelope = delivery.envelope();
            int n = attempts.computeIfAbsent(envelope.envelopeId(), k -> new AtomicInteger()).incrementAndGet();
            times.add(Instant.now());
            DeliveryResult r = script.apply(envelope.envelopeId(), n);
            if (r instanceof DeliveryResult.Delivered) {
                delivered.add(envelope.envelopeId());
            }
            return r;
        }
    }

    private Dispatcher.Builder dispatcher(FileJournalStore store, Transport t) {
        return Dispatcher.builder().store(store).transport(t).backoff(Duration.ofMillis(5), Duration.ofMillis(50))
                .jitter(0.1).company(CompanyRecord.upTo(SampleData.company().id(),
                        org.fmishare.core.model.TlpMarking.AMBER));
    }

    @Test
    void awaitIdleWaitsUntilTheListenerHasBeenToldOfTheOutcome() throws Exception {
        ScriptedTransport t = new ScriptedTransport((id, n) -> new DeliveryResult.Delivered("r".getBytes(), "200"));
        java.util.concurrent.CountDownLatch inListener = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        DispatchListener listener = new DispatchListener() {
            @Override
            public void delivered(String id, DeliveryResult.Delivered result) {
                inListener.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("j"));
                Dispatcher d = dispatcher(store, t).listener(listener).build().start()) {
            assertThat(d.submit(envelope(), DEST)).isTrue();
            assertThat(inListener.await(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // The outcome is stored but the listener (a meter, say) has not returned: the dispatcher is not idle.
            assertThat(d.awaitIdle(Duration.ofMillis(300))).isFalse();
            release.countDown();
            assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
        }
    }

    @Test
    void retriesTransientFailuresThenDeliversOnce() throws Exception {
        ScriptedTransport t = new ScriptedTransport((id, n) -> n < 3 ? DeliveryResult.retry("HTTP 503")
                : new DeliveryResult.Delivered("receipt".getBytes(), "200"));
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        DispatchListener listener = new DispatchListener() {
            @Override
            public void retrying(String id, int attempt, Instant next, String reason) {
                events.add("retry " + attempt + " " + reason);
            }

            @Override
            public void delivered(String id, DeliveryResult.Delivered result) {
                events.add("delivered");
            }
        };
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("j"));
                Dispatcher d = dispatcher(store, t).listener(listener).build().start()) {
            SignedEnvelope e = envelope();
            assertThat(d.submit(e, DEST)).isTrue();
            assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
            OutboxEntry entry = d.status(e.envelopeId()).orElseThrow();
            assertThat(entry.state()).isEqualTo(OutboxState.DELIVERED);
            assertThat(entry.attempts()).isEqualTo(2);
            assertThat(entry.receipt()).isEqualTo("receipt".getBytes());
            assertThat(t.delivered).containsExactly(e.envelopeId());
            assertThat(events).containsExactly("retry 1 HTTP 503", "retry 2 HTTP 503", "delivered");
            assertThat(d.metrics().delivered()).isEqualTo(1);
            assertThat(d.metrics().attempts()).isEqualTo(3);
        }
    }

    @Test
    void resubmittingTheSameEnvelopeIsIgnored() throws Exception {
        ScriptedTransport t = new ScriptedTransport((id, n) -> new DeliveryResult.Delivered(new byte[0], "200"));
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("j"));
                Dispatcher d = dispatcher(store, t).build().start()) {
            SignedEnvelope e = envelope();
            assertThat(d.submit(e, DEST)).isTrue();
            assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
            assertThat(d.submit(e, DEST)).isFalse();
            assertThat(d.submit(e.stored(), DEST)).isFalse();
            assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
            assertThat(t.attempts.get(e.envelopeId()).get()).isEqualTo(1);
        }
    }

    @Test
    void oneEnvelopeGoesToSeveralDestinationsEachTrackedAndRetriedOnItsOwn() throws Exception {
        URI second = URI.create("test://other.example/fmi");
        ConcurrentLinkedQueue<URI> reached = new ConcurrentLinkedQueue<>();
        AtomicInteger secondAttempts = new AtomicInteger();
        Transport t = new Transport() {
            @Override
            public Set<String> schemes() {
                return Set.of("test");
            }

            @Override
            public DeliveryResult deliver(Delivery delivery) {
                if (delivery.destination().equals(second) && secondAttempts.incrementAndGet() == 1) {
                    return DeliveryResult.retry("HTTP 503");
                }
                reached.add(delivery.destination());
                return new DeliveryResult.Delivered(new byte[0], "200");
            }
        };
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("j"));
                Dispatcher d = dispatcher(store, t).build().start()) {
            SignedEnvelope e = envelope();
            assertThat(d.submit(e, DEST)).isTrue();
            assertThat(d.submit(e, second)).as("the same envelope to a second destination").isTrue();
            assertThat(d.submit(e, second)).as("once per destination").isFalse();
            assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
            assertThat(reached).containsExactlyInAnyOrder(DEST, second);
            assertThat(d.deliveries(e.envelopeId())).extracting(OutboxEntry::state)
                    .containsExactly(OutboxState.DELIVERED, OutboxState.DELIVERED);
            assertThat(d.status(e.envelopeId(), DEST).orElseThrow().attempts()).isZero();
            assertThat(d.status(e.envelopeId(), second).orElseThrow().attempts()).isEqualTo(1);
        }
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        ScriptedTransport t = new ScriptedTransport((id, n) -> n == 1
                ? new DeliveryResult.RetryableFailure("HTTP 429", Optional.of(Duration.ofMillis(400)))
                : new DeliveryResult.Delivered(new byte[0], "200"));
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("j"));
                Dispatcher d = dispatcher(store, t).build().start()) {
            d.submit(envelope(), DEST);
            assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
            assertThat(Duration.between(t.times.get(0), t.times.get(1))).isGreaterThanOrEqualTo(
                    Duration.ofMillis(390));
        }
    }

    @Test
    void permanentFailureGoesToDeadLettersAndCanBeReplayed() throws Exception {
        AtomicInteger mode = new AtomicInteger();
        ScriptedTransport t = new ScriptedTransport((id, n) -> mode.get() == 0
                ? new DeliveryResult.PermanentFailure("HTTP 400: unknown recipient")
                : new DeliveryResult.Delivered(new byte[0], "200"));
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("j"));
                Dispatcher d = dispatcher(store, t).build().start()) {
            SignedEnvelope e = envelope();
            d.submit(e, DEST);
            assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
            assertThat(d.deadLetters()).extracting(OutboxEntry::envelopeId).containsExactly(e.envelopeId());
            assertThat(d.deadLetters().get(0).lastError().orElseThrow()).contains("unknown recipient");
            mode.set(1);
            d.replay(e.envelopeId());
            assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
            assertThat(d.status(e.envelopeId()).orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
            assertThat(d.deadLetters()).isEmpty();
        }
    }

    @Test
    void givesUpAfterMaxAttempts() throws Exception {
        ScriptedTransport t = new ScriptedTransport((id, n) -> DeliveryResult.retry("connection refused"));
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("j"));
                Dispatcher d = dispatcher(store, t).maxAttempts(4).build().start()) {
            SignedEnvelope e = envelope();
            d.submit(e, DEST);
            assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
            assertThat(t.attempts.get(e.envelopeId()).get()).isEqualTo(4);
            assertThat(d.deadLetters().get(0).lastError().orElseThrow()).contains("gave up after 4 attempts");
        }
    }

    @Test
    void aThrowingTransportCountsAsRetryableAndWorkersSurvive() throws Exception {
        ScriptedTransport t = new ScriptedTransport((id, n) -> {
            if (n == 1) {
                throw new IllegalStateException("bug in transport");
            }
            return new DeliveryResult.Delivered(new byte[0], "200");
        });
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("j"));
                Dispatcher d = dispatcher(store, t).workers(1).build().start()) {
            SignedEnvelope e = envelope();
            d.submit(e, DEST);
            assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
            assertThat(d.status(e.envelopeId()).orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
        }
    }

    @Test
    void restartDeliversWhatWasQueuedBefore() throws Exception {
        Path journal = dir.resolve("j");
        SignedEnvelope a = envelope();
        SignedEnvelope b = envelope();
        ScriptedTransport never = new ScriptedTransport((id, n) -> DeliveryResult.retry("down"));
        try (FileJournalStore store = FileJournalStore.open(journal)) {
            Dispatcher d = dispatcher(store, never).build();
            d.submit(a, DEST);
            d.submit(b, DEST);
            d.close();
        }
        ScriptedTransport up = new ScriptedTransport((id, n) -> new DeliveryResult.Delivered(new byte[0], "200"));
        try (FileJournalStore store = FileJournalStore.open(journal);
                Dispatcher d = dispatcher(store, up).build().start()) {
            assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
            assertThat(up.delivered).containsExactlyInAnyOrder(a.envelopeId(), b.envelopeId());
            assertThat(never.attempts).isEmpty();
        }
    }

    /** A transport that records every delivery it is handed. */
    static final class CapturingTransport implements Transport {
        final Map<String, Delivery> seen = new ConcurrentHashMap<>();

        @Override
        public Set<String> schemes() {
            return Set.of("test");
        }

        @Override
        public DeliveryResult deliver(Delivery delivery) {
            seen.put(delivery.envelopeId(), delivery);
            return new DeliveryResult.Delivered(new byte[0], "200");
        }
    }

    @Test
    void afterRestartEachTransportIsHandedTheSignedBodyOfItsEnvelope() throws Exception {
        Path journal = dir.resolve("j");
        ThreatShare share = SampleData.passingShare();
        SignedEnvelope plain = SIGNER.sign(new EnvelopeBody.Share(share), PASS, DISCLOSURES);
        X509Certificate smc = PARTIES.ca().issue("company encryption", KeyAlgorithm.EC_P256).certificate();
        EncryptedEnvelope sealed = SIGNER.sign(new EnvelopeBody.Share(share), PASS, DISCLOSURES).encryptFor(smc);
        try (FileJournalStore store = FileJournalStore.open(journal)) {
            Dispatcher d = dispatcher(store, new ScriptedTransport((id, n) -> DeliveryResult.retry("down"))).build();
            d.submit(plain, DEST);
            d.submit(sealed, DEST);
            d.close();
        }
        CapturingTransport after = new CapturingTransport();
        try (FileJournalStore store = FileJournalStore.open(journal);
                Dispatcher d = dispatcher(store, after).build().start()) {
            assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
        }
        Delivery p = after.seen.get(plain.envelopeId());
        assertThat(p.wire()).isEqualTo(plain.serialized());
        assertThat(p.content().body()).isEqualTo(new EnvelopeBody.Share(share));
        assertThat(p.content()).isEqualTo(plain.content());
        Delivery e = after.seen.get(sealed.envelopeId());
        assertThat(e.wire()).as("the encrypted bytes go on the wire").isEqualTo(sealed.serialized());
        assertThat(e.content()).as("the plaintext content is still there").isEqualTo(sealed.content());
        assertThat(e.content().disclosures()).isEqualTo(DISCLOSURES);
    }

    @Test
    void aStoredEnvelopeThatDoesNotMatchItsRecordedDigestIsDeadLetteredUnsent() throws Exception {
        SignedEnvelope a = envelope();
        CapturingTransport t = new CapturingTransport();
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("j"))) {
            store.enqueue(OutboxEntry.queued(a.envelopeId(), DEST.toString(), a.recipientId(), a.expiresAt(),
                    "sha-256:" + "0".repeat(64), a.serialized(), Instant.now()));
            try (Dispatcher d = dispatcher(store, t).build().start()) {
                assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
                assertThat(d.deadLetters()).singleElement().satisfies(x -> assertThat(x.lastError().orElseThrow())
                        .contains("cannot be opened"));
            }
        }
        assertThat(t.seen).isEmpty();
    }

    @Test
    void expiredEnvelopesAreNotSent() throws Exception {
        EnvelopeSigner shortLived = EnvelopeSigner.builder(PARTIES.officeSigning(), "fitf").lifetime(Duration.ofMillis(1)).build();
        SignedEnvelope e = shortLived.sign(new EnvelopeBody.Share(SampleData.passingShare()), PASS, DISCLOSURES);
        Thread.sleep(20);
        ScriptedTransport t = new ScriptedTransport((id, n) -> new DeliveryResult.Delivered(new byte[0], "200"));
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("j"));
                Dispatcher d = dispatcher(store, t).build().start()) {
            d.submit(e, DEST);
            assertThat(d.awaitIdle(Duration.ofSeconds(120))).isTrue();
            assertThat(t.attempts).isEmpty();
            assertThat(d.deadLetters().get(0).lastError().orElseThrow()).contains("expired");
        }
    }

    @Test
    void unknownSchemeIsRefusedAtSubmit() {
        ScriptedTransport t = new ScriptedTransport((id, n) -> DeliveryResult.retry("x"));
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("j"));
                Dispatcher d = dispatcher(store, t).build()) {
            assertThatThrownBy(() -> d.submit(envelope(), URI.create("gopher://x")))
                    .isInstanceOf(TransportException.class).hasMessageContaining("no transport for 'gopher:'");
            assertThat(store.list(OutboxState.QUEUED)).isEmpty();
        }
    }

    @Test
    void builderRefusesIncompleteOrConflictingSetups() {
        ScriptedTransport t = new ScriptedTransport((id, n) -> DeliveryResult.retry("x"));
        assertThatThrownBy(() -> Dispatcher.builder().transport(t).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OutboxStore");
        assertThatThrownBy(() -> Dispatcher.builder().transport(t).transport(
                new ScriptedTransport((id, n) -> DeliveryResult.retry("y")))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scheme 'test'");
        assertThatThrownBy(() -> Dispatcher.builder().jitter(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backoffGrowsExponentiallyWithinItsCap() {
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("j"))) {
            Dispatcher d = Dispatcher.builder().store(store).transport(new ScriptedTransport((id, n) -> null))
                    .backoff(Duration.ofMillis(100), Duration.ofSeconds(2)).jitter(0.2).build();
            for (int attempt = 1; attempt <= 8; attempt++) {
                double base = Math.min(100 * Math.pow(2, attempt - 1), 2000);
                long ms = d.backoff(attempt).toMillis();
                assertThat(ms).as("attempt %d", attempt).isBetween((long) (base * 0.8) - 1,
                        (long) Math.min(base * 1.2, 2000) + 1);
            }
            d.close();
        }
    }

    /** The default retry budget rides out an outage of a minute: its back-off alone adds up to more, whatever jitter. */
    @Test
    void theDefaultRetryBudgetOutlastsAOneMinuteOutage() {
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("budget.journal"))) {
            Dispatcher d = Dispatcher.builder().store(store)
                    .transport(new ScriptedTransport((id, n) -> DeliveryResult.retry("down"))).build();
            for (int run = 0; run < 1_000; run++) {
                Duration total = Duration.ZERO;
                // Waits happen between attempts: after failures 1 .. maxAttempts - 1 (the default is 10 attempts).
                for (int attempt = 1; attempt < 10; attempt++) {
                    total = total.plus(d.backoff(attempt));
                }
                assertThat(total).isGreaterThan(Duration.ofMinutes(1));
            }
        }
    }
}

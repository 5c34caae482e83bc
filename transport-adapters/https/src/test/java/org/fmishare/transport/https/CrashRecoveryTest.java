package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.Credentials;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.OutboxEntry;
import org.fmishare.delivery.outbox.OutboxState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety with real processes: a sender JVM ({@link CrashChild}) with a journal outbox and the HTTPS transport
 * is killed (SIGKILL) at random points at least ten times and restarted; the receiver runs in this JVM. At the end
 * every envelope reached the receiver's callback exactly once and the journal reopens with every entry DELIVERED,
 * including after any torn tail a kill produced.
 */
class CrashRecoveryTest {
    static final int ENVELOPES = 200;
    static final int KILLS = 10;

    @TempDir
    Path work;

    @Test
    void killedAndRestartedSenderDeliversEveryEnvelopeExactlyOnce() throws Exception {
        Path envelopeDir = Files.createDirectories(work.resolve("envelopes"));
        Map<String, SignedEnvelope> envelopes = new HashMap<>();
        for (int i = 0; i < ENVELOPES; i++) {
            SignedEnvelope e = Pki.share();
            envelopes.put(e.envelopeId(), e);
            CrashChild.write(envelopeDir, e);
        }
        Files.write(work.resolve("client.p12"), Credentials.toPkcs12(Pki.CLIENT_TLS, "tls", CrashChild.PASSWORD));
        Files.writeString(work.resolve("ca.pem"), Credentials.toPem(Pki.CA.certificate()));

        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        EnvelopeReceiver receiver = EnvelopeReceiver.builder().verifier(Pki.companyVerifier()).signer(Pki.SMC)
                .onEnvelope(v -> calls.computeIfAbsent(v.envelopeId(), k -> new AtomicInteger()).incrementAndGet())
                .build();
        AtomicInteger duplicates = new AtomicInteger();
        EnvelopeHandler counting = (method, type, body) -> {
            ReceiverResponse r = receiver.handle(method, type, body);
            if (r.outcome() == ReceiverResponse.Outcome.DUPLICATE) {
                duplicates.incrementAndGet();
            }
            return r;
        };
        Random random = new Random(20261123L);
        List<String> recoveries = new ArrayList<>();
        int kills = 0;
        int runs = 0;
        long started = System.nanoTime();
        try (HttpsReceiverServer server = HttpsReceiverServer.builder().sslContext(Pki.serverTls())
                .requireClientCertificate(true).handler(counting).start()) {
            while (kills < KILLS && runs < 40) {
                runs++;
                ChildJvm child = ChildJvm.start(CrashChild.class, work.toString(), server.uri().toString());
                String recovered = child.await("RECOVERED", 60);
                assertThat(recovered).as("child %d output", runs).isNotNull();
                recoveries.add(recovered);
                // Kill anywhere from the first submits to the middle of delivery.
                Thread.sleep(random.nextInt(2000));
                if (child.process().isAlive()) {
                    child.process().destroyForcibly();
                    child.process().waitFor(30, TimeUnit.SECONDS);
                    kills++;
                }
            }
            assertThat(kills).as("kills of a running sender").isGreaterThanOrEqualTo(KILLS);
            ChildJvm last = ChildJvm.start(CrashChild.class, work.toString(), server.uri().toString());
            recoveries.add(last.await("RECOVERED", 60));
            String done = last.await("DONE", 180);
            assertThat(last.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(last.process().exitValue()).isZero();
            assertThat(done).isEqualTo("DONE " + ENVELOPES + " dead 0");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long damaged = recoveries.stream().filter(r -> r.startsWith("RECOVERED false")).count();
        System.out.printf("crash recovery: %d envelopes, %d kills, %d runs, %d torn/damaged tails recovered, "
                + "%d repeated deliveries answered from the receipt store, %d ms; recoveries %s%n", ENVELOPES, kills,
                runs + 1, damaged, duplicates.get(), millis, recoveries);

        assertThat(calls).hasSize(ENVELOPES).containsOnlyKeys(envelopes.keySet());
        assertThat(calls.values()).allSatisfy(c -> assertThat(c).hasValue(1));
        try (FileJournalStore store = FileJournalStore.open(work.resolve("outbox.journal"))) {
            assertThat(store.recovery().intact()).isTrue();
            assertThat(store.list(OutboxState.QUEUED)).isEmpty();
            assertThat(store.list(OutboxState.DEAD)).isEmpty();
            List<OutboxEntry> delivered = store.list(OutboxState.DELIVERED);
            assertThat(delivered).hasSize(ENVELOPES);
            EnvelopeVerifier receipts = Pki.receiptVerifier();
            for (OutboxEntry entry : delivered) {
                receipts.verifyReceipt(entry.receipt(), envelopes.get(entry.envelopeId()));
            }
        }
    }

    /** A sender JVM with its stdout read line by line. */
}

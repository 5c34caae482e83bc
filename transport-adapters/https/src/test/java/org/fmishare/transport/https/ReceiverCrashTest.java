package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.delivery.CompanyRecord;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.OutboxEntry;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 with a real crash: a receiver JVM ({@link ReceiverCrashChild}) on file stores is killed (SIGKILL) inside
 * the callback, that is after the envelope's nonce was recorded and before its receipt was stored; a new receiver
 * process starts on the same files. The sender's outbox (in this JVM) retries the identical envelope, the new
 * receiver accepts it, nothing is dead-lettered, and the application saw exactly one acceptance. The kill waits for
 * the child to report that it is in the callback (it blocks there on a file that never appears), so the timing does
 * not depend on the machine's speed.
 */
class ReceiverCrashTest {
    @TempDir
    Path work;

    private Process running;

    @AfterEach
    void stopChild() throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
            running.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aReceiverKilledAfterRecordingTheNonceAndBeforeStoringTheReceiptAcceptsTheRetryAfterARestart()
            throws Exception {
        ReceiverCrashChild.prepare(work, Pki.SERVER_TLS, Pki.SMC_SIGNING, List.of(Pki.CA.certificate()));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SignedEnvelope envelope = Pki.share();
        ChildJvm first = ChildJvm.start(ReceiverCrashChild.class, work.toString(), Integer.toString(port), "block",
                Pki.COMPANY);
        running = first.process();
        String listening = first.await("LISTENING", 120);
        assertThat(listening).as("first receiver started").isNotNull();
        URI destination = URI.create(listening.substring("LISTENING ".length()));

        try (FileJournalStore outbox = FileJournalStore.open(work.resolve("outbox.journal"));
                Dispatcher d = Dispatcher.builder().store(outbox)
                        .company(CompanyRecord.upTo(SampleData.company().id(), TlpMarking.AMBER))
                        .transport(HttpsTransport.builder().sslContext(Pki.clientTls())
                                .requestTimeout(Duration.ofMinutes(2)).build())
                        .backoff(Duration.ofMillis(200), Duration.ofSeconds(1)).maxAttempts(1_000).workers(1)
                        .build().start()) {
            d.submit(envelope, destination);
            assertThat(first.await("IN_CALLBACK", 180)).as("the first receiver reached the callback")
                    .isEqualTo("IN_CALLBACK " + envelope.envelopeId());
            assertThat(Files.readString(work.resolve("nonces"))).as("the nonce is recorded").isNotBlank();
            first.process().destroyForcibly();
            assertThat(first.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.exists(work.resolve("receipts")) ? Files.readAllLines(work.resolve("receipts")) : List.of())
                    .as("no receipt was stored before the kill").isEmpty();

            ChildJvm second = ChildJvm.start(ReceiverCrashChild.class, work.toString(), Integer.toString(port),
                    "accept", Pki.COMPANY);
            running = second.process();
            assertThat(second.await("LISTENING", 120)).as("second receiver started").isNotNull();
            assertThat(d.awaitIdle(Duration.ofMinutes(5))).as("the outbox settled").isTrue();
            assertThat(d.metrics().dead()).as("dead-lettered").isZero();
            assertThat(d.metrics().delivered()).isEqualTo(1);
            List<OutboxEntry> delivered = outbox.list(OutboxState.DELIVERED);
            assertThat(delivered).hasSize(1);
            Pki.receiptVerifier().verifyReceipt(delivered.get(0).receipt(), envelope);
            assertThat(outbox.list(OutboxState.DEAD)).isEmpty();
        }
        assertThat(Files.readAllLines(work.resolve("accepted"))).as("acceptances by the application")
                .containsExactly(envelope.envelopeId());
    }

    /** A receiver JVM with its stdout read line by line. */
}

package org.fmishare.delivery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.delivery.CompanyRecord;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.OutboxEntry;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestParties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default retry budget over a real socket: the receiver is down (nothing listens on its port) when the envelope
 * is submitted, comes up some seconds later, and the envelope is delivered, not dead-lettered. The budget's span of
 * more than a minute is shown without waiting by {@code DispatcherTest.theDefaultRetryBudgetOutlastsAOneMinuteOutage}.
 */
class ReceiverOutageTest {
    @TempDir
    Path dir;

    @Test
    void anEnvelopeSubmittedWhileTheReceiverIsDownIsDeliveredWhenItComesBack() throws Exception {
        TestParties parties = TestParties.create("outage test CA");
        SignedEnvelope envelope = parties.signedShare();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        URI endpoint = LoopbackHttpTransport.endpoint(port);
        AtomicInteger posts = new AtomicInteger();
        HttpServer receiver = null;
        // Default budget: only the transport and the handling record are configured.
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("outbox.journal"));
                Dispatcher dispatcher = Dispatcher.builder().store(store).transport(new LoopbackHttpTransport())
                        .company(CompanyRecord.upTo(SampleData.company().id(), TlpMarking.AMBER)).build().start()) {
            assertThat(dispatcher.submit(envelope, endpoint)).isTrue();
            // Down until three attempts have failed (about two seconds of back-off, then four more to the next).
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (dispatcher.status(envelope.envelopeId()).orElseThrow().attempts() < 3
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(dispatcher.status(envelope.envelopeId()).orElseThrow().state()).isEqualTo(OutboxState.QUEUED);
            receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            receiver.createContext("/envelopes", exchange -> {
                posts.incrementAndGet();
                byte[] receipt = "receipt".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, receipt.length);
                exchange.getResponseBody().write(receipt);
                exchange.close();
            });
            receiver.start();
            assertThat(dispatcher.awaitIdle(Duration.ofMinutes(5))).isTrue();
            OutboxEntry entry = dispatcher.status(envelope.envelopeId()).orElseThrow();
            assertThat(entry.state()).as(entry.lastError().orElse("")).isEqualTo(OutboxState.DELIVERED);
            assertThat(entry.attempts()).as("failed attempts while the receiver was down").isGreaterThanOrEqualTo(3);
            assertThat(posts).hasValue(1);
        } finally {
            if (receiver != null) {
                receiver.stop(0);
            }
        }
    }
}

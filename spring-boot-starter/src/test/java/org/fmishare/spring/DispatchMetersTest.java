package org.fmishare.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.delivery.CompanyRecord;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.testkit.TestParties;
import org.fmishare.transport.https.HttpsTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The meters after a delivery that fails for good: a real dispatcher posts to a loopback port where nothing listens,
 * gives up after one attempt, and the meters count a dead letter, nothing delivered and nothing in flight. (The
 * successful path is measured end to end in {@link StarterEndToEndTest}.)
 */
class DispatchMetersTest {
    @TempDir
    Path dir;

    @Test
    void aDeadLetterShowsInTheGaugesAndNothingIsCountedDelivered() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        TestParties parties = TestParties.create("meters test CA");
        SignedEnvelope envelope = parties.signedShare();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("outbox.journal"))) {
            AtomicReference<Dispatcher> built = new AtomicReference<>();
            DispatchMeters meters = new DispatchMeters(store, () -> built.get().inFlight());
            meters.bindTo(registry);
            try (Dispatcher dispatcher = Dispatcher.builder().store(store).maxAttempts(1).listener(meters)
                    .transport(HttpsTransport.builder().allowPlainHttpToLoopback()
                            .connectTimeout(Duration.ofSeconds(30)).build())
                    .company(CompanyRecord.upTo(parties.companyId(), TlpMarking.AMBER_STRICT)).build().start()) {
                built.set(dispatcher);
                dispatcher.submit(envelope, URI.create("http://127.0.0.1:" + closedPort + "/fmi-share/envelopes"));
                assertThat(dispatcher.awaitIdle(Duration.ofMinutes(3))).isTrue();
                assertThat(dispatcher.deadLetters()).hasSize(1);
            }
            assertThat(registry.get(DispatchMeters.DEAD_LETTERS).gauge().value()).isEqualTo(1.0);
            assertThat(registry.get(DispatchMeters.QUEUED).gauge().value()).isZero();
            assertThat(registry.get(DispatchMeters.IN_FLIGHT).gauge().value()).isZero();
            assertThat(registry.get(DispatchMeters.DELIVERED).functionCounter().count()).isZero();
            assertThat(registry.get(DispatchMeters.LATENCY).timer().count()).isZero();
            assertThat(meters.deliveredCount()).isZero();
        }
    }

    @Test
    void aGaugeOfAnOutboxThatCannotBeReadHasNoValueRatherThanAStaleCount() throws Exception {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:meters-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (org.fmishare.delivery.outbox.JdbcOutboxStore store =
                org.fmishare.delivery.outbox.JdbcOutboxStore.open(h2)) {
            new DispatchMeters(store, () -> 0).bindTo(registry);
            assertThat(registry.get(DispatchMeters.QUEUED).gauge().value()).isZero();
            try (java.sql.Connection c = h2.getConnection(); java.sql.Statement st = c.createStatement()) {
                st.execute("DROP TABLE fmi_share_outbox");
            }
            assertThat(registry.get(DispatchMeters.QUEUED).gauge().value()).isNaN();
            assertThat(registry.get(DispatchMeters.DEAD_LETTERS).gauge().value()).isNaN();
        }
    }

    /**
     * One envelope attempted on two destinations at once is two deliveries in flight: the gauge reads the
     * dispatcher's own count. (A tally keyed by envelope id, as the meters once kept, read 1 here, and dropped to 0
     * when the first of the two attempts finished.) Each destination is a loopback socket that accepts the connection
     * and never answers, so both attempts stay under way until the test closes the sockets.
     */
    @Test
    void anEnvelopeUnderWayToTwoDestinationsIsTwoDeliveriesInFlight() throws Exception {
        TestParties parties = TestParties.create("meters test CA");
        SignedEnvelope envelope = parties.signedShare();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<java.net.Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket a = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                ServerSocket b = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                FileJournalStore store = FileJournalStore.open(dir.resolve("outbox.journal"))) {
            for (ServerSocket s : List.of(a, b)) {
                Thread t = new Thread(() -> {
                    try {
                        held.add(s.accept());
                    } catch (java.io.IOException closed) {
                        // the test is over
                    }
                });
                t.setDaemon(true);
                t.start();
            }
            AtomicReference<Dispatcher> built = new AtomicReference<>();
            DispatchMeters meters = new DispatchMeters(store, () -> built.get().inFlight());
            meters.bindTo(registry);
            try (Dispatcher dispatcher = Dispatcher.builder().store(store).maxAttempts(1).workers(2).listener(meters)
                    .transport(HttpsTransport.builder().allowPlainHttpToLoopback()
                            .connectTimeout(Duration.ofSeconds(30)).requestTimeout(Duration.ofMinutes(10)).build())
                    .company(CompanyRecord.upTo(parties.companyId(), TlpMarking.AMBER_STRICT)).build().start()) {
                built.set(dispatcher);
                dispatcher.submit(envelope, URI.create("http://127.0.0.1:" + a.getLocalPort() + "/fmi-share/envelopes"));
                dispatcher.submit(envelope, URI.create("http://127.0.0.1:" + b.getLocalPort() + "/fmi-share/envelopes"));
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (registry.get(DispatchMeters.IN_FLIGHT).gauge().value() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(registry.get(DispatchMeters.IN_FLIGHT).gauge().value()).isEqualTo(2.0);
                assertThat(meters.inFlightCount()).isEqualTo(2);
                while (held.size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                synchronized (held) {
                    for (java.net.Socket s : held) {
                        s.close();
                    }
                }
                assertThat(dispatcher.awaitIdle(Duration.ofMinutes(3))).isTrue();
                assertThat(registry.get(DispatchMeters.IN_FLIGHT).gauge().value()).isZero();
                assertThat(dispatcher.deadLetters()).hasSize(2);
            }
        }
    }
}

package org.fmishare.delivery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.delivery.outbox.JdbcOutboxStore;
import org.fmishare.delivery.outbox.OutboxEntry;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestParties;
import org.fmishare.testkit.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Three sender JVMs share one PostgreSQL outbox of 1,000 envelopes and deliver them over loopback HTTP to a receiver
 * that de-duplicates on the envelope id, as the SDK's receivers do. One sender is killed (kill -9) mid-run and
 * restarted, another is killed later and left dead; their leases expire and the survivors take the entries over.
 * The receiver must accept every envelope exactly once and the outbox must end with all of them delivered.
 */
class SharedOutboxKillTest {
    private static final int ENVELOPES = 1_000;
    private static final Duration LEASE = Duration.ofSeconds(5);
    /** Generous: the machine running the tests may be loaded; each wait ends as soon as its condition holds. */
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @TempDir
    Path dir;

    /** Envelope id to the receipt the receiver answered the first time; every later post gets the same. */
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger posts = new AtomicInteger();
    private final AtomicInteger firstAcceptances = new AtomicInteger();
    private final List<Process> senders = new ArrayList<>();
    private HttpServer receiver;
    private ExecutorService receiverThreads;

    @AfterEach
    void stopEverything() {
        senders.forEach(Process::destroyForcibly);
        if (receiver != null) {
            receiver.stop(0);
            receiverThreads.shutdownNow();
        }
    }

    @Test
    void everyEnvelopeIsAcceptedExactlyOnceWhileSendersAreKilled() throws Exception {
        long t0 = System.nanoTime();
        PGSimpleDataSource server = (PGSimpleDataSource) TestPostgres.freshDatabase();
        String url = server.getURL();
        String user = server.getUser();
        DataSource dataSource = TestPostgres.pooled(url, user);
        JdbcOutboxStore store = JdbcOutboxStore.open(dataSource);
        URI endpoint = startReceiver();

        TestParties parties = TestParties.create("shared outbox test CA");
        EnvelopeSigner signer = parties.officeSigner();
        long started = System.nanoTime();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        Instant now = Instant.now();
        ExecutorService signing = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int b = 0; b < 2; b++) {
                batches.add(signing.submit(() -> {
                    for (int i = 0; i < ENVELOPES / 2; i++) {
                        SignedEnvelope e = signer.sign(new EnvelopeBody.Share(SampleData.passingShare()),
                                TestParties.PASS, TestParties.SHARE_DISCLOSURES);
                        ids.add(e.envelopeId());
                        assertThat(store.enqueue(OutboxEntry.queued(e.envelopeId(), endpoint.toString(),
                                e.recipientId(), e.expiresAt(), e.digest(), e.serialized(), e.signedSerialization(),
                                now))).isTrue();
                    }
                }));
            }
            for (Future<?> batch : batches) {
                batch.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            signing.shutdownNow();
        }
        assertThat(ids).hasSize(ENVELOPES);
        long queued = System.nanoTime();
        System.out.printf("shared outbox: server and parties %d ms, signing and enqueueing %d ms%n",
                (started - t0) / 1_000_000, (queued - started) / 1_000_000);

        Process first = startSender(url, user, "sender-1");
        startSender(url, user, "sender-2");
        Process third = startSender(url, user, "sender-3");

        await("150 envelopes accepted", () -> firstAcceptances.get() >= 150);
        first.destroyForcibly().waitFor();
        int atFirstKill = firstAcceptances.get();
        startSender(url, user, "sender-1-restarted");

        await("500 envelopes accepted", () -> firstAcceptances.get() >= 500);
        third.destroyForcibly().waitFor();
        int atSecondKill = firstAcceptances.get();

        await("every envelope accepted", () -> firstAcceptances.get() >= ENVELOPES);
        await("every envelope recorded as delivered", () -> delivered(dataSource) == ENVELOPES);
        long done = System.nanoTime();

        // The kills happened while work was left, so the survivors had to take leased entries over.
        assertThat(atFirstKill).isLessThan(ENVELOPES);
        assertThat(atSecondKill).isLessThan(ENVELOPES);
        assertThat(accepted.keySet()).isEqualTo(ids);
        assertThat(firstAcceptances.get()).isEqualTo(ENVELOPES);
        assertThat(store.list(OutboxState.QUEUED)).isEmpty();
        assertThat(store.list(OutboxState.DEAD)).isEmpty();
        for (OutboxEntry e : store.list(OutboxState.DELIVERED)) {
            assertThat(new String(e.receipt(), StandardCharsets.UTF_8)).isEqualTo(accepted.get(e.envelopeId()));
        }
        System.out.printf("shared outbox: %d envelopes, %d posts (%d repeated after kills), killed at %d and %d;"
                + " set-up and enqueue %d ms, delivery %d ms%n", ENVELOPES, posts.get(), posts.get() - ENVELOPES,
                atFirstKill, atSecondKill, (queued - t0) / 1_000_000, (done - queued) / 1_000_000);
    }

    /** A loopback HTTP receiver that de-duplicates on the envelope id and answers a repeat with the first receipt. */
    private URI startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        receiverThreads = Executors.newFixedThreadPool(8);
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/envelopes", this::receive);
        receiver.start();
        return LoopbackHttpTransport.endpoint(receiver.getAddress().getPort());
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst(LoopbackHttpTransport.ID_HEADER);
            if (id == null || body.length == 0) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            posts.incrementAndGet();
            // Paces delivery so the run lasts long enough to kill senders in the middle of it.
            pause(20);
            String receipt = accepted.computeIfAbsent(id, k -> {
                firstAcceptances.incrementAndGet();
                return "receipt for " + k;
            });
            byte[] answer = receipt.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    /** Counted in the database, so waiting does not load every row again and again. */
    private static int delivered(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM fmi_share_outbox WHERE state = 'DELIVERED'")) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Process startSender(String url, String user, String instance) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx192m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), SenderMain.class.getName(), url, user, instance,
                Long.toString(LEASE.toMillis()));
        pb.redirectOutput(dir.resolve(instance + ".out").toFile());
        pb.redirectError(dir.resolve(instance + ".err").toFile());
        Process p = pb.start();
        senders.add(p);
        return p;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + PATIENCE + " waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.fmishare.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.core.transport.Transport;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.delivery.outbox.JdbcOutboxStore;
import org.fmishare.delivery.outbox.OutboxEntry;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestParties;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.delivery.CompanyRecord;
import org.fmishare.testkit.TestPostgres;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL outbox: durable enqueue (each one a committed insert), and delivery throughput of 1, 2 and 3
 * dispatcher instances sharing the outbox with leases. The instances run in this one JVM, each with its own store
 * and connection pool, so they coordinate only through the database, as separate processes would; the transport
 * accepts at once, so the figure is the outbox's coordination cost (lease, read, mark delivered), not a network's.
 * PostgreSQL is the embedded server the tests use, started once per trial.
 */
public class SharedOutboxBenchmark {
    /** Envelopes delivered per measured batch. */
    static final int BATCH = 300;

    /** One database and a pooled store for the enqueue benchmark. */
    @State(Scope.Benchmark)
    public static class Enqueue {
        JdbcOutboxStore store;
        byte[] envelope;

        /** Starts (or reuses) the server and opens a fresh database. */
        @Setup(Level.Trial)
        public void setUp() {
            store = JdbcOutboxStore.open(pooled(TestPostgres.freshDatabase()));
            envelope = new byte[9_000];
            new java.util.Random(1).nextBytes(envelope);
        }
    }

    /** Durable enqueue: returns once the row is committed. Eight threads at once, as a busy system submits. */
    @Benchmark
    @Threads(8)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public boolean durableEnqueue(Enqueue state) {
        Instant now = Instant.now();
        return state.store.enqueue(OutboxEntry.queued(UUID.randomUUID().toString(), "https://smc.example/fmi",
                "smc-examplesocial", now.plusSeconds(3600), "sha-256:" + "0".repeat(64), state.envelope, now));
    }

    /** A fresh batch of signed envelopes in a fresh database before each measured delivery. */
    @State(Scope.Benchmark)
    public static class Deliver {
        /** How many dispatcher instances share the outbox. */
        @Param({"1", "2", "3"})
        public int instances;

        EnvelopeSigner signer;
        DataSource db;
        List<JdbcOutboxStore> stores;

        /** Creates the signer once. */
        @Setup(Level.Trial)
        public void signer() {
            signer = TestParties.create("shared outbox benchmark CA").officeSigner();
        }

        /** Queues {@link #BATCH} envelopes in a new database and opens one store per instance. */
        @Setup(Level.Invocation)
        public void batch() {
            PGSimpleDataSource server = (PGSimpleDataSource) TestPostgres.freshDatabase();
            db = TestPostgres.pooled(server.getURL(), server.getUser());
            JdbcOutboxStore queue = JdbcOutboxStore.open(db);
            Instant now = Instant.now();
            for (int i = 0; i < BATCH; i++) {
                SignedEnvelope e = signer.sign(new EnvelopeBody.Share(SampleData.passingShare()), TestParties.PASS,
                        TestParties.SHARE_DISCLOSURES);
                queue.enqueue(OutboxEntry.queued(e.envelopeId(), "bench://smc.example/fmi", e.recipientId(),
                        e.expiresAt(), e.digest(), e.serialized(), e.signedSerialization(), now));
            }
            stores = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                stores.add(JdbcOutboxStore.open(TestPostgres.pooled(server.getURL(), server.getUser())));
            }
        }
    }

    /** Delivers one batch with the given number of instances; the score is the time for {@link #BATCH}. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int deliverBatch(Deliver state) throws Exception {
        List<Dispatcher> dispatchers = new ArrayList<>();
        try {
            for (int i = 0; i < state.instances; i++) {
                dispatchers.add(Dispatcher.builder().store(state.stores.get(i)).transport(new Accepting())
                        .company(CompanyRecord.upTo(SampleData.company().id(), TlpMarking.AMBER))
                        .shared("bench-" + i, Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).workers(2)
                        .build().start());
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (delivered(state.db) < BATCH) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("batch not delivered within 10 minutes");
                }
                Thread.sleep(5);
            }
            return BATCH;
        } finally {
            dispatchers.forEach(Dispatcher::close);
        }
    }

    private static DataSource pooled(DataSource server) {
        PGSimpleDataSource pg = (PGSimpleDataSource) server;
        return TestPostgres.pooled(pg.getURL(), pg.getUser());
    }

    private static int delivered(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM fmi_share_outbox WHERE state = 'DELIVERED'")) {
            r.next();
            return r.getInt(1);
        }
    }

    /** A transport that accepts every envelope at once, so only the outbox is measured. */
    static final class Accepting implements Transport {
        @Override
        public Set<String> schemes() {
            return Set.of("bench");
        }

        @Override
        public DeliveryResult deliver(Delivery delivery) {
            return new DeliveryResult.Delivered(new byte[] {1}, "accepted");
        }

        @Override
        public void close() {
            // Nothing to release.
        }
    }
}

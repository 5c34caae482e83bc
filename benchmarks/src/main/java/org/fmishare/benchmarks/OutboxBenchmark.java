package org.fmishare.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.OutboxEntry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Durable enqueue into the journal outbox: every operation returns only after its record is fsynced. Sixteen
 * threads submit at once, as a busy agency system would, so group commit can share each fsync among them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OutboxBenchmark {
    private Path dir;
    private FileJournalStore store;
    private byte[] envelope;

    /** Opens a fresh journal per trial with an envelope-sized payload. */
    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("fmi-outbox-bench");
        store = FileJournalStore.open(dir.resolve("outbox.journal"));
        envelope = new byte[9_000];
        new java.util.Random(1).nextBytes(envelope);
    }

    /** Deletes the journal. */
    @TearDown
    public void tearDown() throws IOException {
        store.close();
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    /** One durable enqueue (fsynced, group-committed with the other threads'). */
    @Benchmark
    @Threads(16)
    public boolean durableEnqueue() {
        Instant now = Instant.now();
        return store.enqueue(OutboxEntry.queued(UUID.randomUUID().toString(), "https://smc.example/fmi",
                "smc-examplesocial", now.plusSeconds(3600), "sha-256:" + "0".repeat(64), envelope, now));
    }
}

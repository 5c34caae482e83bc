package org.fmishare.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fmishare.core.keys.Credentials;
import org.fmishare.testkit.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Three JVMs append to one PostgreSQL audit log at the same time; the result is one unbroken, fully sealed hash
 * chain holding every record of every writer, as the verifier proves.
 */
class ConcurrentAuditWritersTest {
    private static final int WRITERS = 3;
    private static final int RECORDS = 100;
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private final List<Process> writers = new ArrayList<>();

    @AfterEach
    void stopWriters() {
        writers.forEach(Process::destroyForcibly);
    }

    @Test
    void threeWritingProcessesKeepOneUnbrokenChain() throws Exception {
        PGSimpleDataSource dataSource = (PGSimpleDataSource) TestPostgres.freshDatabase();
        JdbcAuditStore store = JdbcAuditStore.open(dataSource);
        Path p12 = dir.resolve("sealer.p12");
        Files.write(p12, Credentials.toPkcs12(AuditStoreContract.SEALER, "sealer", "changeit".toCharArray()));
        Path go = dir.resolve("go");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int w = 0; w < WRITERS; w++) {
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx192m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), AuditWriterMain.class.getName(), dataSource.getURL(),
                    dataSource.getUser(), p12.toString(), "changeit", go.toString(), "writer-" + w,
                    Integer.toString(RECORDS));
            pb.redirectOutput(dir.resolve("writer-" + w + ".out").toFile());
            pb.redirectError(dir.resolve("writer-" + w + ".err").toFile());
            writers.add(pb.start());
        }
        // Start them together, once all three are ready, so their appends overlap.
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int w = 0; w < WRITERS; w++) {
            Path out = dir.resolve("writer-" + w + ".out");
            while (!Files.readString(out).contains("ready")) {
                assertThat(writers.get(w).isAlive()).as("writer %d alive (stderr: %s)", w,
                        Files.readString(dir.resolve("writer-" + w + ".err"))).isTrue();
                assertThat(System.nanoTime()).as("writers ready in time").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
        Files.createFile(go);
        for (int w = 0; w < WRITERS; w++) {
            assertThat(writers.get(w).waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(writers.get(w).exitValue()).as("writer %d exit (stderr: %s)", w,
                    Files.readString(dir.resolve("writer-" + w + ".err"))).isZero();
        }

        // The writer processes seal at the system clock, so the verifier reads the log at the system clock too.
        AuditVerification v = AuditVerifier.builder().trustAnchor(AuditStoreContract.anchor()).sealer("fitf").build()
                .verify(store);
        assertThat(v.records()).hasSize(WRITERS * RECORDS);
        assertThat(v.unsealedRecords()).isZero();
        Map<String, Integer> perWriter = new HashMap<>();
        int switches = 0;
        String previous = "";
        for (AuditRecord r : v.records()) {
            String id = ((AuditEvent.SendAttempted) r.event()).envelopeId();
            String writer = id.substring(0, id.lastIndexOf('-'));
            perWriter.merge(writer, 1, Integer::sum);
            switches += writer.equals(previous) ? 0 : 1;
            previous = writer;
        }
        assertThat(perWriter).containsOnlyKeys("writer-0", "writer-1", "writer-2").allSatisfy((w, n) ->
                assertThat(n).isEqualTo(RECORDS));
        System.out.printf("audit log: %d entries, %d checkpoints, writer changed %d times along the chain%n",
                v.entries(), v.checkpoints(), switches);
    }
}

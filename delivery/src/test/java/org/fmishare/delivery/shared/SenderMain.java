package org.fmishare.delivery.shared;

import java.time.Duration;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.delivery.outbox.JdbcOutboxStore;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.delivery.CompanyRecord;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestPostgres;

/**
 * One sender instance in its own JVM, started by {@link SharedOutboxKillTest}: a dispatcher sharing a PostgreSQL
 * outbox. Runs until its standard input closes (the test is done) or it is killed.
 */
public final class SenderMain {
    private SenderMain() {}

    /**
     * Runs the sender.
     *
     * @param args JDBC URL, database user, instance id, lease time in milliseconds
     * @throws Exception on any failure, which ends the process
     */
    public static void main(String[] args) throws Exception {
        JdbcOutboxStore store = JdbcOutboxStore.open(TestPostgres.pooled(args[0], args[1]));
        try (Dispatcher dispatcher = Dispatcher.builder().store(store).transport(new LoopbackHttpTransport())
                .company(CompanyRecord.upTo(SampleData.company().id(), TlpMarking.AMBER))
                .shared(args[2], Duration.ofMillis(Long.parseLong(args[3])))
                .pollInterval(Duration.ofMillis(100))
                .workers(2).backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).maxAttempts(1_000)
                .build().start()) {
            System.out.println("sender " + args[2] + " started");
            System.out.flush();
            while (System.in.read() != -1) {
                // Wait for the test to close our input.
            }
        }
    }
}

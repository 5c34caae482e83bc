package org.fmishare.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.SigningCredential;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One audit writer in its own JVM, started by {@link ConcurrentAuditWritersTest}: appends records to a shared
 * PostgreSQL audit log once the test says go, sealing as it goes and on close.
 */
public final class AuditWriterMain {
    private AuditWriterMain() {}

    /**
     * Runs the writer.
     *
     * @param args JDBC URL, database user, sealer PKCS#12 file, its password, go file, writer name, record count
     * @throws Exception on any failure, which ends the process with a non-zero status
     */
    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        dataSource.setUser(args[1]);
        SigningCredential sealer = Credentials.fromPkcs12(Files.readAllBytes(Path.of(args[2])),
                args[3].toCharArray());
        Path go = Path.of(args[4]);
        String writer = args[5];
        int count = Integer.parseInt(args[6]);
        JdbcAuditStore store = JdbcAuditStore.open(dataSource);
        System.out.println("ready");
        System.out.flush();
        while (!Files.exists(go)) {
            Thread.sleep(20);
        }
        try (AuditLog log = AuditLog.builder(store, sealer).sealEvery(25).build()) {
            for (int i = 0; i < count; i++) {
                log.append(new AuditEvent.SendAttempted(Instant.now(), writer + "-" + i, 1));
            }
        }
        System.out.println("done");
    }
}

package org.fmishare.delivery.outbox;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server for this test JVM (binaries from the Maven repository), and a fresh database on it for
 * every caller, so tests cannot see each other's rows.
 */
final class PostgresServer {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private PostgresServer() {}

    /** {@return a new, empty database}; the first call starts the server */
    static synchronized DataSource freshDatabase() {
        try {
            if (server == null) {
                // Start-up (unpacking the binaries, initdb) takes seconds on a quiet machine and far longer on a
                // loaded one; the wait returns as soon as the server accepts connections.
                server = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofMinutes(5)).start();
            }
            String name = "fmi_share_" + DATABASES.incrementAndGet();
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return server.getDatabase("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
    }
}

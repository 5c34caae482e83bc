package org.fmishare.delivery.shared;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Logger;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.DataSource;
import javax.sql.PooledConnection;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The smallest connection pool that does the job, for tests that run several processes against one server: every
 * store call borrows a connection, and opening a new PostgreSQL connection (a new server process) for each would
 * dominate the run. Production code brings its own pool.
 */
final class PooledPostgres implements DataSource {
    private final PGConnectionPoolDataSource physical = new PGConnectionPoolDataSource();
    private final LinkedBlockingQueue<PooledConnection> idle = new LinkedBlockingQueue<>();

    PooledPostgres(String url, String user) {
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

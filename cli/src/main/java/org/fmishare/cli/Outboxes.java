package org.fmishare.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.JdbcOutboxStore;
import org.fmishare.delivery.outbox.OutboxException;
import org.fmishare.delivery.outbox.OutboxStore;

/**
 * Opens the outbox an {@code --outbox} option names: a directory (its {@code outbox.journal}) or a JDBC URL such as
 * {@code jdbc:postgresql://db.example.gov/fmishare}, whose user and password come from {@code --db-user} and
 * {@code --db-password} or the environment variables {@value #USER_ENV} and {@value #PASSWORD_ENV}.
 */
final class Outboxes {
    static final String USER_ENV = "FMI_SHARE_DB_USER";
    static final String PASSWORD_ENV = "FMI_SHARE_DB_PASSWORD";

    private Outboxes() {}

    static boolean isJdbc(String outbox) {
        return outbox.startsWith("jdbc:");
    }

    static OutboxStore open(String outbox, Optional<String> user, Optional<String> password) {
        if (isJdbc(outbox)) {
            DataSource ds = dataSource("--outbox", outbox, user, password);
            try {
                return JdbcOutboxStore.open(ds);
            } catch (OutboxException e) {
                throw new CliException(ExitCodes.IO_FAILURE, "--outbox: " + e.getMessage(), e);
            }
        }
        Path dir = Path.of(outbox);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO_FAILURE, dir + ": cannot create the outbox directory: "
                    + Problems.reason(e), e);
        }
        return FileJournalStore.open(dir.resolve("outbox.journal"));
    }

    /**
     * A data source for a JDBC URL an option names, checked by connecting once, with the user and password from
     * {@code --db-user} and {@code --db-password} or the environment.
     *
     * @param option the option, for messages
     * @param url the JDBC URL
     * @param user the user, if given
     * @param password the password, if given
     * @return the data source
     */
    static DataSource dataSource(String option, String url, Optional<String> user, Optional<String> password) {
        DataSource ds = new DriverManagerSource(url, user.or(() -> env(USER_ENV)), password.or(() -> env(PASSWORD_ENV)));
        try (Connection probe = ds.getConnection()) {
            probe.isValid(5);
        } catch (SQLException e) {
            throw new CliException(ExitCodes.IO_FAILURE, option + ": cannot connect to " + redact(url) + ": "
                    + e.getMessage(), e);
        }
        return ds;
    }

    /** The URL without its query, where a password could be. */
    static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?...";
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isEmpty());
    }

    /** A connection per call from the driver manager: the CLI makes a handful of calls and exits. */
    private record DriverManagerSource(String url, Optional<String> user, Optional<String> password)
            implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return user.isPresent() ? DriverManager.getConnection(url, user.get(), password.orElse(""))
                    : DriverManager.getConnection(url);
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return DriverManager.getConnection(url, u, p);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // Not used.
        }

        @Override
        public void setLoginTimeout(int seconds) {
            DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return DriverManager.getLoginTimeout();
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

package org.fmishare.core.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ReplayCache} in a JDBC database, which several receiver processes share: a nonce one of them accepted is
 * refused by all of them, also after any of them restarts. {@link #firstUse} is one atomic insert-if-absent on the
 * nonce as primary key ({@code INSERT ... ON CONFLICT DO NOTHING} on PostgreSQL; a plain insert whose unique
 * violation means "seen" elsewhere), so of two receivers given the same nonce at the same moment exactly one
 * accepts it. Each insert is committed before {@code firstUse} returns {@code true}.
 *
 * <p>The table ({@code fmi_share_nonces} unless another name is given) is created if absent from the schema file in
 * this package ({@code replay-postgresql.sql} with {@code timestamptz}, or {@code replay-standard.sql}); run it
 * yourself when the application's account may not create tables. Rows past their {@code retain_until} are deleted
 * now and then as nonces are recorded, so the table holds the nonces of envelopes still valid. Each call borrows a
 * connection from the {@link DataSource} (give it a pool). Thread-safe. When the database cannot be reached
 * {@code firstUse} throws and the verifier refuses the envelope (fail closed).
 */
public final class JdbcReplayCache implements ReplayCache {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcReplayCache.class);
    /** Short enough that the index name ({@code <table>_retain_until}) stays within PostgreSQL's 63 characters. */
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,49}");
    private static final int PURGE_EVERY = 256;

    private final DataSource dataSource;
    private final String table;
    private final boolean postgres;
    private final AtomicLong inserts = new AtomicLong();

    private JdbcReplayCache(DataSource dataSource, String table, boolean postgres) {
        this.dataSource = dataSource;
        this.table = table;
        this.postgres = postgres;
    }

    /**
     * Opens the cache in table {@code fmi_share_nonces}, creating it if needed.
     *
     * @param dataSource where to connect
     * @return the cache
     * @throws EnvelopeException.ProcessingFailed if the table cannot be created
     */
    public static JdbcReplayCache open(DataSource dataSource) {
        return open(dataSource, "fmi_share_nonces");
    }

    /**
     * Opens the cache in a table of the caller's choice, creating it if needed.
     *
     * @param dataSource where to connect
     * @param table a plain SQL identifier of at most 50 characters
     * @return the cache
     * @throws IllegalArgumentException if {@code table} is not a plain identifier
     * @throws EnvelopeException.ProcessingFailed if the table cannot be created
     */
    public static JdbcReplayCache open(DataSource dataSource, String table) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(table, "table");
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("table must be a plain SQL identifier of at most 50 characters, was '"
                    + table + "'");
        }
        try (Connection c = dataSource.getConnection()) {
            boolean postgres = "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
            if (!exists(c, table)) {
                try (Statement s = c.createStatement()) {
                    for (String statement : ddl(postgres ? "replay-postgresql.sql" : "replay-standard.sql", table)) {
                        s.execute(statement);
                    }
                }
                commit(c);
            }
            return new JdbcReplayCache(dataSource, table, postgres);
        } catch (SQLException e) {
            throw new EnvelopeException.ProcessingFailed("cannot create the replay nonces table " + table + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws EnvelopeException.ProcessingFailed when the database cannot be read or written
     */
    @Override
    public boolean firstUse(String nonce, Instant now, Instant retainUntil) {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(retainUntil, "retainUntil");
        if (inserts.incrementAndGet() % PURGE_EVERY == 0) {
            purge(now);
        }
        try (Connection c = dataSource.getConnection()) {
            if (insert(c, nonce, retainUntil)) {
                return true;
            }
            // Seen: unless that nonce has expired (a new envelope cannot carry it, but the in-memory cache allows it
            // again too), in which case the one deleting the old row may record it afresh.
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table
                    + " WHERE nonce = ? AND retain_until < ?")) {
                p.setString(1, nonce);
                p.setObject(2, timestamp(now));
                int deleted = p.executeUpdate();
                commit(c);
                return deleted == 1 && insert(c, nonce, retainUntil);
            }
        } catch (SQLException e) {
            throw new EnvelopeException.ProcessingFailed("cannot record the nonce in table " + table + ": "
                    + e.getMessage(), e);
        }
    }

    /** Inserts and commits the nonce; false when it is present already. */
    private boolean insert(Connection c, String nonce, Instant retainUntil) throws SQLException {
        String sql = "INSERT INTO " + table + " (nonce, retain_until) VALUES (?, ?)"
                + (postgres ? " ON CONFLICT (nonce) DO NOTHING" : "");
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, nonce);
            p.setObject(2, timestamp(retainUntil));
            int rows = p.executeUpdate();
            commit(c);
            return rows == 1;
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
            rollback(c);
            return false;
        }
    }

    private void purge(Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE retain_until < ?")) {
            p.setObject(1, timestamp(now));
            p.executeUpdate();
            commit(c);
        } catch (SQLException e) {
            // Expired rows only cost space; the next purge tries again.
            LOG.warn("cannot purge expired nonces from {}: {}", table, e.getMessage());
        }
    }

    private static boolean exists(Connection c, String table) {
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT nonce FROM " + table + " WHERE 1 = 0").close();
            commit(c);
            return true;
        } catch (SQLException e) {
            try {
                rollback(c);
            } catch (SQLException ignored) {
                // The connection is returned either way.
            }
            return false;
        }
    }

    /** The schema file's statements, comments removed, with the table name substituted. */
    private static List<String> ddl(String file, String table) {
        try (InputStream in = JdbcReplayCache.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new EnvelopeException.ProcessingFailed("the schema file " + file + " is missing");
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
            // The table name was checked to be a plain identifier, so this substitution cannot inject SQL.
            return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> s.replace("fmi_share_nonces", table)).toList();
        } catch (IOException e) {
            throw new EnvelopeException.ProcessingFailed("cannot read the schema file " + file, e);
        }
    }

    private static void commit(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static void rollback(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
        }
    }

    private static OffsetDateTime timestamp(Instant t) {
        return OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}

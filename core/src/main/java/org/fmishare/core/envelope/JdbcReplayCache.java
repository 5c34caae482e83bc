package org.fmishare.core.envelope;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.fmishare.core.store.JdbcTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ReplayCache} in a JDBC database, which several receiver processes share: a nonce one of them accepted is
 * refused by all of them, also after any of them restarts. {@link #recordUse} is one atomic insert-if-absent of the
 * nonce (primary key) and its envelope's digest ({@code INSERT ... ON CONFLICT DO NOTHING} on PostgreSQL; a plain
 * insert whose unique violation means "seen" elsewhere), so of two receivers given the same nonce at the same moment
 * exactly one records it; a nonce already present is answered by comparing the stored digest, so the identical
 * envelope retried on any receiver is {@link ReplayCache.Use#SAME_ENVELOPE} and other content is
 * {@link ReplayCache.Use#REUSED}. Each insert is committed before {@code recordUse} answers
 * {@link ReplayCache.Use#FIRST_USE}.
 *
 * <p>The table ({@code fmi_share_nonces} unless another name is given) is created if absent from the schema file in
 * this package ({@code replay-postgresql.sql} with {@code timestamptz}, or {@code replay-standard.sql}); run it
 * yourself when the application's account may not create tables. A table created before the digest was kept lacks
 * the {@code digest} column: {@link #open(DataSource, String)} refuses it, naming the {@code ALTER TABLE} statement
 * that adds the column (rows from before then have no digest, so their nonces are refused for any envelope). Rows past their {@code retain_until} are deleted
 * now and then as nonces are recorded, so the table holds the nonces of envelopes still valid. Each call borrows a
 * connection from the {@link DataSource} (give it a pool). Thread-safe. When the database cannot be reached
 * {@code recordUse} throws and the verifier refuses the envelope (fail closed).
 */
public final class JdbcReplayCache implements ReplayCache {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcReplayCache.class);
    /** Short enough that the index name ({@code <table>_retain_until}) stays within PostgreSQL's 63 characters. */
    private static final JdbcTables.Table TABLE = new JdbcTables.Table(JdbcReplayCache.class, "fmi_share_nonces", 50,
            "nonce", "replay-postgresql.sql", "replay-standard.sql");
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
        return open(dataSource, TABLE.defaultName());
    }

    /**
     * Opens the cache in a table of the caller's choice, creating it if needed.
     *
     * @param dataSource where to connect
     * @param table a plain SQL identifier of at most 50 characters
     * @return the cache
     * @throws IllegalArgumentException if {@code table} is not a plain identifier
     * @throws EnvelopeException.ProcessingFailed if the table cannot be created, or exists without the
     *     {@code digest} column (the message gives the {@code ALTER TABLE} statement that adds it)
     */
    public static JdbcReplayCache open(DataSource dataSource, String table) {
        try {
            boolean postgres = TABLE.open(dataSource, table) == JdbcTables.Dialect.POSTGRESQL;
            try (Connection c = dataSource.getConnection()) {
                if (!JdbcTables.hasColumn(c, table, "digest")) {
                    throw new EnvelopeException.ProcessingFailed("the replay nonces table " + table + " has no "
                            + "digest column (it was created by an earlier version); add it with: ALTER TABLE "
                            + table + " ADD COLUMN digest VARCHAR(128)");
                }
            }
            return new JdbcReplayCache(dataSource, table, postgres);
        } catch (SQLException | UncheckedIOException e) {
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
    public Use recordUse(String nonce, String digest, Instant now, Instant retainUntil) {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(retainUntil, "retainUntil");
        if (inserts.incrementAndGet() % PURGE_EVERY == 0) {
            purge(now);
        }
        try (Connection c = dataSource.getConnection()) {
            // Two rounds at most: a row found expired (or purged by another receiver between the insert and the
            // read) is deleted and the insert tried once more.
            for (int round = 0; round < 2; round++) {
                if (insert(c, nonce, digest, retainUntil)) {
                    return Use.FIRST_USE;
                }
                Optional<Optional<String>> stored = storedDigest(c, nonce, now);
                if (stored.isPresent()) {
                    return stored.get().filter(digest::equals).isPresent() ? Use.SAME_ENVELOPE : Use.REUSED;
                }
                // Expired: a new envelope cannot carry it, but the in-memory cache allows it again too, so the one
                // deleting the old row may record it afresh.
                try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table
                        + " WHERE nonce = ? AND retain_until < ?")) {
                    p.setString(1, nonce);
                    p.setObject(2, JdbcTables.timestamp(now));
                    p.executeUpdate();
                    JdbcTables.commit(c);
                }
            }
            // Another receiver recorded it again between our delete and insert: it is theirs now.
            return storedDigest(c, nonce, now).map(d -> d.filter(digest::equals).isPresent() ? Use.SAME_ENVELOPE
                    : Use.REUSED).orElse(Use.REUSED);
        } catch (SQLException e) {
            throw new EnvelopeException.ProcessingFailed("cannot record the nonce in table " + table + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The digest stored with a live nonce: empty when the nonce is absent or expired at {@code now}, an empty inner
     * value when its row predates the digest column.
     */
    private Optional<Optional<String>> storedDigest(Connection c, String nonce, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT digest, retain_until FROM " + table
                + " WHERE nonce = ?")) {
            p.setString(1, nonce);
            Optional<Optional<String>> result = Optional.empty();
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    Instant until = r.getObject(2, OffsetDateTime.class).toInstant();
                    if (!until.isBefore(now)) {
                        result = Optional.of(Optional.ofNullable(r.getString(1)));
                    }
                }
            }
            JdbcTables.commit(c);
            return result;
        }
    }

    /** Inserts and commits the nonce; false when it is present already. */
    private boolean insert(Connection c, String nonce, String digest, Instant retainUntil) throws SQLException {
        String sql = "INSERT INTO " + table + " (nonce, digest, retain_until) VALUES (?, ?, ?)"
                + (postgres ? " ON CONFLICT (nonce) DO NOTHING" : "");
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, nonce);
            p.setString(2, digest);
            p.setObject(3, JdbcTables.timestamp(retainUntil));
            int rows = p.executeUpdate();
            JdbcTables.commit(c);
            return rows == 1;
        } catch (SQLException e) {
            if (!JdbcTables.isConstraintViolation(e)) {
                throw e;
            }
            JdbcTables.rollback(c);
            return false;
        }
    }

    private void purge(Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE retain_until < ?")) {
            p.setObject(1, JdbcTables.timestamp(now));
            p.executeUpdate();
            JdbcTables.commit(c);
        } catch (SQLException e) {
            // Expired rows only cost space; the next purge tries again.
            LOG.warn("cannot purge expired nonces from {}: {}", table, e.getMessage());
        }
    }
}

package org.fmishare.transport.email;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.fmishare.core.store.JdbcTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EmailDedupeStore} in a JDBC database, which several email receiver processes share: a message fetched
 * again by any of them, also after a restart, is recognised as a repeat. The envelope id is the primary key and
 * {@link #record} an atomic insert-if-absent ({@code INSERT ... ON CONFLICT DO NOTHING} on PostgreSQL; a plain insert
 * whose unique violation means "recorded" elsewhere), committed before it returns; of two receivers recording one
 * envelope at the same moment, both get the digest stored first.
 *
 * <p>The table ({@code fmi_share_email_dedupe} unless another name is given) is created if absent from the schema
 * file in this package ({@code email-dedupe-postgresql.sql} with {@code timestamptz}, or
 * {@code email-dedupe-standard.sql}); run it yourself when the application's account may not create tables. Rows past
 * their {@code forget_after} are deleted now and then as envelopes are recorded. Each call borrows a connection from
 * the {@link DataSource} (give it a pool). Thread-safe.
 */
public final class JdbcEmailDedupeStore implements EmailDedupeStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcEmailDedupeStore.class);
    /** Short enough that the index names ({@code <table>_forget_after}) stay within PostgreSQL's 63 characters. */
    private static final JdbcTables.Table TABLE = new JdbcTables.Table(JdbcEmailDedupeStore.class,
            "fmi_share_email_dedupe", 50, "envelope_id", "email-dedupe-postgresql.sql", "email-dedupe-standard.sql");
    private static final int PURGE_EVERY = 256;

    private final DataSource dataSource;
    private final String table;
    private final boolean postgres;
    private final AtomicLong records = new AtomicLong();

    private JdbcEmailDedupeStore(DataSource dataSource, String table, boolean postgres) {
        this.dataSource = dataSource;
        this.table = table;
        this.postgres = postgres;
    }

    /**
     * Opens the store in table {@code fmi_share_email_dedupe}, creating it if needed.
     *
     * @param dataSource where to connect
     * @return the store
     * @throws EmailTransportException.StoreFailed if the table cannot be created
     */
    public static JdbcEmailDedupeStore open(DataSource dataSource) {
        return open(dataSource, TABLE.defaultName());
    }

    /**
     * Opens the store in a table of the caller's choice, creating it if needed.
     *
     * @param dataSource where to connect
     * @param table a plain SQL identifier of at most 50 characters
     * @return the store
     * @throws IllegalArgumentException if {@code table} is not a plain identifier
     * @throws EmailTransportException.StoreFailed if the table cannot be created
     */
    public static JdbcEmailDedupeStore open(DataSource dataSource, String table) {
        try {
            return new JdbcEmailDedupeStore(dataSource, table,
                    TABLE.open(dataSource, table) == JdbcTables.Dialect.POSTGRESQL);
        } catch (SQLException | UncheckedIOException e) {
            throw new EmailTransportException.StoreFailed("cannot create the email dedupe table " + table + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws EmailTransportException.StoreFailed when the database cannot be read
     */
    @Override
    public Optional<String> envelopeIdOf(String digest, Instant now) {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(now, "now");
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT envelope_id FROM " + table + " WHERE digest = ? AND forget_after >= ?")) {
            p.setString(1, digest);
            p.setObject(2, JdbcTables.timestamp(now));
            try (ResultSet r = p.executeQuery()) {
                Optional<String> id = r.next() ? Optional.of(r.getString(1)) : Optional.empty();
                JdbcTables.commit(c);
                return id;
            }
        } catch (SQLException e) {
            throw new EmailTransportException.StoreFailed("cannot read table " + table + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws EmailTransportException.StoreFailed when the database cannot be read or written
     */
    @Override
    public Optional<String> record(String envelopeId, String digest, Instant forgetAfter, Instant now) {
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        Objects.requireNonNull(now, "now");
        if (records.incrementAndGet() % PURGE_EVERY == 0) {
            purge(now);
        }
        try (Connection c = dataSource.getConnection()) {
            if (insert(c, envelopeId, digest, forgetAfter)) {
                return Optional.empty();
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table
                    + " WHERE envelope_id = ? AND forget_after < ?")) {
                p.setString(1, envelopeId);
                p.setObject(2, JdbcTables.timestamp(now));
                int deleted = p.executeUpdate();
                JdbcTables.commit(c);
                if (deleted == 1 && insert(c, envelopeId, digest, forgetAfter)) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT digest FROM " + table + " WHERE envelope_id = ?")) {
                p.setString(1, envelopeId);
                try (ResultSet r = p.executeQuery()) {
                    String stored = r.next() ? r.getString(1) : null;
                    JdbcTables.commit(c);
                    if (stored == null && insert(c, envelopeId, digest, forgetAfter)) {
                        // Deleted as expired by another receiver between our insert and this read.
                        return Optional.empty();
                    }
                    if (stored == null) {
                        throw new EmailTransportException.StoreFailed("envelope " + envelopeId + " changed in table "
                                + table + " while it was being recorded; try again", null);
                    }
                    return Optional.of(stored);
                }
            }
        } catch (SQLException e) {
            throw new EmailTransportException.StoreFailed("cannot record envelope " + envelopeId + " in table "
                    + table + ": " + e.getMessage(), e);
        }
    }

    /** Inserts and commits the entry; false when the envelope id is present already. */
    private boolean insert(Connection c, String envelopeId, String digest, Instant forgetAfter) throws SQLException {
        String sql = "INSERT INTO " + table + " (envelope_id, digest, forget_after) VALUES (?, ?, ?)"
                + (postgres ? " ON CONFLICT (envelope_id) DO NOTHING" : "");
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, envelopeId);
            p.setString(2, digest);
            p.setObject(3, JdbcTables.timestamp(forgetAfter));
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
                PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE forget_after < ?")) {
            p.setObject(1, JdbcTables.timestamp(now));
            p.executeUpdate();
            JdbcTables.commit(c);
        } catch (SQLException e) {
            // Expired rows only cost space; the next purge tries again.
            LOG.warn("cannot purge expired entries from {}: {}", table, e.getMessage());
        }
    }
}

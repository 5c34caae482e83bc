package org.fmishare.transport.https;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.fmishare.core.store.JdbcTables;

/**
 * A {@link ReceiptStore} in a JDBC database, which several receiver processes can share: a repeated delivery is
 * recognised by whichever receiver it reaches. The request key and the envelope id are both unique columns, so only
 * the first receipt for an envelope is ever stored; {@link #put} returns the stored one.
 *
 * <p>On PostgreSQL {@link #exclusively} holds a transaction-independent advisory lock on the request key
 * ({@code pg_advisory_lock}) while a receiver answers a body, so two receivers given the same envelope at the same
 * moment call back once and both answer the same receipt; the server releases the lock if the receiver dies. On other
 * databases (H2 in tests) the section is exclusive within this process only.
 *
 * <p>The table ({@code fmi_share_receipts} unless another name is given) is created if absent from the schema file in
 * this package ({@code receipts-postgresql.sql} with {@code bytea} and {@code timestamptz}, or
 * {@code receipts-standard.sql}); run it yourself when the application's account may not create tables. Each call
 * borrows a connection from the {@link DataSource} (give it a pool with room for two connections per concurrent
 * request: the lock holds one). Expired rows are deleted now and then as receipts are stored. Thread-safe.
 */
public final class JdbcReceiptStore implements ReceiptStore {
    /** PostgreSQL's longest identifier. */
    private static final JdbcTables.Table TABLE = new JdbcTables.Table(JdbcReceiptStore.class, "fmi_share_receipts",
            63, "request_key", "receipts-postgresql.sql", "receipts-standard.sql");
    private static final int PURGE_EVERY = 256;

    private final DataSource dataSource;
    private final String table;
    private final boolean postgres;
    private final AtomicLong puts = new AtomicLong();
    private final ReentrantLock[] localLocks = new ReentrantLock[64];

    private JdbcReceiptStore(DataSource dataSource, String table, boolean postgres) {
        this.dataSource = dataSource;
        this.table = table;
        this.postgres = postgres;
        for (int i = 0; i < localLocks.length; i++) {
            localLocks[i] = new ReentrantLock();
        }
    }

    /**
     * Opens the store in table {@code fmi_share_receipts}, creating it if needed.
     *
     * @param dataSource where to connect
     * @return the store
     * @throws HttpsTransportException.ReceiveFailed if the table cannot be created
     */
    public static JdbcReceiptStore open(DataSource dataSource) {
        return open(dataSource, TABLE.defaultName());
    }

    /**
     * Opens the store in a table of the caller's choice, creating it if needed.
     *
     * @param dataSource where to connect
     * @param table a plain SQL identifier of at most 63 characters
     * @return the store
     * @throws HttpsTransportException.ReceiveFailed if the table cannot be created
     */
    public static JdbcReceiptStore open(DataSource dataSource, String table) {
        try {
            return new JdbcReceiptStore(dataSource, table, TABLE.open(dataSource, table)
                    == JdbcTables.Dialect.POSTGRESQL);
        } catch (SQLException | UncheckedIOException e) {
            throw new HttpsTransportException.ReceiveFailed("cannot create receipts table " + table + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StoredReceipt> findByKey(String requestKey, Instant now) {
        Objects.requireNonNull(requestKey, "requestKey");
        return find("request_key", requestKey, Objects.requireNonNull(now, "now"));
    }

    @Override
    public Optional<StoredReceipt> findByEnvelopeId(String envelopeId, Instant now) {
        Objects.requireNonNull(envelopeId, "envelopeId");
        return find("envelope_id", envelopeId, Objects.requireNonNull(now, "now"));
    }

    @Override
    public StoredReceipt put(StoredReceipt receipt, Instant now) {
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(now, "now");
        if (puts.incrementAndGet() % PURGE_EVERY == 0) {
            purge(now);
        }
        Optional<StoredReceipt> earlier = findByEnvelopeId(receipt.envelopeId(), now)
                .or(() -> findByKey(receipt.requestKey(), now));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String sql = "INSERT INTO " + table + " (request_key, envelope_id, digest, retain_until, receipt) "
                + "VALUES (?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, receipt.requestKey());
            p.setString(2, receipt.envelopeId());
            p.setString(3, receipt.digest());
            p.setObject(4, JdbcTables.timestamp(receipt.retainUntil()));
            p.setBytes(5, receipt.receipt());
            try {
                p.executeUpdate();
                JdbcTables.commit(c);
                return receipt;
            } catch (SQLException e) {
                if (!JdbcTables.isConstraintViolation(e)) {
                    throw e;
                }
                JdbcTables.rollback(c);
            }
        } catch (SQLException e) {
            throw new HttpsTransportException.ReceiveFailed("cannot store the receipt for " + receipt.envelopeId()
                    + ": " + e.getMessage(), e);
        }
        // Another receiver stored a receipt for this envelope first: that one is the answer.
        return findByEnvelopeId(receipt.envelopeId(), now).or(() -> findByKey(receipt.requestKey(), now))
                .orElseThrow(() -> new HttpsTransportException.ReceiveFailed("the receipt for "
                        + receipt.envelopeId() + " conflicts with a stored one that cannot be read", null));
    }

    @Override
    public <T> T exclusively(String requestKey, Supplier<T> work) {
        Objects.requireNonNull(requestKey, "requestKey");
        Objects.requireNonNull(work, "work");
        long lockId = lockId(requestKey);
        ReentrantLock local = localLocks[(int) Math.floorMod(lockId, (long) localLocks.length)];
        local.lock();
        try {
            if (!postgres) {
                return work.get();
            }
            try (Connection c = dataSource.getConnection()) {
                advisory(c, "pg_advisory_lock", lockId);
                try {
                    return work.get();
                } finally {
                    advisory(c, "pg_advisory_unlock", lockId);
                }
            } catch (SQLException e) {
                throw new HttpsTransportException.ReceiveFailed("cannot lock request " + requestKey + ": "
                        + e.getMessage(), e);
            }
        } finally {
            local.unlock();
        }
    }

    private static void advisory(Connection c, String function, long lockId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + function + "(?)")) {
            p.setLong(1, lockId);
            p.executeQuery().close();
        }
        JdbcTables.commit(c);
    }

    /** The first 8 bytes of the key's SHA-256: advisory locks are named by a number. */
    private static long lockId(String requestKey) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(requestKey.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private Optional<StoredReceipt> find(String column, String value, Instant now) {
        String sql = "SELECT request_key, envelope_id, digest, retain_until, receipt FROM " + table + " WHERE "
                + column + " = ? AND retain_until >= ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, value);
            p.setObject(2, JdbcTables.timestamp(now));
            try (ResultSet r = p.executeQuery()) {
                Optional<StoredReceipt> found = r.next()
                        ? Optional.of(new StoredReceipt(r.getString(1), r.getString(2), r.getString(3),
                                r.getObject(4, OffsetDateTime.class).toInstant(), r.getBytes(5)))
                        : Optional.empty();
                JdbcTables.commit(c);
                return found;
            }
        } catch (SQLException e) {
            throw new HttpsTransportException.ReceiveFailed("cannot read receipts: " + e.getMessage(), e);
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
            org.slf4j.LoggerFactory.getLogger(JdbcReceiptStore.class).warn("cannot purge expired receipts: {}",
                    e.getMessage());
        }
    }
}

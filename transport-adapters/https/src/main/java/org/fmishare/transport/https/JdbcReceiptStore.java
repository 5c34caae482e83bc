package org.fmishare.transport.https;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

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
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
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
        return open(dataSource, "fmi_share_receipts");
    }

    /**
     * Opens the store in a table of the caller's choice, creating it if needed.
     *
     * @param dataSource where to connect
     * @param table a plain SQL identifier
     * @return the store
     * @throws HttpsTransportException.ReceiveFailed if the table cannot be created
     */
    public static JdbcReceiptStore open(DataSource dataSource, String table) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(table, "table");
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("table must be a plain SQL identifier, was '" + table + "'");
        }
        try (Connection c = dataSource.getConnection()) {
            boolean postgres = "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
            if (!exists(c, table)) {
                try (Statement s = c.createStatement()) {
                    s.execute(ddl(postgres ? "receipts-postgresql.sql" : "receipts-standard.sql", table));
                }
                commit(c);
            }
            return new JdbcReceiptStore(dataSource, table, postgres);
        } catch (SQLException e) {
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
            p.setObject(4, timestamp(receipt.retainUntil()));
            p.setBytes(5, receipt.receipt());
            try {
                p.executeUpdate();
                commit(c);
                return receipt;
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
                rollback(c);
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
        commit(c);
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
            p.setObject(2, timestamp(now));
            try (ResultSet r = p.executeQuery()) {
                Optional<StoredReceipt> found = r.next()
                        ? Optional.of(new StoredReceipt(r.getString(1), r.getString(2), r.getString(3),
                                r.getObject(4, OffsetDateTime.class).toInstant(), r.getBytes(5)))
                        : Optional.empty();
                commit(c);
                return found;
            }
        } catch (SQLException e) {
            throw new HttpsTransportException.ReceiveFailed("cannot read receipts: " + e.getMessage(), e);
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
            org.slf4j.LoggerFactory.getLogger(JdbcReceiptStore.class).warn("cannot purge expired receipts: {}",
                    e.getMessage());
        }
    }

    private static boolean exists(Connection c, String table) {
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT request_key FROM " + table + " WHERE 1 = 0").close();
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

    private static String ddl(String file, String table) {
        try (InputStream in = JdbcReceiptStore.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new HttpsTransportException.ReceiveFailed("the schema file " + file + " is missing", null);
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n")).strip();
            if (sql.endsWith(";")) {
                sql = sql.substring(0, sql.length() - 1);
            }
            // The table name was checked to be a plain identifier, so this substitution cannot inject SQL.
            return sql.replace("fmi_share_receipts", table);
        } catch (IOException e) {
            throw new HttpsTransportException.ReceiveFailed("cannot read the schema file " + file, e);
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

package org.fmishare.delivery.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * An {@link OutboxStore} in any JDBC database, for agencies that keep state in one. Each change is one statement
 * committed before the method returns (auto-commit, or an explicit commit), so it is as durable as the database.
 *
 * <p>One row per delivery (an envelope to one destination), keyed by its {@linkplain OutboxEntry#deliveryId()
 * delivery id}. The table ({@code fmi_share_outbox} unless another name is given) is created if absent, from the schema file
 * for the database: {@code outbox-postgresql.sql} ({@code bytea}, {@code timestamptz}) on PostgreSQL,
 * {@code outbox-standard.sql} ({@code BLOB}, {@code TIMESTAMP WITH TIME ZONE}) elsewhere; both ship in this
 * package so an embedder can run them instead. Timestamps are written as UTC offsets, so no session time zone can
 * shift them, and rounded down to microseconds, PostgreSQL's precision, so every database returns the same
 * instants. State transitions are
 * conditional updates ({@code ... WHERE state = ?}), so two dispatchers sharing a database cannot both deliver or
 * both retire the same entry. Thread-safe: each call borrows its own connection from the {@link DataSource}.
 *
 * <p>Several dispatcher instances may share one table ({@link SharedOutboxStore}): {@link #lease} takes due entries
 * with {@code SELECT ... FOR UPDATE SKIP LOCKED} on PostgreSQL, so concurrent instances never wait for each other
 * or lease the same entry, and with a conditional update per entry on other databases. The lease expiry is a
 * column, so the leases of an instance that died are taken over once they expire.
 */
public final class JdbcOutboxStore implements SharedOutboxStore {
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final int MAX_TEXT = 2_000;
    private final DataSource dataSource;
    private final String table;
    private volatile boolean postgres;

    private JdbcOutboxStore(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /**
     * Opens the store on a data source, creating the table {@code fmi_share_outbox} if needed.
     *
     * @param dataSource where to connect
     * @return the store
     * @throws OutboxException if the table cannot be created
     */
    public static JdbcOutboxStore open(DataSource dataSource) {
        return open(dataSource, "fmi_share_outbox");
    }

    /**
     * Opens the store on a data source with a table name of the caller's choice.
     *
     * @param dataSource where to connect
     * @param table a plain SQL identifier
     * @return the store
     * @throws OutboxException if the table cannot be created
     */
    public static JdbcOutboxStore open(DataSource dataSource, String table) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(table, "table");
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("table must be a plain SQL identifier, was '" + table + "'");
        }
        JdbcOutboxStore store = new JdbcOutboxStore(dataSource, table);
        store.createTable();
        return store;
    }

    private void createTable() {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            postgres = "PostgreSQL".equalsIgnoreCase(product);
            // Instances that start together would race on the DDL (PostgreSQL's CREATE ... IF NOT EXISTS is not
            // safe under concurrency, and ALTER TABLE locks the whole table), so an up-to-date table is left alone.
            if (upToDate(c)) {
                return;
            }
            try (Statement s = c.createStatement()) {
                for (String statement : ddl(postgres ? "outbox-postgresql.sql" : "outbox-standard.sql")) {
                    s.execute(statement);
                }
            }
            commit(c);
            if (!upToDate(c)) {
                throw new OutboxException.StorageFailed("outbox table " + table + " has no delivery_id column: it was "
                        + "made by an earlier development build, which kept one destination per envelope; deliver "
                        + "or retire its entries with that build and drop the table, or pass another table name", null);
            }
        } catch (SQLException e) {
            throw new OutboxException.StorageFailed("cannot create outbox table " + table + ": " + e.getMessage(), e);
        }
    }

    private boolean upToDate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT delivery_id, envelope_id, lease_owner, lease_until FROM " + table
                    + " WHERE 1 = 0").close();
            commit(c);
            return true;
        } catch (SQLException e) {
            // Missing table or columns; a failed statement aborts a PostgreSQL transaction, so end it.
            rollback(c);
            return false;
        }
    }

    /** The statements in a shipped schema file, without their comments, for this store's table name. */
    private List<String> ddl(String file) {
        try (InputStream in = JdbcOutboxStore.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new OutboxException.StorageFailed("the outbox schema file " + file + " is missing from the jar", null);
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
            List<String> statements = new ArrayList<>();
            for (String statement : sql.split(";")) {
                if (!statement.isBlank()) {
                    // The table name was checked to be a plain identifier, so this substitution cannot inject SQL.
                    statements.add(statement.strip().replace("fmi_share_outbox", table));
                }
            }
            return statements;
        } catch (IOException e) {
            throw new OutboxException.StorageFailed("cannot read the outbox schema file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean enqueue(OutboxEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.state() != OutboxState.QUEUED || entry.attempts() != 0) {
            throw new IllegalArgumentException("only a fresh QUEUED entry can be enqueued, got " + entry);
        }
        String sql = "INSERT INTO " + table + " (delivery_id, envelope_id, destination, recipient_id, expires_at, "
                + "digest, enqueued_at, envelope, state, attempts, next_attempt_at, receipt, signed_envelope) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)";
        try (Connection c = dataSource.getConnection()) {
            if (exists(c, entry.deliveryId())) {
                return false;
            }
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, entry.deliveryId());
                p.setString(2, entry.envelopeId());
                p.setString(3, entry.destination());
                p.setString(4, entry.recipientId());
                p.setObject(5, timestamp(entry.expiresAt()));
                p.setString(6, entry.digest());
                p.setObject(7, timestamp(entry.enqueuedAt()));
                p.setBytes(8, entry.envelope());
                p.setString(9, OutboxState.QUEUED.name());
                p.setObject(10, timestamp(entry.nextAttemptAt()));
                p.setBytes(11, new byte[0]);
                p.setBytes(12, entry.signedEnvelope());
                p.executeUpdate();
                commit(c);
                return true;
            } catch (SQLException e) {
                // A concurrent enqueue of the same id lost the race: the id is an idempotency key, not an error.
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    rollback(c);
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new OutboxException.StorageFailed("cannot enqueue " + entry.envelopeId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void recordFailure(String deliveryId, int attempts, Instant nextAttemptAt, String error) {
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        update(deliveryId, OutboxState.QUEUED, "retried",
                "attempts = ?, next_attempt_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL", p -> {
                    p.setInt(1, attempts);
                    p.setObject(2, timestamp(nextAttemptAt));
                    p.setString(3, clip(Objects.requireNonNull(error, "error")));
                    return 4;
                });
    }

    @Override
    public void markDelivered(String deliveryId, Instant at, byte[] receipt) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(receipt, "receipt");
        update(deliveryId, OutboxState.QUEUED, "delivered", "state = 'DELIVERED', finished_at = ?, receipt = ?, "
                + "lease_owner = NULL, lease_until = NULL",
                p -> {
                    p.setObject(1, timestamp(at));
                    p.setBytes(2, receipt);
                    return 3;
                });
    }

    @Override
    public void markDead(String deliveryId, Instant at, String reason) {
        Objects.requireNonNull(at, "at");
        update(deliveryId, OutboxState.QUEUED, "declared dead", "state = 'DEAD', finished_at = ?, last_error = ?, "
                + "lease_owner = NULL, lease_until = NULL",
                p -> {
                    p.setObject(1, timestamp(at));
                    p.setString(2, clip(Objects.requireNonNull(reason, "reason")));
                    return 3;
                });
    }

    @Override
    public void replay(String deliveryId, Instant at) {
        Objects.requireNonNull(at, "at");
        update(deliveryId, OutboxState.DEAD, "replayed",
                "state = 'QUEUED', attempts = 0, next_attempt_at = ?, finished_at = NULL, lease_owner = NULL, "
                + "lease_until = NULL", p -> {
                    p.setObject(1, timestamp(at));
                    return 2;
                });
    }

    @Override
    public List<String> lease(String owner, Instant now, Duration leaseTime, int max) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(leaseTime, "leaseTime");
        if (owner.isBlank() || owner.length() > 256) {
            throw new IllegalArgumentException("owner must be 1 to 256 characters");
        }
        if (leaseTime.isNegative() || leaseTime.isZero()) {
            throw new IllegalArgumentException("leaseTime must be positive, was " + leaseTime);
        }
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        try (Connection c = dataSource.getConnection()) {
            return postgres ? leaseSkipLocked(c, owner, now, leaseTime, max) : leaseOneByOne(c, owner, now, leaseTime,
                    max);
        } catch (SQLException e) {
            throw new OutboxException.StorageFailed("cannot lease outbox entries: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean renew(String deliveryId, String owner, Instant now, Duration leaseTime) {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        if (leaseTime.isNegative() || leaseTime.isZero()) {
            throw new IllegalArgumentException("leaseTime must be positive, was " + leaseTime);
        }
        // Held means: this owner, not yet expired. An expired lease nobody took yet is not renewed either, because
        // another instance may be leasing it at this moment.
        String sql = "UPDATE " + table + " SET lease_until = ? WHERE delivery_id = ? AND state = 'QUEUED' "
                + "AND lease_owner = ? AND lease_until > ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, timestamp(now.plus(leaseTime)));
            p.setString(2, deliveryId);
            p.setString(3, owner);
            p.setObject(4, timestamp(now));
            int rows = p.executeUpdate();
            commit(c);
            return rows == 1;
        } catch (SQLException e) {
            throw new OutboxException.StorageFailed("cannot renew the lease of " + deliveryId + ": " + e.getMessage(),
                    e);
        }
    }

    /** One statement: rows another transaction is leasing right now are skipped, not waited for. */
    private List<String> leaseSkipLocked(Connection c, String owner, Instant now, Duration leaseTime, int max)
            throws SQLException {
        String sql = "UPDATE " + table + " SET lease_owner = ?, lease_until = ? WHERE delivery_id IN ("
                + "SELECT delivery_id FROM " + table + " WHERE state = 'QUEUED' AND next_attempt_at <= ? "
                + "AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_attempt_at LIMIT ? "
                + "FOR UPDATE SKIP LOCKED) RETURNING delivery_id, next_attempt_at";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, owner);
            p.setObject(2, timestamp(now.plus(leaseTime)));
            p.setObject(3, timestamp(now));
            p.setObject(4, timestamp(now));
            p.setInt(5, max);
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    rows.add(new Object[] {r.getString(1), instant(r, 2)});
                }
            }
            commit(c);
            rows.sort((a, b) -> ((Instant) a[1]).compareTo((Instant) b[1]));
            return rows.stream().map(row -> (String) row[0]).toList();
        } catch (SQLException e) {
            rollback(c);
            throw e;
        }
    }

    /** Portable: read candidates, then take each with an update that only succeeds while nobody holds it. */
    private List<String> leaseOneByOne(Connection c, String owner, Instant now, Duration leaseTime, int max)
            throws SQLException {
        List<String> candidates = new ArrayList<>();
        String select = "SELECT delivery_id FROM " + table + " WHERE state = 'QUEUED' AND next_attempt_at <= ? "
                + "AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_attempt_at";
        try (PreparedStatement p = c.prepareStatement(select)) {
            p.setMaxRows(max * 4);
            p.setObject(1, timestamp(now));
            p.setObject(2, timestamp(now));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    candidates.add(r.getString(1));
                }
            }
        }
        commit(c);
        List<String> leased = new ArrayList<>();
        String take = "UPDATE " + table + " SET lease_owner = ?, lease_until = ? WHERE delivery_id = ? "
                + "AND state = 'QUEUED' AND (lease_until IS NULL OR lease_until <= ?)";
        try (PreparedStatement p = c.prepareStatement(take)) {
            for (String id : candidates) {
                if (leased.size() == max) {
                    break;
                }
                p.setString(1, owner);
                p.setObject(2, timestamp(now.plus(leaseTime)));
                p.setString(3, id);
                p.setObject(4, timestamp(now));
                if (p.executeUpdate() == 1) {
                    leased.add(id);
                }
                commit(c);
            }
        }
        return List.copyOf(leased);
    }

    @Override
    public Optional<OutboxEntry> find(String deliveryId) {
        Objects.requireNonNull(deliveryId, "deliveryId");
        List<OutboxEntry> found = query("WHERE delivery_id = ?", deliveryId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<OutboxEntry> deliveriesOf(String envelopeId) {
        Objects.requireNonNull(envelopeId, "envelopeId");
        return query("WHERE envelope_id = ? ORDER BY enqueued_at, destination", envelopeId);
    }

    @Override
    public List<OutboxEntry> list(OutboxState state) {
        Objects.requireNonNull(state, "state");
        return query("WHERE state = ? ORDER BY enqueued_at, envelope_id, destination", state.name());
    }

    @Override
    public void close() {
        // Connections are borrowed per call; the DataSource belongs to the caller.
    }

    private interface Binder {
        int bind(PreparedStatement p) throws SQLException;
    }

    private void update(String deliveryId, OutboxState required, String action, String set, Binder binder) {
        Objects.requireNonNull(deliveryId, "deliveryId");
        String sql = "UPDATE " + table + " SET " + set + " WHERE delivery_id = ? AND state = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            int next = binder.bind(p);
            p.setString(next, deliveryId);
            p.setString(next + 1, required.name());
            int rows = p.executeUpdate();
            commit(c);
            if (rows == 0) {
                Optional<OutboxEntry> current = find(deliveryId);
                if (current.isEmpty()) {
                    throw new OutboxException.UnknownEnvelope(deliveryId);
                }
                throw new OutboxException.IllegalTransition(deliveryId, current.get().state(), action);
            }
        } catch (SQLException e) {
            throw new OutboxException.StorageFailed("cannot update " + deliveryId + ": " + e.getMessage(), e);
        }
    }

    private List<OutboxEntry> query(String where, String arg) {
        String sql = "SELECT envelope_id, destination, recipient_id, expires_at, digest, enqueued_at, envelope, "
                + "state, attempts, next_attempt_at, last_error, finished_at, receipt, signed_envelope FROM "
                + table + " " + where;
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            List<OutboxEntry> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    OffsetDateTime finished = r.getObject(12, OffsetDateTime.class);
                    byte[] receipt = r.getBytes(13);
                    out.add(new OutboxEntry(r.getString(1), r.getString(2), r.getString(3), instant(r, 4),
                            r.getString(5), instant(r, 6), r.getBytes(7),
                            OutboxState.valueOf(r.getString(8)), r.getInt(9), instant(r, 10),
                            Optional.ofNullable(r.getString(11)),
                            Optional.ofNullable(finished).map(OffsetDateTime::toInstant),
                            receipt == null ? new byte[0] : receipt, r.getBytes(14)));
                }
            }
            return List.copyOf(out);
        } catch (SQLException e) {
            throw new OutboxException.StorageFailed("cannot read the outbox: " + e.getMessage(), e);
        }
    }

    private boolean exists(Connection c, String deliveryId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM " + table + " WHERE delivery_id = ?")) {
            p.setString(1, deliveryId);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
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

    /** Rounded down to microseconds, the finest precision PostgreSQL keeps, so all databases agree. */
    private static OffsetDateTime timestamp(Instant t) {
        return OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        return r.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }
}

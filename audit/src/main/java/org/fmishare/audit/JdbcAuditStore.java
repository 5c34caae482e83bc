package org.fmishare.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * An {@link AuditStore} in any JDBC database. Each append is one committed {@code INSERT}; the sequence number is
 * the primary key, so two writers racing on one database cannot fork the chain: the loser's insert fails with
 * {@link AuditException.StorageFailed}.
 *
 * <p>The table ({@code fmi_share_audit} unless another name is given) is created if absent, from the schema file for
 * the database: {@code audit-postgresql.sql} ({@code bytea}) on PostgreSQL, {@code audit-standard.sql}
 * ({@code BLOB}) elsewhere; both ship in this package so an embedder can run them instead. Reads page with the
 * SQL:2008 {@code OFFSET ... FETCH NEXT ... ROWS ONLY} clause. Database privileges are the place to make the table
 * append-only for the application's account; the hash chain and seals make any change detectable regardless.
 * Thread-safe: each call borrows its own connection from the {@link DataSource}.
 *
 * <p>Several writers (processes) may share the table through {@link #appendNext}: on PostgreSQL each append takes a
 * transaction-scoped advisory lock named after the table ({@code pg_advisory_xact_lock}), reads the last entry,
 * inserts the next one and commits, so appends are serialised and the chain never forks; the lock is released with
 * the transaction, also when the writer dies. On other databases the append is optimistic: a writer that loses the
 * race for a sequence number rebuilds its entry on the new last entry and tries again.
 */
public final class JdbcAuditStore implements SharedAuditStore {
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final int MAX_OPTIMISTIC_TRIES = 100;
    private final DataSource dataSource;
    private final String table;
    private volatile boolean postgres;

    private JdbcAuditStore(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /**
     * Opens the store, creating the table {@code fmi_share_audit} if needed.
     *
     * @param dataSource where to connect
     * @return the store
     * @throws AuditException.StorageFailed if the table cannot be created
     */
    public static JdbcAuditStore open(DataSource dataSource) {
        return open(dataSource, "fmi_share_audit");
    }

    /**
     * Opens the store with a table name of the caller's choice.
     *
     * @param dataSource where to connect
     * @param table a plain SQL identifier
     * @return the store
     * @throws AuditException.StorageFailed if the table cannot be created
     */
    public static JdbcAuditStore open(DataSource dataSource, String table) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(table, "table");
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("table must be a plain SQL identifier, was '" + table + "'");
        }
        JdbcAuditStore s = new JdbcAuditStore(dataSource, table);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            String product = c.getMetaData().getDatabaseProductName();
            s.postgres = "PostgreSQL".equalsIgnoreCase(product);
            st.execute(ddl(s.postgres ? "audit-postgresql.sql" : "audit-standard.sql", table));
            commit(c);
        } catch (SQLException e) {
            throw new AuditException.StorageFailed("cannot create audit table " + table + ": " + e.getMessage(), e);
        }
        return s;
    }

    /** The statement in a shipped schema file, without its comments, for the given table name. */
    private static String ddl(String file, String table) {
        try (InputStream in = JdbcAuditStore.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new AuditException.StorageFailed("the audit schema file " + file + " is missing from the jar",
                        null);
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n")).strip();
            if (sql.endsWith(";")) {
                sql = sql.substring(0, sql.length() - 1);
            }
            // The table name was checked to be a plain identifier, so this substitution cannot inject SQL.
            return sql.replace("fmi_share_audit", table);
        } catch (IOException e) {
            throw new AuditException.StorageFailed("cannot read the audit schema file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void append(long sequence, byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " (seq, entry) VALUES (?, ?)")) {
            p.setLong(1, sequence);
            p.setBytes(2, entry);
            p.executeUpdate();
            commit(c);
        } catch (SQLException e) {
            String why = e.getSQLState() != null && e.getSQLState().startsWith("23")
                    ? "sequence " + sequence + " is already taken (another writer appended first)"
                    : e.getMessage();
            throw new AuditException.StorageFailed("cannot append audit entry " + sequence + ": " + why, e);
        }
    }

    @Override
    public long appendNext(BiFunction<Long, Optional<byte[]>, byte[]> entryAfter) {
        Objects.requireNonNull(entryAfter, "entryAfter");
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    if (postgres) {
                        try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                            p.setLong(1, lockId());
                            p.executeQuery().close();
                        }
                    }
                    long sequence = 0;
                    Optional<byte[]> last = Optional.empty();
                    try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("SELECT seq, entry FROM "
                            + table + " ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")) {
                        if (r.next()) {
                            sequence = r.getLong(1) + 1;
                            last = Optional.of(r.getBytes(2));
                        }
                    }
                    byte[] entry = Objects.requireNonNull(entryAfter.apply(sequence, last), "entry");
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table
                            + " (seq, entry) VALUES (?, ?)")) {
                        p.setLong(1, sequence);
                        p.setBytes(2, entry);
                        p.executeUpdate();
                    }
                    c.commit();
                    return sequence;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                boolean lostRace = e.getSQLState() != null && e.getSQLState().startsWith("23");
                if (!lostRace || attempt >= MAX_OPTIMISTIC_TRIES) {
                    throw new AuditException.StorageFailed("cannot append the next audit entry: "
                            + (lostRace ? "other writers took the next sequence " + attempt + " times in a row"
                                    : e.getMessage()), e);
                }
            }
        }
    }

    /** One advisory lock per table, so two logs in one database do not wait for each other. */
    private long lockId() {
        return 0x666d6953_00000000L ^ table.hashCode();
    }

    @Override
    public long size() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new AuditException.StorageFailed("cannot count audit entries: " + e.getMessage(), e);
        }
    }

    @Override
    public List<byte[]> read(long fromIndex, int max) {
        if (fromIndex < 0 || max < 1) {
            throw new IllegalArgumentException("fromIndex must be >= 0 and max >= 1, were " + fromIndex + ", " + max);
        }
        String sql = "SELECT entry FROM " + table + " ORDER BY seq OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, fromIndex);
            p.setInt(2, max);
            List<byte[]> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(r.getBytes(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new AuditException.StorageFailed("cannot read audit entries: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // Connections are borrowed per call; the DataSource belongs to the caller.
    }

    private static void commit(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }
}

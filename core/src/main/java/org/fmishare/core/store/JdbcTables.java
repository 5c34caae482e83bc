package org.fmishare.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The plumbing the SDK's JDBC stores share: checking a caller's table name, telling PostgreSQL from other databases,
 * creating a table from a schema file when it is missing, and the small JDBC idioms that work with and without
 * auto-commit. One place, so that the replay cache, the email de-duplication store and the receipt store behave the
 * same way (and a fix reaches all three).
 *
 * <p>A schema file is plain SQL: statements end with {@code ;}, lines starting with {@code --} are comments and may
 * contain anything (a semicolon too), and the default table name in it is replaced by the caller's. The name was
 * checked to be a plain identifier by {@link #checkTableName}, so that substitution cannot inject SQL. Stateless;
 * every method is thread-safe.
 */
public final class JdbcTables {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The SQL dialects the stores' schema files are written for. */
    public enum Dialect {
        /** PostgreSQL: {@code timestamptz}, {@code bytea}, {@code ON CONFLICT DO NOTHING}, advisory locks. */
        POSTGRESQL,
        /** Standard SQL, for every other database (H2 in tests). */
        STANDARD;

        /**
         * {@return the dialect of a connection's database, from its product name}
         *
         * @param c an open connection
         * @throws SQLException when the metadata cannot be read
         */
        public static Dialect of(Connection c) throws SQLException {
            return "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName()) ? POSTGRESQL : STANDARD;
        }
    }

    private JdbcTables() {}

    /**
     * What a store says about its table once, as a constant: the schema files it ships and the names in them.
     *
     * @param owner the store class; its schema files are looked up relative to its package
     * @param defaultName the table name the schema files use (and the store's default)
     * @param maxNameLength the longest table name the store accepts (see {@link #checkTableName})
     * @param keyColumn a column the table has, to tell whether it exists
     * @param postgresqlSchema the schema file for {@link Dialect#POSTGRESQL}
     * @param standardSchema the schema file for {@link Dialect#STANDARD}
     */
    public record Table(Class<?> owner, String defaultName, int maxNameLength, String keyColumn,
            String postgresqlSchema, String standardSchema) {
        /** Checks that no part is missing and the default name is itself acceptable. */
        public Table {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(keyColumn, "keyColumn");
            Objects.requireNonNull(postgresqlSchema, "postgresqlSchema");
            Objects.requireNonNull(standardSchema, "standardSchema");
            checkTableName(defaultName, maxNameLength);
        }

        /**
         * Checks a caller's table name, connects, tells the dialect and creates the table from that dialect's schema
         * file unless it exists.
         *
         * @param dataSource where to connect
         * @param table the caller's table name
         * @return the database's dialect
         * @throws IllegalArgumentException when {@code table} is not a plain identifier within {@link #maxNameLength}
         * @throws SQLException when the database cannot be reached or a statement fails
         * @throws UncheckedIOException when the schema file is missing or cannot be read, naming it
         */
        public Dialect open(DataSource dataSource, String table) throws SQLException {
            Objects.requireNonNull(dataSource, "dataSource");
            checkTableName(table, maxNameLength);
            try (Connection c = dataSource.getConnection()) {
                Dialect dialect = Dialect.of(c);
                createIfAbsent(c, table, keyColumn,
                        schema(owner, dialect == Dialect.POSTGRESQL ? postgresqlSchema : standardSchema),
                        defaultName);
                return dialect;
            }
        }
    }


    /**
     * Checks a caller's table name: a plain SQL identifier (letters, digits, underscores; not starting with a digit)
     * of at most {@code maxLength} characters, so that it can be put into SQL text safely.
     *
     * @param table the name
     * @param maxLength the longest name allowed (a store with indexes named after its table leaves room for them
     *     within PostgreSQL's 63 characters)
     * @return {@code table}
     * @throws IllegalArgumentException when it is not such an identifier, naming the rule
     */
    public static String checkTableName(String table, int maxLength) {
        Objects.requireNonNull(table, "table");
        if (table.length() > maxLength || !IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("table must be a plain SQL identifier of at most " + maxLength
                    + " characters, was '" + table + "'");
        }
        return table;
    }

    /**
     * Creates a table from its schema file unless a query of {@code probeColumn} on it succeeds, and commits.
     *
     * @param c an open connection
     * @param table the (checked) table name
     * @param probeColumn a column the table has (its key), to tell whether it exists
     * @param schema the schema file's text for this connection's dialect
     * @param defaultTable the table name the schema file uses, replaced by {@code table}
     * @return true when the table was created, false when it existed
     * @throws SQLException when a statement fails
     */
    public static boolean createIfAbsent(Connection c, String table, String probeColumn, String schema,
            String defaultTable) throws SQLException {
        Objects.requireNonNull(schema, "schema");
        if (hasColumn(c, table, probeColumn)) {
            return false;
        }
        try (Statement s = c.createStatement()) {
            for (String statement : statements(schema, defaultTable, table)) {
                s.execute(statement);
            }
        }
        commit(c);
        return true;
    }

    /**
     * Whether a table exists and has a column: a query of it that returns no rows succeeds. A failed query is rolled
     * back, so the connection stays usable in a transaction.
     *
     * @param c an open connection
     * @param table the (checked) table name
     * @param column a (plain) column name
     * @return true when the table has the column
     */
    public static boolean hasColumn(Connection c, String table, String column) {
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT " + column + " FROM " + table + " WHERE 1 = 0").close();
            commit(c);
            return true;
        } catch (SQLException e) {
            try {
                rollback(c);
            } catch (SQLException ignored) {
                // The connection is returned to its pool either way.
            }
            return false;
        }
    }

    /**
     * Reads a schema file shipped next to a store class.
     *
     * @param owner the store class; the file is looked up relative to its package
     * @param file the file name
     * @return the file's text
     * @throws UncheckedIOException when it is missing or cannot be read, naming the file
     */
    public static String schema(Class<?> owner, String file) {
        try (InputStream in = owner.getResourceAsStream(file)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("the schema file " + file + " of "
                        + owner.getName() + " is missing"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema file " + file + " of " + owner.getName(), e);
        }
    }

    /**
     * Splits a schema file's text into statements, comments removed, with the table name substituted.
     *
     * @param schema the text
     * @param defaultTable the table name the text uses
     * @param table the (checked) name to use instead
     * @return the statements, in order
     */
    public static List<String> statements(String schema, String defaultTable, String table) {
        String sql = schema.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
        return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.replace(defaultTable, table)).toList();
    }

    /**
     * {@return whether an exception is an integrity constraint violation (SQLSTATE class 23), such as the unique
     * violation of an insert whose key is present already}
     *
     * @param e the exception
     */
    public static boolean isConstraintViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    /**
     * Commits unless the connection auto-commits.
     *
     * @param c the connection
     * @throws SQLException when the commit fails
     */
    public static void commit(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /**
     * Rolls back unless the connection auto-commits.
     *
     * @param c the connection
     * @throws SQLException when the rollback fails
     */
    public static void rollback(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
        }
    }

    /**
     * {@return an instant as a UTC {@link OffsetDateTime} truncated to microseconds, which both PostgreSQL's
     * {@code timestamptz} and standard {@code TIMESTAMP WITH TIME ZONE} keep exactly}
     *
     * @param t the instant
     */
    public static OffsetDateTime timestamp(Instant t) {
        return OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}

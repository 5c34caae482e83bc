package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.fmishare.core.store.JdbcTables;
import org.fmishare.testkit.TestPostgres;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The JDBC stores' shared plumbing ({@link JdbcTables}, core) against the two databases it must tell apart: a real
 * PostgreSQL server and H2. It lives here because the testkit's PostgreSQL is at hand (core's tests cannot use it).
 */
class JdbcTablesDatabaseTest {
    static final String SCHEMA = """
            -- a test table; the comment's semicolon is not a statement end;
            CREATE TABLE IF NOT EXISTS fmi_share_example (
                id   VARCHAR(64) NOT NULL PRIMARY KEY,
                note VARCHAR(64)
            );
            CREATE INDEX IF NOT EXISTS fmi_share_example_note ON fmi_share_example (note);
            """;

    static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:tables-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Test
    void onPostgresqlTheTableIsCreatedOnceItsColumnsProbedAndADuplicateKeyIsAConstraintViolation()
            throws Exception {
        check(TestPostgres.freshDatabase(), JdbcTables.Dialect.POSTGRESQL);
    }

    @Test
    void onH2TheSameHoldsWithTheStandardDialect() throws Exception {
        check(h2(), JdbcTables.Dialect.STANDARD);
    }

    @Test
    void aStoresTableIsOpenedFromTheSchemaFileOfItsDialectOnceUnderTheCallersName() throws Exception {
        JdbcTables.Table receipts = new JdbcTables.Table(JdbcReceiptStore.class, "fmi_share_receipts", 63,
                "request_key", "receipts-postgresql.sql", "receipts-standard.sql");
        for (DataSource db : new DataSource[] {h2(), TestPostgres.freshDatabase()}) {
            JdbcTables.Dialect dialect = receipts.open(db, "agency_receipts");
            assertThat(receipts.open(db, "agency_receipts")).as("opened again").isEqualTo(dialect);
            try (Connection c = db.getConnection()) {
                assertThat(JdbcTables.Dialect.of(c)).isEqualTo(dialect);
                assertThat(JdbcTables.hasColumn(c, "agency_receipts", "request_key")).isTrue();
                assertThat(JdbcTables.hasColumn(c, "fmi_share_receipts", "request_key")).isFalse();
            }
        }
        assertThatThrownBy(() -> receipts.open(h2(), "receipts; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain SQL identifier");
        JdbcTables.Table missing = new JdbcTables.Table(JdbcReceiptStore.class, "fmi_share_receipts", 63,
                "request_key", "no-such-postgresql.sql", "no-such-standard.sql");
        assertThatThrownBy(() -> missing.open(h2(), "fmi_share_receipts")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("no-such-standard.sql");
    }

    private static void check(DataSource db, JdbcTables.Dialect expected) throws Exception {
        try (Connection c = db.getConnection()) {
            assertThat(JdbcTables.Dialect.of(c)).isEqualTo(expected);
            assertThat(JdbcTables.hasColumn(c, "my_example", "id")).isFalse();
            assertThat(JdbcTables.createIfAbsent(c, "my_example", "id", SCHEMA, "fmi_share_example")).isTrue();
            assertThat(JdbcTables.createIfAbsent(c, "my_example", "id", SCHEMA, "fmi_share_example"))
                    .as("created once").isFalse();
            assertThat(JdbcTables.hasColumn(c, "my_example", "note")).isTrue();
            assertThat(JdbcTables.hasColumn(c, "my_example", "absent")).isFalse();
            assertThat(JdbcTables.hasColumn(c, "fmi_share_example", "id")).as("the default name was replaced")
                    .isFalse();
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO my_example (id) VALUES ('a')");
                JdbcTables.commit(c);
                SQLException duplicate = null;
                try {
                    s.executeUpdate("INSERT INTO my_example (id) VALUES ('a')");
                } catch (SQLException e) {
                    duplicate = e;
                    JdbcTables.rollback(c);
                }
                assertThat((Throwable) duplicate).isNotNull();
                assertThat(JdbcTables.isConstraintViolation(duplicate)).isTrue();
            }
            SQLException other = null;
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT no_such_column FROM my_example");
            } catch (SQLException e) {
                other = e;
                JdbcTables.rollback(c);
            }
            assertThat((Throwable) other).isNotNull();
            assertThat(JdbcTables.isConstraintViolation(other)).isFalse();
        }
    }
}

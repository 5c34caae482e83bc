package org.fmishare.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The database-free part of the JDBC stores' shared plumbing; the part that needs a database (dialect, creating a
 * table once, probing a column, constraint violations) runs against H2 and PostgreSQL in the HTTPS module's tests,
 * where the testkit's databases are at hand.
 */
class JdbcTablesTest {
    @Test
    void aTableNameMustBeAPlainIdentifierWithinTheStoresLimit() {
        assertThat(JdbcTables.checkTableName("fmi_share_nonces", 50)).isEqualTo("fmi_share_nonces");
        assertThat(JdbcTables.checkTableName("_T1", 3)).isEqualTo("_T1");
        for (String bad : new String[] {"", "1table", "nonces; DROP TABLE x", "a-b", "\"quoted\"", "x".repeat(51)}) {
            assertThatThrownBy(() -> JdbcTables.checkTableName(bad, 50)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("plain SQL identifier of at most 50 characters");
        }
        assertThatThrownBy(() -> JdbcTables.checkTableName(null, 50)).isInstanceOf(NullPointerException.class)
                .hasMessage("table");
    }

    @Test
    void aSchemaFileIsSplitIntoStatementsWithoutCommentsAndWithTheCallersTableName() {
        String schema = """
                -- a comment may hold a statement; ALTER TABLE fmi_share_nonces ADD COLUMN x INT;
                CREATE TABLE IF NOT EXISTS fmi_share_nonces (
                    nonce VARCHAR(128) NOT NULL PRIMARY KEY
                );
                CREATE INDEX IF NOT EXISTS fmi_share_nonces_n ON fmi_share_nonces (nonce);
                """;
        assertThat(JdbcTables.statements(schema, "fmi_share_nonces", "my_nonces")).containsExactly(
                "CREATE TABLE IF NOT EXISTS my_nonces (\n    nonce VARCHAR(128) NOT NULL PRIMARY KEY\n)",
                "CREATE INDEX IF NOT EXISTS my_nonces_n ON my_nonces (nonce)");
    }

    @Test
    void theShippedSchemaFilesAreFoundNextToTheirStoreAndAMissingOneIsNamed() {
        assertThat(JdbcTables.schema(org.fmishare.core.envelope.JdbcReplayCache.class, "replay-postgresql.sql"))
                .contains("CREATE TABLE IF NOT EXISTS fmi_share_nonces", "digest");
        assertThatThrownBy(() -> JdbcTables.schema(JdbcTablesTest.class, "absent.sql"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("absent.sql")
                .hasMessageContaining(JdbcTablesTest.class.getName());
    }

    @Test
    void timestampsAreUtcAndTruncatedToWhatTheDatabasesKeep() {
        Instant t = Instant.parse("2026-10-01T15:00:00.123456789Z");
        assertThat(JdbcTables.timestamp(t).getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(JdbcTables.timestamp(t).toInstant()).isEqualTo(Instant.parse("2026-10-01T15:00:00.123456Z"));
    }
}

package org.fmishare.audit;

import org.fmishare.testkit.TestPostgres;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store against a real PostgreSQL server: every test of {@link JdbcAuditStoreTest} and the whole
 * {@link AuditStoreContract}, on a fresh database each.
 */
class PostgresAuditStoreTest extends JdbcAuditStoreTest {
    @Override
    DataSource createDataSource() {
        return TestPostgres.freshDatabase();
    }

    @Test
    void entriesAreStoredAsBytea() throws SQLException {
        try (AuditStore store = open(); Connection c = dataSource.getConnection();
                ResultSet r = c.getMetaData().getColumns(null, null, "fmi_share_audit", "entry")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString("TYPE_NAME")).isEqualTo("bytea");
        }
    }
}

package org.fmishare.delivery.outbox;

import org.fmishare.testkit.TestPostgres;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The JDBC store against a real PostgreSQL server: the same contract as the file journal and H2. */
class PostgresOutboxStoreTest extends SharedOutboxStoreContract {
    private final DataSource dataSource = TestPostgres.freshDatabase();

    @Override
    SharedOutboxStore open() {
        return JdbcOutboxStore.open(dataSource);
    }

    @Test
    void binaryColumnsUsePostgresqlTypes() throws SQLException {
        try (OutboxStore store = open(); Connection c = dataSource.getConnection();
                ResultSet r = c.getMetaData().getColumns(null, null, "fmi_share_outbox", "envelope")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString("TYPE_NAME")).isEqualTo("bytea");
        }
    }
}

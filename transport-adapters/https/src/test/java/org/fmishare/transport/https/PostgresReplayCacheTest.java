package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.fmishare.core.envelope.JdbcReplayCache;
import org.fmishare.core.envelope.ReplayCache;
import org.fmishare.testkit.TestPostgres;
import org.junit.jupiter.api.Test;

/** The JDBC replay cache against a real PostgreSQL server; two cache objects stand for two receiver processes. */
class PostgresReplayCacheTest extends ReplayCacheContract {
    private final DataSource dataSource = TestPostgres.freshDatabase();

    @Override
    ReplayCache open() {
        return JdbcReplayCache.open(dataSource);
    }

    @Override
    ReplayCache second(ReplayCache first) {
        return JdbcReplayCache.open(dataSource);
    }

    @Override
    boolean persistent() {
        return true;
    }

    @Test
    void theTableHasTheDocumentedPostgresqlTypes() throws Exception {
        JdbcReplayCache.open(dataSource);
        try (Connection c = dataSource.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'fmi_share_nonces' "
                        + "ORDER BY column_name")) {
            StringBuilder columns = new StringBuilder();
            while (r.next()) {
                columns.append(r.getString(1)).append(' ').append(r.getString(2)).append('\n');
            }
            assertThat(columns.toString()).isEqualTo("nonce character varying\n"
                    + "retain_until timestamp with time zone\n");
        }
    }
}

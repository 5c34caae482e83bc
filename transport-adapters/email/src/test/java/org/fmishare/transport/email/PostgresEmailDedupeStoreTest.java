package org.fmishare.transport.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.fmishare.testkit.TestPostgres;
import org.junit.jupiter.api.Test;

/** The JDBC store against a real PostgreSQL server; two store objects stand for two receiver processes. */
class PostgresEmailDedupeStoreTest extends EmailDedupeStoreContract {
    private final DataSource dataSource = TestPostgres.freshDatabase();

    @Override
    EmailDedupeStore open() {
        return JdbcEmailDedupeStore.open(dataSource);
    }

    @Override
    EmailDedupeStore second(EmailDedupeStore first) {
        return JdbcEmailDedupeStore.open(dataSource);
    }

    @Override
    boolean persistent() {
        return true;
    }

    @Test
    void theTableHasTheDocumentedPostgresqlTypes() throws Exception {
        JdbcEmailDedupeStore.open(dataSource);
        try (Connection c = dataSource.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "SELECT column_name, data_type FROM information_schema.columns "
                        + "WHERE table_name = 'fmi_share_email_dedupe' ORDER BY column_name")) {
            StringBuilder columns = new StringBuilder();
            while (r.next()) {
                columns.append(r.getString(1)).append(' ').append(r.getString(2)).append('\n');
            }
            assertThat(columns.toString()).isEqualTo("digest character varying\n"
                    + "envelope_id character varying\n" + "forget_after timestamp with time zone\n");
        }
    }
}

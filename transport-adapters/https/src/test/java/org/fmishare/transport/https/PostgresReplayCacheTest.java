package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.fmishare.core.envelope.EnvelopeException;
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
            assertThat(columns.toString()).isEqualTo("digest character varying\n"
                    + "nonce character varying\n"
                    + "retain_until timestamp with time zone\n");
        }
    }

    /**
     * A table from before the digest column is refused with the statement that upgrades it; once it ran, the old
     * rows' nonces (digest unknown) are refused for any envelope and new nonces carry their digests.
     */
    @Test
    void aTableWithoutTheDigestColumnIsRefusedUntilAlteredAndItsOldNoncesAreReuses() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE old_nonces (nonce VARCHAR(128) NOT NULL PRIMARY KEY, "
                    + "retain_until TIMESTAMPTZ NOT NULL)");
            s.execute("INSERT INTO old_nonces VALUES ('" + nonce(7) + "', TIMESTAMPTZ '2026-10-01 16:00:00Z')");
        }
        assertThatThrownBy(() -> JdbcReplayCache.open(dataSource, "old_nonces"))
                .isInstanceOf(EnvelopeException.ProcessingFailed.class)
                .hasMessageContaining("old_nonces has no digest column")
                .hasMessageContaining("ALTER TABLE old_nonces ADD COLUMN digest VARCHAR(128)");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE old_nonces ADD COLUMN digest VARCHAR(128)");
        }
        ReplayCache cache = JdbcReplayCache.open(dataSource, "old_nonces");
        assertThat(cache.recordUse(nonce(7), D1, T0, UNTIL)).isEqualTo(ReplayCache.Use.REUSED);
        assertThat(cache.recordUse(nonce(8), D1, T0, UNTIL)).isEqualTo(ReplayCache.Use.FIRST_USE);
        assertThat(cache.recordUse(nonce(8), D1, T0, UNTIL)).isEqualTo(ReplayCache.Use.SAME_ENVELOPE);
    }
}

package org.fmishare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The JDBC store against an embedded H2 database; {@link PostgresAuditStoreTest} runs the same on PostgreSQL. */
class JdbcAuditStoreTest extends AuditStoreContract {
    final DataSource dataSource = createDataSource();

    /** {@return the database under test, a fresh one for every test} */
    DataSource createDataSource() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:audit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @Override
    AuditStore open() {
        return JdbcAuditStore.open(dataSource);
    }

    @Override
    void rewrite(AuditStore store, List<byte[]> entries) {
        // What an insider with write access to the table could do: rows keyed by their position.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM fmi_share_audit");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO fmi_share_audit (seq, entry) VALUES (?, ?)")) {
                for (int i = 0; i < entries.size(); i++) {
                    p.setLong(1, i);
                    p.setBytes(2, entries.get(i));
                    p.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSecondWriterExtendsTheSameChainInsteadOfForkingIt() {
        try (AuditStore a = open(); AuditStore b = open()) {
            AuditLog first = log(a, 100);
            AuditLog second = log(b, 100);
            AuditRecord one = first.append(events(2).get(0));
            // The second log opened before the first appended; it still chains onto the first's record.
            AuditRecord two = second.append(events(2).get(1));
            assertThat(two.sequence()).isEqualTo(one.sequence() + 1);
            assertThat(two.previousHash()).isEqualTo(one.hash());
            first.close();
            second.close();
            AuditVerification v = AuditStoreContract.verify(a, anchor());
            assertThat(v.records()).hasSize(2);
            assertThat(v.unsealedRecords()).isZero();
        }
    }

    @Test
    void aTakenSequenceNumberIsRefusedByTheStore() {
        try (AuditStore a = open()) {
            a.append(0, "{\"x\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThatThrownBy(() -> a.append(0, "{\"x\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .isInstanceOf(AuditException.StorageFailed.class)
                    .hasMessageContaining("another writer appended first");
        }
    }

    @Test
    void tableNameMustBeAPlainIdentifier() {
        assertThatThrownBy(() -> JdbcAuditStore.open(dataSource, "x; DROP TABLE y"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

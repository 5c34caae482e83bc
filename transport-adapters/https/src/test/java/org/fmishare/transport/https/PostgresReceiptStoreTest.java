package org.fmishare.transport.https;

import javax.sql.DataSource;
import org.fmishare.testkit.TestPostgres;

/** The JDBC receipt store against a real PostgreSQL server. */
class PostgresReceiptStoreTest extends ReceiptStoreContract {
    private final DataSource dataSource = TestPostgres.freshDatabase();

    @Override
    ReceiptStore open() {
        return JdbcReceiptStore.open(dataSource);
    }

    @Override
    boolean persistent() {
        return true;
    }
}

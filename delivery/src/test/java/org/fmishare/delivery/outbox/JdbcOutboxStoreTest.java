package org.fmishare.delivery.outbox;

import org.h2.jdbcx.JdbcDataSource;

/** The JDBC store against an embedded H2 database. */
class JdbcOutboxStoreTest extends SharedOutboxStoreContract {
    private final JdbcDataSource dataSource = new JdbcDataSource();

    JdbcOutboxStoreTest() {
        // A named in-memory database that lives as long as the JVM, so "reopen" sees the same data.
        dataSource.setURL("jdbc:h2:mem:outbox-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    SharedOutboxStore open() {
        return JdbcOutboxStore.open(dataSource);
    }
}

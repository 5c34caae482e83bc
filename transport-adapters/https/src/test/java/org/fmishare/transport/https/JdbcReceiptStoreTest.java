package org.fmishare.transport.https;

import org.h2.jdbcx.JdbcDataSource;

/** The JDBC receipt store against an embedded H2 database. */
class JdbcReceiptStoreTest extends ReceiptStoreContract {
    private final JdbcDataSource dataSource = new JdbcDataSource();

    JdbcReceiptStoreTest() {
        // A named in-memory database that lives as long as the JVM, so "reopen" sees the same data.
        dataSource.setURL("jdbc:h2:mem:receipts-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    ReceiptStore open() {
        return JdbcReceiptStore.open(dataSource);
    }

    @Override
    boolean persistent() {
        return true;
    }
}

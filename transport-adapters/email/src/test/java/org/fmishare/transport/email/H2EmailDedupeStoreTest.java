package org.fmishare.transport.email;

import org.h2.jdbcx.JdbcDataSource;

/** The JDBC store against an embedded H2 database. */
class H2EmailDedupeStoreTest extends EmailDedupeStoreContract {
    private final JdbcDataSource dataSource = new JdbcDataSource();

    H2EmailDedupeStoreTest() {
        // A named in-memory database that lives as long as the JVM, so "reopen" sees the same data.
        dataSource.setURL("jdbc:h2:mem:email-dedupe-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

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
}

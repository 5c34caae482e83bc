package org.fmishare.transport.https;

import org.fmishare.core.envelope.JdbcReplayCache;
import org.fmishare.core.envelope.ReplayCache;
import org.h2.jdbcx.JdbcDataSource;

/** The JDBC replay cache against an embedded H2 database. */
class H2ReplayCacheTest extends ReplayCacheContract {
    private final JdbcDataSource dataSource = new JdbcDataSource();

    H2ReplayCacheTest() {
        // A named in-memory database that lives as long as the JVM, so "reopen" sees the same data.
        dataSource.setURL("jdbc:h2:mem:nonces-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

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
}

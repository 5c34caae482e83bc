-- fmi-share audit log schema in standard SQL (JdbcAuditStore), used for every database other than PostgreSQL;
-- tested on H2. JdbcAuditStore.open creates this table itself if it is missing; run this file yourself instead
-- when the application's database account may not create tables (and grant it only SELECT and INSERT). To use
-- another table name, replace fmi_share_audit here and pass the same name to JdbcAuditStore.open(dataSource, table).
CREATE TABLE IF NOT EXISTS fmi_share_audit (
    seq   BIGINT NOT NULL PRIMARY KEY,
    entry BLOB   NOT NULL
);

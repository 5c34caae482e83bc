-- fmi-share audit log schema for PostgreSQL (JdbcAuditStore).
-- JdbcAuditStore.open creates this table itself if it is missing; run this file yourself instead when the
-- application's database account may not create tables (and grant it only SELECT and INSERT, so the log is
-- append-only for the application). To use another table name, replace fmi_share_audit here and pass the same
-- name to JdbcAuditStore.open(dataSource, table).
-- Each entry is one canonical JSON object, stored byte-exact: its hash is part of the chain.
CREATE TABLE IF NOT EXISTS fmi_share_audit (
    seq   BIGINT NOT NULL PRIMARY KEY,
    entry BYTEA  NOT NULL
);

-- fmi-share email receiver de-duplication for PostgreSQL (JdbcEmailDedupeStore).
-- JdbcEmailDedupeStore.open creates this table itself if it is missing; run this file yourself instead when the
-- application's database account may not create tables. To use another table name, replace fmi_share_email_dedupe
-- here and pass the same name to JdbcEmailDedupeStore.open(dataSource, table).
-- One row per envelope received by email: the envelope id is the primary key, so receivers sharing the table record
-- one digest per id; a message whose envelope digest is present is a repeat. Rows past forget_after may be deleted.
CREATE TABLE IF NOT EXISTS fmi_share_email_dedupe (
    envelope_id  VARCHAR(256) NOT NULL PRIMARY KEY,
    digest       VARCHAR(80)  NOT NULL,
    forget_after TIMESTAMPTZ  NOT NULL
);
CREATE INDEX IF NOT EXISTS fmi_share_email_dedupe_digest ON fmi_share_email_dedupe (digest);
CREATE INDEX IF NOT EXISTS fmi_share_email_dedupe_forget_after ON fmi_share_email_dedupe (forget_after);

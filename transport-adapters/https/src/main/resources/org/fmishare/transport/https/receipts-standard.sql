-- fmi-share receiver receipts in standard SQL (JdbcReceiptStore), used for every database other than PostgreSQL.
-- JdbcReceiptStore.open creates this table itself if it is missing; run this file yourself instead when the
-- application's database account may not create tables. To use another table name, replace fmi_share_receipts
-- here and pass the same name to JdbcReceiptStore.open(dataSource, table).
-- One row per accepted envelope: the dedupe key of the request body and the envelope id are both unique, so two
-- receivers sharing the table cannot store two receipts for one envelope. Rows past retain_until may be deleted.
CREATE TABLE IF NOT EXISTS fmi_share_receipts (
    request_key  VARCHAR(200) NOT NULL PRIMARY KEY,
    envelope_id  VARCHAR(256) NOT NULL UNIQUE,
    digest       VARCHAR(80)  NOT NULL,
    retain_until TIMESTAMP WITH TIME ZONE NOT NULL,
    receipt      BLOB         NOT NULL
);

-- fmi-share outbox schema for PostgreSQL (JdbcOutboxStore).
-- JdbcOutboxStore.open creates this table itself if it is missing; run this file yourself instead when the
-- application's database account may not create tables. To use another table name, replace fmi_share_outbox
-- here and pass the same name to JdbcOutboxStore.open(dataSource, table).
-- One row per delivery: an envelope queued for several destinations has a row for each, keyed by delivery_id
-- (the envelope id, '#', and the first 16 hex digits of the SHA-256 of the destination; see OutboxEntry.deliveryId).
-- A table made by an earlier development build, keyed by envelope_id alone, is refused on open: deliver or retire
-- its entries with that build, then drop it.
-- lease_owner and lease_until record which dispatcher instance holds a QUEUED entry and until when (shared
-- outboxes, see JdbcOutboxStore.lease); both are NULL when nobody holds it.
-- Timestamps are timestamptz (microsecond precision; the store rounds instants down to microseconds on every
-- database, so all dialects return the same values). The envelope as sent (signed, or encrypted), the signed
-- envelope (for reading its content back after a restart) and the receipt are stored byte-exact.
CREATE TABLE IF NOT EXISTS fmi_share_outbox (
    delivery_id     VARCHAR(300)  NOT NULL PRIMARY KEY,
    envelope_id     VARCHAR(256)  NOT NULL,
    destination     VARCHAR(2048) NOT NULL,
    recipient_id    VARCHAR(256)  NOT NULL,
    expires_at      TIMESTAMPTZ   NOT NULL,
    digest          VARCHAR(80)   NOT NULL,
    enqueued_at     TIMESTAMPTZ   NOT NULL,
    envelope        BYTEA         NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    last_error      VARCHAR(2000),
    finished_at     TIMESTAMPTZ,
    receipt         BYTEA,
    signed_envelope BYTEA NOT NULL,
    lease_owner     VARCHAR(256),
    lease_until     TIMESTAMPTZ
);
-- Tables created before leases existed gain the two lease columns (a no-op on a new table).
ALTER TABLE fmi_share_outbox ADD COLUMN IF NOT EXISTS lease_owner VARCHAR(256);
ALTER TABLE fmi_share_outbox ADD COLUMN IF NOT EXISTS lease_until TIMESTAMPTZ;
-- Dispatchers sharing the table look for due entries by state and time.
CREATE INDEX IF NOT EXISTS fmi_share_outbox_due ON fmi_share_outbox (state, next_attempt_at);
-- Every delivery of one envelope (outbox show, retry).
CREATE INDEX IF NOT EXISTS fmi_share_outbox_envelope ON fmi_share_outbox (envelope_id);

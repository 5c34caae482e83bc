-- fmi-share replay nonces for PostgreSQL (JdbcReplayCache).
-- JdbcReplayCache.open creates this table itself if it is missing; run this file yourself instead when the
-- application's database account may not create tables. To use another table name, replace fmi_share_nonces
-- here and pass the same name to JdbcReplayCache.open(dataSource, table).
-- One row per envelope nonce a verifier accepted, with the digest of the envelope that carried it: the nonce is
-- the primary key, so of two receivers inserting the same nonce at the same moment exactly one succeeds, and the
-- digest tells a repeat of that envelope (a sender's retry) from another envelope reusing the nonce (a replay).
-- The digest is NULL only in rows written before it was kept (unknown: any envelope with that nonce is a replay);
-- a table created before then needs the column: ALTER TABLE fmi_share_nonces ADD COLUMN digest VARCHAR(128);
-- Rows past retain_until may be deleted (the verifier refuses their envelopes as expired); the index keeps that
-- purge cheap.
CREATE TABLE IF NOT EXISTS fmi_share_nonces (
    nonce        VARCHAR(128) NOT NULL PRIMARY KEY,
    digest       VARCHAR(128),
    retain_until TIMESTAMPTZ  NOT NULL
);
CREATE INDEX IF NOT EXISTS fmi_share_nonces_retain_until ON fmi_share_nonces (retain_until);

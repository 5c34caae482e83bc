-- fmi-share replay nonces for PostgreSQL (JdbcReplayCache).
-- JdbcReplayCache.open creates this table itself if it is missing; run this file yourself instead when the
-- application's database account may not create tables. To use another table name, replace fmi_share_nonces
-- here and pass the same name to JdbcReplayCache.open(dataSource, table).
-- One row per envelope nonce a verifier accepted: the nonce is the primary key, so of two receivers inserting the
-- same nonce at the same moment exactly one succeeds. Rows past retain_until may be deleted (the verifier refuses
-- their envelopes as expired); the index keeps that purge cheap.
CREATE TABLE IF NOT EXISTS fmi_share_nonces (
    nonce        VARCHAR(128) NOT NULL PRIMARY KEY,
    retain_until TIMESTAMPTZ  NOT NULL
);
CREATE INDEX IF NOT EXISTS fmi_share_nonces_retain_until ON fmi_share_nonces (retain_until);

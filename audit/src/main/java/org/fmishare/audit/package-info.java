/**
 * The tamper-evident audit trail: every validation, render, signature, send attempt, delivery, receipt, SMC
 * response and meeting is appended to a hash-chained log that a signed checkpoint seals from time to time, so an
 * agency can show later, and to outsiders, what was shared, under which rules, and that companies' choices had no
 * consequences.
 *
 * <p>Entry points: {@link org.fmishare.audit.AuditLog} (append {@link org.fmishare.audit.AuditEvent}s,
 * seal), {@link org.fmishare.audit.AuditVerifier} (walk a log, check every link and seal),
 * {@link org.fmishare.audit.AuditStore} (storage SPI with {@link org.fmishare.audit.FileAuditStore} and
 * {@link org.fmishare.audit.JdbcAuditStore}), and {@link org.fmishare.audit.AuditListener}, which records
 * the dispatcher's progress.
 *
 * <p>Format. Each entry is one RFC 8785 canonical JSON object {@code {"hash", "prev", "seq", "event" | "checkpoint"}}
 * where {@code hash} is {@code sha-256:<hex>} over the canonical object without {@code hash}, and {@code prev} is the
 * previous entry's hash (64 zeros for the first). A checkpoint entry carries a JWS compact serialization (RFC 7515;
 * ES256, ES384, EdDSA or PS256 by the key type, with the {@code x5c} chain) over {@code {count, head, sealedAt}},
 * binding every entry before it. The log holds ids, digests and non-identifying attributes only, never threat
 * payloads, so it can be handed to an overseer.
 */
package org.fmishare.audit;

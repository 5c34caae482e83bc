/**
 * The durable outbox: every signed envelope is persisted before any network I/O, and its delivery state survives
 * crashes and restarts. {@link org.fmishare.delivery.outbox.OutboxStore} is the storage SPI;
 * {@link org.fmishare.delivery.outbox.FileJournalStore} (append-only journal with per-record CRC32C, group commit and
 * torn-tail recovery) and {@link org.fmishare.delivery.outbox.JdbcOutboxStore} are the shipped implementations.
 */
package org.fmishare.delivery.outbox;

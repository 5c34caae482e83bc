/**
 * Building blocks for the SDK's stores: {@link org.fmishare.core.store.ExpiringLog}, the crash-safe append-only
 * file of expiring records behind the replay cache ({@code FileReplayCache}) and the email receiver's
 * de-duplication ({@code FileEmailDedupeStore}); and {@link org.fmishare.core.store.JdbcTables}, the table-name
 * check, dialect detection, table creation from schema files and JDBC idioms behind the JDBC replay cache
 * ({@code JdbcReplayCache}), email de-duplication ({@code JdbcEmailDedupeStore}) and receipt store
 * ({@code JdbcReceiptStore}). Public so that every module's stores share one format and one implementation;
 * embedders normally use those stores rather than these classes.
 */
package org.fmishare.core.store;

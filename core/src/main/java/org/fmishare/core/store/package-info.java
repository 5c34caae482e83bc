/**
 * Building blocks for the SDK's file-backed stores: {@link org.fmishare.core.store.ExpiringLog}, the crash-safe
 * append-only file of expiring records behind the replay cache ({@code FileReplayCache}) and the email receiver's
 * de-duplication ({@code FileEmailDedupeStore}). Public so that every module's file stores share one format and one
 * implementation; embedders normally use those stores rather than this class.
 */
package org.fmishare.core.store;

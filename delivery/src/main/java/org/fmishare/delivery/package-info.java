/**
 * Delivery of signed envelopes: the {@link org.fmishare.delivery.Dispatcher} persists every envelope in a durable
 * outbox before any network I/O, retries with back-off, honours {@code Retry-After}, moves what cannot be delivered
 * to dead letters, and resumes after a restart. Transports plug in through core's {@code Transport} SPI; stores
 * through {@link org.fmishare.delivery.outbox.OutboxStore}.
 */
package org.fmishare.delivery;

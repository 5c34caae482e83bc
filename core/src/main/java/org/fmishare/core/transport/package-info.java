/**
 * Delivery: the {@link org.fmishare.core.transport.Transport} SPI every channel implements (HTTPS, email, TAXII),
 * its typed {@link org.fmishare.core.transport.DeliveryResult}, and the
 * {@code org.fmishare.delivery.Dispatcher} (delivery module), which delivers through a durable outbox with backoff, dead
 * letters and replay.
 */
package org.fmishare.core.transport;

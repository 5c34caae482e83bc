/**
 * Delivery: the {@link org.fmishare.core.transport.Transport} SPI every channel implements (HTTPS, email, TAXII),
 * its typed {@link org.fmishare.core.transport.DeliveryResult}, and the
 * {@link org.fmishare.delivery.Dispatcher}, which delivers through a durable outbox with backoff, dead
 * letters and replay.
 */
package org.fmishare.core.transport;

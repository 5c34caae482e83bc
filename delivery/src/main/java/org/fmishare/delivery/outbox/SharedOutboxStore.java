package org.fmishare.delivery.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An {@link OutboxStore} that several dispatcher instances (separate processes, usually on separate machines) can
 * share. Each due entry is leased by one instance at a time: {@link #lease} hands an entry to one caller until the
 * lease expires, and hands it to nobody else before then. An instance that dies keeps its leases until they expire;
 * then another instance takes the entries over.
 *
 * <p>Leases give at-least-once delivery, not exactly-once: an instance whose attempt outlives its lease (or that
 * dies after the receiver accepted the envelope but before {@link #markDelivered} was committed) leaves the entry to
 * be delivered once more by another instance. Receivers make that harmless by de-duplicating on the envelope id.
 * Instances compare lease expiries with their own clocks, so their clocks must agree to well within the lease time.
 */
public interface SharedOutboxStore extends OutboxStore {

    /**
     * Leases up to {@code max} QUEUED entries that are due at {@code now} and that no live lease holds, to
     * {@code owner} until {@code now + leaseTime}. Entries in states other than QUEUED are never leased; recording a
     * failure, a delivery or a dead letter ends the entry's lease.
     *
     * @param owner the instance taking the leases (a name unique among the instances sharing the store)
     * @param now the caller's current time
     * @param leaseTime how long the leases last; longer than any delivery attempt
     * @param max the most entries to lease, at least 1
     * @return the {@linkplain OutboxEntry#deliveryId() delivery ids} of the entries now leased to {@code owner}, due
     *     first
     * @throws OutboxException.StorageFailed if the store cannot be read or written
     */
    List<String> lease(String owner, Instant now, Duration leaseTime, int max);

    /**
     * Extends a lease {@code owner} still holds, so that a delivery attempt longer than the lease time is not taken
     * over while it is under way. A lease that expired and was taken by another instance, or an entry that is no
     * longer QUEUED, is left alone.
     *
     * @param deliveryId the leased entry's {@linkplain OutboxEntry#deliveryId() delivery id}
     * @param owner the instance holding the lease
     * @param now the caller's current time
     * @param leaseTime the new lease lasts until {@code now + leaseTime}
     * @return true if the lease was extended; false if {@code owner} no longer holds it
     * @throws OutboxException.StorageFailed if the store cannot be read or written
     */
    boolean renew(String deliveryId, String owner, Instant now, Duration leaseTime);
}

package org.fmishare.delivery.outbox;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Durable storage behind the outbox. Every mutating method returns only once the change is durable (on disk or
 * committed), so a crash after it returns cannot lose it. Implementations are thread-safe.
 *
 * <p>Two implementations ship: {@link FileJournalStore} (an append-only journal file, no server needed) and
 * {@link JdbcOutboxStore} (any JDBC database). Agencies may implement their own; the contract is checked by the
 * same tests.
 *
 * <p>Entries are keyed by their {@linkplain OutboxEntry#deliveryId() delivery id}, the envelope id together with
 * the destination: one envelope queued for several destinations is several entries, each with its own attempts,
 * state and receipt. The methods that change or look up one entry take its delivery id; {@link #deliveriesOf}
 * finds every delivery of an envelope.
 */
public interface OutboxStore extends AutoCloseable {

    /**
     * Persists a new entry. Enqueuing an envelope for a destination it is already stored for (in any state) changes
     * nothing, which is what makes the envelope id an idempotency key end to end; the same envelope for another
     * destination is a new, separate delivery.
     *
     * @param entry a {@link OutboxEntry#queued QUEUED} entry
     * @return true if it was added, false if its delivery id was already present
     */
    boolean enqueue(OutboxEntry entry);

    /**
     * Records a failed attempt; the entry stays QUEUED until {@code nextAttemptAt}.
     *
     * @param deliveryId the entry's {@linkplain OutboxEntry#deliveryId() delivery id}
     * @param attempts the number of failed attempts so far, including this one
     * @param nextAttemptAt when it may be tried again
     * @param error why it failed (no payload data)
     */
    void recordFailure(String deliveryId, int attempts, Instant nextAttemptAt, String error);

    /**
     * Marks an entry delivered. Terminal.
     *
     * @param deliveryId the entry's {@linkplain OutboxEntry#deliveryId() delivery id}
     * @param at when
     * @param receipt the receipt bytes (may be empty)
     */
    void markDelivered(String deliveryId, Instant at, byte[] receipt);

    /**
     * Moves an entry to the dead-letter state.
     *
     * @param deliveryId the entry's {@linkplain OutboxEntry#deliveryId() delivery id}
     * @param at when
     * @param reason why it was given up
     */
    void markDead(String deliveryId, Instant at, String reason);

    /**
     * Moves a DEAD entry back to QUEUED with its attempt count reset.
     *
     * @param deliveryId the entry's {@linkplain OutboxEntry#deliveryId() delivery id}
     * @param at when it becomes due
     * @throws OutboxException.IllegalTransition if the entry is not DEAD
     */
    void replay(String deliveryId, Instant at);

    /**
     * Looks an entry up.
     *
     * @param deliveryId the entry's {@linkplain OutboxEntry#deliveryId() delivery id}
     * @return the entry, if stored
     */
    Optional<OutboxEntry> find(String deliveryId);

    /**
     * Every delivery of an envelope, one per destination it was queued for, oldest first. The default reads
     * {@link #list} in every state; stores with an index on the envelope id override it.
     *
     * @param envelopeId the envelope id
     * @return an immutable snapshot, empty if the envelope is not in the outbox
     */
    default List<OutboxEntry> deliveriesOf(String envelopeId) {
        java.util.Objects.requireNonNull(envelopeId, "envelopeId");
        return Stream.of(OutboxState.values()).flatMap(s -> list(s).stream())
                .filter(e -> e.envelopeId().equals(envelopeId))
                .sorted(Comparator.comparing(OutboxEntry::enqueuedAt).thenComparing(OutboxEntry::destination))
                .toList();
    }

    /**
     * Entries in a state, oldest first.
     *
     * @param state the state
     * @return an immutable snapshot
     */
    List<OutboxEntry> list(OutboxState state);

    /** Releases files or connections. Idempotent. */
    @Override
    void close();
}

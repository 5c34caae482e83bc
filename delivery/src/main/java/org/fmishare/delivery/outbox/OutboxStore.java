package org.fmishare.delivery.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable storage behind the outbox. Every mutating method returns only once the change is durable (on disk or
 * committed), so a crash after it returns cannot lose it. Implementations are thread-safe.
 *
 * <p>Two implementations ship: {@link FileJournalStore} (an append-only journal file, no server needed) and
 * {@link JdbcOutboxStore} (any JDBC database). Agencies may implement their own; the contract is checked by the
 * same tests.
 */
public interface OutboxStore extends AutoCloseable {

    /**
     * Persists a new entry. Enqueuing an envelope id that is already stored (in any state) changes nothing, which is
     * what makes the envelope id an idempotency key end to end.
     *
     * @param entry a {@link OutboxEntry#queued QUEUED} entry
     * @return true if it was added, false if the id was already present
     */
    boolean enqueue(OutboxEntry entry);

    /**
     * Records a failed attempt; the entry stays QUEUED until {@code nextAttemptAt}.
     *
     * @param envelopeId the entry
     * @param attempts the number of failed attempts so far, including this one
     * @param nextAttemptAt when it may be tried again
     * @param error why it failed (no payload data)
     */
    void recordFailure(String envelopeId, int attempts, Instant nextAttemptAt, String error);

    /**
     * Marks an entry delivered. Terminal.
     *
     * @param envelopeId the entry
     * @param at when
     * @param receipt the receipt bytes (may be empty)
     */
    void markDelivered(String envelopeId, Instant at, byte[] receipt);

    /**
     * Moves an entry to the dead-letter state.
     *
     * @param envelopeId the entry
     * @param at when
     * @param reason why it was given up
     */
    void markDead(String envelopeId, Instant at, String reason);

    /**
     * Moves a DEAD entry back to QUEUED with its attempt count reset.
     *
     * @param envelopeId the entry
     * @param at when it becomes due
     * @throws OutboxException.IllegalTransition if the entry is not DEAD
     */
    void replay(String envelopeId, Instant at);

    /**
     * Looks an entry up.
     *
     * @param envelopeId the id
     * @return the entry, if stored
     */
    Optional<OutboxEntry> find(String envelopeId);

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

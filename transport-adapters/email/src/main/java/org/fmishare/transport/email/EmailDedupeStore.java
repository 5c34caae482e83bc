package org.fmishare.transport.email;

import java.time.Instant;
import java.util.Optional;
import org.fmishare.transport.email.internal.InMemoryDedupe;

/**
 * Where an {@link EmailReceiver} remembers the envelopes it received, so that a message delivered again (a sender's
 * retry, the same message fetched twice) is reported as a {@link ReceivedEmail#duplicate() duplicate} and not
 * processed a second time, and a different envelope reusing a known id is refused. A service-provider interface
 * passed to {@link EmailReceiver.Builder#dedupeStore}: the default ({@link #inMemory()}) forgets on restart; a
 * receiver that must recognise repeats across restarts uses a {@link FileEmailDedupeStore} (one machine), and several
 * receiver processes share a {@link JdbcEmailDedupeStore} (PostgreSQL).
 *
 * <p>An entry maps an envelope id to the digest of the envelope received under it ({@code sha-256} hex of the
 * attached envelope's bytes); entries may be dropped after their {@code forgetAfter}. Implementations are
 * thread-safe; {@link #record} returns only once the entry is stored (durably, for a persistent store) and is atomic:
 * of two receivers recording one envelope id at the same moment, exactly one is told it recorded it. When storage
 * fails they throw {@link EmailTransportException.StoreFailed}.
 */
public interface EmailDedupeStore {
    /**
     * Finds the envelope id recorded for an envelope digest.
     *
     * @param digest the digest of the attached envelope
     * @param now the receiver's current time
     * @return the envelope id, if an envelope with this digest was recorded and not yet forgotten
     */
    Optional<String> envelopeIdOf(String digest, Instant now);

    /**
     * Records that an envelope was received, unless its id is recorded already.
     *
     * @param envelopeId the envelope id
     * @param digest the digest of the envelope's bytes
     * @param forgetAfter from when the entry may be dropped
     * @param now the receiver's current time
     * @return empty when this call recorded the envelope; otherwise the digest recorded before under this id (the
     *     same digest: another receiver or thread recorded this envelope first; another digest: a different envelope
     *     came first under this id)
     */
    Optional<String> record(String envelopeId, String digest, Instant forgetAfter, Instant now);

    /** {@return a new store in memory, forgotten when the process ends (the receiver's default)} */
    static EmailDedupeStore inMemory() {
        return new InMemoryDedupe();
    }
}

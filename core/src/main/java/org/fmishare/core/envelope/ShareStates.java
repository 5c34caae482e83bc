package org.fmishare.core.envelope;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A receiver's record of the shares it accepted and the corrections and retractions that followed: the current state
 * of each share ({@link ShareState}). Receivers call {@link #record} with every verified share and amendment before
 * they answer it, so an amendment of a share the receiver never got (or got with another digest) is refused with a
 * typed error instead of being acknowledged.
 *
 * <p>Two implementations: {@link #inMemory()} and {@link #file(Path)} (append-only, one JSON line per change, forced
 * to disk before {@code record} returns). Implementations are thread-safe.
 */
public interface ShareStates {

    /**
     * Records a verified share or share amendment and returns the share's state after it. Receiving the same envelope
     * again changes nothing and returns the current state, so redelivery is harmless.
     *
     * @param envelope a verified {@link EnvelopeKind#THREAT_SHARE} or {@link EnvelopeKind#SHARE_AMENDMENT}
     * @return the share's state after the envelope
     * @throws EnvelopeException.Rejected with check {@code AMENDMENT_REFERENCE} when an amendment names a share
     *     envelope this store does not hold (unknown id, other digest, other sender or share), goes to another
     *     recipient, or amends a share already retracted
     * @throws IllegalArgumentException when the envelope carries neither a share nor an amendment
     * @throws EnvelopeException.ProcessingFailed when a durable store cannot write
     */
    ShareStatus record(VerifiedEnvelope envelope);

    /**
     * The state of one share.
     *
     * @param senderId the office that sent it
     * @param shareId the share id
     * @return its status, if the share was recorded
     */
    Optional<ShareStatus> find(String senderId, String shareId);

    /** {@return every share recorded, in the order first received} */
    List<ShareStatus> all();

    /** {@return a new, empty in-memory store} */
    static ShareStates inMemory() {
        return new InMemoryShareStates();
    }

    /**
     * Opens (or creates) a file-backed store.
     *
     * @param file the store's file; its directory must exist
     * @return the store
     * @throws EnvelopeException.ProcessingFailed when the file cannot be read or written, or a line other than a torn
     *     last line is not a status record
     */
    static ShareStates file(Path file) {
        return FileShareStates.open(file);
    }

    /**
     * Reads the shares a {@link #file(Path)} store holds, without opening it for writing, so a receiver may keep
     * writing it meanwhile (a torn last line, a change being written, is left out).
     *
     * @param file the store's file
     * @return every share recorded, in the order first received, each in its current state
     * @throws EnvelopeException.ProcessingFailed when the file cannot be read, or a line other than a torn last line
     *     is not a status record
     */
    static List<ShareStatus> read(Path file) {
        return FileShareStates.read(file);
    }
}

package org.fmishare.transport.https;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where an {@link EnvelopeReceiver} remembers the receipts it sent, so a repeated delivery of an envelope gets the
 * original receipt and does not reach the callback again. A service-provider interface: the default is a bounded
 * {@link InMemoryReceiptStore}; a receiver that must dedupe across restarts (or across several receiver processes)
 * passes a persistent or shared implementation, together with a persistent {@link
 * org.fmishare.core.envelope.ReplayCache} in its verifier.
 *
 * <p>Implementations are thread-safe; {@link #put} returns only once the receipt is stored (durably, for a
 * persistent store). Entries may be dropped after their {@link StoredReceipt#retainUntil()}.
 */
public interface ReceiptStore {
    /**
     * Finds the receipt for a request body.
     *
     * @param requestKey the body's dedupe key
     * @param now the receiver's current time
     * @return the receipt, if one is remembered
     */
    Optional<StoredReceipt> findByKey(String requestKey, Instant now);

    /**
     * Finds the receipt for an envelope id.
     *
     * @param envelopeId the envelope id
     * @param now the receiver's current time
     * @return the receipt, if one is remembered
     */
    Optional<StoredReceipt> findByEnvelopeId(String envelopeId, Instant now);

    /**
     * Remembers a receipt. A second receipt for the same envelope id or key keeps the first.
     *
     * @param receipt the receipt
     * @param now the receiver's current time
     * @return the receipt now stored for that envelope: {@code receipt}, or the earlier one
     */
    StoredReceipt put(StoredReceipt receipt, Instant now);

    /**
     * Runs the work of answering one request body while no other receiver sharing this store answers the same body.
     * The receiver calls it around "look for a receipt, otherwise verify, call back and store the receipt", so two
     * receiver processes sharing one store given the same envelope at the same moment call back once and answer the
     * same receipt. A store used by one process needs nothing more than the receiver's own in-process guard, which
     * is what this default does (it just runs the work).
     *
     * @param <T> the work's result
     * @param requestKey the body's dedupe key
     * @param work what to run
     * @return the work's result
     */
    default <T> T exclusively(String requestKey, Supplier<T> work) {
        return work.get();
    }
}

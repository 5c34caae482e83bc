package org.fmishare.transport.https;

import org.fmishare.core.envelope.VerifiedEnvelope;

/**
 * The embedder's callback for received envelopes. {@link EnvelopeReceiver} calls it only with envelopes that passed
 * verification, at most once per envelope id while the envelope's receipt is remembered by the {@link ReceiptStore},
 * and acknowledges the envelope only after it returned normally.
 *
 * <p>If it throws, the sender is answered 500 (retryable) and the envelope is kept verified in memory: the retry is
 * handed to the callback again without re-verification (which the replay cache would refuse). Make it idempotent on
 * {@link VerifiedEnvelope#envelopeId()} if it may fail after a side effect. It may be called concurrently for
 * different envelopes.
 */
@FunctionalInterface
public interface EnvelopeConsumer {
    /**
     * Takes a verified envelope.
     *
     * @param envelope the verified envelope
     */
    void accept(VerifiedEnvelope envelope);
}

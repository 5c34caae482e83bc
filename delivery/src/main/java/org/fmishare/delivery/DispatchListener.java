package org.fmishare.delivery;

import org.fmishare.core.transport.DeliveryResult;
import java.time.Instant;

/**
 * Progress callbacks from the {@link Dispatcher}, for metrics and audit. Called on dispatcher threads; must be
 * quick and must not throw (exceptions are caught and logged, never propagated). Envelope ids only, no payloads.
 */
public interface DispatchListener {
    /** The envelope is durably queued. @param envelopeId the envelope */
    default void queued(String envelopeId) {}

    /** An attempt starts. @param envelopeId the envelope @param attempt 1 for the first */
    default void attempting(String envelopeId, int attempt) {}

    /**
     * An attempt failed and will be retried.
     *
     * @param envelopeId the envelope
     * @param attempt the failed attempt's number
     * @param nextAttemptAt when the next one starts
     * @param reason why it failed
     */
    default void retrying(String envelopeId, int attempt, Instant nextAttemptAt, String reason) {}

    /** The envelope was delivered. @param envelopeId the envelope @param result the transport's result */
    default void delivered(String envelopeId, DeliveryResult.Delivered result) {}

    /** The envelope was moved to the dead letters. @param envelopeId the envelope @param reason why */
    default void dead(String envelopeId, String reason) {}
}

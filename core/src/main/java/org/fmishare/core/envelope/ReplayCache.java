package org.fmishare.core.envelope;

import java.time.Instant;

/**
 * Remembers envelope nonces so that a verifier accepts each envelope once. This is a service-provider interface:
 * pass an implementation to {@link EnvelopeVerifier.Builder#replayCache(ReplayCache)}; the default is a bounded
 * {@link InMemoryReplayCache} per verifier, forgotten when the process ends. A receiver that must refuse replays
 * across restarts uses a {@link FileReplayCache} (one machine); several verifiers or receiver processes that must
 * reject each other's replays share a {@link JdbcReplayCache} (PostgreSQL).
 *
 * <p>Implementations must be thread-safe and make {@link #firstUse} atomic. A verifier calls it only after every
 * other check passed, so unauthenticated input cannot fill the cache. When an implementation cannot decide (storage
 * down, capacity exhausted) it throws; the verifier then rejects the envelope ({@link
 * EnvelopeException.ProcessingFailed}): it fails closed.
 */
public interface ReplayCache {
    /**
     * Records a nonce unless it is already recorded.
     *
     * @param nonce the envelope's nonce (unpadded base64url of 16 random bytes)
     * @param now the verifier's current time, for purging expired entries
     * @param retainUntil until when the nonce must be remembered (the envelope's expiry plus clock skew); after that
     *     the verifier rejects the envelope as expired anyway
     * @return true when the nonce was not recorded before and now is; false when it was seen before
     */
    boolean firstUse(String nonce, Instant now, Instant retainUntil);

}

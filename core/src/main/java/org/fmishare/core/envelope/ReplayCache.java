package org.fmishare.core.envelope;

import java.time.Instant;

/**
 * Remembers envelope nonces, each with the digest of the envelope that carried it, so that a verifier accepts each
 * nonce for one envelope only. This is a service-provider interface: pass an implementation to {@link
 * EnvelopeVerifier.Builder#replayCache(ReplayCache)}; the default is a bounded {@link InMemoryReplayCache} per
 * verifier, forgotten when the process ends. A receiver that must refuse replays across restarts uses a {@link
 * FileReplayCache} (one machine); several verifiers or receiver processes that must reject each other's replays share
 * a {@link JdbcReplayCache} (PostgreSQL).
 *
 * <p>Why the digest: a nonce is recorded when an envelope is verified, before the receiver has stored its outcome
 * (a receipt). If the receiver crashes in between, or its callback fails, the sender's retry carries the identical
 * envelope; knowing the digest, the cache tells that repeat ({@link Use#SAME_ENVELOPE}) from an attack reusing the
 * nonce in other content ({@link Use#REUSED}), and only the latter is refused as a replay. Whether a repeat was
 * already processed is for the receiver's own store of outcomes to say.
 *
 * <p>Implementations must be thread-safe and make {@link #recordUse} atomic. A verifier calls it only after every
 * other check passed, so unauthenticated input cannot fill the cache. When an implementation cannot decide (storage
 * down, capacity exhausted) it throws; the verifier then rejects the envelope ({@link
 * EnvelopeException.ProcessingFailed}): it fails closed.
 */
public interface ReplayCache {
    /** What a nonce had been used for when {@link #recordUse} was asked about it. */
    enum Use {
        /** Not recorded before; it is now, with the given digest. */
        FIRST_USE,
        /** Recorded before with the same envelope digest: the identical signed content came again. */
        SAME_ENVELOPE,
        /**
         * Recorded before for another envelope, or for an envelope whose digest the cache does not know (a record
         * from before digests were kept): a replay.
         */
        REUSED
    }

    /**
     * Records a nonce with the digest of its envelope unless the nonce is already recorded, and says which was the
     * case.
     *
     * @param nonce the envelope's nonce (unpadded base64url of 16 random bytes)
     * @param digest the envelope's digest ({@link VerifiedEnvelope#digest()}: SHA-256 over the JWS signing input)
     * @param now the verifier's current time, for purging expired entries
     * @param retainUntil until when the nonce must be remembered (the envelope's expiry plus clock skew); after that
     *     the verifier rejects the envelope as expired anyway
     * @return {@link Use#FIRST_USE} when the nonce was not recorded before and now is; otherwise whether the earlier
     *     record has this digest ({@link Use#SAME_ENVELOPE}) or not ({@link Use#REUSED}); the earlier record is kept
     */
    Use recordUse(String nonce, String digest, Instant now, Instant retainUntil);
}

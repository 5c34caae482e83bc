package org.fmishare.testkit;

import java.security.SecureRandom;

/**
 * A {@link SecureRandom} for an {@code EnvelopeSigner} that signs envelopes which all carry one given nonce (and each
 * its own fresh envelope id): what a replayed or forged nonce looks like to a receiver. The signer draws an envelope
 * nonce as one 16-byte request; every request of that size gets the given bytes, every other request fresh random
 * bytes. Test use only.
 */
public final class RepeatingNonceRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    /** The size of an envelope nonce in bytes. */
    public static final int NONCE_BYTES = 16;

    private final byte[] nonce;

    /**
     * Creates the generator.
     *
     * @param nonce the nonce every envelope gets, {@value #NONCE_BYTES} bytes
     */
    public RepeatingNonceRandom(byte[] nonce) {
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("nonce must be " + NONCE_BYTES + " bytes, was " + nonce.length);
        }
        this.nonce = nonce.clone();
    }

    /** {@return a generator for a nonce drawn at random now} */
    public static RepeatingNonceRandom withRandomNonce() {
        byte[] n = new byte[NONCE_BYTES];
        new SecureRandom().nextBytes(n);
        return new RepeatingNonceRandom(n);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        if (bytes.length == NONCE_BYTES) {
            System.arraycopy(nonce, 0, bytes, 0, NONCE_BYTES);
        } else {
            super.nextBytes(bytes);
        }
    }
}

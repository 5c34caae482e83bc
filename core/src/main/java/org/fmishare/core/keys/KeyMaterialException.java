package org.fmishare.core.keys;

import org.fmishare.core.FmiShareException;

/**
 * Key or certificate material could not be loaded or does not fit together: an unreadable PKCS#12 file, a wrong
 * password, a PEM block of the wrong kind, a private key that does not match its certificate. The message names the
 * source and the problem, never key material. Always an input rejection: the supplied material is at fault.
 */
public final class KeyMaterialException extends FmiShareException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was rejected and why
     * @param cause the underlying failure, or null
     */
    public KeyMaterialException(String message, Throwable cause) {
        super(Kind.INPUT_REJECTED, message, cause);
    }
}

package org.fmishare.spring;

import org.fmishare.core.FmiShareException;

/**
 * A configured file or value could not be used at start-up: the message names the property, the file and the reason
 * (a missing file, a wrong password, a certificate that is not PEM, an endpoint without its consumer bean). The
 * application's configuration is at fault, so it is an input rejection.
 */
public final class FmiShareConfigurationException extends FmiShareException {
    private static final long serialVersionUID = 1L;

    private final String property;

    /**
     * Creates the exception.
     *
     * @param property the property at fault, such as {@code fmishare.keys.pkcs12}
     * @param message what is wrong with it
     * @param cause the underlying failure, or null
     */
    public FmiShareConfigurationException(String property, String message, Throwable cause) {
        super(Kind.INPUT_REJECTED, property + ": " + message, cause);
        this.property = property;
    }

    /** {@return the property at fault, such as {@code fmishare.keys.pkcs12}} */
    public String property() {
        return property;
    }
}

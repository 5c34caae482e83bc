package org.fmishare.core.transport;

import org.fmishare.core.FmiShareException;

/**
 * Misuse of the dispatcher or a transport's configuration (no transport for a scheme, closed dispatcher, ...).
 * Delivery outcomes are never thrown: transports report them as a {@link DeliveryResult}.
 */
public final class TransportException extends FmiShareException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param kind {@link FmiShareException.Kind#INPUT_REJECTED} when the caller's input (a destination) is at
     *     fault, else {@link FmiShareException.Kind#PROCESSING_FAILED}
     * @param message what is wrong
     */
    public TransportException(Kind kind, String message) {
        super(kind, message);
    }
}

package org.fmishare.transport.https;

import org.fmishare.core.FmiShareException;

/**
 * Root of the exceptions the HTTPS transport module throws: refused configuration or destinations, and servers that
 * cannot start. Delivery outcomes are never thrown; {@link HttpsTransport#deliver} reports them as a
 * {@link org.fmishare.core.transport.DeliveryResult}, and the receiver reports rejected envelopes in its
 * {@link ReceiverResponse}. {@link #retryable()} is true only for {@link ReceiveFailed}, where the sender is told to
 * try again.
 */
public abstract sealed class HttpsTransportException extends FmiShareException
        permits HttpsTransportException.InvalidConfiguration, HttpsTransportException.DestinationRefused,
        HttpsTransportException.ServerFailure, HttpsTransportException.EnvelopeRefused,
        HttpsTransportException.ReceiveFailed {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    HttpsTransportException(Kind kind, String message, Throwable cause) {
        this(kind, false, message, cause);
    }

    private HttpsTransportException(Kind kind, boolean retryable, String message, Throwable cause) {
        super(kind, message, cause);
        this.retryable = retryable;
    }

    /** {@return whether a later attempt, without a change of input or configuration, may succeed} */
    public final boolean retryable() {
        return retryable;
    }

    /** TLS material or settings that cannot be used (unreadable key store, no usable protocol, unsafe JVM flag). */
    public static final class InvalidConfiguration extends HttpsTransportException {
        private static final long serialVersionUID = 1L;

        InvalidConfiguration(String message, Throwable cause) {
            super(Kind.INPUT_REJECTED, message, cause);
        }
    }

    /**
     * A destination this transport will not send to: a scheme other than https (or http to a loopback address when
     * allowed), credentials in the URI, or no host.
     */
    public static final class DestinationRefused extends HttpsTransportException {
        private static final long serialVersionUID = 1L;

        DestinationRefused(String message) {
            super(Kind.INPUT_REJECTED, message, null);
        }
    }

    /** The receiver server could not bind or start. */
    public static final class ServerFailure extends HttpsTransportException {
        private static final long serialVersionUID = 1L;

        ServerFailure(String message, Throwable cause) {
            super(Kind.PROCESSING_FAILED, message, cause);
        }
    }

    /**
     * A receiver refused a verified envelope: addressed to another company, or its id was already accepted with
     * other content. Reported in {@link ReceiverResponse#failure()}, never thrown to the sender.
     */
    public static final class EnvelopeRefused extends HttpsTransportException {
        private static final long serialVersionUID = 1L;

        EnvelopeRefused(String message) {
            super(Kind.INPUT_REJECTED, message, null);
        }
    }

    /**
     * A receiver could not finish accepting an envelope: the callback threw, the receipt could not be signed or
     * stored, or the body could not be read. The sender is told to retry. Reported in {@link
     * ReceiverResponse#failure()}.
     */
    public static final class ReceiveFailed extends HttpsTransportException {
        private static final long serialVersionUID = 1L;

        ReceiveFailed(String message, Throwable cause) {
            super(Kind.PROCESSING_FAILED, true, message, cause);
        }
    }
}

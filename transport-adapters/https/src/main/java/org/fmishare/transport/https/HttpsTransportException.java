package org.fmishare.transport.https;

import org.fmishare.core.FmiShareException;

/**
 * Root of the exceptions the HTTPS transport module throws: refused configuration or destinations, and servers that
 * cannot start. Delivery outcomes are never thrown; {@link HttpsTransport#deliver} reports them as a
 * {@link org.fmishare.core.transport.DeliveryResult}, and the receiver reports rejected envelopes in its
 * {@link ReceiverResponse}.
 */
public abstract sealed class HttpsTransportException extends FmiShareException
        permits HttpsTransportException.InvalidConfiguration, HttpsTransportException.DestinationRefused,
        HttpsTransportException.ServerFailure, HttpsTransportException.EnvelopeRefused,
        HttpsTransportException.ReceiveFailed {
    private static final long serialVersionUID = 1L;

    HttpsTransportException(String message, Throwable cause) {
        super(message, cause);
    }

    /** TLS material or settings that cannot be used (unreadable key store, no usable protocol, unsafe JVM flag). */
    public static final class InvalidConfiguration extends HttpsTransportException {
        private static final long serialVersionUID = 1L;

        InvalidConfiguration(String message, Throwable cause) {
            super(message, cause);
        }

        /** {@return true: the supplied configuration was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /**
     * A destination this transport will not send to: a scheme other than https (or http to a loopback address when
     * allowed), credentials in the URI, or no host.
     */
    public static final class DestinationRefused extends HttpsTransportException {
        private static final long serialVersionUID = 1L;

        DestinationRefused(String message) {
            super(message, null);
        }

        /** {@return true: the destination was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
        }
    }

    /** The receiver server could not bind or start. */
    public static final class ServerFailure extends HttpsTransportException {
        private static final long serialVersionUID = 1L;

        ServerFailure(String message, Throwable cause) {
            super(message, cause);
        }

        /** {@return false: the environment failed} */
        @Override
        public boolean isInputRejection() {
            return false;
        }
    }

    /**
     * A receiver refused a verified envelope: addressed to another company, or its id was already accepted with
     * other content. Reported in {@link ReceiverResponse#failure()}, never thrown to the sender.
     */
    public static final class EnvelopeRefused extends HttpsTransportException {
        private static final long serialVersionUID = 1L;

        EnvelopeRefused(String message) {
            super(message, null);
        }

        /** {@return true: the envelope was rejected} */
        @Override
        public boolean isInputRejection() {
            return true;
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
            super(message, cause);
        }

        /** {@return false: the receiving side failed} */
        @Override
        public boolean isInputRejection() {
            return false;
        }
    }
}

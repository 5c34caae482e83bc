package org.fmishare.transport.email;

import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.FmiShareException;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.disclosure.DisclosureReport;

/**
 * Root of the email transport's failures. Each subtype names one failure; {@link #isInputRejection()} separates
 * rejected input (a header that could inject, a bad signature, a malformed message) from failures of the mail
 * system or of this process (connection, TLS, authentication, signing), and {@link #retryable()} tells whether a
 * later attempt may succeed (some {@link DeliveryFailed} reasons and {@link StoreFailed}; never an input rejection).
 *
 * <p>Messages are detailed for the caller's logs. Do not return them to a remote sender: they say which check
 * failed.
 */
public abstract sealed class EmailTransportException extends FmiShareException
        permits EmailTransportException.HeaderRejected, EmailTransportException.MessageMalformed,
        EmailTransportException.SmimeVerificationFailed, EmailTransportException.DecryptionFailed,
        EmailTransportException.EnvelopeRejected, EmailTransportException.DisclosuresRejected,
        EmailTransportException.BodyUnavailable, EmailTransportException.DeliveryFailed,
        EmailTransportException.SmimeFailed, EmailTransportException.SignerMismatch,
        EmailTransportException.BodyMismatch, EmailTransportException.StoreFailed {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    EmailTransportException(Kind kind, String message, Throwable cause) {
        this(kind, false, message, cause);
    }

    private EmailTransportException(Kind kind, boolean retryable, String message, Throwable cause) {
        super(kind, message, cause);
        this.retryable = retryable;
    }

    /** {@return whether a later attempt, without a change of input or configuration, may succeed} */
    public final boolean retryable() {
        return retryable;
    }

    /**
     * A header value (address, subject, {@code mailto:} URI) could add headers or recipients, or breaks the rules
     * of RFC 5321/5322 this transport enforces. Nothing was sent.
     */
    public static final class HeaderRejected extends EmailTransportException {
        private static final long serialVersionUID = 1L;
        private final String field;

        /**
         * Creates the exception.
         *
         * @param field the header or input field, for example {@code to}, {@code subject}, {@code mailto}
         * @param rule the rule it broke (never the raw value, which may contain control characters)
         */
        public HeaderRejected(String field, String rule) {
            super(Kind.INPUT_REJECTED, Objects.requireNonNull(field, "field") + ": "
                    + Objects.requireNonNull(rule, "rule"), null);
            this.field = field;
        }

        /** {@return the rejected field} */
        public String field() {
            return field;
        }
    }

    /** A received message is not a well-formed fmi-share message (structure, size, content types). */
    public static final class MessageMalformed extends EmailTransportException {
        private static final long serialVersionUID = 1L;

        /** @param message what is wrong */
        public MessageMalformed(String message) {
            super(Kind.INPUT_REJECTED, message, null);
        }

        /** @param message what is wrong @param cause the parser's failure */
        public MessageMalformed(String message, Throwable cause) {
            super(Kind.INPUT_REJECTED, message, cause);
        }
    }

    /**
     * A received message's S/MIME signature is missing, does not verify, uses an algorithm outside the allow-list,
     * or its signer's certificate does not chain to a configured trust anchor.
     */
    public static final class SmimeVerificationFailed extends EmailTransportException {
        private static final long serialVersionUID = 1L;

        /** @param message which check failed */
        public SmimeVerificationFailed(String message) {
            super(Kind.INPUT_REJECTED, message, null);
        }

        /** @param message which check failed @param cause the underlying failure */
        public SmimeVerificationFailed(String message, Throwable cause) {
            super(Kind.INPUT_REJECTED, message, cause);
        }
    }

    /** A received S/MIME-encrypted message cannot be decrypted with this receiver's key, or encryption was required. */
    public static final class DecryptionFailed extends EmailTransportException {
        private static final long serialVersionUID = 1L;

        /** @param message what failed */
        public DecryptionFailed(String message) {
            super(Kind.INPUT_REJECTED, message, null);
        }

        /** @param message what failed @param cause the underlying failure */
        public DecryptionFailed(String message, Throwable cause) {
            super(Kind.INPUT_REJECTED, message, cause);
        }
    }

    /** The attached signed envelope failed {@link org.fmishare.core.envelope.EnvelopeVerifier}; see the cause. */
    public static final class EnvelopeRejected extends EmailTransportException {
        private static final long serialVersionUID = 1L;
        private final EnvelopeException envelopeFailure;

        /** @param cause the verifier's failure */
        public EnvelopeRejected(EnvelopeException cause) {
            super(cause.kind(), "attached envelope rejected: " + cause.getMessage(), cause);
            this.envelopeFailure = cause;
        }

        /** {@return the verifier's typed failure, naming the check} */
        public EnvelopeException envelopeFailure() {
            return envelopeFailure;
        }
    }

    /**
     * A mandatory disclosure clause is missing or altered in a received message's text or HTML body, or in the
     * envelope's machine-readable disclosures.
     */
    public static final class DisclosuresRejected extends EmailTransportException {
        private static final long serialVersionUID = 1L;
        private final String part;
        private final transient DisclosureReport report;

        /**
         * Creates the exception.
         *
         * @param part which part failed: {@code text/plain}, {@code text/html} or {@code envelope}
         * @param report the disclosure verifier's report
         */
        public DisclosuresRejected(String part, DisclosureReport report) {
            super(Kind.INPUT_REJECTED, part + " lacks mandatory disclosure(s): " + report.problems().stream()
                    .map(p -> p.id() + " v" + p.version() + " " + p.state()).toList(), null);
            this.part = part;
            this.report = report;
        }

        /** {@return the failing part} */
        public String part() {
            return part;
        }

        /** {@return the report, when still attached (not after Java serialization)} */
        public Optional<DisclosureReport> report() {
            return Optional.ofNullable(report);
        }
    }

    /**
     * The human-readable body cannot be produced for an outbound envelope (for example a JWE-encrypted envelope the
     * body renderer cannot read, or an envelope that does not verify against the sender's own trust anchor).
     */
    public static final class BodyUnavailable extends EmailTransportException {
        private static final long serialVersionUID = 1L;

        /** @param message why @param cause the underlying failure, if any */
        public BodyUnavailable(String message, Throwable cause) {
            super(Kind.INPUT_REJECTED, message, cause);
        }
    }

    /** The mail system did not take the message: connection, TLS, authentication, or an SMTP reply. */
    public static final class DeliveryFailed extends EmailTransportException {
        private static final long serialVersionUID = 1L;
        private final Reason reason;
        private final int smtpCode;

        /** Why delivery failed. */
        public enum Reason {
            /** No connection, or it broke or timed out: retryable. */
            CONNECTION(true),
            /** TLS could not be established: STARTTLS not offered, handshake failed, certificate not trusted. */
            TLS(false),
            /** The server refused the credentials. */
            AUTHENTICATION(false),
            /** An SMTP 4xx reply: try again later. */
            TRANSIENT_REPLY(true),
            /** An SMTP 5xx reply: retrying will not help. */
            PERMANENT_REPLY(false);

            private final boolean retryable;

            Reason(boolean retryable) {
                this.retryable = retryable;
            }

            /** {@return whether a later attempt may succeed without a change of configuration} */
            public boolean retryable() {
                return retryable;
            }
        }

        /**
         * Creates the exception.
         *
         * @param reason the category
         * @param smtpCode the SMTP reply code, or 0 when there was none
         * @param message what happened, with the server's reply text when it gave one
         * @param cause the mail library's exception
         */
        public DeliveryFailed(Reason reason, int smtpCode, String message, Throwable cause) {
            super(Kind.PROCESSING_FAILED, Objects.requireNonNull(reason, "reason").retryable(), message, cause);
            this.reason = reason;
            this.smtpCode = smtpCode;
        }

        /** {@return the category} */
        public Reason reason() {
            return reason;
        }

        /** {@return the SMTP reply code, if the server sent one} */
        public Optional<Integer> smtpCode() {
            return smtpCode == 0 ? Optional.empty() : Optional.of(smtpCode);
        }
    }

    /** Building, signing or encrypting the S/MIME message failed in this process. */
    public static final class SmimeFailed extends EmailTransportException {
        private static final long serialVersionUID = 1L;

        /** @param message what failed @param cause the underlying failure */
        public SmimeFailed(String message, Throwable cause) {
            super(Kind.PROCESSING_FAILED, message, cause);
        }
    }

    /**
     * A received message's S/MIME signer is not the envelope's signer certificate and is not bound to the envelope's
     * sender by the receiver's sender directory: the mail was signed by someone other than the party the envelope
     * speaks for (for example a company's key signing mail that carries an office's envelope).
     */
    public static final class SignerMismatch extends EmailTransportException {
        private static final long serialVersionUID = 1L;

        /** @param message which certificates disagree */
        public SignerMismatch(String message) {
            super(Kind.INPUT_REJECTED, message, null);
        }
    }

    /**
     * A received message's readable text (or HTML) is not the text rendered from its verified envelope: whatever
     * the mail says beyond what was signed is refused rather than shown to a reader.
     */
    public static final class BodyMismatch extends EmailTransportException {
        private static final long serialVersionUID = 1L;
        private final String part;

        /** @param part {@code text/plain} or {@code text/html} @param message where the texts first differ */
        public BodyMismatch(String part, String message) {
            super(Kind.INPUT_REJECTED, part + " body is not the text rendered from the verified envelope: " + message,
                    null);
            this.part = part;
        }

        /** {@return the MIME part that differs: {@code text/plain} or {@code text/html}} */
        public String part() {
            return part;
        }
    }

    /**
     * The receiver's {@link EmailDedupeStore} could not be read or written (file or database unavailable). The
     * message was not judged received: fetch it again later. Retryable.
     */
    public static final class StoreFailed extends EmailTransportException {
        private static final long serialVersionUID = 1L;

        /** @param message what could not be read or written, and where @param cause the underlying failure */
        public StoreFailed(String message, Throwable cause) {
            super(Kind.PROCESSING_FAILED, true, message, cause);
        }
    }
}

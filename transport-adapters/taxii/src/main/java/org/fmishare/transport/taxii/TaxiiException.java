package org.fmishare.transport.taxii;

import org.fmishare.core.transport.RetryPolicy;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.FmiShareException;

/**
 * Root of every failure of the TAXII transport and the STIX mapping.
 *
 * <p>Subtypes say what failed: the server answered with an HTTP error ({@link HttpError}, with the fields of the
 * TAXII error message, and its refinements {@link AuthenticationFailed} and {@link MediaTypeRejected}), the
 * connection or TLS handshake failed ({@link ConnectionFailed}), the server's answer broke the specification
 * ({@link ProtocolViolation}), a status resource did not complete in time ({@link StatusTimeout}), the collection
 * does not permit the operation ({@link NotPermitted}), an object cannot be sent within the server's size limit
 * ({@link ContentTooLarge}), or an endpoint is not allowed ({@link InsecureEndpoint}). STIX mapping failures are
 * a family of their own, {@link org.fmishare.transport.taxii.stix.StixMappingException}.
 *
 * <p>{@link #retryable()} tells a transport whether a later attempt may succeed: a connection failure, a protocol
 * violation, a status timeout, and HTTP 408, 429 and 5xx are retryable; input rejections never are.
 *
 * <p>Messages never contain credentials or object content.
 */
public abstract sealed class TaxiiException extends FmiShareException
        permits TaxiiException.HttpError, TaxiiException.ConnectionFailed, TaxiiException.ProtocolViolation,
        TaxiiException.StatusTimeout, TaxiiException.NotPermitted, TaxiiException.ContentTooLarge,
        TaxiiException.InsecureEndpoint {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    private TaxiiException(Kind kind, boolean retryable, String message, Throwable cause) {
        super(kind, message, cause);
        this.retryable = retryable;
    }

    /** {@return whether a later attempt, without a change of input or configuration, may succeed} */
    public final boolean retryable() {
        return retryable;
    }

    // The SDK's one retryable-status rule: 408, 429 and 5xx say "not now" rather than "not this".
    private static boolean serverSide(int status) {
        return RetryPolicy.isRetryableStatus(status);
    }

    // Only a 4xx refusal judges the request; a redirect this client does not follow is a processing failure.
    private static Kind httpKind(int status) {
        return status >= 400 && status < 500 && !serverSide(status) ? Kind.INPUT_REJECTED : Kind.PROCESSING_FAILED;
    }

    /**
     * The server answered with an HTTP error status; the TAXII error message fields are exposed when the body
     * carried one (servers that send {@code application/json} instead of the TAXII type are read leniently).
     * A 4xx status (other than 408 and 429) rejects the request; 5xx, 408 and 429 are the server's side and
     * retryable; any other status (an unfollowed redirect) is a processing failure that is not retried.
     */
    public static sealed class HttpError extends TaxiiException
            permits TaxiiException.AuthenticationFailed, TaxiiException.MediaTypeRejected {
        private static final long serialVersionUID = 1L;
        private final URI uri;
        private final int status;
        private final String title;
        private final String description;
        private final String errorId;
        private final String errorCode;

        /**
         * Creates the error.
         *
         * @param uri the requested URI
         * @param status the HTTP status
         * @param title the error message's {@code title}, or a generic one when the body had none
         * @param description the {@code description}, may be null
         * @param errorId the {@code error_id}, may be null
         * @param errorCode the {@code error_code}, may be null
         */
        public HttpError(URI uri, int status, String title, String description, String errorId, String errorCode) {
            super(httpKind(status), serverSide(status),
                    "TAXII server answered " + status + " to " + Objects.requireNonNull(uri, "uri") + ": "
                    + Objects.requireNonNull(title, "title")
                    + (description == null ? "" : " (" + description + ")")
                    + (errorId == null ? "" : " [error_id " + errorId + "]"), null);
            this.uri = uri;
            this.status = status;
            this.title = title;
            this.description = description;
            this.errorId = errorId;
            this.errorCode = errorCode;
        }

        /** {@return the requested URI} */
        public URI uri() {
            return uri;
        }

        /** {@return the HTTP status code} */
        public int status() {
            return status;
        }

        /** {@return the TAXII error message title (or a generic title when the server sent none)} */
        public String title() {
            return title;
        }

        /** {@return the TAXII error message description, when present} */
        public Optional<String> description() {
            return Optional.ofNullable(description);
        }

        /** {@return the TAXII error message {@code error_id}, when present} */
        public Optional<String> errorId() {
            return Optional.ofNullable(errorId);
        }

        /** {@return the TAXII error message {@code error_code}, when present} */
        public Optional<String> errorCode() {
            return Optional.ofNullable(errorCode);
        }
    }

    /** HTTP 401: credentials missing or refused (the message never repeats them). */
    public static final class AuthenticationFailed extends HttpError {
        private static final long serialVersionUID = 1L;

        /**
         * @param uri the requested URI
         * @param title the error title
         * @param description the description, may be null
         * @param errorId the error id, may be null
         * @param errorCode the error code, may be null
         */
        public AuthenticationFailed(URI uri, String title, String description, String errorId, String errorCode) {
            super(uri, 401, title, description, errorId, errorCode);
        }
    }

    /** HTTP 406 or 415: the server refused the media type this client asked for or sent. */
    public static final class MediaTypeRejected extends HttpError {
        private static final long serialVersionUID = 1L;

        /**
         * @param uri the requested URI
         * @param status 406 or 415
         * @param title the error title
         * @param description the description, may be null
         * @param errorId the error id, may be null
         * @param errorCode the error code, may be null
         */
        public MediaTypeRejected(URI uri, int status, String title, String description, String errorId,
                String errorCode) {
            super(uri, status, title, description, errorId, errorCode);
        }
    }

    /** The connection, TLS handshake (for example a refused client certificate) or I/O failed. */
    public static final class ConnectionFailed extends TaxiiException {
        private static final long serialVersionUID = 1L;

        /**
         * @param message what was attempted
         * @param cause the I/O failure
         */
        public ConnectionFailed(String message, Throwable cause) {
            super(Kind.PROCESSING_FAILED, true, message, cause);
        }
    }

    /** The server's answer does not follow TAXII 2.1 (wrong media type, malformed JSON, inconsistent counts). */
    public static final class ProtocolViolation extends TaxiiException {
        private static final long serialVersionUID = 1L;

        /** @param message what was wrong, with the URI and JSON path */
        public ProtocolViolation(String message) {
            super(Kind.PROCESSING_FAILED, true, message, null);
        }

        /**
         * @param message what was wrong
         * @param cause the parse failure
         */
        public ProtocolViolation(String message, Throwable cause) {
            super(Kind.PROCESSING_FAILED, true, message, cause);
        }
    }

    /** A status resource was still pending when the polling timeout ran out. */
    public static final class StatusTimeout extends TaxiiException {
        private static final long serialVersionUID = 1L;
        private final transient TaxiiStatus lastStatus;

        /**
         * @param message what timed out
         * @param lastStatus the last status seen
         */
        public StatusTimeout(String message, TaxiiStatus lastStatus) {
            super(Kind.PROCESSING_FAILED, true, message, null);
            this.lastStatus = Objects.requireNonNull(lastStatus, "lastStatus");
        }

        /** {@return the last status resource seen before giving up} */
        public TaxiiStatus lastStatus() {
            return lastStatus;
        }
    }

    /** The collection's {@code can_read} or {@code can_write} forbids the operation; nothing was sent. */
    public static final class NotPermitted extends TaxiiException {
        private static final long serialVersionUID = 1L;

        /** @param message which collection and operation */
        public NotPermitted(String message) {
            super(Kind.INPUT_REJECTED, false, message, null);
        }
    }

    /** A single object is larger than the API root's {@code max_content_length}; nothing was sent. */
    public static final class ContentTooLarge extends TaxiiException {
        private static final long serialVersionUID = 1L;

        /** @param message which object and the limit */
        public ContentTooLarge(String message) {
            super(Kind.INPUT_REJECTED, false, message, null);
        }
    }

    /**
     * An endpoint the client will not contact: plain {@code http} to a host that is not a loopback address, or a
     * scheme other than http(s).
     */
    public static final class InsecureEndpoint extends TaxiiException {
        private static final long serialVersionUID = 1L;

        /** @param message the URI and the rule */
        public InsecureEndpoint(String message) {
            super(Kind.INPUT_REJECTED, false, message, null);
        }
    }
}

package org.fmishare.transport.https;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.FmiShareException;
import org.fmishare.core.envelope.OutboundEnvelope;

/**
 * What an {@link EnvelopeHandler} answers, independent of any HTTP framework: the {@link Outcome} (which fixes the
 * status code), the body with its media type, an optional {@code Retry-After}, and, for the embedder only, the
 * typed failure behind an error answer.
 *
 * <p>The body of an error answer is an RFC 9457 problem document holding the status and a short category as
 * {@code title} (for example {@code rejected}); it never says which check failed. The detail is in {@link
 * #failure()} and the receiver's log.
 *
 * @param outcome what happened
 * @param contentType the body's media type
 * @param body the body: the signed receipt for ACCEPTED and DUPLICATE, a problem document otherwise
 * @param retryAfter for BUSY and THROTTLED, when the sender may try again
 * @param failure the detailed cause of an error answer, for logs and the embedder; never sent
 */
public record ReceiverResponse(Outcome outcome, String contentType, byte[] body, Optional<Duration> retryAfter,
        Optional<FmiShareException> failure) {

    /** Problem documents (RFC 9457). */
    public static final String PROBLEM_JSON = "application/problem+json";

    /** What the receiver did with a request, and the HTTP status that says so. */
    public enum Outcome {
        /** First delivery: verified, handed to the callback, acknowledged with a new signed receipt. 200. */
        ACCEPTED(200, "accepted"),
        /** A repeated delivery of an accepted envelope: the original receipt again, no callback. 200. */
        DUPLICATE(200, "duplicate"),
        /** The envelope failed verification or is not addressed to this receiver. 400. */
        REJECTED(400, "rejected"),
        /** Not a POST. 405. */
        METHOD_NOT_ALLOWED(405, "method not allowed"),
        /** Another envelope with the same id was already accepted. 409. */
        CONFLICT(409, "conflict"),
        /** The body exceeds the receiver's limit. 413. */
        TOO_LARGE(413, "too large"),
        /** The media type is not {@code application/jose+json}. 415. */
        UNSUPPORTED_MEDIA_TYPE(415, "unsupported media type"),
        /** The receiver asks the sender to slow down. 429. */
        THROTTLED(429, "throttled"),
        /** The receiver (or its callback) failed; the sender should retry. 500. */
        FAILED(500, "error"),
        /** The same envelope is being processed by another request; the sender should retry. 503. */
        BUSY(503, "busy"),
        /**
         * A company's response was verified and recorded by the office (or had been recorded before). 202, without
         * a receipt: a response is not answered with another signed envelope.
         */
        RECORDED(202, "recorded");

        private final int status;
        private final String category;

        Outcome(int status, String category) {
            this.status = status;
            this.category = category;
        }

        /** {@return the HTTP status code} */
        public int status() {
            return status;
        }

        /** {@return the short category sent to the sender in error answers} */
        public String category() {
            return category;
        }
    }

    /** Validates and copies. */
    public ReceiverResponse {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(contentType, "contentType");
        body = Objects.requireNonNull(body, "body").clone();
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(failure, "failure");
    }

    /**
     * A success answer carrying a signed receipt.
     *
     * @param outcome ACCEPTED or DUPLICATE
     * @param receipt the serialized receipt envelope
     * @return the answer
     */
    public static ReceiverResponse receipt(Outcome outcome, byte[] receipt) {
        if (outcome != Outcome.ACCEPTED && outcome != Outcome.DUPLICATE) {
            throw new IllegalArgumentException("a receipt answers ACCEPTED or DUPLICATE, not " + outcome);
        }
        return new ReceiverResponse(outcome, OutboundEnvelope.MEDIA_TYPE, receipt, Optional.empty(),
                Optional.empty());
    }

    /**
     * An error answer: a problem document with the outcome's status and category only.
     *
     * @param outcome any outcome but ACCEPTED, DUPLICATE and RECORDED
     * @param retryAfter when the sender may retry, if it should
     * @param failure the detailed cause, kept for the embedder
     * @return the answer
     */
    public static ReceiverResponse problem(Outcome outcome, Optional<Duration> retryAfter,
            Optional<FmiShareException> failure) {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.ACCEPTED || outcome == Outcome.DUPLICATE) {
            throw new IllegalArgumentException(outcome + " answers carry a receipt");
        }
        if (outcome == Outcome.RECORDED) {
            throw new IllegalArgumentException("RECORDED answers are made by recorded()");
        }
        String json = "{\"status\":" + outcome.status() + ",\"title\":\"" + outcome.category() + "\"}";
        return new ReceiverResponse(outcome, PROBLEM_JSON, json.getBytes(StandardCharsets.US_ASCII), retryAfter,
                failure);
    }

    /**
     * The answer of an office's {@link ResponseEndpoint} to a response it recorded: {@link Outcome#RECORDED} with a
     * small JSON status document.
     *
     * @return the answer
     */
    public static ReceiverResponse recorded() {
        String json = "{\"status\":" + Outcome.RECORDED.status() + ",\"title\":\"" + Outcome.RECORDED.category()
                + "\"}";
        return new ReceiverResponse(Outcome.RECORDED, "application/json", json.getBytes(StandardCharsets.US_ASCII),
                Optional.empty(), Optional.empty());
    }

    /** {@return the HTTP status code} */
    public int status() {
        return outcome.status();
    }

    /** {@return a copy of the body} */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** {@return whether the sender got a receipt} */
    public boolean isReceipt() {
        return outcome == Outcome.ACCEPTED || outcome == Outcome.DUPLICATE;
    }

    /** {@return the outcome, status and body size; never the body} */
    @Override
    public String toString() {
        return "ReceiverResponse[" + outcome + " " + status() + ", " + body.length + " bytes"
                + failure.map(f -> ", " + f.getClass().getSimpleName()).orElse("") + "]";
    }
}

package org.fmishare.audit;

import org.fmishare.core.FmiShareException;

/**
 * A company's response that verified as a signed envelope but that an office does not record: it is not a response
 * to this office, it answers an envelope this office never sent to its signer, or it reuses a recorded response's id
 * for other content. Signature, certificate and key-purpose failures are {@link
 * org.fmishare.core.envelope.EnvelopeException}s, raised by the verifier before these checks. Every subtype is an
 * input rejection; nothing was recorded.
 */
public abstract sealed class ResponseException extends FmiShareException
        permits ResponseException.NotAResponse, ResponseException.UnknownEnvelope, ResponseException.WrongCompany,
        ResponseException.Conflict {
    private static final long serialVersionUID = 1L;

    ResponseException(String message) {
        super(Kind.INPUT_REJECTED, message);
    }

    /** The envelope is not a receipt, or is addressed to another party than this office. */
    public static final class NotAResponse extends ResponseException {
        private static final long serialVersionUID = 1L;

        NotAResponse(String message) {
            super(message);
        }
    }

    /**
     * The response answers an envelope this office has no record of sending, or its reference (digest) or subject
     * (share, meeting or briefing id) differs from what was sent.
     */
    public static final class UnknownEnvelope extends ResponseException {
        private static final long serialVersionUID = 1L;

        UnknownEnvelope(String message) {
            super(message);
        }
    }

    /** The response is signed by a company other than the one the answered envelope was sent to. */
    public static final class WrongCompany extends ResponseException {
        private static final long serialVersionUID = 1L;

        WrongCompany(String message) {
            super(message);
        }
    }

    /** The response's id was recorded before with different content. */
    public static final class Conflict extends ResponseException {
        private static final long serialVersionUID = 1L;

        Conflict(String message) {
            super(message);
        }
    }
}

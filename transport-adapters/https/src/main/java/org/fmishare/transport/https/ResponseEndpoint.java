package org.fmishare.transport.https;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.FmiShareException;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.transport.https.ReceiverResponse.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The office's HTTPS endpoint for company responses: a company posts its signed response (a receipt envelope made
 * with {@code EnvelopeSigner.signResponse}) and the endpoint hands it to a {@link ResponseIntake}, which verifies and
 * records it. Serve it with {@link HttpsReceiverServer} (mutual TLS: {@code requireClientCertificate(true)}) on a path
 * of its own, or from any HTTP stack as an {@link EnvelopeHandler}.
 *
 * <p>Answers: not {@code POST} 405; not {@code application/jose+json} 415; larger than the limit 413; recorded, now
 * or before, 202 ({@link Outcome#RECORDED}, the same answer either way, so a company's retry after a lost answer is
 * harmless); refused 400 with the category only (the reason is in {@link ReceiverResponse#failure()} and the log);
 * recording failed 500, so the sender retries. An {@code HttpsTransport} reports a 2xx answer to a response as
 * delivered.
 *
 * <p>Thread-safe when the intake is.
 */
public final class ResponseEndpoint implements EnvelopeHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseEndpoint.class);

    private final ResponseIntake intake;
    private final int maxBytes;

    private ResponseEndpoint(ResponseIntake intake, int maxBytes) {
        this.intake = intake;
        this.maxBytes = maxBytes;
    }

    /**
     * An endpoint with the verifier's default size limit ({@link EnvelopeVerifier#DEFAULT_MAX_ENVELOPE_BYTES}).
     *
     * @param intake verifies and records each response
     * @return the endpoint
     */
    public static ResponseEndpoint of(ResponseIntake intake) {
        return of(intake, EnvelopeVerifier.DEFAULT_MAX_ENVELOPE_BYTES);
    }

    /**
     * An endpoint with a size limit.
     *
     * @param intake verifies and records each response
     * @param maxBytes the largest accepted body, at least 1024
     * @return the endpoint
     */
    public static ResponseEndpoint of(ResponseIntake intake, int maxBytes) {
        Objects.requireNonNull(intake, "intake");
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("maxBytes must be at least 1024, was " + maxBytes);
        }
        return new ResponseEndpoint(intake, maxBytes);
    }

    @Override
    public ReceiverResponse handle(String method, Optional<String> contentType, InputStream body) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        if (!method.equals("POST")) {
            return ReceiverResponse.problem(Outcome.METHOD_NOT_ALLOWED, Optional.empty(), Optional.empty());
        }
        String type = contentType.map(t -> {
            int semi = t.indexOf(';');
            return (semi < 0 ? t : t.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        }).orElse("");
        if (!type.equals(OutboundEnvelope.MEDIA_TYPE)) {
            return ReceiverResponse.problem(Outcome.UNSUPPORTED_MEDIA_TYPE, Optional.empty(), Optional.empty());
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            return ReceiverResponse.problem(Outcome.FAILED, Optional.empty(), Optional.of(
                    new HttpsTransportException.ReceiveFailed("cannot read the request body: " + e, e)));
        }
        if (bytes.length > maxBytes) {
            return ReceiverResponse.problem(Outcome.TOO_LARGE, Optional.empty(), Optional.empty());
        }
        try {
            boolean first = intake.take(bytes);
            LOG.debug("company response {}", first ? "recorded" : "recorded before");
            return ReceiverResponse.recorded();
        } catch (FmiShareException e) {
            if (e.kind() == FmiShareException.Kind.INPUT_REJECTED) {
                LOG.info("company response refused: {}", e.getMessage());
                return ReceiverResponse.problem(Outcome.REJECTED, Optional.empty(), Optional.of(e));
            }
            LOG.warn("recording a company response failed: {}", e.getMessage());
            return ReceiverResponse.problem(Outcome.FAILED, Optional.empty(), Optional.of(e));
        } catch (RuntimeException e) {
            LOG.error("recording a company response failed unexpectedly", e);
            return ReceiverResponse.problem(Outcome.FAILED, Optional.empty(), Optional.of(
                    new HttpsTransportException.ReceiveFailed("unexpected " + e, e)));
        }
    }
}

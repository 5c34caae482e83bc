package org.fmishare.transport.https;

import java.io.InputStream;
import java.util.Optional;

/**
 * A framework-neutral HTTP endpoint for envelopes: request method, media type and body in, {@link ReceiverResponse}
 * out. {@link EnvelopeReceiver} is the SDK's implementation; {@link HttpsReceiverServer} and any other HTTP stack
 * (servlet, Netty, ...) call it the same way: pass the method and {@code Content-Type} as received and the body
 * stream, then send {@link ReceiverResponse#status()}, {@link ReceiverResponse#contentType()}, {@code Retry-After}
 * (when present, in whole seconds), {@code Allow: POST} for 405, and the body.
 *
 * <p>Implementations are thread-safe. Wrappers (rate limiting, fault injection in tests) implement it too.
 */
@FunctionalInterface
public interface EnvelopeHandler {
    /**
     * Handles one request. Never throws for bad input: every rejection is an answer.
     *
     * @param method the HTTP method as received
     * @param contentType the {@code Content-Type} header, if any
     * @param body the request body; read up to the handler's size limit, not closed
     * @return the answer
     */
    ReceiverResponse handle(String method, Optional<String> contentType, InputStream body);
}

package org.fmishare.transport.https.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.transport.https.EnvelopeHandler;
import org.fmishare.transport.https.EnvelopeReceiver;
import org.fmishare.transport.https.ReceiverResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an {@link EnvelopeHandler} (normally an {@link EnvelopeReceiver}) from a Jakarta Servlet 6 container:
 * senders POST envelopes ({@code application/jose+json}) and get the signed receipt or a problem document, with the
 * same statuses and headers as {@code HttpsReceiverServer} ({@code Retry-After} on busy answers, {@code Allow: POST}
 * on 405, {@code Cache-Control: no-store} always).
 *
 * <p>Register it at the path senders are given, for example {@code /fmi-share/envelopes}. The container terminates
 * TLS: configure it to require client certificates (mutual TLS) as {@code HttpsReceiverServer} does. A {@code
 * Content-Length} above an {@link EnvelopeReceiver}'s limit is answered 413 without reading the body.
 *
 * <pre>{@code
 * ServletContextHandler context = new ServletContextHandler("/");               // Jetty 12, ee10
 * context.addServlet(new ServletHolder(new EnvelopeServlet(receiver)), "/fmi-share/envelopes");
 * }</pre>
 *
 * <p>Thread-safe when the handler is (an {@link EnvelopeReceiver} is).
 */
public final class EnvelopeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeServlet.class);

    /** Servlets are serialisable by contract; a container that restores one gets a fresh handler from its creator. */
    private final transient EnvelopeHandler handler;
    private final long maxBytes;

    /**
     * Creates the servlet.
     *
     * @param handler the handler every request goes to
     */
    public EnvelopeServlet(EnvelopeHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.maxBytes = handler instanceof EnvelopeReceiver r ? r.maxEnvelopeBytes() : Long.MAX_VALUE;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ReceiverResponse answer;
        if (request.getContentLengthLong() > maxBytes) {
            answer = ReceiverResponse.problem(ReceiverResponse.Outcome.TOO_LARGE, Optional.empty(),
                    Optional.empty());
        } else {
            try {
                answer = handler.handle(request.getMethod(), Optional.ofNullable(request.getContentType()),
                        request.getInputStream());
            } catch (RuntimeException e) {
                LOG.error("envelope handler threw; answering 500", e);
                answer = ReceiverResponse.problem(ReceiverResponse.Outcome.FAILED, Optional.empty(),
                        Optional.empty());
            }
        }
        write(answer, response);
    }

    private static void write(ReceiverResponse answer, HttpServletResponse response) throws IOException {
        byte[] body = answer.body();
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        response.setHeader("Cache-Control", "no-store");
        Optional<Duration> retryAfter = answer.retryAfter();
        retryAfter.ifPresent(d -> response.setHeader("Retry-After",
                Long.toString(d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0))));
        if (answer.outcome() == ReceiverResponse.Outcome.METHOD_NOT_ALLOWED) {
            response.setHeader("Allow", "POST");
        }
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}

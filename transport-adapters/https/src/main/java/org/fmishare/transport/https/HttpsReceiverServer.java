package org.fmishare.transport.https;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.fmishare.transport.https.internal.TlsPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an {@link EnvelopeHandler} (normally an {@link EnvelopeReceiver}) over HTTPS with the JDK's built-in
 * {@link HttpsServer}, for demos, test harnesses and small deployments.
 *
 * <pre>{@code
 * try (HttpsReceiverServer server = HttpsReceiverServer.builder()
 *         .sslContext(TlsContexts.of(smcTlsCredential, List.of(ca.certificate())))
 *         .requireClientCertificate(true)
 *         .handler(receiver)
 *         .port(0)
 *         .start()) {
 *     URI destination = server.uri(); // https://127.0.0.1:<port>/fmi-share/envelopes
 * }
 * }</pre>
 *
 * <p>Guarantees: TLS 1.3 or 1.2 with the SDK's suite policy; with {@link Builder#requireClientCertificate(boolean)
 * requireClientCertificate(true)} the handshake fails for a client without a certificate chaining to the context's
 * trust anchors. Binds to the loopback address unless told otherwise. A {@code Content-Length} above the receiver's
 * limit is answered 413 without reading the body. Plain HTTP is available only on loopback, for test harnesses
 * ({@link Builder#plainHttpOnLoopback()}).
 *
 * <p>Thread-safe; {@link #close()} stops it.
 */
public final class HttpsReceiverServer implements AutoCloseable {
    /** Default path the handler is served at. */
    public static final String DEFAULT_PATH = "/fmi-share/envelopes";

    private static final Logger LOG = LoggerFactory.getLogger(HttpsReceiverServer.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI uri;

    private HttpsReceiverServer(HttpServer server, ExecutorService executor, URI uri) {
        this.server = server;
        this.executor = executor;
        this.uri = uri;
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return where senders deliver: scheme, bound address, actual port and path} */
    public URI uri() {
        return uri;
    }

    /** {@return the port the server listens on} */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting connections, ends exchanges under way and stops the threads. Idempotent. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void exchange(HttpExchange ex, EnvelopeHandler handler, long maxBytes) throws IOException {
        try (ex; InputStream in = ex.getRequestBody()) {
            ReceiverResponse r;
            long declared = contentLength(ex);
            if (ex.getRequestMethod().equals("POST") && declared > maxBytes) {
                r = ReceiverResponse.problem(ReceiverResponse.Outcome.TOO_LARGE, Optional.empty(), Optional.empty());
            } else {
                try {
                    r = handler.handle(ex.getRequestMethod(),
                            Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")), in);
                } catch (RuntimeException e) {
                    LOG.error("envelope handler threw; answering 500", e);
                    r = ReceiverResponse.problem(ReceiverResponse.Outcome.FAILED, Optional.empty(), Optional.empty());
                }
            }
            send(ex, r);
        }
    }

    private static long contentLength(HttpExchange ex) {
        String v = ex.getRequestHeaders().getFirst("Content-Length");
        try {
            return v == null ? -1 : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void send(HttpExchange ex, ReceiverResponse r) throws IOException {
        byte[] body = r.body();
        ex.getResponseHeaders().set("Content-Type", r.contentType());
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        r.retryAfter().ifPresent(d -> ex.getResponseHeaders().set("Retry-After",
                Long.toString(d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0))));
        if (r.outcome() == ReceiverResponse.Outcome.METHOD_NOT_ALLOWED) {
            ex.getResponseHeaders().set("Allow", "POST");
        }
        ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Configures and starts an {@link HttpsReceiverServer}. */
    public static final class Builder {
        private SSLContext sslContext;
        private boolean plain;
        private boolean requireClientCertificate;
        private EnvelopeHandler handler;
        private long maxBytes = Long.MAX_VALUE;
        private int port;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private String path = DEFAULT_PATH;
        private int threads = 4;

        private Builder() {}

        /** @param sslContext the server's TLS context ({@link TlsContexts}) @return this builder */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * Serves plain HTTP instead of HTTPS, allowed only on a loopback bind address, for test harnesses.
         *
         * @return this builder
         */
        public Builder plainHttpOnLoopback() {
            this.plain = true;
            return this;
        }

        /**
         * Requires a client certificate that chains to the SSL context's trust anchors; the TLS handshake fails
         * without one. Default false.
         *
         * @param required whether to require it
         * @return this builder
         */
        public Builder requireClientCertificate(boolean required) {
            this.requireClientCertificate = required;
            return this;
        }

        /**
         * Sets the handler; an {@link EnvelopeReceiver}'s body limit is also applied to {@code Content-Length}.
         *
         * @param handler the handler
         * @return this builder
         */
        public Builder handler(EnvelopeHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            if (handler instanceof EnvelopeReceiver r) {
                this.maxBytes = r.maxEnvelopeBytes();
            }
            return this;
        }

        /** @param port the TCP port, 0 for any free one (default 0) @return this builder */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** @param address the address to bind (default the loopback address) @return this builder */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** @param path the path served, starting with '/' (default {@value #DEFAULT_PATH}) @return this builder */
        public Builder path(String path) {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with '/', was '" + path + "'");
            }
            this.path = path;
            return this;
        }

        /** @param threads request threads, at least 1 (default 4) @return this builder */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Binds and starts the server.
         *
         * @return the running server
         * @throws IllegalStateException when the handler or TLS context is missing, or plain HTTP was asked for on a
         *     non-loopback address or together with client certificates
         * @throws HttpsTransportException.ServerFailure when the address cannot be bound
         */
        public HttpsReceiverServer start() {
            if (handler == null) {
                throw new IllegalStateException("call handler(..) before start()");
            }
            if (plain == (sslContext != null)) {
                throw new IllegalStateException(plain ? "plainHttpOnLoopback() and sslContext(..) exclude each other"
                        : "call sslContext(..) (or plainHttpOnLoopback() for a loopback test harness)");
            }
            if (plain && (!bindAddress.isLoopbackAddress() || requireClientCertificate)) {
                throw new IllegalStateException("plain HTTP is only for loopback test harnesses without client "
                        + "certificates (bind address " + bindAddress.getHostAddress() + ")");
            }
            ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "fmi-share-receiver-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            HttpServer server;
            try {
                InetSocketAddress address = new InetSocketAddress(bindAddress, port);
                if (plain) {
                    server = HttpServer.create(address, 0);
                } else {
                    HttpsServer https = HttpsServer.create(address, 0);
                    SSLParameters params = TlsPolicy.parameters(sslContext);
                    params.setNeedClientAuth(requireClientCertificate);
                    https.setHttpsConfigurator(new HttpsConfigurator(sslContext) {
                        @Override
                        public void configure(HttpsParameters p) {
                            p.setSSLParameters(params);
                        }
                    });
                    server = https;
                }
            } catch (IOException e) {
                executor.shutdownNow();
                throw new HttpsTransportException.ServerFailure("cannot bind " + bindAddress.getHostAddress() + ":"
                        + port + ": " + e.getMessage(), e);
            } catch (IllegalStateException e) {
                executor.shutdownNow();
                throw new HttpsTransportException.InvalidConfiguration(e.getMessage(), e);
            }
            EnvelopeHandler h = handler;
            long limit = maxBytes;
            server.createContext(path, ex -> exchange(ex, h, limit));
            server.setExecutor(executor);
            server.start();
            int actualPort = server.getAddress().getPort();
            String host = bindAddress instanceof Inet6Address ? "[" + bindAddress.getHostAddress() + "]"
                    : bindAddress.getHostAddress();
            URI uri = URI.create((plain ? "http" : "https") + "://" + host + ":" + actualPort + path);
            LOG.info("envelope receiver listening on {}{}", uri, requireClientCertificate
                    ? " (client certificates required)" : "");
            return new HttpsReceiverServer(server, executor, uri);
        }
    }
}

package org.fmishare.transport.https;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.fmishare.transport.https.internal.GuardedServer;
import org.fmishare.transport.https.internal.TlsPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an {@link EnvelopeHandler} (normally an {@link EnvelopeReceiver}) over HTTPS (HTTP/1.1 with persistent
 * connections) on a server built to survive slow and hostile clients, for demos, test harnesses and small
 * deployments.
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
 * <p>Slow clients: a client has {@link Builder#handshakeTimeout(Duration) handshakeTimeout} in all to complete the
 * TLS handshake and then {@link Builder#readTimeout(Duration) readTimeout} in all to send its request (and again to
 * take the answer); the server closes the connection when either passes. One client address may hold at most
 * {@link Builder#maxConnectionsPerAddress(int) maxConnectionsPerAddress} connections, the server at most
 * {@link Builder#maxConnections(int) maxConnections}; further connections are closed on accept. Handshakes and
 * request reading run on their own threads ({@link Builder#connectionThreads(int) connectionThreads}), so the
 * handler threads ({@link Builder#threads(int) threads}) only ever see complete requests. Requests with
 * {@code Transfer-Encoding} are answered 411: senders must send {@code Content-Length}.
 *
 * <p>Persistent connections: after an answer the server reads the next request on the same connection, so a sender
 * pays the mutual-TLS handshake once per connection rather than once per envelope. A connection is closed when the
 * client asks ({@code Connection: close}), after {@link Builder#maxRequestsPerConnection(int)
 * maxRequestsPerConnection} requests, and when no request starts within {@link Builder#idleTimeout(Duration)
 * idleTimeout}. Each request again has {@code readTimeout} from its first byte. An idle connection waits on a
 * connection thread; idle connections count against the connection limits and are the first closed to make room
 * for a new connection or when every connection thread is taken, so they never keep a handshake or request waiting.
 *
 * <p>Thread-safe; {@link #close()} stops it.
 */
public final class HttpsReceiverServer implements AutoCloseable {
    /** Default path the handler is served at. */
    public static final String DEFAULT_PATH = "/fmi-share/envelopes";

    /** Default body limit for a handler that is not an {@link EnvelopeReceiver} (which brings its own). */
    public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HttpsReceiverServer.class);

    private final GuardedServer server;
    private final URI uri;

    private HttpsReceiverServer(GuardedServer server, URI uri) {
        this.server = server;
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
        return server.port();
    }

    /** Stops accepting connections, ends exchanges under way and stops the threads. Idempotent. */
    @Override
    public void close() {
        server.close();
    }

    /** Configures and starts an {@link HttpsReceiverServer}. */
    public static final class Builder {
        private SSLContext sslContext;
        private boolean plain;
        private boolean requireClientCertificate;
        private EnvelopeHandler handler;
        private long maxBytes = DEFAULT_MAX_BODY_BYTES;
        private int port;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private String path = DEFAULT_PATH;
        private int threads = 4;
        private int connectionThreads = 64;
        private int maxConnectionsPerAddress = 8;
        private int maxConnections = 512;
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofSeconds(30);
        private int maxRequestsPerConnection = 1000;

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

        /**
         * Sets the total time a client has to complete the TLS handshake; the connection is closed when it passes.
         *
         * @param timeout a positive duration (default 10 s)
         * @return this builder
         */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = positive(timeout, "handshakeTimeout");
            return this;
        }

        /**
         * Sets the total time a client has to send a request (the first from the end of the handshake, later ones on
         * a persistent connection from their first byte), and again to take the answer.
         *
         * @param timeout a positive duration (default 30 s)
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * Sets how many connections one client address may hold open; more are closed on accept.
         *
         * @param max at least 1 (default 8)
         * @return this builder
         */
        public Builder maxConnectionsPerAddress(int max) {
            this.maxConnectionsPerAddress = atLeastOne(max, "maxConnectionsPerAddress");
            return this;
        }

        /**
         * Sets how many connections the server holds open in all; more are closed on accept.
         *
         * @param max at least 1 (default 512)
         * @return this builder
         */
        public Builder maxConnections(int max) {
            this.maxConnections = atLeastOne(max, "maxConnections");
            return this;
        }

        /**
         * Sets the threads that do TLS handshakes and read requests, apart from the handler threads.
         *
         * @param threads at least 1 (default 64)
         * @return this builder
         */
        public Builder connectionThreads(int threads) {
            this.connectionThreads = atLeastOne(threads, "connectionThreads");
            return this;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }

        private static int atLeastOne(int n, String name) {
            if (n < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + n);
            }
            return n;
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
         * Sets how long a persistent connection may wait for its next request before the server closes it. An idle
         * connection holds a connection thread while it waits (and is closed sooner when that thread or its place
         * under the connection limits is needed), so keep it short next to how often senders deliver.
         *
         * @param timeout a positive duration (default 30 s)
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        /**
         * Sets how many requests one connection serves before the server closes it (the last answer says {@code
         * Connection: close}); 1 gives one request per connection, as before persistent connections.
         *
         * @param max at least 1 (default 1000)
         * @return this builder
         */
        public Builder maxRequestsPerConnection(int max) {
            this.maxRequestsPerConnection = atLeastOne(max, "maxRequestsPerConnection");
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
            if (maxConnections < maxConnectionsPerAddress) {
                throw new IllegalStateException("maxConnections (" + maxConnections
                        + ") must be at least maxConnectionsPerAddress (" + maxConnectionsPerAddress + ")");
            }
            GuardedServer server;
            try {
                SSLParameters params = new SSLParameters();
                if (!plain) {
                    params = TlsPolicy.parameters(sslContext);
                    params.setNeedClientAuth(requireClientCertificate);
                }
                GuardedServer.Limits limits = new GuardedServer.Limits(handshakeTimeout, readTimeout,
                        maxConnectionsPerAddress, maxConnections, connectionThreads, threads, maxBytes, idleTimeout,
                        maxRequestsPerConnection);
                server = GuardedServer.start(new InetSocketAddress(bindAddress, port), Optional.ofNullable(sslContext),
                        params, limits, handler, path);
            } catch (IOException e) {
                throw new HttpsTransportException.ServerFailure("cannot bind " + bindAddress.getHostAddress() + ":"
                        + port + ": " + e.getMessage(), e);
            } catch (IllegalStateException e) {
                throw new HttpsTransportException.InvalidConfiguration(e.getMessage(), e);
            }
            int actualPort = server.port();
            String host = bindAddress instanceof Inet6Address ? "[" + bindAddress.getHostAddress() + "]"
                    : bindAddress.getHostAddress();
            URI uri = URI.create((plain ? "http" : "https") + "://" + host + ":" + actualPort + path);
            LOG.info("envelope receiver listening on {}{}", uri, requireClientCertificate
                    ? " (client certificates required)" : "");
            return new HttpsReceiverServer(server, uri);
        }
    }
}

package org.fmishare.transport.https.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.fmishare.transport.https.EnvelopeHandler;
import org.fmishare.transport.https.ReceiverResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server (one request per connection) that an unauthenticated client cannot starve: the JDK's
 * {@code HttpsServer} runs TLS handshakes on its few request threads without a deadline, so a handful of clients that
 * send three bytes and stall block every legitimate sender.
 *
 * <p>Design, all on platform threads with bounded queues (Java 17 has no virtual threads):
 * <ul>
 *   <li>one acceptor thread admits a connection only while its client address holds fewer than
 *       {@link Limits#maxConnectionsPerAddress()} and the server fewer than {@link Limits#maxConnections()}, and
 *       closes it at once otherwise;</li>
 *   <li>a connection pool does the slow-client work: the TLS handshake (total deadline
 *       {@link Limits#handshakeTimeout()}) and reading the request head and body (total deadline
 *       {@link Limits#readTimeout()}); a watchdog closes the socket when a deadline passes, because a socket read
 *       timeout alone lets a client trickle one byte per interval forever;</li>
 *   <li>a separate request pool runs the handler on a complete, in-memory request and writes the answer (deadline
 *       {@link Limits#readTimeout()} again), so the handler threads never wait on a client.</li>
 * </ul>
 * Protocol errors are answered with a bare status; {@code Transfer-Encoding} is refused with 411 because senders
 * of this SDK always send {@code Content-Length}.
 */
public final class GuardedServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedServer.class);
    private static final AtomicInteger SERVERS = new AtomicInteger();
    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final int MAX_HEADERS = 100;

    /**
     * Limits of a {@link GuardedServer}.
     *
     * @param handshakeTimeout total time a client has to complete the TLS handshake
     * @param readTimeout total time a client has to send the request, and to take the answer
     * @param maxConnectionsPerAddress open connections allowed from one client address
     * @param maxConnections open connections allowed in all
     * @param connectionThreads threads doing handshakes and reading requests
     * @param requestThreads threads running the handler
     * @param maxBodyBytes largest request body read; a larger {@code Content-Length} is answered 413 unread
     */
    public record Limits(Duration handshakeTimeout, Duration readTimeout, int maxConnectionsPerAddress,
            int maxConnections, int connectionThreads, int requestThreads, long maxBodyBytes) {
        /** Checks the limits. */
        public Limits {
            Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
            Objects.requireNonNull(readTimeout, "readTimeout");
            if (handshakeTimeout.isNegative() || handshakeTimeout.isZero() || readTimeout.isNegative()
                    || readTimeout.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            if (maxConnectionsPerAddress < 1 || maxConnections < maxConnectionsPerAddress || connectionThreads < 1
                    || requestThreads < 1 || maxBodyBytes < 0) {
                throw new IllegalArgumentException("limits must be positive, and maxConnections at least "
                        + "maxConnectionsPerAddress");
            }
        }
    }

    private final ServerSocket listener;
    private final Optional<SSLContext> tls;
    private final SSLParameters tlsParameters;
    private final Limits limits;
    private final EnvelopeHandler handler;
    private final String path;
    private final ThreadPoolExecutor connectionPool;
    private final ThreadPoolExecutor requestPool;
    private final ScheduledThreadPoolExecutor watchdog;
    private final ConcurrentHashMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private GuardedServer(ServerSocket listener, Optional<SSLContext> tls, SSLParameters tlsParameters, Limits limits,
            EnvelopeHandler handler, String path) {
        this.listener = listener;
        this.tls = tls;
        this.tlsParameters = tlsParameters;
        this.limits = limits;
        this.handler = handler;
        this.path = path;
        int id = SERVERS.incrementAndGet();
        // Queues hold at most one entry per admitted connection, so they are bounded by maxConnections.
        this.connectionPool = new ThreadPoolExecutor(limits.connectionThreads(), limits.connectionThreads(), 30,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(limits.maxConnections()),
                threads("fmi-share-receiver-" + id + "-conn-"));
        this.requestPool = new ThreadPoolExecutor(limits.requestThreads(), limits.requestThreads(), 30,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(limits.maxConnections()),
                threads("fmi-share-receiver-" + id + "-req-"));
        this.connectionPool.allowCoreThreadTimeOut(true);
        this.requestPool.allowCoreThreadTimeOut(true);
        this.watchdog = new ScheduledThreadPoolExecutor(1, threads("fmi-share-receiver-" + id + "-deadline-"));
        this.watchdog.setRemoveOnCancelPolicy(true);
        this.acceptor = threads("fmi-share-receiver-" + id + "-accept-").newThread(this::acceptLoop);
    }

    /**
     * Binds and starts a server.
     *
     * @param address the address and port to bind
     * @param tls the TLS context and parameters (client authentication included), or empty for plain HTTP
     * @param tlsParameters the parameters applied to every TLS connection (ignored for plain HTTP)
     * @param limits the limits
     * @param handler the handler
     * @param path the one path served; other paths are answered 404
     * @return the running server
     * @throws IOException when the address cannot be bound
     */
    public static GuardedServer start(InetSocketAddress address, Optional<SSLContext> tls, SSLParameters tlsParameters,
            Limits limits, EnvelopeHandler handler, String path) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(address, 128);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        GuardedServer server = new GuardedServer(listener, tls, tlsParameters, limits, handler, path);
        server.acceptor.start();
        return server;
    }

    /** {@return the bound port} */
    public int port() {
        return listener.getLocalPort();
    }

    /** Stops accepting, closes every open connection and stops the threads. Idempotent. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        open.forEach(Connection::abort);
        connectionPool.shutdownNow();
        requestPool.shutdownNow();
        watchdog.shutdownNow();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private void acceptLoop() {
        while (!closed) {
            Socket raw;
            try {
                raw = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accept failed: {}", e.getMessage());
                }
                continue;
            }
            InetAddress peer = raw.getInetAddress();
            if (!admit(peer)) {
                LOG.debug("refusing a connection from {}: connection limit reached", peer.getHostAddress());
                closeQuietly(raw);
                continue;
            }
            Connection c = new Connection(raw, peer);
            open.add(c);
            try {
                // Small request and answer bodies: Nagle's algorithm would only add latency.
                raw.setTcpNoDelay(true);
                c.deadline = watchdog.schedule(c::abort, limits.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
                connectionPool.execute(c::receive);
            } catch (IOException | RejectedExecutionException e) {
                c.finish();
            }
        }
    }

    private boolean admit(InetAddress peer) {
        boolean[] admitted = {false};
        perAddress.compute(peer, (a, n) -> {
            int current = n == null ? 0 : n;
            if (current >= limits.maxConnectionsPerAddress() || open.size() >= limits.maxConnections()) {
                return n;
            }
            admitted[0] = true;
            return current + 1;
        });
        return admitted[0];
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.trace("close failed", e);
        }
    }

    /** A request read completely; the handler sees only this. */
    private record Request(String method, Optional<String> contentType, byte[] body) {}

    /** One accepted connection, from handshake to answer. */
    private final class Connection {
        private final Socket raw;
        private final InetAddress peer;
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile Socket socket;
        private volatile ScheduledFuture<?> deadline;

        Connection(Socket raw, InetAddress peer) {
            this.raw = raw;
            this.peer = peer;
            this.socket = raw;
        }

        /** Closes the plain socket: unblocks any read or write on it, TLS or not, at once. */
        void abort() {
            closeQuietly(raw);
        }

        void finish() {
            if (finished.compareAndSet(false, true)) {
                // Close first, cancel after: a TLS close may wait for the peer, and the deadline still bounds it.
                closeQuietly(socket);
                closeQuietly(raw);
                ScheduledFuture<?> d = deadline;
                if (d != null) {
                    d.cancel(false);
                }
                open.remove(this);
                perAddress.computeIfPresent(peer, (a, n) -> n <= 1 ? null : n - 1);
            }
        }

        private void rearm(Duration timeout) {
            ScheduledFuture<?> previous = deadline;
            if (previous != null) {
                previous.cancel(false);
            }
            deadline = watchdog.schedule(this::abort, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        void receive() {
            try {
                raw.setSoTimeout((int) Math.max(1, limits.handshakeTimeout().toMillis()));
                if (tls.isPresent()) {
                    SSLSocket ssl = (SSLSocket) tls.get().getSocketFactory().createSocket(raw,
                            peer.getHostAddress(), raw.getPort(), true);
                    ssl.setUseClientMode(false);
                    ssl.setSSLParameters(tlsParameters);
                    socket = ssl;
                    ssl.startHandshake();
                }
                rearm(limits.readTimeout());
                raw.setSoTimeout((int) Math.max(1, limits.readTimeout().toMillis()));
                InputStream in = new BufferedInputStream(socket.getInputStream());
                Object parsed = read(in);
                if (parsed instanceof Integer status) {
                    answer(status, Optional.empty());
                    return;
                }
                Request request = (Request) parsed;
                try {
                    requestPool.execute(() -> handle(request));
                } catch (RejectedExecutionException e) {
                    answer(503, Optional.of(ReceiverResponse.problem(ReceiverResponse.Outcome.BUSY,
                            Optional.of(Duration.ofSeconds(1)), Optional.empty())));
                }
            } catch (IOException | RuntimeException e) {
                // Handshake failures, stalls past the deadline and resets all end here; none is the server's fault.
                LOG.debug("connection from {} ended: {}", peer.getHostAddress(), e.toString());
                finish();
            }
        }

        private void handle(Request request) {
            ReceiverResponse r;
            try {
                r = handler.handle(request.method(), request.contentType(),
                        new ByteArrayInputStream(request.body()));
            } catch (RuntimeException e) {
                LOG.error("envelope handler threw; answering 500", e);
                r = ReceiverResponse.problem(ReceiverResponse.Outcome.FAILED, Optional.empty(), Optional.empty());
            }
            answer(r.status(), Optional.of(r));
        }

        /** Returns a {@link Request}, or the status to answer a request that is not served. */
        private Object read(InputStream in) throws IOException {
            int[] budget = {MAX_HEAD_BYTES};
            String requestLine = line(in, budget);
            if (requestLine == null) {
                throw new IOException("connection closed before a request");
            }
            String[] parts = requestLine.split(" ", -1);
            if (parts.length != 3 || !parts[2].startsWith("HTTP/1.") || parts[0].isEmpty()) {
                return 400;
            }
            String contentType = null;
            String contentLength = null;
            boolean chunked = false;
            boolean expectContinue = false;
            for (int n = 0;; n++) {
                String header = line(in, budget);
                if (header == null) {
                    throw new IOException("connection closed in the request head");
                }
                if (header.isEmpty()) {
                    break;
                }
                int colon = header.indexOf(':');
                if (n >= MAX_HEADERS || colon <= 0) {
                    return n >= MAX_HEADERS ? 431 : 400;
                }
                String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).strip();
                switch (name) {
                    case "content-type" -> contentType = value;
                    case "content-length" -> {
                        if (contentLength != null && !contentLength.equals(value)) {
                            return 400;
                        }
                        contentLength = value;
                    }
                    case "transfer-encoding" -> chunked = true;
                    case "expect" -> expectContinue = value.equalsIgnoreCase("100-continue");
                    default -> { }
                }
            }
            String target = parts[1];
            int query = target.indexOf('?');
            if (!(query < 0 ? target : target.substring(0, query)).equals(path)) {
                return 404;
            }
            if (chunked) {
                return 411;
            }
            long length;
            try {
                length = contentLength == null ? 0 : Long.parseLong(contentLength);
            } catch (NumberFormatException e) {
                return 400;
            }
            if (length < 0) {
                return 400;
            }
            if (length > limits.maxBodyBytes()) {
                return 413;
            }
            if (expectContinue && length > 0) {
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            byte[] body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new IOException("connection closed in the request body");
            }
            return new Request(parts[0], Optional.ofNullable(contentType), body);
        }

        /** Reads one CRLF (or LF) terminated ISO-8859-1 line; null at end of stream before any byte. */
        private String line(InputStream in, int[] budget) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(128);
            while (true) {
                int c = in.read();
                if (c < 0) {
                    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
                }
                if (--budget[0] < 0) {
                    throw new IOException("request head larger than " + MAX_HEAD_BYTES + " bytes");
                }
                if (c == '\n') {
                    String s = b.toString(StandardCharsets.ISO_8859_1);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                b.write(c);
            }
        }

        private void answer(int status, Optional<ReceiverResponse> response) {
            try {
                rearm(limits.readTimeout());
                byte[] body = response.map(ReceiverResponse::body).orElse(new byte[0]);
                StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ')
                        .append(reason(status)).append("\r\n");
                response.ifPresent(r -> {
                    head.append("Content-Type: ").append(r.contentType()).append("\r\n");
                    r.retryAfter().ifPresent(d -> head.append("Retry-After: ")
                            .append(d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0)).append("\r\n"));
                    if (r.outcome() == ReceiverResponse.Outcome.METHOD_NOT_ALLOWED) {
                        head.append("Allow: POST\r\n");
                    }
                });
                head.append("Cache-Control: no-store\r\nContent-Length: ").append(body.length)
                        .append("\r\nConnection: close\r\n\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (IOException | RuntimeException e) {
                LOG.debug("answering {} failed: {}", peer.getHostAddress(), e.toString());
            } finally {
                finish();
            }
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}

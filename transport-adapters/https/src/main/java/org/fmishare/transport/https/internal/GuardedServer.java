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
 * A small HTTP/1.1 server with persistent connections that an unauthenticated client cannot starve: the JDK's
 * {@code HttpsServer} runs TLS handshakes on its few request threads without a deadline, so a handful of clients that
 * send three bytes and stall block every legitimate sender.
 *
 * <p>Design, all on platform threads with bounded queues (Java 17 has no virtual threads):
 * <ul>
 *   <li>one acceptor thread admits a connection only while its client address holds fewer than
 *       {@link Limits#maxConnectionsPerAddress()} and the server fewer than {@link Limits#maxConnections()}, and
 *       closes it at once otherwise (after first closing an idle persistent connection of that address, or of any
 *       address for the total cap, if there is one: an idle connection is the cheapest to give up);</li>
 *   <li>a connection pool does the slow-client work: the TLS handshake (total deadline
 *       {@link Limits#handshakeTimeout()}), reading each request head and body (total deadline
 *       {@link Limits#readTimeout()}, counted from the request's first byte), and waiting for the next request on a
 *       persistent connection (at most {@link Limits#idleTimeout()}); a watchdog closes the socket when a deadline
 *       passes, because a socket read timeout alone lets a client trickle one byte per interval forever;</li>
 *   <li>a separate request pool runs the handler on a complete, in-memory request and writes the answer (deadline
 *       {@link Limits#readTimeout()} again), so the handler threads never wait on a client; after the answer the
 *       connection goes back to the connection pool to wait for its next request.</li>
 * </ul>
 *
 * <p>Persistent connections and threads. Blocking sockets need a thread to wait for a request, so an idle
 * persistent connection holds a connection thread. That is bounded three ways: by the idle timeout; by the
 * connection caps (idle connections count against them, and are the first closed when a new connection would
 * exceed one); and by the pool itself: whenever a task waits for a connection thread while every thread is busy,
 * the connection idle the longest is closed to free its thread. So idle connections only ever use threads that no
 * handshake or request is waiting for; the price is that a client whose idle connection is closed at the moment it
 * sends a request sees the connection end without an answer (the ordinary HTTP/1.1 keep-alive race), which
 * senders treat as retryable.
 *
 * <p>A connection is closed after an answer (which then says {@code Connection: close}) when the client asked for
 * it ({@code Connection: close}, or HTTP/1.0), when it has served {@link Limits#maxRequestsPerConnection()} requests,
 * after any protocol error (the rest of the request is unread), and when the request pool refused the request.
 * Protocol errors are answered with a bare status; {@code Transfer-Encoding} is refused with 411 because senders
 * of this SDK always send {@code Content-Length}.
 */
public final class GuardedServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedServer.class);
    private static final AtomicInteger SERVERS = new AtomicInteger();
    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * Limits of a {@link GuardedServer}.
     *
     * @param handshakeTimeout total time a client has to complete the TLS handshake
     * @param readTimeout total time a client has to send a request (from its first byte), and to take the answer
     * @param maxConnectionsPerAddress open connections allowed from one client address
     * @param maxConnections open connections allowed in all
     * @param connectionThreads threads doing handshakes, reading requests and waiting on idle connections
     * @param requestThreads threads running the handler
     * @param maxBodyBytes largest request body read; a larger {@code Content-Length} is answered 413 unread
     * @param idleTimeout longest wait for the next request on a persistent connection
     * @param maxRequestsPerConnection requests served on one connection before it is closed; 1 turns persistent
     *     connections off
     */
    public record Limits(Duration handshakeTimeout, Duration readTimeout, int maxConnectionsPerAddress,
            int maxConnections, int connectionThreads, int requestThreads, long maxBodyBytes, Duration idleTimeout,
            int maxRequestsPerConnection) {
        /** Checks the limits. */
        public Limits {
            Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
            Objects.requireNonNull(readTimeout, "readTimeout");
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            for (Duration d : new Duration[] {handshakeTimeout, readTimeout, idleTimeout}) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("timeouts must be positive, was " + d);
                }
            }
            if (maxConnectionsPerAddress < 1 || maxConnections < maxConnectionsPerAddress || connectionThreads < 1
                    || requestThreads < 1 || maxBodyBytes < 0 || maxRequestsPerConnection < 1) {
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
    /** Connections waiting for their next request: the ones closed first when a limit or the pool is reached. */
    private final Set<Connection> idle = ConcurrentHashMap.newKeySet();
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
                onConnectionThread(c::receive);
            } catch (IOException | RejectedExecutionException e) {
                c.finish();
            }
        }
    }

    /**
     * Runs connection work; when it has to wait because every connection thread is taken, closes the connection
     * that has been idle the longest so that its thread picks the work up.
     */
    private void onConnectionThread(Runnable work) {
        connectionPool.execute(work);
        relieveConnectionPool();
    }

    /**
     * Closes the connection idle the longest on a connection thread when work waits for one. Called both after
     * work is queued and when a connection starts waiting, so whichever of the two comes second sees the other.
     */
    private void relieveConnectionPool() {
        if (!connectionPool.getQueue().isEmpty() && connectionPool.getActiveCount() >= limits.connectionThreads()) {
            evictIdle(Optional.empty(), true);
        }
    }

    private boolean admit(InetAddress peer) {
        for (int attempt = 0;; attempt++) {
            boolean[] admitted = {false};
            boolean[] addressFull = {false};
            perAddress.compute(peer, (a, n) -> {
                int current = n == null ? 0 : n;
                addressFull[0] = current >= limits.maxConnectionsPerAddress();
                if (addressFull[0] || open.size() >= limits.maxConnections()) {
                    return n;
                }
                admitted[0] = true;
                return current + 1;
            });
            if (admitted[0]) {
                return true;
            }
            // One idle connection given up per new connection at most: a client cannot churn through others.
            if (attempt > 0 || !evictIdle(addressFull[0] ? Optional.of(peer) : Optional.empty(), false)) {
                return false;
            }
        }
    }

    /**
     * Closes the connection idle the longest; false when there is none.
     *
     * @param of only a connection from this address, if given
     * @param onThread only a connection that holds a connection thread while it waits
     */
    private boolean evictIdle(Optional<InetAddress> of, boolean onThread) {
        // A connection that stops being idle while this runs makes evict() fail; a few tries suffice.
        for (int tries = 0; tries < 8; tries++) {
            Connection oldest = null;
            for (Connection c : idle) {
                if (c.evictable() && (of.isEmpty() || of.get().equals(c.peer)) && (!onThread || c.waiting)
                        && (oldest == null || c.idleSince - oldest.idleSince < 0)) {
                    oldest = c;
                }
            }
            if (oldest == null) {
                return false;
            }
            if (oldest.evict()) {
                LOG.debug("closed an idle connection from {} to make room", oldest.peer.getHostAddress());
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.trace("close failed", e);
        }
    }

    /** A request read completely; the handler sees only this. */
    private record Request(String method, Optional<String> contentType, byte[] body, boolean keepAlive) {}

    /** One accepted connection, from handshake through its requests to the close. */
    private final class Connection {
        /** Handshake, reading a request, or the handler running: never closed to make room. */
        private static final int BUSY = 0;
        /** Writing an answer after which the connection stays open: closed once it is written, if evicted. */
        private static final int WRITING = 1;
        /** Answered, waiting (queued or on a connection thread) for the next request. */
        private static final int IDLE = 2;
        private static final int EVICTED = 3;

        private final Socket raw;
        private final InetAddress peer;
        private final AtomicBoolean released = new AtomicBoolean();
        private final AtomicInteger state = new AtomicInteger(BUSY);
        private volatile Socket socket;
        private volatile ScheduledFuture<?> deadline;
        private volatile long idleSince;
        /** True while a connection thread is blocked waiting for this connection's next request. */
        private volatile boolean waiting;
        /** Set once after the handshake; kept across requests because it may hold the next request's bytes. */
        private BufferedInputStream in;
        /** Requests read on this connection; only ever touched by the one thread working for it at a time. */
        private int requests;

        Connection(Socket raw, InetAddress peer) {
            this.raw = raw;
            this.peer = peer;
            this.socket = raw;
        }

        /** Closes the plain socket: unblocks any read or write on it, TLS or not, at once. */
        void abort() {
            closeQuietly(raw);
        }

        boolean evictable() {
            int s = state.get();
            return s == WRITING || s == IDLE;
        }

        /**
         * Frees this connection's place at once if it is between requests, and closes it (an answer being written
         * is finished first, then the connection closed); false when a request is under way.
         */
        boolean evict() {
            if (state.compareAndSet(WRITING, EVICTED)) {
                release();
                return true;
            }
            if (state.compareAndSet(IDLE, EVICTED)) {
                abort();
                release();
                return true;
            }
            return false;
        }

        void finish() {
            // Close first, cancel after: a TLS close may wait for the peer, and the deadline still bounds it.
            closeQuietly(socket);
            closeQuietly(raw);
            ScheduledFuture<?> d = deadline;
            if (d != null) {
                d.cancel(false);
            }
            release();
        }

        private void release() {
            if (released.compareAndSet(false, true)) {
                waiting = false;
                idle.remove(this);
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
                in = new BufferedInputStream(socket.getInputStream());
                serveRequest();
            } catch (IOException | RuntimeException e) {
                // Handshake failures, stalls past the deadline and resets all end here; none is the server's fault.
                LOG.debug("connection from {} ended: {}", peer.getHostAddress(), e.toString());
                finish();
            }
        }

        /** Waits (at most the idle timeout) for the next request on this persistent connection, then serves it. */
        void awaitNext() {
            try {
                rearm(limits.idleTimeout());
                raw.setSoTimeout((int) Math.max(1, limits.idleTimeout().toMillis()));
                waiting = true;
                if (state.get() != IDLE) {
                    finish();
                    return;
                }
                relieveConnectionPool();
                in.mark(1);
                int first = in.read();
                if (!state.compareAndSet(IDLE, BUSY)) {
                    finish();
                    return;
                }
                waiting = false;
                idle.remove(this);
                if (first < 0) {
                    // The client closed its end between requests: the normal end of a persistent connection.
                    finish();
                    return;
                }
                in.reset();
                serveRequest();
            } catch (IOException | RuntimeException e) {
                LOG.debug("idle connection from {} ended: {}", peer.getHostAddress(), e.toString());
                finish();
            }
        }

        /** Reads one request within the read deadline and hands it to the request pool. */
        private void serveRequest() throws IOException {
            rearm(limits.readTimeout());
            raw.setSoTimeout((int) Math.max(1, limits.readTimeout().toMillis()));
            Object parsed = read(in);
            if (parsed instanceof Integer status) {
                answer(status, Optional.empty(), false);
                return;
            }
            Request request = (Request) parsed;
            try {
                requestPool.execute(() -> handle(request));
            } catch (RejectedExecutionException e) {
                answer(503, Optional.of(ReceiverResponse.problem(ReceiverResponse.Outcome.BUSY,
                        Optional.of(Duration.ofSeconds(1)), Optional.empty())), false);
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
            answer(r.status(), Optional.of(r), request.keepAlive());
        }

        /** Returns a {@link Request}, or the status to answer a request that is not served. */
        private Object read(InputStream in) throws IOException {
            int[] budget = {MAX_HEAD_BYTES};
            String requestLine = line(in, budget);
            if (requestLine == null) {
                throw new IOException("connection closed before a request");
            }
            requests++;
            String[] parts = requestLine.split(" ", -1);
            if (parts.length != 3 || !parts[2].startsWith("HTTP/1.") || parts[0].isEmpty()) {
                return 400;
            }
            String contentType = null;
            String contentLength = null;
            boolean chunked = false;
            boolean expectContinue = false;
            // HTTP/1.1 connections persist unless the client says otherwise (RFC 9112 section 9.3); HTTP/1.0 ones
            // are closed after the answer, as this server does not speak the 1.0 keep-alive extension.
            boolean keepAlive = parts[2].equals("HTTP/1.1");
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
                    case "connection" -> keepAlive &= !hasToken(value, "close");
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
                out.write(CONTINUE);
                out.flush();
            }
            byte[] body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new IOException("connection closed in the request body");
            }
            return new Request(parts[0], Optional.ofNullable(contentType), body,
                    keepAlive && requests < limits.maxRequestsPerConnection());
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

        /**
         * Writes the answer, then either closes the connection or hands it back to the connection pool to wait for
         * the next request.
         */
        private void answer(int status, Optional<ReceiverResponse> response, boolean keepAlive) {
            boolean persist = keepAlive && !closed;
            if (persist) {
                // Evictable from before the first byte leaves: a client may connect again as soon as it has the
                // answer, and must find this connection already counted as idle.
                idleSince = System.nanoTime();
                state.set(WRITING);
                idle.add(this);
            }
            boolean written = false;
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
                head.append("Cache-Control: no-store\r\nContent-Length: ").append(body.length).append("\r\n");
                if (!persist) {
                    head.append("Connection: close\r\n");
                }
                head.append("\r\n");
                OutputStream out = socket.getOutputStream();
                // One write: head and body leave in one TLS record where they fit, not two.
                byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
                byte[] message = new byte[headBytes.length + body.length];
                System.arraycopy(headBytes, 0, message, 0, headBytes.length);
                System.arraycopy(body, 0, message, headBytes.length, body.length);
                out.write(message);
                out.flush();
                written = true;
            } catch (IOException | RuntimeException e) {
                LOG.debug("answering {} failed: {}", peer.getHostAddress(), e.toString());
            }
            if (!written || !persist || !state.compareAndSet(WRITING, IDLE)) {
                finish();
                return;
            }
            try {
                onConnectionThread(this::awaitNext);
            } catch (RejectedExecutionException e) {
                finish();
            }
        }
    }

    /** True when a comma-separated header value holds the token, compared case-insensitively. */
    private static boolean hasToken(String value, String token) {
        for (String t : value.split(",")) {
            if (t.strip().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
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

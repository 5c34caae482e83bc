package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLSocket;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.junit.jupiter.api.Test;

/**
 * HTTP/1.1 persistent connections on {@link HttpsReceiverServer}, over real mutual TLS on loopback: raw TLS sockets
 * where the exact bytes on one connection matter, {@link HttpsTransport} (the JDK client) where reuse by the sender
 * matters. Deadlines are asserted as "closed eventually, well after the limit would allow", never as a speed.
 */
class PersistentConnectionTest {
    /** Generous on a loaded machine: a close must happen, not happen promptly. */
    private static final Duration CLOSE_MARGIN = Duration.ofSeconds(30);

    private final Set<String> received = ConcurrentHashMap.newKeySet();

    private EnvelopeReceiver receiver() {
        return EnvelopeReceiver.builder().verifier(Pki.companyVerifier()).signer(Pki.SMC)
                .onEnvelope(v -> received.add(v.envelopeId())).build();
    }

    private HttpsReceiverServer start(UnaryOperator<HttpsReceiverServer.Builder> options) {
        return options.apply(HttpsReceiverServer.builder().sslContext(Pki.serverTls()).requireClientCertificate(true)
                .handler(receiver())).start();
    }

    @Test
    void twoRequestsOnOneConnectionAreBothAnsweredWithReceipts() throws Exception {
        SignedEnvelope first = Pki.share();
        SignedEnvelope second = Pki.share();
        try (HttpsReceiverServer server = start(b -> b); SSLSocket socket = connect(server)) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            send(socket, post(first, ""));
            Response a = Response.read(in);
            send(socket, post(second, ""));
            Response b = Response.read(in);

            assertThat(a.status()).isEqualTo(200);
            assertThat(b.status()).isEqualTo(200);
            assertThat(a.header("connection")).isNull();
            assertThat(a.header("content-type")).isEqualTo("application/jose+json");
            Pki.receiptVerifier().verifyReceipt(a.body(), first);
            Pki.receiptVerifier().verifyReceipt(b.body(), second);
            assertThat(received).containsExactlyInAnyOrder(first.envelopeId(), second.envelopeId());
        }
    }

    @Test
    void requestsSentBackToBackInOneWriteAreAnsweredInOrder() throws Exception {
        SignedEnvelope first = Pki.share();
        SignedEnvelope second = Pki.share();
        try (HttpsReceiverServer server = start(b -> b); SSLSocket socket = connect(server)) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.write(post(first, ""));
            both.write(post(second, ""));
            send(socket, both.toByteArray());

            Response a = Response.read(in);
            Response b = Response.read(in);
            Pki.receiptVerifier().verifyReceipt(a.body(), first);
            Pki.receiptVerifier().verifyReceipt(b.body(), second);
        }
    }

    @Test
    void aClientsConnectionCloseIsHonoured() throws Exception {
        try (HttpsReceiverServer server = start(b -> b.idleTimeout(Duration.ofMinutes(5)));
                SSLSocket socket = connect(server)) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            send(socket, post(Pki.share(), "Connection: close\r\n"));
            Response a = Response.read(in);

            assertThat(a.status()).isEqualTo(200);
            assertThat(a.header("connection")).isEqualTo("close");
            // The idle timeout is five minutes: only honouring the client's close can end the connection here.
            assertThat(closedByServerWithin(socket, in, CLOSE_MARGIN)).isTrue();
        }
    }

    @Test
    void anHttp10RequestIsAnsweredAndTheConnectionClosed() throws Exception {
        try (HttpsReceiverServer server = start(b -> b.idleTimeout(Duration.ofMinutes(5)));
                SSLSocket socket = connect(server)) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            byte[] request = post(Pki.share(), "");
            String text = new String(request, StandardCharsets.ISO_8859_1).replaceFirst(" HTTP/1.1\r\n",
                    " HTTP/1.0\r\n");
            send(socket, text.getBytes(StandardCharsets.ISO_8859_1));

            Response a = Response.read(in);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.header("connection")).isEqualTo("close");
            assertThat(closedByServerWithin(socket, in, CLOSE_MARGIN)).isTrue();
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (HttpsReceiverServer server = start(b -> b.idleTimeout(Duration.ofMillis(500))
                .readTimeout(Duration.ofMinutes(5))); SSLSocket socket = connect(server)) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            send(socket, post(Pki.share(), ""));
            Response a = Response.read(in);

            assertThat(a.status()).isEqualTo(200);
            assertThat(a.header("connection")).isNull();
            // Read deadline five minutes, client silent: only the idle timeout can close it within the margin.
            assertThat(closedByServerWithin(socket, in, CLOSE_MARGIN)).isTrue();
        }
    }

    @Test
    void aConnectionIsClosedAfterItsMaximumNumberOfRequests() throws Exception {
        try (HttpsReceiverServer server = start(b -> b.maxRequestsPerConnection(2)
                .idleTimeout(Duration.ofMinutes(5))); SSLSocket socket = connect(server)) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            send(socket, post(Pki.share(), ""));
            Response a = Response.read(in);
            send(socket, post(Pki.share(), ""));
            Response b = Response.read(in);

            assertThat(a.status()).isEqualTo(200);
            assertThat(a.header("connection")).isNull();
            assertThat(b.status()).isEqualTo(200);
            assertThat(b.header("connection")).isEqualTo("close");
            assertThat(closedByServerWithin(socket, in, CLOSE_MARGIN)).isTrue();
            assertThat(received).hasSize(2);
        }
    }

    @Test
    void aSecondRequestThatStallsIsClosedAtItsOwnReadDeadline() throws Exception {
        try (HttpsReceiverServer server = start(b -> b.readTimeout(Duration.ofSeconds(1))
                .idleTimeout(Duration.ofMinutes(5))); SSLSocket socket = connect(server)) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            send(socket, post(Pki.share(), ""));
            assertThat(Response.read(in).status()).isEqualTo(200);
            // The start of a request, then nothing: the read deadline applies again from this first byte.
            send(socket, "POST /fmi-share/envelopes HTTP/1.1\r\nContent-Le".getBytes(StandardCharsets.US_ASCII));
            assertThat(closedByServerWithin(socket, in, CLOSE_MARGIN)).isTrue();
        }
    }

    @Test
    void aProtocolErrorClosesTheConnectionBecauseTheRestOfTheRequestIsUnread() throws Exception {
        try (HttpsReceiverServer server = start(b -> b.idleTimeout(Duration.ofMinutes(5)));
                SSLSocket socket = connect(server)) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            send(socket, ("POST /elsewhere HTTP/1.1\r\nHost: x\r\nContent-Type: application/jose+json\r\n"
                    + "Content-Length: 5\r\n\r\nhello").getBytes(StandardCharsets.US_ASCII));
            Response a = Response.read(in);

            assertThat(a.status()).isEqualTo(404);
            assertThat(a.header("connection")).isEqualTo("close");
            assertThat(closedByServerWithin(socket, in, CLOSE_MARGIN)).isTrue();
        }
    }

    @Test
    void closingTheServerClosesItsIdleConnections() throws Exception {
        HttpsReceiverServer server = start(b -> b.idleTimeout(Duration.ofMinutes(5)));
        try (SSLSocket socket = connect(server)) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            send(socket, post(Pki.share(), ""));
            assertThat(Response.read(in).status()).isEqualTo(200);
            server.close();
            assertThat(closedByServerWithin(socket, in, CLOSE_MARGIN)).isTrue();
        } finally {
            server.close();
        }
    }

    @Test
    void theSenderDeliversManyEnvelopesOverOneConnection() throws Exception {
        try (HttpsReceiverServer server = start(b -> b);
                CountingProxy proxy = new CountingProxy(server.port());
                HttpsTransport transport = HttpsTransport.builder().sslContext(Pki.clientTls())
                        .receiptVerifier(Pki.receiptVerifier()).build()) {
            java.net.URI viaProxy = java.net.URI.create("https://127.0.0.1:" + proxy.port()
                    + HttpsReceiverServer.DEFAULT_PATH);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                SignedEnvelope e = Pki.share();
                ids.add(e.envelopeId());
                DeliveryResult r = transport.deliver(new Delivery(e, viaProxy));
                assertThat(r).as("delivery %d", i).isInstanceOf(DeliveryResult.Delivered.class);
            }
            assertThat(received).containsExactlyInAnyOrderElementsOf(ids);
            // One TCP connection, so one TLS handshake on each side, for all five envelopes.
            assertThat(proxy.connections()).isEqualTo(1);
        }
    }

    @Test
    void anIdleConnectionMakesWayForANewOneAtTheAddressCap() {
        try (HttpsReceiverServer server = start(b -> b.maxConnectionsPerAddress(1)
                .idleTimeout(Duration.ofMinutes(5)));
                HttpsTransport first = HttpsTransport.builder().sslContext(Pki.clientTls()).build();
                HttpsTransport second = HttpsTransport.builder().sslContext(Pki.clientTls()).build()) {
            // Each transport has its own connection pool: the first one's connection stays open and idle.
            assertThat(first.deliver(new Delivery(Pki.share(), server.uri())))
                    .isInstanceOf(DeliveryResult.Delivered.class);
            assertThat(second.deliver(new Delivery(Pki.share(), server.uri())))
                    .isInstanceOf(DeliveryResult.Delivered.class);
            assertThat(received).hasSize(2);
        }
    }

    @Test
    void anIdleConnectionGivesUpItsThreadWhenEveryConnectionThreadIsTaken() {
        try (HttpsReceiverServer server = start(b -> b.connectionThreads(1).idleTimeout(Duration.ofMinutes(5)));
                HttpsTransport first = HttpsTransport.builder().sslContext(Pki.clientTls())
                        .requestTimeout(Duration.ofSeconds(60)).build();
                HttpsTransport second = HttpsTransport.builder().sslContext(Pki.clientTls())
                        .requestTimeout(Duration.ofSeconds(60)).build()) {
            // The only connection thread waits on the first transport's idle connection; the second transport's
            // handshake must not wait five minutes for it.
            assertThat(first.deliver(new Delivery(Pki.share(), server.uri())))
                    .isInstanceOf(DeliveryResult.Delivered.class);
            assertThat(second.deliver(new Delivery(Pki.share(), server.uri())))
                    .isInstanceOf(DeliveryResult.Delivered.class);
            assertThat(received).hasSize(2);
        }
    }

    private static SSLSocket connect(HttpsReceiverServer server) throws IOException {
        SSLSocket socket = (SSLSocket) Pki.clientTls().getSocketFactory().createSocket(
                InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout((int) CLOSE_MARGIN.toMillis());
        socket.startHandshake();
        return socket;
    }

    private static byte[] post(SignedEnvelope envelope, String extraHeaders) {
        byte[] body = envelope.serialized();
        String head = "POST " + HttpsReceiverServer.DEFAULT_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/jose+json\r\nContent-Length: " + body.length + "\r\n" + extraHeaders
                + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    private static void send(SSLSocket socket, byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** True when the server ends the connection (end of stream or reset) before the margin passes. */
    private static boolean closedByServerWithin(SSLSocket socket, InputStream in, Duration margin)
            throws IOException {
        long deadline = System.nanoTime() + margin.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            try {
                if (in.read() < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }
    }

    /** One HTTP/1.1 answer read off the connection: status, headers (lower-case names) and the whole body. */
    private record Response(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }

        static Response read(InputStream in) throws IOException {
            String statusLine = line(in);
            assertThat(statusLine).as("status line").startsWith("HTTP/1.1 ");
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            assertThat(body).as("body of %d bytes", length).hasSize(length);
            return new Response(status, headers, body);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection ended inside an answer's head");
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            return b.toString(StandardCharsets.ISO_8859_1);
        }
    }
}

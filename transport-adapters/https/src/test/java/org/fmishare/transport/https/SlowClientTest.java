package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.junit.jupiter.api.Test;

/**
 * Denial of service without credentials: clients that send three bytes of a TLS ClientHello and stall must neither
 * block a legitimate mutual-TLS sender nor hold their sockets past the handshake deadline.
 */
class SlowClientTest {
    private static final Duration HANDSHAKE_DEADLINE = Duration.ofSeconds(2);
    /** Generous on a loaded machine: the watchdog must fire, not fire promptly. */
    private static final Duration CLOSE_MARGIN = Duration.ofSeconds(15);
    /** The acceptance bound for a legitimate envelope while the slow clients are connected. */
    private static final Duration ACCEPTANCE_BOUND = Duration.ofSeconds(5);
    /** The first three bytes of a TLS record header announcing a handshake (ClientHello) record. */
    private static final byte[] CLIENT_HELLO_START = {0x16, 0x03, 0x01};

    @Test
    void sixtyFourStalledHandshakesNeitherBlockAMutualTlsSenderNorKeepTheirSockets() throws Exception {
        Set<String> received = ConcurrentHashMap.newKeySet();
        EnvelopeReceiver receiver = EnvelopeReceiver.builder().verifier(Pki.companyVerifier()).signer(Pki.SMC)
                .onEnvelope(v -> received.add(v.envelopeId())).build();
        try (HttpsReceiverServer server = HttpsReceiverServer.builder().sslContext(Pki.serverTls())
                .requireClientCertificate(true).handler(receiver).handshakeTimeout(HANDSHAKE_DEADLINE).start()) {
            // The attackers come from another loopback address than the sender (Linux routes all of 127/8 to lo),
            // so the per-address cap limits them without touching the sender.
            InetAddress attacker = InetAddress.getByName("127.0.0.2");
            List<Socket> slow = new ArrayList<>();
            long openedAt = System.nanoTime();
            try {
                for (int i = 0; i < 64; i++) {
                    Socket s = new Socket();
                    s.bind(new InetSocketAddress(attacker, 0));
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
                    OutputStream out = s.getOutputStream();
                    out.write(CLIENT_HELLO_START);
                    out.flush();
                    slow.add(s);
                }

                SignedEnvelope envelope = Pki.share();
                long start = System.nanoTime();
                DeliveryResult result;
                try (HttpsTransport transport = HttpsTransport.builder().sslContext(Pki.clientTls())
                        .requestTimeout(Duration.ofSeconds(30)).build()) {
                    result = transport.deliver(new Delivery(envelope, server.uri()));
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                System.out.println("slow-client test: legitimate envelope accepted in " + took.toMillis()
                        + " ms with 64 stalled connections open");
                assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
                assertThat(received).containsExactly(envelope.envelopeId());
                assertThat(took).isLessThan(ACCEPTANCE_BOUND);

                long deadline = openedAt + HANDSHAKE_DEADLINE.plus(CLOSE_MARGIN).toNanos();
                for (Socket s : slow) {
                    assertThat(closedByServerBefore(s, deadline)).as("slow socket closed by the server").isTrue();
                }
                System.out.println("slow-client test: all 64 stalled sockets closed "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openedAt) + " ms after they opened");
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aClientAddressCannotHoldMoreThanItsShareOfConnections() throws Exception {
        EnvelopeReceiver receiver = EnvelopeReceiver.builder().verifier(Pki.companyVerifier()).signer(Pki.SMC)
                .onEnvelope(v -> { }).build();
        try (HttpsReceiverServer server = HttpsReceiverServer.builder().sslContext(Pki.serverTls())
                .requireClientCertificate(true).handler(receiver).maxConnectionsPerAddress(3)
                .handshakeTimeout(Duration.ofMinutes(5)).start()) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
                    s.getOutputStream().write(CLIENT_HELLO_START);
                    sockets.add(s);
                }
                // With a five-minute handshake deadline only the cap can close a socket within this test.
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                int closed = 0;
                for (Socket s : sockets.subList(3, 10)) {
                    closed += closedByServerBefore(s, deadline) ? 1 : 0;
                }
                assertThat(closed).isEqualTo(7);
                for (Socket s : sockets.subList(0, 3)) {
                    s.setSoTimeout(200);
                    assertThat(stillOpen(s)).as("admitted socket still open").isTrue();
                }
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }

    /** True when the server closed (or reset) the socket before the deadline. */
    private static boolean closedByServerBefore(Socket s, long deadlineNanos) throws IOException {
        InputStream in = s.getInputStream();
        while (true) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            s.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            try {
                if (in.read() < 0) {
                    return true;
                }
                // A TLS alert or other bytes: keep reading until the close.
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }
    }

    private static boolean stillOpen(Socket s) throws IOException {
        try {
            return s.getInputStream().read() >= 0;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

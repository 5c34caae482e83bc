package org.fmishare.transport.https;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy that resets connections on a deterministic schedule: every 7th connection (index 3 mod 7)
 * is reset on accept, and connections with index 5 mod 7 are reset after a connection-specific number of bytes from
 * the server (during the TLS handshake, or in the middle of a response the server has already produced). TLS passes
 * through unchanged, so the server's certificate still names 127.0.0.1.
 */
final class ResetProxy implements AutoCloseable {
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger resetOnAccept = new AtomicInteger();
    final AtomicInteger resetMidStream = new AtomicInteger();
    private final ServerSocket listener;
    private final int upstreamPort;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "reset-proxy");
        t.setDaemon(true);
        return t;
    });

    ResetProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        pool.submit(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                int n = connections.getAndIncrement();
                pool.submit(() -> serve(client, n));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client, int n) {
        if (n % 7 == 3) {
            resetOnAccept.incrementAndGet();
            reset(client);
            return;
        }
        Socket upstream;
        try {
            upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        } catch (IOException e) {
            reset(client);
            return;
        }
        long limit = n % 7 == 5 ? 500 + (n * 7919L) % 6000 : Long.MAX_VALUE;
        pool.submit(() -> pump(client, upstream, Long.MAX_VALUE));
        pump(upstream, client, limit);
    }

    private void pump(Socket from, Socket to, long limit) {
        byte[] buf = new byte[8192];
        long total = 0;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int r;
            while ((r = in.read(buf)) >= 0) {
                if (total + r > limit) {
                    out.write(buf, 0, (int) (limit - total));
                    out.flush();
                    resetMidStream.incrementAndGet();
                    reset(to);
                    reset(from);
                    return;
                }
                out.write(buf, 0, r);
                out.flush();
                total += r;
            }
            to.shutdownOutput();
        } catch (IOException e) {
            reset(to);
            reset(from);
        }
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        pool.shutdownNow();
    }
}

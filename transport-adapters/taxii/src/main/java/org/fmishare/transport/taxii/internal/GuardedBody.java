package org.fmishare.transport.taxii.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body with a deadline and a size window. The JDK client's request timeout ends when the headers
 * arrive, so a server that sends headers and then never finishes (or trickles bytes forever) would hold a read
 * for ever; here a watchdog closes the stream at the deadline, which ends a blocked read. The window counts the
 * bytes read since {@link #startWindow}, so one object of a page can be capped without reading all of it. Not API.
 */
public final class GuardedBody extends InputStream {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fmi-share-taxii-response-deadline");
        t.setDaemon(true);
        return t;
    });

    /** The deadline passed: the server did not finish its response in time. */
    public static final class DeadlinePassed extends IOException {
        private static final long serialVersionUID = 1L;

        DeadlinePassed(String message) {
            super(message);
        }
    }

    /** More bytes than the window allows. */
    public static final class WindowExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        WindowExceeded(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final Duration timeout;
    private final ScheduledFuture<?> deadline;
    private volatile boolean expired;
    private long windowStart = -1;
    private long windowLimit;
    private long read;

    /**
     * @param in the body
     * @param timeout how long the whole body may take from now
     */
    public GuardedBody(InputStream in, Duration timeout) {
        this.in = in;
        this.timeout = timeout;
        this.deadline = WATCHDOG.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void expire() {
        expired = true;
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing is how a blocked read is ended; a failure to close leaves nothing else to do.
        }
    }

    /**
     * Starts counting toward a limit.
     *
     * @param limit the most bytes that may be read before {@link #endWindow}
     */
    public void startWindow(long limit) {
        windowStart = read;
        windowLimit = limit;
    }

    /** Stops counting. */
    public void endWindow() {
        windowStart = -1;
    }

    private void check() throws IOException {
        if (expired) {
            throw new DeadlinePassed("the response did not finish within " + timeout.toSeconds() + " s");
        }
        if (windowStart >= 0 && read - windowStart > windowLimit) {
            throw new WindowExceeded("more than " + windowLimit + " bytes");
        }
    }

    @Override
    public int read() throws IOException {
        check();
        int b;
        try {
            b = in.read();
        } catch (IOException e) {
            check();
            throw e;
        }
        if (b >= 0) {
            read++;
        } else {
            check();
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        check();
        int n;
        try {
            n = in.read(buf, off, len);
        } catch (IOException e) {
            check();
            throw e;
        }
        if (n > 0) {
            read += n;
        } else {
            // A stream closed by the watchdog may just report its end: that is the deadline, not the end.
            check();
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        deadline.cancel(false);
        in.close();
    }
}

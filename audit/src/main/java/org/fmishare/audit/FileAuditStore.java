package org.fmishare.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link AuditStore}: a JSON-lines file, one canonical entry per line, readable with any text tool so
 * an overseer needs nothing but the file and the verifier.
 *
 * <p>Design note. Appends write the entry and its newline with one positional write at the end of the file and
 * {@code fsync} before returning. A crash can therefore leave at most one partial last line, which was never
 * acknowledged; on open such a tail is copied to a {@code .damaged-<millis>} file beside the log and cut off, and a
 * warning is logged. Nothing else is ever rewritten. Line offsets are kept in memory (8 bytes per entry) so reads
 * are positional. All file I/O runs on one daemon thread owned by the store: a {@code FileChannel} is closed when a
 * thread using it is interrupted, and callers (dispatcher workers, for one) are interrupted on shutdown, which must
 * not close the audit file under every other writer.
 *
 * <p>Thread-safe. One process may have the file open at a time (it is locked).
 */
public final class FileAuditStore implements AuditStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileAuditStore.class);
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private long[] offsets = new long[1024];
    private int count;
    private long end;
    private boolean closed;
    private final ExecutorService io;

    private FileAuditStore(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fmi-share-audit-io");
            t.setDaemon(true);
            return t;
        });
    }

    private interface Io<T> {
        T run() throws IOException;
    }

    /** Runs file I/O on the store's own thread and waits for it without being interruptible. */
    private <T> T io(Io<T> task) throws IOException {
        Future<T> f = io.submit(task::run);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException ioe) {
                        throw ioe;
                    }
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Opens (creating if needed) an audit file.
     *
     * @param file the file
     * @return the store
     * @throws AuditException.StorageFailed if it cannot be opened, is locked by another store, or cannot be read
     */
    public static FileAuditStore open(Path file) {
        Objects.requireNonNull(file, "file");
        Path abs = file.toAbsolutePath();
        FileChannel ch = null;
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            ch = FileChannel.open(abs, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new AuditException.StorageFailed("audit file " + abs + " is open in another store", null);
            }
            FileAuditStore s = new FileAuditStore(abs, ch, lock);
            s.scan();
            return s;
        } catch (IOException e) {
            closeQuietly(ch);
            throw new AuditException.StorageFailed("cannot open audit file " + abs + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // Already failing; the first error is the one to report.
            }
        }
    }

    private void scan() throws IOException {
        long size = channel.size();
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long pos = 0;
        long lineStart = 0;
        while (pos < size) {
            buf.clear();
            int n = channel.read(buf, pos);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    addOffset(lineStart);
                    lineStart = pos + i + 1;
                }
            }
            pos += n;
        }
        if (lineStart < size) {
            Path damaged = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size - lineStart, Integer.MAX_VALUE - 8));
            channel.read(tail, lineStart);
            Files.write(damaged, Arrays.copyOf(tail.array(), tail.position()));
            channel.truncate(lineStart);
            channel.force(true);
            LOG.warn("audit file {} ended in a partial entry of {} bytes (an append interrupted by a crash); "
                    + "moved to {}", file, size - lineStart, damaged);
        }
        end = lineStart;
    }

    private void addOffset(long offset) {
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[count++] = offset;
    }

    @Override
    public synchronized void append(long sequence, byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        checkOpen();
        if (sequence != count) {
            throw new AuditException.StorageFailed("append of sequence " + sequence + " but the file holds " + count
                    + " entries", null);
        }
        for (byte b : entry) {
            if (b == '\n' || b == '\r') {
                throw new IllegalArgumentException("an audit entry must not contain line breaks");
            }
        }
        ByteBuffer buf = ByteBuffer.allocate(entry.length + 1).put(entry).put((byte) '\n').flip();
        try {
            long start = end;
            io(() -> {
                long pos = start;
                while (buf.hasRemaining()) {
                    pos += channel.write(buf, pos);
                }
                channel.force(false);
                return null;
            });
        } catch (IOException e) {
            throw new AuditException.StorageFailed("cannot append to audit file " + file + ": " + e.getMessage(), e);
        }
        addOffset(end);
        end += entry.length + 1;
    }

    @Override
    public synchronized long size() {
        checkOpen();
        return count;
    }

    @Override
    public synchronized List<byte[]> read(long fromIndex, int max) {
        checkOpen();
        if (fromIndex < 0 || max < 1) {
            throw new IllegalArgumentException("fromIndex must be >= 0 and max >= 1, were " + fromIndex + ", " + max);
        }
        List<byte[]> out = new ArrayList<>();
        try {
            io(() -> {
                for (long i = fromIndex; i < count && out.size() < max; i++) {
                    long start = offsets[(int) i];
                    long stop = i + 1 < count ? offsets[(int) i + 1] : end;
                    int len = (int) (stop - start - 1);
                    ByteBuffer buf = ByteBuffer.allocate(len);
                    while (buf.hasRemaining()) {
                        if (channel.read(buf, start + buf.position()) < 0) {
                            throw new IOException("file shrank while reading");
                        }
                    }
                    out.add(buf.array());
                }
                return null;
            });
        } catch (IOException e) {
            throw new AuditException.StorageFailed("cannot read audit file " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the audit store is closed");
        }
    }

    /** {@return the file this store writes} */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        io.shutdown();
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new AuditException.StorageFailed("cannot close audit file " + file + ": " + e.getMessage(), e);
        }
    }
}

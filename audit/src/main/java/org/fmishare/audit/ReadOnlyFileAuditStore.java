package org.fmishare.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A read-only view of a {@link FileAuditStore}'s file, for verifying evidence: the file is opened for reading only,
 * so nothing here can truncate, repair or create it. {@link #append} always fails.
 *
 * <p>Design note. The writer cuts a partial last line when it opens a log, because only it knows that line was
 * never acknowledged. A verifier must not: it reports what the file holds. So the bytes after the last line break,
 * if any, are offered as one more entry, and the verifier then judges them: a complete entry that merely lacks its
 * final newline verifies, while trailing garbage (NUL bytes from a crash, say) fails verification at that entry;
 * {@link #unterminatedTailOffset()} says where in the file such bytes start. The file's size is taken once when it is
 * opened, so a writer appending at the same time cannot make the view change under the verifier. No lock is taken,
 * so a log can be verified while its writer has it open.
 *
 * <p>Thread-safe.
 */
public final class ReadOnlyFileAuditStore implements AuditStore {
    private final Path file;
    private final FileChannel channel;
    private final long[] offsets;
    private final long end;
    private final OptionalLong tail;
    private boolean closed;

    private ReadOnlyFileAuditStore(Path file, FileChannel channel, long[] offsets, long end, OptionalLong tail) {
        this.file = file;
        this.channel = channel;
        this.offsets = offsets;
        this.end = end;
        this.tail = tail;
    }

    /**
     * Opens an existing audit file for reading only.
     *
     * @param file the file
     * @return the view
     * @throws AuditException.StorageFailed if it does not exist, is not a regular file, or cannot be read
     */
    public static ReadOnlyFileAuditStore open(Path file) {
        Objects.requireNonNull(file, "file");
        Path abs = file.toAbsolutePath();
        if (!Files.isRegularFile(abs)) {
            throw new AuditException.StorageFailed("audit file " + abs + " does not exist or is not a regular file",
                    null);
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(abs, StandardOpenOption.READ);
            long size = ch.size();
            long[] offsets = new long[1024];
            int count = 0;
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            long pos = 0;
            long lineStart = 0;
            while (pos < size) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), size - pos));
                int n = ch.read(buf, pos);
                if (n <= 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buf.get(i) == '\n') {
                        if (count == offsets.length) {
                            offsets = Arrays.copyOf(offsets, count * 2);
                        }
                        offsets[count++] = lineStart;
                        lineStart = pos + i + 1;
                    }
                }
                pos += n;
            }
            OptionalLong tail = OptionalLong.empty();
            if (lineStart < size) {
                if (count == offsets.length) {
                    offsets = Arrays.copyOf(offsets, count + 1);
                }
                offsets[count++] = lineStart;
                tail = OptionalLong.of(lineStart);
            }
            return new ReadOnlyFileAuditStore(abs, ch, Arrays.copyOf(offsets, count), size, tail);
        } catch (IOException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // Already failing; the first error is the one to report.
                }
            }
            throw new AuditException.StorageFailed("cannot read audit file " + abs + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@return where the bytes after the file's last line break start, if the file does not end with one}; those
     * bytes are offered as the last entry
     */
    public OptionalLong unterminatedTailOffset() {
        return tail;
    }

    /** {@return the file this view reads} */
    public Path file() {
        return file;
    }

    /**
     * Always fails: this view never writes.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void append(long sequence, byte[] entry) {
        throw new UnsupportedOperationException("the audit file " + file + " is open read-only");
    }

    @Override
    public synchronized long size() {
        checkOpen();
        return offsets.length;
    }

    @Override
    public synchronized List<byte[]> read(long fromIndex, int max) {
        checkOpen();
        if (fromIndex < 0 || max < 1) {
            throw new IllegalArgumentException("fromIndex must be >= 0 and max >= 1, were " + fromIndex + ", " + max);
        }
        List<byte[]> out = new ArrayList<>();
        try {
            for (long i = fromIndex; i < offsets.length && out.size() < max; i++) {
                long start = offsets[(int) i];
                long stop = i + 1 < offsets.length ? offsets[(int) i + 1] - 1 : lastStop();
                ByteBuffer buf = ByteBuffer.allocate((int) (stop - start));
                while (buf.hasRemaining()) {
                    if (channel.read(buf, start + buf.position()) < 0) {
                        throw new IOException("file shrank while reading");
                    }
                }
                out.add(buf.array());
            }
        } catch (IOException e) {
            throw new AuditException.StorageFailed("cannot read audit file " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The end of the last entry: before its newline, or the end of the file for an unterminated tail. */
    private long lastStop() {
        return tail.isPresent() ? end : end - 1;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the audit store is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            throw new AuditException.StorageFailed("cannot close audit file " + file + ": " + e.getMessage(), e);
        }
    }
}

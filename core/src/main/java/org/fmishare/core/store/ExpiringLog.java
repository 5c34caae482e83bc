package org.fmishare.core.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of records that expire, for stores that must remember something until a given instant across
 * restarts on one machine. Each record is one checksummed line, synced to disk before {@link #append} returns. On open
 * a torn last line (a crash during the write, never acknowledged) is cut, a damaged line elsewhere is skipped and
 * logged, and expired records are dropped; {@link #rewrite} replaces the file atomically with the records still live,
 * so the file's size follows the live records and not the history.
 *
 * <p>One process at a time: a sibling {@code .lock} file is locked while open (a separate file, so that rewriting the
 * log keeps the lock). Writes go through {@link RandomAccessFile}, which a thread interrupt does not close. Not
 * thread-safe: its owner serialises calls.
 */
public final class ExpiringLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExpiringLog.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    /**
     * One record.
     *
     * @param fields the record's values (any text; stored base64url-encoded)
     * @param retainUntil when the record may be forgotten
     */
    public record Entry(List<String> fields, Instant retainUntil) {
        /** Copies the fields; none may be null. */
        public Entry {
            fields = List.copyOf(fields);
            Objects.requireNonNull(retainUntil, "retainUntil");
        }
    }

    private final Path file;
    private final int fieldCount;
    private final int minFieldCount;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private RandomAccessFile out;
    private int lines;
    private boolean closed;

    private ExpiringLog(Path file, int fieldCount, int minFieldCount, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.fieldCount = fieldCount;
        this.minFieldCount = minFieldCount;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (or creates) a log and reads back the records live at {@code now}.
     *
     * @param file the log file; its directory must exist
     * @param fieldCount how many fields each record has
     * @param now the current time; records whose {@code retainUntil} is before it are dropped
     * @param live receives the live records, oldest first
     * @return the open log
     * @throws UncheckedIOException when the file cannot be read or written, or another process has it open
     */
    public static ExpiringLog open(Path file, int fieldCount, Instant now, List<Entry> live) {
        return open(file, fieldCount, fieldCount, now, live);
    }

    /**
     * Opens (or creates) a log whose records gained fields over time, reading back the records live at {@code now}:
     * lines written by an earlier format with fewer fields (at least {@code minFieldCount}) are read as entries with
     * those fewer fields, so that the owner decides what a missing field means instead of losing the record as
     * damaged. New records are appended with exactly {@code fieldCount} fields.
     *
     * @param file the log file; its directory must exist
     * @param fieldCount how many fields a record has now
     * @param minFieldCount how many fields the oldest readable format had (1 to {@code fieldCount})
     * @param now the current time; records whose {@code retainUntil} is before it are dropped
     * @param live receives the live records, oldest first
     * @return the open log
     * @throws UncheckedIOException when the file cannot be read or written, or another process has it open
     */
    public static ExpiringLog open(Path file, int fieldCount, int minFieldCount, Instant now, List<Entry> live) {
        if (minFieldCount < 1 || minFieldCount > fieldCount) {
            throw new IllegalArgumentException("minFieldCount must be 1 to fieldCount (" + fieldCount + "), was "
                    + minFieldCount);
        }
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(live, "live");
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        FileChannel lockChannel = null;
        try {
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IOException("in use by another process or store (" + lockFile.getFileName()
                        + " is locked)");
            }
            ExpiringLog log = new ExpiringLog(file, fieldCount, minFieldCount, lockChannel, lock);
            boolean rewrite = log.read(now, live);
            if (rewrite) {
                log.replace(live);
            }
            log.out = new RandomAccessFile(file.toFile(), "rw");
            log.out.seek(log.out.length());
            log.lines = live.size();
            return log;
        } catch (IOException e) {
            if (lockChannel != null) {
                try {
                    lockChannel.close();
                } catch (IOException ignored) {
                    // Closing releases the lock; nothing else to undo.
                }
            }
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private boolean read(Instant now, List<Entry> live) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
        boolean rewrite = false;
        int start = 0;
        int lineNo = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            lineNo++;
            if (end < 0) {
                // The append that wrote it never returned, so nothing was acknowledged on its strength.
                LOG.warn("{}: cutting a torn last line ({} bytes)", file, text.length() - start);
                rewrite = true;
                break;
            }
            Optional<Entry> e = parse(text.substring(start, end));
            if (e.isEmpty()) {
                LOG.warn("{}: line {} is damaged and was skipped", file, lineNo);
                rewrite = true;
            } else if (e.get().retainUntil().isBefore(now)) {
                rewrite = true;
            } else {
                live.add(e.get());
            }
            start = end + 1;
        }
        return rewrite;
    }

    /**
     * Appends a record and syncs it to disk.
     *
     * @param entry the record, with exactly the log's number of fields
     * @throws UncheckedIOException when it cannot be written
     */
    public void append(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.fields().size() != fieldCount) {
            throw new IllegalArgumentException("a record of " + file + " has " + fieldCount + " fields, not "
                    + entry.fields().size());
        }
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        try {
            out.write((format(entry) + "\n").getBytes(StandardCharsets.US_ASCII));
            out.getFD().sync();
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@return the number of records in the file, live or not} */
    public int lines() {
        return lines;
    }

    /**
     * Replaces the file's content with the given records, atomically: a crash leaves the old file or the new one.
     *
     * @param live the records to keep (each with {@code minFieldCount} to {@code fieldCount} fields: a record read
     *     in an earlier format may be kept as it was)
     * @throws UncheckedIOException when the file cannot be rewritten (the old one is then still in use)
     */
    public void rewrite(Collection<Entry> live) {
        Objects.requireNonNull(live, "live");
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        for (Entry e : live) {
            if (e.fields().size() < minFieldCount || e.fields().size() > fieldCount) {
                throw new IllegalArgumentException("a record of " + file + " has " + minFieldCount + " to "
                        + fieldCount + " fields, not " + e.fields().size());
            }
        }
        try {
            replace(live);
            out.close();
            out = new RandomAccessFile(file.toFile(), "rw");
            out.seek(out.length());
            lines = live.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + file + ": " + e.getMessage(), e);
        }
    }

    private void replace(Collection<Entry> live) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        StringBuilder sb = new StringBuilder();
        live.forEach(e -> sb.append(format(e)).append('\n'));
        Files.write(tmp, sb.toString().getBytes(StandardCharsets.US_ASCII));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Releases the file and its lock. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (out != null) {
                out.close();
            }
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("closing {} failed: {}", file, e.toString());
        }
    }

    private static String format(Entry e) {
        List<String> parts = new ArrayList<>();
        e.fields().forEach(f -> parts.add(B64.encodeToString(f.getBytes(StandardCharsets.UTF_8))));
        parts.add(Long.toString(e.retainUntil().getEpochSecond()));
        parts.add(Integer.toString(e.retainUntil().getNano()));
        String fields = String.join(" ", parts);
        return fields + " " + crc(fields);
    }

    private Optional<Entry> parse(String line) {
        int last = line.lastIndexOf(' ');
        if (last < 0 || !line.substring(last + 1).equals(crc(line.substring(0, last)))) {
            return Optional.empty();
        }
        String[] f = line.substring(0, last).split(" ", -1);
        int count = f.length - 2;
        if (count < minFieldCount || count > fieldCount) {
            return Optional.empty();
        }
        try {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                fields.add(new String(UNB64.decode(f[i]), StandardCharsets.UTF_8));
            }
            return Optional.of(new Entry(fields, Instant.ofEpochSecond(Long.parseLong(f[count]),
                    Integer.parseInt(f[count + 1]))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String crc(String s) {
        CRC32C c = new CRC32C();
        c.update(s.getBytes(StandardCharsets.US_ASCII));
        return Long.toHexString(c.getValue());
    }
}

package org.fmishare.delivery.outbox;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link OutboxStore}: an append-only journal file, no server needed.
 *
 * <p>Design note. Every state change is one framed record: {@code int length, int CRC32C(body), body}. A single
 * writer thread takes all records waiting at that moment, writes them with one {@code write} and makes them durable
 * with one {@code fsync} (group commit), so many concurrent callers share the cost of a sync while each call still
 * returns only after its record is on disk. Readers see a change only once it is durable: the dispatcher therefore
 * never sends an envelope whose enqueue could still be lost. On open the journal is replayed; the first record that
 * is short (torn by a crash) or fails its checksum ends the replay, the bytes from there on are copied to a
 * {@code .damaged-<millis>} file beside the journal, and the journal is truncated to its last intact record. The
 * {@link #recovery()} report says what happened. Invariant: the in-memory state equals the replay of the durable
 * journal prefix.
 *
 * <p>Thread-safe. One process may have a journal open at a time (the file is locked).
 */
public final class FileJournalStore implements OutboxStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileJournalStore.class);
    // Version 2: an enqueue record also holds the signed JWS the wire bytes were made from (see OutboxEntry).
    private static final byte[] MAGIC = {'F', 'M', 'I', 'O', 'B', 'X', 0, 2};
    private static final int MAX_BODY = 64 * 1024 * 1024;
    private static final int MAX_TEXT = 2_000;

    private static final byte ENQUEUED = 1;
    private static final byte FAILED = 2;
    private static final byte DELIVERED = 3;
    private static final byte DEAD = 4;
    private static final byte REPLAYED = 5;

    private final Path file;
    private final FileChannel channel;
    private final java.nio.channels.FileLock lock;
    private final RecoveryReport recovery;
    /** Durable state, visible to readers. Written only by the writer thread (and during recovery). */
    private final Map<String, OutboxEntry> durable = new ConcurrentHashMap<>();
    /** State including changes still being written; transitions are validated against it. */
    private final Map<String, OutboxEntry> latest = new LinkedHashMap<>();
    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final int maxBatch;
    private volatile IOException failure;
    private volatile boolean closed;

    private record Write(byte[] frame, OutboxEntry result, CompletableFuture<Void> done) {}

    private FileJournalStore(Path file, int maxBatch) throws IOException {
        this.file = file.toAbsolutePath();
        this.maxBatch = maxBatch;
        Path parent = this.file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        java.nio.channels.FileLock l;
        try {
            l = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            channel.close();
            throw new IOException("outbox journal " + this.file + " is open in another store or process");
        }
        this.lock = l;
        this.recovery = recover();
        latest.putAll(durable);
        this.writer = new Thread(this::writeLoop, "fmi-share-outbox-journal");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Opens (creating if needed) a journal and replays it.
     *
     * @param file the journal file
     * @return the open store
     * @throws OutboxException if the file cannot be opened, locked or read
     */
    public static FileJournalStore open(Path file) {
        return open(file, 1024);
    }

    /**
     * Opens a journal with a limit on how many records one group commit may hold.
     *
     * @param file the journal file
     * @param maxBatch at least 1
     * @return the open store
     * @throws OutboxException if the file cannot be opened, locked or read
     */
    public static FileJournalStore open(Path file, int maxBatch) {
        Objects.requireNonNull(file, "file");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        try {
            return new FileJournalStore(file, maxBatch);
        } catch (IOException e) {
            throw new OutboxException.StorageFailed("cannot open outbox journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@return what replaying the journal found when it was opened} */
    public RecoveryReport recovery() {
        return recovery;
    }

    /** {@return the journal file} */
    public Path file() {
        return file;
    }

    @Override
    public boolean enqueue(OutboxEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.state() != OutboxState.QUEUED || entry.attempts() != 0) {
            throw new IllegalArgumentException("only a fresh QUEUED entry can be enqueued, got " + entry);
        }
        CompletableFuture<Void> done;
        synchronized (latest) {
            if (latest.containsKey(entry.envelopeId())) {
                return false;
            }
            done = submit(encode(ENQUEUED, entry.envelopeId(), out -> {
                out.writeUTF(entry.destination());
                out.writeUTF(entry.recipientId());
                writeInstant(out, entry.expiresAt());
                out.writeUTF(entry.digest());
                writeInstant(out, entry.enqueuedAt());
                writeBytes(out, entry.envelope());
                writeBytes(out, entry.signedEnvelope());
            }), entry);
        }
        await(done);
        return true;
    }

    @Override
    public void recordFailure(String envelopeId, int attempts, Instant nextAttemptAt, String error) {
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        String err = clip(Objects.requireNonNull(error, "error"));
        transition(envelopeId, OutboxState.QUEUED, "retried", e -> e.withAttempt(attempts, nextAttemptAt, err),
                FAILED, out -> {
                    out.writeInt(attempts);
                    writeInstant(out, nextAttemptAt);
                    out.writeUTF(err);
                });
    }

    @Override
    public void markDelivered(String envelopeId, Instant at, byte[] receipt) {
        Objects.requireNonNull(at, "at");
        byte[] r = Objects.requireNonNull(receipt, "receipt").clone();
        transition(envelopeId, OutboxState.QUEUED, "delivered", e -> e.delivered(at, r), DELIVERED, out -> {
            writeInstant(out, at);
            writeBytes(out, r);
        });
    }

    @Override
    public void markDead(String envelopeId, Instant at, String reason) {
        Objects.requireNonNull(at, "at");
        String why = clip(Objects.requireNonNull(reason, "reason"));
        transition(envelopeId, OutboxState.QUEUED, "declared dead", e -> e.dead(at, why), DEAD, out -> {
            writeInstant(out, at);
            out.writeUTF(why);
        });
    }

    @Override
    public void replay(String envelopeId, Instant at) {
        Objects.requireNonNull(at, "at");
        transition(envelopeId, OutboxState.DEAD, "replayed", e -> e.replayed(at), REPLAYED,
                out -> writeInstant(out, at));
    }

    @Override
    public Optional<OutboxEntry> find(String envelopeId) {
        return Optional.ofNullable(durable.get(envelopeId));
    }

    @Override
    public List<OutboxEntry> list(OutboxState state) {
        return durable.values().stream().filter(e -> e.state() == state)
                .sorted(Comparator.comparing(OutboxEntry::enqueuedAt).thenComparing(OutboxEntry::envelopeId))
                .toList();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.interrupt();
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing outbox journal {} failed: {}", file, e.toString());
        }
    }

    private interface BodyWriter {
        void write(DataOutputStream out) throws IOException;
    }

    private void transition(String envelopeId, OutboxState required, String action,
            java.util.function.UnaryOperator<OutboxEntry> change, byte type, BodyWriter body) {
        Objects.requireNonNull(envelopeId, "envelopeId");
        CompletableFuture<Void> done;
        synchronized (latest) {
            OutboxEntry current = latest.get(envelopeId);
            if (current == null) {
                throw new OutboxException.UnknownEnvelope(envelopeId);
            }
            if (current.state() != required) {
                throw new OutboxException.IllegalTransition(envelopeId, current.state(), action);
            }
            done = submit(encode(type, envelopeId, body), change.apply(current));
        }
        await(done);
    }

    /** Called with {@code latest} locked, so journal order equals validation order. */
    private CompletableFuture<Void> submit(byte[] frame, OutboxEntry result) {
        if (closed) {
            throw new OutboxException.StorageFailed("outbox journal " + file + " is closed", null);
        }
        IOException f = failure;
        if (f != null) {
            throw new OutboxException.StorageFailed("outbox journal " + file
                    + " failed earlier and accepts no more changes: " + f, f);
        }
        latest.put(result.envelopeId(), result);
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Write(frame, result, done));
        return done;
    }

    private void await(CompletableFuture<Void> done) {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxException.StorageFailed("interrupted while waiting for the outbox journal to sync", e);
        } catch (ExecutionException e) {
            throw new OutboxException.StorageFailed("writing the outbox journal " + file + " failed: " + e.getCause(),
                    e.getCause());
        }
    }

    private void writeLoop() {
        List<Write> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                if (queue.isEmpty()) {
                    return;
                }
            }
            queue.drainTo(batch, maxBatch - batch.size());
            if (batch.isEmpty()) {
                continue;
            }
            try {
                int size = batch.stream().mapToInt(w -> w.frame().length).sum();
                ByteBuffer buf = ByteBuffer.allocate(size);
                batch.forEach(w -> buf.put(w.frame()));
                buf.flip();
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
                channel.force(false);
                for (Write w : batch) {
                    durable.put(w.result().envelopeId(), w.result());
                    w.done().complete(null);
                }
            } catch (IOException | RuntimeException e) {
                IOException io = e instanceof IOException ioe ? ioe : new IOException(e);
                failure = io;
                LOG.error("outbox journal {} failed; the store accepts no more changes: {}", file, io.toString());
                batch.forEach(w -> w.done().completeExceptionally(io));
                List<Write> rest = new ArrayList<>();
                queue.drainTo(rest);
                rest.forEach(w -> w.done().completeExceptionally(io));
            }
            batch.clear();
            if (closed && queue.isEmpty()) {
                return;
            }
        }
    }

    private RecoveryReport recover() throws IOException {
        long size = channel.size();
        if (size == 0) {
            channel.write(ByteBuffer.wrap(MAGIC));
            channel.force(true);
            return new RecoveryReport(0, 0, 0, Optional.empty(), Optional.empty());
        }
        long records = 0;
        long good = 0;
        String damage = null;
        InputStream raw = new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16);
        DataInputStream in = new DataInputStream(raw);
        byte[] magic = new byte[MAGIC.length];
        int n = in.readNBytes(magic, 0, magic.length);
        if (n < MAGIC.length || !Arrays.equals(magic, MAGIC)) {
            throw new IOException(file + " is not an fmi-share outbox journal (bad header)");
        }
        good = MAGIC.length;
        CRC32C crc = new CRC32C();
        while (good < size) {
            long remaining = size - good;
            if (remaining < 8) {
                damage = "torn record header at offset " + good;
                break;
            }
            int length = in.readInt();
            int checksum = in.readInt();
            if (length <= 0 || length > MAX_BODY) {
                damage = "invalid record length " + length + " at offset " + good;
                break;
            }
            if (remaining - 8 < length) {
                damage = "torn record at offset " + good + " (" + (remaining - 8) + " of " + length + " bytes)";
                break;
            }
            byte[] body = in.readNBytes(length);
            crc.reset();
            crc.update(body);
            if ((int) crc.getValue() != checksum) {
                damage = "checksum mismatch in record at offset " + good;
                break;
            }
            try {
                apply(body);
            } catch (IOException | RuntimeException e) {
                damage = "undecodable record at offset " + good + ": " + e.getMessage();
                break;
            }
            records++;
            good += 8 + length;
        }
        Optional<Path> copy = Optional.empty();
        if (damage != null) {
            Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
            try (FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                channel.transferTo(good, size - good, out);
                out.force(true);
            }
            channel.truncate(good);
            channel.force(true);
            copy = Optional.of(aside);
            LOG.warn("outbox journal {}: {}; kept {} intact records, moved {} damaged bytes to {}", file, damage,
                    records, size - good, aside);
        }
        channel.position(channel.size());
        return new RecoveryReport(records, durable.size(), size - good, Optional.ofNullable(damage), copy);
    }

    private void apply(byte[] body) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        byte type = in.readByte();
        String id = in.readUTF();
        OutboxEntry current = durable.get(id);
        OutboxEntry next;
        if (type == ENQUEUED) {
            if (current != null) {
                throw new IOException("second enqueue of " + id);
            }
            String destination = in.readUTF();
            String recipient = in.readUTF();
            Instant expires = readInstant(in);
            String digest = in.readUTF();
            Instant at = readInstant(in);
            byte[] envelope = readBytes(in);
            next = OutboxEntry.queued(id, destination, recipient, expires, digest, envelope, readBytes(in), at);
        } else {
            if (current == null) {
                throw new IOException("state change for unknown envelope " + id);
            }
            next = switch (type) {
                case FAILED -> current.withAttempt(in.readInt(), readInstant(in), in.readUTF());
                case DELIVERED -> current.delivered(readInstant(in), readBytes(in));
                case DEAD -> current.dead(readInstant(in), in.readUTF());
                case REPLAYED -> current.replayed(readInstant(in));
                default -> throw new IOException("unknown record type " + type);
            };
        }
        if (in.available() != 0) {
            throw new IOException("trailing bytes in record");
        }
        durable.put(id, next);
    }

    private static byte[] encode(byte type, String envelopeId, BodyWriter body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(0);
            out.writeInt(0);
            out.writeByte(type);
            out.writeUTF(envelopeId);
            body.write(out);
            out.flush();
            byte[] frame = bytes.toByteArray();
            int length = frame.length - 8;
            if (length > MAX_BODY) {
                throw new IllegalArgumentException("outbox record of " + length + " bytes exceeds " + MAX_BODY);
            }
            CRC32C crc = new CRC32C();
            crc.update(frame, 8, length);
            ByteBuffer.wrap(frame).putInt(length).putInt((int) crc.getValue());
            return frame;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeInstant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > MAX_BODY) {
            throw new IOException("invalid byte length " + len);
        }
        byte[] b = in.readNBytes(len);
        if (b.length != len) {
            throw new EOFException();
        }
        return b;
    }

    private static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }
}

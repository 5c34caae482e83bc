package org.fmishare.delivery.outbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link OutboxStore}: an append-only journal file, no server needed.
 *
 * <p>Design note. The file starts with an 8-byte header whose last byte is the format version (3). Every state
 * change is one frame:
 *
 * <pre>
 *   sync marker (4) | body length N (4) | delivery id (modified UTF-8, 2 + k) | CRC32C(length, id) (4)
 *   | body (N: record type, delivery id, fields) | N again (4) | CRC32C(body) (4)
 * </pre>
 *
 * Records are keyed by the entry's {@linkplain OutboxEntry#deliveryId() delivery id} (envelope and destination), so
 * one envelope queued for several destinations is several entries; an enqueue or snapshot record also holds the
 * envelope id. A journal in format 2, which keyed records by envelope id alone, is read (each of its envelopes had
 * one destination) and rewritten in format 3 on open.
 *
 * The header check makes the length trustworthy before it is used, so a damaged length can never make the rest of
 * the file look like one torn record; the sync marker lets recovery find the next frame after a damaged one; the
 * id in the checked header names the envelope a damaged body belonged to; the trailer (length and body checksum)
 * lets recovery read a body backwards from the next frame when only its header was damaged. A single writer thread
 * takes all records waiting at that moment, writes them with one {@code write} and makes them durable with one
 * {@code fsync} (group commit), so many concurrent callers share the cost of a sync while each call still returns
 * only after its record is on disk. Readers see a change only once it is durable: the dispatcher therefore never
 * sends an envelope whose enqueue could still be lost.
 *
 * <p>Recovery on open replays every intact frame, skips a damaged one and resynchronises on the next intact frame,
 * so damage in the middle never drops later records. Only a damaged region with no intact frame after it (a record
 * torn by a crash mid-write, which was never acknowledged) is cut: it is copied to a {@code .damaged-<millis>} file
 * beside the journal and the journal is truncated there. If damage was found anywhere else, the whole original file
 * is kept as the {@code .damaged-<millis>} copy and the journal is rewritten, atomically, as one snapshot record per
 * surviving entry, so the damage is reported once and not again on every open. The {@link #recovery()} report names
 * every envelope that could not be recovered and every entry that fell back to an earlier state. Invariant: the
 * in-memory state equals the replay of the durable journal.
 *
 * <p>Thread-safe. One process may have a journal open at a time (the file is locked).
 */
public final class FileJournalStore implements OutboxStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileJournalStore.class);
    /**
     * The file header; its last byte is the format version. Version 2: synchronised frames, and an enqueue record
     * also holds the signed JWS the wire bytes were made from (see OutboxEntry). Version 3: records keyed by
     * delivery id (envelope and destination).
     */
    private static final byte[] MAGIC = {'F', 'M', 'I', 'O', 'B', 'X', 0, 3};
    /** Format 2: records keyed by envelope id alone; read, translated to delivery ids, and rewritten. */
    private static final byte[] MAGIC_V2 = {'F', 'M', 'I', 'O', 'B', 'X', 0, 2};
    /** The header of the first format (unsynchronised frames), which this version refuses rather than misreads. */
    private static final byte[] MAGIC_V1 = {'F', 'M', 'I', 'O', 'B', 'X', 0, 1};
    /** Starts every frame; recovery scans for it after a damaged frame. */
    private static final int SYNC = 0xF15A_0B7E;
    private static final int MAX_ID_BYTES = 1024;
    /** Frame bytes besides the id and the body: sync, length, header CRC, trailer length, body CRC. */
    private static final int FRAME_OVERHEAD = 4 + 4 + 2 + 4 + 4 + 4;
    private static final int MAX_BODY = 64 * 1024 * 1024;
    private static final int MAX_TEXT = 2_000;

    private static final byte ENQUEUED = 1;
    private static final byte FAILED = 2;
    private static final byte DELIVERED = 3;
    private static final byte DEAD = 4;
    private static final byte REPLAYED = 5;
    /** A whole entry, written only when a damaged journal is rewritten. */
    private static final byte SNAPSHOT = 6;

    private final Path file;
    /** Not final: rewriting a damaged journal swaps in the channel (and lock) of the rewritten file. */
    private FileChannel channel;
    private java.nio.channels.FileLock lock;
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
    /** Set while a format-2 journal is replayed: its records name envelope ids, translated through legacyKeys. */
    private boolean legacyV2;
    private final Map<String, String> legacyKeys = new java.util.HashMap<>();

    private record Write(byte[] frame, OutboxEntry result, CompletableFuture<Void> done) {}

    /**
     * Queued by {@link #close()} after the last write. The writer thread is never interrupted: an interrupt during a
     * {@link FileChannel} write or force closes the channel for good (ClosedByInterruptException).
     */
    private static final Write STOP = new Write(new byte[0], null, null);

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
            if (latest.containsKey(entry.deliveryId())) {
                return false;
            }
            done = submit(encode(ENQUEUED, entry.deliveryId(), out -> {
                out.writeUTF(entry.envelopeId());
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
    public void recordFailure(String deliveryId, int attempts, Instant nextAttemptAt, String error) {
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        String err = clip(Objects.requireNonNull(error, "error"));
        transition(deliveryId, OutboxState.QUEUED, "retried", e -> e.withAttempt(attempts, nextAttemptAt, err),
                FAILED, out -> {
                    out.writeInt(attempts);
                    writeInstant(out, nextAttemptAt);
                    out.writeUTF(err);
                });
    }

    @Override
    public void markDelivered(String deliveryId, Instant at, byte[] receipt) {
        Objects.requireNonNull(at, "at");
        byte[] r = Objects.requireNonNull(receipt, "receipt").clone();
        transition(deliveryId, OutboxState.QUEUED, "delivered", e -> e.delivered(at, r), DELIVERED, out -> {
            writeInstant(out, at);
            writeBytes(out, r);
        });
    }

    @Override
    public void markDead(String deliveryId, Instant at, String reason) {
        Objects.requireNonNull(at, "at");
        String why = clip(Objects.requireNonNull(reason, "reason"));
        transition(deliveryId, OutboxState.QUEUED, "declared dead", e -> e.dead(at, why), DEAD, out -> {
            writeInstant(out, at);
            out.writeUTF(why);
        });
    }

    @Override
    public void replay(String deliveryId, Instant at) {
        Objects.requireNonNull(at, "at");
        transition(deliveryId, OutboxState.DEAD, "replayed", e -> e.replayed(at), REPLAYED,
                out -> writeInstant(out, at));
    }

    @Override
    public Optional<OutboxEntry> find(String deliveryId) {
        return Optional.ofNullable(durable.get(deliveryId));
    }

    @Override
    public List<OutboxEntry> list(OutboxState state) {
        return durable.values().stream().filter(e -> e.state() == state)
                .sorted(Comparator.comparing(OutboxEntry::enqueuedAt).thenComparing(OutboxEntry::envelopeId)
                        .thenComparing(OutboxEntry::destination))
                .toList();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        synchronized (latest) {
            // Under the lock submit() holds, so no write can be queued behind STOP.
            closed = true;
            queue.add(STOP);
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (writer.isAlive() && System.nanoTime() < deadline) {
            try {
                writer.join(1_000);
            } catch (InterruptedException e) {
                // Finish closing (the pending writes are acknowledged first); the caller sees its interrupt after.
                interrupted = true;
            }
        }
        if (interrupted) {
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

    private void transition(String deliveryId, OutboxState required, String action,
            java.util.function.UnaryOperator<OutboxEntry> change, byte type, BodyWriter body) {
        Objects.requireNonNull(deliveryId, "deliveryId");
        CompletableFuture<Void> done;
        synchronized (latest) {
            OutboxEntry current = latest.get(deliveryId);
            if (current == null) {
                throw new OutboxException.UnknownEnvelope(deliveryId);
            }
            if (current.state() != required) {
                throw new OutboxException.IllegalTransition(deliveryId, current.state(), action);
            }
            done = submit(encode(type, deliveryId, body), change.apply(current));
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
        latest.put(result.deliveryId(), result);
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Write(frame, result, done));
        return done;
    }

    /**
     * Waits for the writer to make a change durable. An interrupt does not cut the wait short: the change is already
     * on its way to disk, and a caller told "failed" about a change that then becomes durable would act on a false
     * answer. The sync is short, so the wait is too; the interrupt status is restored for the caller.
     */
    private void await(CompletableFuture<Void> done) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    done.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new OutboxException.StorageFailed("writing the outbox journal " + file + " failed: "
                            + e.getCause(), e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeLoop() {
        List<Write> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                // Nobody interrupts this thread on purpose; close() queues STOP instead.
                continue;
            }
            queue.drainTo(batch, maxBatch - batch.size());
            boolean stop = batch.removeIf(w -> w == STOP);
            if (batch.isEmpty()) {
                if (stop) {
                    return;
                }
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
                    durable.put(w.result().deliveryId(), w.result());
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
            if (stop) {
                return;
            }
        }
    }

    /** A frame header that passed its checksum: the id it names and where the body and the frame end. */
    private record Header(String envelopeId, int bodyStart, int bodyLength, long frameEnd) {}

    private RecoveryReport recover() throws IOException {
        long size = channel.size();
        if (size == 0) {
            channel.write(ByteBuffer.wrap(MAGIC));
            channel.force(true);
            return new RecoveryReport(0, 0, 0, Optional.empty(), Optional.empty(), List.of(), List.of(), 0);
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException(file + " is larger than an outbox journal can be (" + size + " bytes)");
        }
        // The whole journal is read at once: recovery needs random access to resynchronise, and every envelope in
        // it is held in memory after replay anyway.
        byte[] bytes = new byte[(int) size];
        ByteBuffer all = ByteBuffer.wrap(bytes);
        while (all.hasRemaining()) {
            if (channel.read(all, all.position()) < 0) {
                throw new IOException(file + " shrank while it was read");
            }
        }
        List<String> problems = new ArrayList<>();
        boolean rewrite = checkFileHeader(bytes, problems);
        Set<String> suspects = new TreeSet<>();
        long records = 0;
        long damaged = 0;
        int unidentified = 0;
        int cutAt = -1;
        int pos = MAGIC.length;
        while (pos < bytes.length) {
            Header h = header(bytes, pos);
            if (h != null) {
                if (h.frameEnd() > bytes.length) {
                    problems.add("torn record for envelope " + envelopeOf(h.envelopeId()) + " at offset " + pos
                            + " (" + (bytes.length - pos) + " of " + (h.frameEnd() - pos) + " bytes)");
                    suspects.add(h.envelopeId());
                    cutAt = pos;
                    break;
                }
                int end = (int) h.frameEnd();
                if (crc(bytes, h.bodyStart(), h.bodyLength()) == ByteBuffer.wrap(bytes).getInt(end - 4)) {
                    byte[] body = Arrays.copyOfRange(bytes, h.bodyStart(), h.bodyStart() + h.bodyLength());
                    if (replayRecord(body, pos, problems, suspects)) {
                        records++;
                    } else {
                        rewrite = true;
                    }
                    if (ByteBuffer.wrap(bytes).getInt(end - 8) != h.bodyLength()) {
                        // The record is intact, but its trailer could no longer recover it after header damage.
                        problems.add("damaged trailer of the record for envelope " + envelopeOf(h.envelopeId())
                                + " at offset " + pos + " (record intact)");
                        damaged += end - pos;
                        rewrite = true;
                    }
                } else {
                    problems.add("checksum mismatch in the record for envelope " + envelopeOf(h.envelopeId())
                            + " at offset " + pos);
                    suspects.add(h.envelopeId());
                    damaged += end - pos;
                    rewrite = true;
                }
                pos = end;
                continue;
            }
            // The frame header is damaged: resynchronise on the next frame whose header is intact.
            int next = nextHeader(bytes, pos + 1);
            int end = next < 0 ? bytes.length : next;
            byte[] body = bodyBefore(bytes, pos, end);
            if (body != null) {
                // Only the header was hit; the body passed its own checksum, read backwards from its trailer.
                problems.add("damaged frame header at offset " + pos + " (record recovered from its trailer)");
                if (replayRecord(body, pos, problems, suspects)) {
                    records++;
                }
                damaged += end - pos;
                rewrite = true;
                pos = end;
                continue;
            }
            if (next < 0) {
                // Nothing intact follows: a record torn by a crash mid-write, never acknowledged to its caller.
                problems.add("torn or damaged tail of " + (bytes.length - pos) + " bytes at offset " + pos);
                cutAt = pos;
                break;
            }
            problems.add("unidentifiable damaged region of " + (end - pos) + " bytes at offset " + pos);
            unidentified++;
            damaged += end - pos;
            rewrite = true;
            pos = end;
        }
        if (cutAt >= 0) {
            damaged += bytes.length - cutAt;
        }
        Optional<Path> copy = Optional.empty();
        if (rewrite) {
            Path aside = aside();
            writeDurably(aside, ByteBuffer.wrap(bytes));
            rewriteFromState();
            copy = Optional.of(aside);
        } else if (cutAt >= 0) {
            Path aside = aside();
            writeDurably(aside, ByteBuffer.wrap(bytes, cutAt, bytes.length - cutAt));
            channel.truncate(cutAt);
            channel.force(true);
            copy = Optional.of(aside);
        }
        if (legacyV2 && !rewrite) {
            // Nothing damaged, but later records must be keyed by delivery id: rewrite in the current format.
            rewriteFromState();
            LOG.info("outbox journal {}: format 2 rewritten in format 3 ({} entries)", file, durable.size());
        }
        Set<String> suspectKeys = new TreeSet<>();
        suspects.forEach(id -> suspectKeys.add(legacyV2 ? legacyKeys.getOrDefault(id, id) : id));
        legacyV2 = false;
        // The report names envelopes, which is what an operator sends again; a key names one of its deliveries.
        List<String> lost = suspectKeys.stream().filter(id -> !durable.containsKey(id))
                .map(FileJournalStore::envelopeOf).distinct().toList();
        List<String> reverted = suspectKeys.stream().filter(durable::containsKey)
                .map(id -> durable.get(id).envelopeId()).distinct().toList();
        Optional<String> damage = problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
        if (damage.isPresent()) {
            LOG.warn("outbox journal {}: {}; kept {} intact records, {} damaged bytes{}; lost envelopes: {}; "
                    + "envelopes back in an earlier state: {}", file, damage.get(), records, damaged,
                    copy.map(c -> ", original bytes saved to " + c).orElse(""), lost, reverted);
        }
        channel.position(channel.size());
        return new RecoveryReport(records, durable.size(), damaged, damage, copy, lost, reverted, unidentified);
    }

    /**
     * Checks the file header. Returns true if it was damaged in one byte but is followed by an intact frame (so the
     * journal is still recognised, and is rewritten with a clean header).
     */
    private boolean checkFileHeader(byte[] bytes, List<String> problems) throws IOException {
        if (bytes.length < MAGIC.length) {
            throw new IOException(file + " is not an fmi-share outbox journal (bad header)");
        }
        byte[] head = Arrays.copyOf(bytes, MAGIC.length);
        if (Arrays.equals(head, MAGIC)) {
            return false;
        }
        if (Arrays.equals(head, MAGIC_V2)) {
            legacyV2 = true;
            return false;
        }
        if (Arrays.equals(head, MAGIC_V1)) {
            throw new IOException(file + " is an fmi-share outbox journal in format version 1, which this release "
                    + "does not read: finish its deliveries with the release that wrote it, then start a new journal");
        }
        int differing = 0;
        for (int i = 0; i < MAGIC.length; i++) {
            differing += head[i] == MAGIC[i] ? 0 : 1;
        }
        if (differing == 1 && (bytes.length == MAGIC.length || header(bytes, MAGIC.length) != null)) {
            problems.add("damaged file header");
            return true;
        }
        throw new IOException(file + " is not an fmi-share outbox journal (bad header)");
    }

    /** Applies one checksummed record; a record that does not fit the state so far names its envelope instead. */
    private boolean replayRecord(byte[] body, int pos, List<String> problems, Set<String> suspects) {
        try {
            apply(body);
            return true;
        } catch (IOException | RuntimeException e) {
            String id = idOf(body).map(FileJournalStore::envelopeOf).orElse("?");
            problems.add("record for envelope " + id + " at offset " + pos + " cannot be applied: " + e.getMessage());
            idOf(body).ifPresent(suspects::add);
            return false;
        }
    }

    /** The envelope id a delivery id starts with (see OutboxEntry.deliveryId); the key itself if it has no suffix. */
    private static String envelopeOf(String key) {
        int hash = key.lastIndexOf('#');
        return hash > 0 && key.length() - hash == 17 && key.substring(hash + 1).matches("[0-9a-f]{16}")
                ? key.substring(0, hash) : key;
    }

    private static Optional<String> idOf(byte[] body) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
            in.readByte();
            return Optional.of(in.readUTF());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Parses a frame header at {@code pos}; null unless the sync marker and the header checksum are intact. */
    private static Header header(byte[] b, int pos) {
        if (pos < 0 || (long) pos + 10 > b.length) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        if (buf.getInt(pos) != SYNC) {
            return null;
        }
        int length = buf.getInt(pos + 4);
        int idBytes = Short.toUnsignedInt(buf.getShort(pos + 8));
        if (length <= 0 || length > MAX_BODY || idBytes == 0 || idBytes > MAX_ID_BYTES
                || (long) pos + 14 + idBytes > b.length) {
            return null;
        }
        if (crc(b, pos + 4, 6 + idBytes) != buf.getInt(pos + 10 + idBytes)) {
            return null;
        }
        try {
            String id = new DataInputStream(new ByteArrayInputStream(b, pos + 8, 2 + idBytes)).readUTF();
            int bodyStart = pos + 14 + idBytes;
            return new Header(id, bodyStart, length, (long) bodyStart + length + 8);
        } catch (IOException e) {
            return null;
        }
    }

    private static int nextHeader(byte[] b, int from) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        for (int i = from; i + 4 <= b.length; i++) {
            if (buf.getInt(i) == SYNC && header(b, i) != null) {
                return i;
            }
        }
        return -1;
    }

    /** The body of a frame ending at {@code end}, read from its trailer; null unless its checksum holds. */
    private static byte[] bodyBefore(byte[] b, int start, int end) {
        if (end - start < FRAME_OVERHEAD + 1) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        int length = buf.getInt(end - 8);
        if (length <= 0 || length > end - start - FRAME_OVERHEAD) {
            return null;
        }
        int bodyStart = end - 8 - length;
        if (crc(b, bodyStart, length) != buf.getInt(end - 4)) {
            return null;
        }
        return Arrays.copyOfRange(b, bodyStart, end - 8);
    }

    private static int crc(byte[] b, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(b, offset, length);
        return (int) crc.getValue();
    }

    private Path aside() {
        return file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
    }

    private static void writeDurably(Path target, ByteBuffer data) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (data.hasRemaining()) {
                out.write(data);
            }
            out.force(true);
        }
    }

    /**
     * Replaces the journal, atomically, by one snapshot record per entry recovered. The new file is locked before
     * it takes the journal's name, so no other process can open the journal in between.
     */
    private void rewriteFromState() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".rewrite");
        Files.deleteIfExists(tmp);
        FileChannel fresh = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        java.nio.channels.FileLock freshLock = null;
        try {
            freshLock = fresh.lock();
            fresh.write(ByteBuffer.wrap(MAGIC));
            List<OutboxEntry> entries = durable.values().stream()
                    .sorted(Comparator.comparing(OutboxEntry::enqueuedAt).thenComparing(OutboxEntry::envelopeId)
                        .thenComparing(OutboxEntry::destination))
                    .toList();
            for (OutboxEntry e : entries) {
                ByteBuffer frame = ByteBuffer.wrap(snapshot(e));
                while (frame.hasRemaining()) {
                    fresh.write(frame);
                }
            }
            fresh.force(true);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
        } catch (IOException | RuntimeException e) {
            if (freshLock != null) {
                freshLock.release();
            }
            fresh.close();
            throw e;
        }
        lock.release();
        channel.close();
        channel = fresh;
        lock = freshLock;
    }

    private void syncDirectory() {
        Path dir = file.getParent();
        if (dir == null) {
            return;
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Not every platform can sync a directory; the rename itself is still atomic.
            LOG.debug("cannot sync directory {}: {}", dir, e.toString());
        }
    }

    private static byte[] snapshot(OutboxEntry e) {
        return encode(SNAPSHOT, e.deliveryId(), out -> {
            out.writeUTF(e.envelopeId());
            out.writeUTF(e.destination());
            out.writeUTF(e.recipientId());
            writeInstant(out, e.expiresAt());
            out.writeUTF(e.digest());
            writeInstant(out, e.enqueuedAt());
            writeBytes(out, e.envelope());
            out.writeUTF(e.state().name());
            out.writeInt(e.attempts());
            writeInstant(out, e.nextAttemptAt());
            out.writeBoolean(e.lastError().isPresent());
            if (e.lastError().isPresent()) {
                out.writeUTF(e.lastError().get());
            }
            out.writeBoolean(e.finishedAt().isPresent());
            if (e.finishedAt().isPresent()) {
                writeInstant(out, e.finishedAt().get());
            }
            writeBytes(out, e.receipt());
            writeBytes(out, e.signedEnvelope());
        });
    }

    private void apply(byte[] body) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        byte type = in.readByte();
        String recorded = in.readUTF();
        boolean whole = type == ENQUEUED || type == SNAPSHOT;
        // Format 3 records name the delivery and whole entries also hold the envelope id; format 2 named envelopes.
        String envelopeId = !whole ? null : legacyV2 ? recorded : in.readUTF();
        String destination = whole ? in.readUTF() : null;
        String id = whole ? OutboxEntry.deliveryId(envelopeId, destination)
                : legacyV2 ? legacyKeys.getOrDefault(recorded, recorded) : recorded;
        if (whole && !legacyV2 && !id.equals(recorded)) {
            throw new IOException("record names delivery " + recorded + " but holds " + id);
        }
        if (whole && legacyV2) {
            legacyKeys.put(recorded, id);
        }
        OutboxEntry current = durable.get(id);
        OutboxEntry next;
        if (type == ENQUEUED) {
            if (current != null) {
                throw new IOException("second enqueue of " + id);
            }
            String recipient = in.readUTF();
            Instant expires = readInstant(in);
            String digest = in.readUTF();
            Instant at = readInstant(in);
            byte[] envelope = readBytes(in);
            next = OutboxEntry.queued(envelopeId, destination, recipient, expires, digest, envelope, readBytes(in),
                    at);
        } else if (type == SNAPSHOT) {
            if (current != null) {
                throw new IOException("snapshot of " + id + " after it was already recorded");
            }
            String recipient = in.readUTF();
            Instant expires = readInstant(in);
            String digest = in.readUTF();
            Instant at = readInstant(in);
            byte[] envelope = readBytes(in);
            OutboxState state = OutboxState.valueOf(in.readUTF());
            int attempts = in.readInt();
            Instant nextAttempt = readInstant(in);
            Optional<String> lastError = in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
            Optional<Instant> finished = in.readBoolean() ? Optional.of(readInstant(in)) : Optional.empty();
            byte[] receipt = readBytes(in);
            next = new OutboxEntry(envelopeId, destination, recipient, expires, digest, at, envelope, state, attempts,
                    nextAttempt, lastError, finished, receipt, readBytes(in));
        } else {
            if (current == null) {
                throw new IOException("state change for unknown delivery " + id);
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

    private static byte[] encode(byte type, String deliveryId, BodyWriter body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(type);
            out.writeUTF(deliveryId);
            body.write(out);
            out.flush();
            byte[] content = bytes.toByteArray();
            if (content.length > MAX_BODY) {
                throw new IllegalArgumentException("outbox record of " + content.length + " bytes exceeds " + MAX_BODY);
            }
            ByteArrayOutputStream idBytes = new ByteArrayOutputStream(64);
            new DataOutputStream(idBytes).writeUTF(deliveryId);
            byte[] id = idBytes.toByteArray();
            if (id.length - 2 > MAX_ID_BYTES) {
                throw new IllegalArgumentException("delivery id of " + (id.length - 2) + " bytes exceeds "
                        + MAX_ID_BYTES);
            }
            ByteBuffer frame = ByteBuffer.allocate(FRAME_OVERHEAD - 2 + id.length + content.length);
            frame.putInt(SYNC).putInt(content.length).put(id);
            frame.putInt(crc(frame.array(), 4, 4 + id.length));
            frame.put(content).putInt(content.length).putInt(crc(content, 0, content.length));
            return frame.array();
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

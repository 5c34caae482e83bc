package org.fmishare.transport.https;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ReceiptStore} in a file, for a receiver on one machine that must recognise repeated deliveries across
 * restarts. Each receipt is one appended line, checksummed, and synced to disk before {@link #put} returns, so a
 * receipt that was sent is never forgotten by a crash. On open the file is read back: a line torn by a crash (the
 * last one, never acknowledged) is cut, a damaged line elsewhere is skipped and logged, and receipts past their
 * {@link StoredReceipt#retainUntil()} are dropped by rewriting the file atomically.
 *
 * <p>One process at a time: the file is locked while open. Receivers on several machines share a
 * {@link JdbcReceiptStore} instead. Writes use {@link RandomAccessFile} streams, which a thread interrupt does not
 * close (an interrupted {@link FileChannel} write would close the file for every thread). Thread-safe (one lock).
 */
public final class FileReceiptStore implements ReceiptStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileReceiptStore.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final Path file;
    private final RandomAccessFile out;
    private final FileLock lock;
    private final Map<String, StoredReceipt> byKey = new HashMap<>();
    private final Map<String, StoredReceipt> byId = new HashMap<>();
    private boolean closed;

    private FileReceiptStore(Path file, RandomAccessFile out, FileLock lock) {
        this.file = file;
        this.out = out;
        this.lock = lock;
    }

    /**
     * Opens (or creates) the store, reading back every receipt that is still to be retained at {@code now}.
     *
     * @param file the receipts file; its directory must exist
     * @param now the receiver's current time
     * @return the open store
     * @throws UncheckedIOException when the file cannot be read, written or locked (another process has it open)
     */
    public static FileReceiptStore open(Path file, Instant now) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(now, "now");
        try {
            List<StoredReceipt> live = new ArrayList<>();
            boolean rewrite = false;
            if (Files.exists(file)) {
                byte[] all = Files.readAllBytes(file);
                String text = new String(all, StandardCharsets.US_ASCII);
                int start = 0;
                int lineNo = 0;
                while (start < text.length()) {
                    int end = text.indexOf('\n', start);
                    lineNo++;
                    if (end < 0) {
                        // A torn final line: the put that wrote it never returned, so no receipt was sent for it.
                        LOG.warn("receipts file {}: cutting a torn last line ({} bytes)", file, text.length() - start);
                        rewrite = true;
                        break;
                    }
                    Optional<StoredReceipt> r = parse(text.substring(start, end));
                    if (r.isEmpty()) {
                        LOG.warn("receipts file {}: line {} is damaged and was skipped", file, lineNo);
                        rewrite = true;
                    } else if (r.get().retainUntil().isBefore(now)) {
                        rewrite = true;
                    } else {
                        live.add(r.get());
                    }
                    start = end + 1;
                }
            }
            if (rewrite) {
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                StringBuilder sb = new StringBuilder();
                live.forEach(r -> sb.append(format(r)).append('\n'));
                Files.write(tmp, sb.toString().getBytes(StandardCharsets.US_ASCII));
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw");
            FileLock lock;
            try {
                lock = raf.getChannel().tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                raf.close();
                throw new UncheckedIOException(new IOException("receipts file " + file
                        + " is in use by another receiver"));
            }
            raf.seek(raf.length());
            FileReceiptStore store = new FileReceiptStore(file, raf, lock);
            live.forEach(store::index);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open receipts file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<StoredReceipt> findByKey(String requestKey, Instant now) {
        Objects.requireNonNull(requestKey, "requestKey");
        Objects.requireNonNull(now, "now");
        return Optional.ofNullable(byKey.get(requestKey));
    }

    @Override
    public synchronized Optional<StoredReceipt> findByEnvelopeId(String envelopeId, Instant now) {
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(now, "now");
        return Optional.ofNullable(byId.get(envelopeId));
    }

    @Override
    public synchronized StoredReceipt put(StoredReceipt receipt, Instant now) {
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(now, "now");
        StoredReceipt earlier = byId.get(receipt.envelopeId());
        if (earlier == null) {
            earlier = byKey.get(receipt.requestKey());
        }
        if (earlier != null) {
            return earlier;
        }
        if (closed) {
            throw new IllegalStateException("the receipts file " + file + " is closed");
        }
        try {
            out.write((format(receipt) + "\n").getBytes(StandardCharsets.US_ASCII));
            out.getFD().sync();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the receipt for " + receipt.envelopeId() + " in " + file
                    + ": " + e.getMessage(), e);
        }
        index(receipt);
        return receipt;
    }

    /** {@return the number of receipts remembered} */
    public synchronized int size() {
        return byId.size();
    }

    /** Releases the file and its lock. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lock.release();
            out.close();
        } catch (IOException e) {
            LOG.warn("closing receipts file {} failed: {}", file, e.toString());
        }
    }

    private void index(StoredReceipt r) {
        byKey.put(r.requestKey(), r);
        byId.put(r.envelopeId(), r);
    }

    private static String format(StoredReceipt r) {
        String fields = String.join(" ", b64(r.requestKey()), b64(r.envelopeId()), b64(r.digest()),
                Long.toString(r.retainUntil().getEpochSecond()), Integer.toString(r.retainUntil().getNano()),
                B64.encodeToString(r.receipt()));
        return fields + " " + crc(fields);
    }

    private static Optional<StoredReceipt> parse(String line) {
        int last = line.lastIndexOf(' ');
        if (last < 0 || !line.substring(last + 1).equals(crc(line.substring(0, last)))) {
            return Optional.empty();
        }
        String[] f = line.substring(0, last).split(" ");
        if (f.length != 6) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StoredReceipt(unb64(f[0]), unb64(f[1]), unb64(f[2]),
                    Instant.ofEpochSecond(Long.parseLong(f[3]), Integer.parseInt(f[4])), UNB64.decode(f[5])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String b64(String s) {
        return B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unb64(String s) {
        return new String(UNB64.decode(s), StandardCharsets.UTF_8);
    }

    private static String crc(String s) {
        CRC32C c = new CRC32C();
        c.update(s.getBytes(StandardCharsets.US_ASCII));
        return Long.toHexString(c.getValue());
    }
}

package org.fmishare.core.envelope;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import org.fmishare.core.store.ExpiringLog;

/**
 * A {@link ReplayCache} in a file, for a receiver on one machine that must refuse a replayed envelope after a
 * restart. Each new nonce is one appended, checksummed line holding the nonce, its envelope's digest and its
 * retain-until time, synced to disk before {@link #recordUse} answers {@link ReplayCache.Use#FIRST_USE}, so no
 * envelope is accepted on the strength of a nonce a crash could forget. A line torn by a crash (the last one; its
 * envelope was never accepted) is cut on open without losing the lines before it.
 *
 * <p>Files written before digests were kept (one field per line: the nonce) are read as they are: such a nonce's
 * digest is unknown, so any envelope carrying it is refused as {@link ReplayCache.Use#REUSED} until it expires (the
 * safe answer; a sender's retry of such an envelope is then refused as it was before). New lines have two fields.
 *
 * <p>Bounded by expiry, like {@link InMemoryReplayCache}: a nonce is kept until its envelope's expiry plus clock skew
 * (the verifier refuses the envelope as expired after that anyway), and the file is rewritten atomically without the
 * expired nonces when it is opened and whenever it holds more than twice as many lines as live nonces (plus 1,024),
 * so its size follows the envelopes still valid, not the history. Entries leave only by expiry; when
 * {@code maxEntries} live nonces are recorded, {@link #recordUse} throws and the verifier refuses the envelope (fail
 * closed).
 *
 * <p>One process at a time: the file is locked while open (a sibling {@code .lock} file). Receivers on several
 * machines share a {@link JdbcReplayCache} instead. Thread-safe (one lock); close it when the receiver stops.
 */
public final class FileReplayCache implements ReplayCache, AutoCloseable {
    private static final int SLACK = 1024;

    private final Path file;
    private final int maxEntries;
    private final ExpiringLog log;
    /** Nonce to its record; an empty digest stands for a record of the old format, whose digest is unknown. */
    private final Map<String, ExpiringLog.Entry> live = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>();

    private record Entry(Instant retainUntil, String nonce) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            return retainUntil.compareTo(o.retainUntil);
        }
    }

    private FileReplayCache(Path file, int maxEntries, ExpiringLog log) {
        this.file = file;
        this.maxEntries = maxEntries;
        this.log = log;
    }

    /**
     * Opens (or creates) a cache holding at most {@link InMemoryReplayCache#DEFAULT_MAX_ENTRIES} live nonces, reading
     * back every nonce still to be remembered at {@code now}.
     *
     * @param file the nonces file; its directory must exist
     * @param now the current time
     * @return the open cache
     * @throws EnvelopeException.ProcessingFailed when the file cannot be read, written or locked (another process or
     *     cache has it open)
     */
    public static FileReplayCache open(Path file, Instant now) {
        return open(file, now, InMemoryReplayCache.DEFAULT_MAX_ENTRIES);
    }

    /**
     * Opens (or creates) a cache of a given capacity.
     *
     * @param file the nonces file; its directory must exist
     * @param now the current time
     * @param maxEntries at least 1
     * @return the open cache
     * @throws EnvelopeException.ProcessingFailed when the file cannot be read, written or locked
     */
    public static FileReplayCache open(Path file, Instant now, int maxEntries) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(now, "now");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        List<ExpiringLog.Entry> entries = new ArrayList<>();
        ExpiringLog log;
        try {
            log = ExpiringLog.open(file, 2, 1, now, entries);
        } catch (UncheckedIOException e) {
            throw new EnvelopeException.ProcessingFailed("replay cache file " + file + " cannot be opened: "
                    + e.getCause().getMessage(), e);
        }
        FileReplayCache cache = new FileReplayCache(file, maxEntries, log);
        for (ExpiringLog.Entry e : entries) {
            // Purging removes a nonce only together with its own expiry, so a stale queue entry is harmless.
            cache.live.put(e.fields().get(0), e);
            cache.byExpiry.add(new Entry(e.retainUntil(), e.fields().get(0)));
        }
        return cache;
    }

    /**
     * {@inheritDoc}
     *
     * @throws EnvelopeException.ProcessingFailed when the nonce cannot be written, the cache is full of live nonces,
     *     or it is closed
     */
    @Override
    public synchronized Use recordUse(String nonce, String digest, Instant now, Instant retainUntil) {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(retainUntil, "retainUntil");
        if (digest.isEmpty()) {
            throw new IllegalArgumentException("digest must not be empty");
        }
        purge(now);
        ExpiringLog.Entry earlier = live.get(nonce);
        if (earlier != null) {
            List<String> f = earlier.fields();
            return f.size() == 2 && f.get(1).equals(digest) ? Use.SAME_ENVELOPE : Use.REUSED;
        }
        if (live.size() >= maxEntries) {
            throw new EnvelopeException.ProcessingFailed("replay cache file " + file + " is full: " + maxEntries
                    + " live nonces");
        }
        try {
            if (log.lines() > 2 * live.size() + SLACK) {
                log.rewrite(liveEntries());
            }
            ExpiringLog.Entry entry = new ExpiringLog.Entry(List.of(nonce, digest), retainUntil);
            log.append(entry);
            live.put(nonce, entry);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new EnvelopeException.ProcessingFailed("replay cache file " + file + ": cannot record a nonce: "
                    + e.getMessage(), e);
        }
        byExpiry.add(new Entry(retainUntil, nonce));
        return Use.FIRST_USE;
    }

    /** {@return the number of nonces currently remembered} */
    public synchronized int size() {
        return live.size();
    }

    /** Releases the file and its lock. Idempotent. */
    @Override
    public synchronized void close() {
        log.close();
    }

    private void purge(Instant now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().retainUntil().isBefore(now)) {
            Entry e = byExpiry.poll();
            ExpiringLog.Entry r = live.get(e.nonce());
            if (r != null && r.retainUntil().equals(e.retainUntil())) {
                live.remove(e.nonce());
            }
        }
    }

    private List<ExpiringLog.Entry> liveEntries() {
        // Old-format records stay one-field lines, so that their digest stays unknown after the rewrite.
        return new ArrayList<>(live.values());
    }
}

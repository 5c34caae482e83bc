package org.fmishare.transport.email;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.store.ExpiringLog;

/**
 * An {@link EmailDedupeStore} in a file, for an email receiver on one machine that must recognise a message
 * delivered again after a restart. Each new envelope is one appended, checksummed line, synced to disk before
 * {@link #record} returns, so a message reported as new is never forgotten by a crash; a line torn by a crash (the
 * last one, never reported) is cut on open without losing the lines before it. The file is rewritten atomically
 * without expired entries when it is opened and whenever it holds more than twice as many lines as live entries
 * (plus 1,024), so it does not grow beyond the envelopes still remembered.
 *
 * <p>One process at a time: the file is locked while open (a sibling {@code .lock} file). Receivers on several
 * machines share a {@link JdbcEmailDedupeStore} instead. Thread-safe (one lock); close it when the receiver stops.
 */
public final class FileEmailDedupeStore implements EmailDedupeStore, AutoCloseable {
    private static final int SLACK = 1024;

    private record Seen(String envelopeId, String digest, Instant forgetAfter) {}

    private final Path file;
    private final ExpiringLog log;
    private final Map<String, Seen> byDigest = new HashMap<>();
    private final Map<String, Seen> byId = new HashMap<>();

    private FileEmailDedupeStore(Path file, ExpiringLog log) {
        this.file = file;
        this.log = log;
    }

    /**
     * Opens (or creates) the store, reading back every entry still to be remembered at {@code now}.
     *
     * @param file the file; its directory must exist
     * @param now the receiver's current time
     * @return the open store
     * @throws EmailTransportException.StoreFailed when the file cannot be read, written or locked (another process or
     *     store has it open)
     */
    public static FileEmailDedupeStore open(Path file, Instant now) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(now, "now");
        List<ExpiringLog.Entry> entries = new ArrayList<>();
        ExpiringLog log;
        try {
            log = ExpiringLog.open(file, 2, now, entries);
        } catch (UncheckedIOException e) {
            throw new EmailTransportException.StoreFailed("email dedupe file " + file + " cannot be opened: "
                    + e.getCause().getMessage(), e);
        }
        FileEmailDedupeStore store = new FileEmailDedupeStore(file, log);
        for (ExpiringLog.Entry e : entries) {
            store.index(new Seen(e.fields().get(0), e.fields().get(1), e.retainUntil()));
        }
        return store;
    }

    @Override
    public synchronized Optional<String> envelopeIdOf(String digest, Instant now) {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(now, "now");
        Seen s = byDigest.get(digest);
        return s == null || s.forgetAfter().isBefore(now) ? Optional.empty() : Optional.of(s.envelopeId());
    }

    /**
     * {@inheritDoc}
     *
     * @throws EmailTransportException.StoreFailed when the entry cannot be written or the store is closed
     */
    @Override
    public synchronized Optional<String> record(String envelopeId, String digest, Instant forgetAfter, Instant now) {
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        Objects.requireNonNull(now, "now");
        Seen earlier = byId.get(envelopeId);
        if (earlier != null && !earlier.forgetAfter().isBefore(now)) {
            return Optional.of(earlier.digest());
        }
        try {
            if (log.lines() > 2 * byId.size() + SLACK) {
                byId.values().removeIf(s -> s.forgetAfter().isBefore(now));
                byDigest.values().removeIf(s -> s.forgetAfter().isBefore(now));
                List<ExpiringLog.Entry> live = new ArrayList<>();
                byId.values().forEach(s -> live.add(entry(s)));
                log.rewrite(live);
            }
            Seen s = new Seen(envelopeId, digest, forgetAfter);
            log.append(entry(s));
            index(s);
            return Optional.empty();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new EmailTransportException.StoreFailed("email dedupe file " + file + ": cannot record envelope "
                    + envelopeId + ": " + e.getMessage(), e);
        }
    }

    /** {@return the number of envelopes remembered} */
    public synchronized int size() {
        return byId.size();
    }

    /** Releases the file and its lock. Idempotent. */
    @Override
    public synchronized void close() {
        log.close();
    }

    private void index(Seen s) {
        byId.put(s.envelopeId(), s);
        byDigest.put(s.digest(), s);
    }

    private static ExpiringLog.Entry entry(Seen s) {
        return new ExpiringLog.Entry(List.of(s.envelopeId(), s.digest()), s.forgetAfter());
    }
}

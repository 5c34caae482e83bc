package org.fmishare.core.envelope;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.json.JsonCodecException;

/**
 * {@link ShareStates} in an append-only file: one JSON line per change (the whole new status), the last line of a
 * share winning when the file is read. Each change is forced to disk before {@link #record} returns, so a state the
 * receiver acknowledged survives a crash; a torn last line (a crash during the write) is dropped on open. Thread-safe
 * within one process; one process per file.
 */
final class FileShareStates implements ShareStates {
    private final Path file;
    private final FileChannel channel;
    private final Map<String, ShareStatus> states = new LinkedHashMap<>();

    private FileShareStates(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static FileShareStates open(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileShareStates store = new FileShareStates(file, channel);
            int complete = store.load(bytes);
            // Cut a torn last line so the next append starts on a line of its own.
            channel.truncate(complete);
            channel.position(complete);
            return store;
        } catch (IOException e) {
            throw new EnvelopeException.ProcessingFailed("share states file " + file + " cannot be opened: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads a store's file without opening it for writing: a torn last line is ignored (not cut), so a receiver
     * writing the file at the same time is never disturbed.
     */
    static List<ShareStatus> read(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EnvelopeException.ProcessingFailed("share states file " + file + " cannot be read: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
        }
        FileShareStates reader = new FileShareStates(file, null);
        reader.load(bytes);
        return List.copyOf(reader.states.values());
    }

    private int load(byte[] bytes) {
        int start = 0;
        int line = 1;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end == bytes.length) {
                return start;
            }
            ShareStatus s;
            try {
                s = FmiJson.standard().read(new String(bytes, start, end - start, StandardCharsets.UTF_8),
                        ShareStatus.class);
            } catch (JsonCodecException | IllegalArgumentException | NullPointerException e) {
                throw new EnvelopeException.ProcessingFailed("share states file " + file + " line " + line
                        + " is not a share status: " + e.getMessage(), e);
            }
            states.put(InMemoryShareStates.key(s.senderId(), s.shareId()), s);
            start = end + 1;
            line++;
        }
        return start;
    }

    @Override
    public synchronized ShareStatus record(VerifiedEnvelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        String key = InMemoryShareStates.key(envelope.sender().id(), ShareTransitions.shareIdOf(envelope));
        Optional<ShareStatus> current = Optional.ofNullable(states.get(key));
        ShareStatus next = ShareTransitions.next(current, envelope);
        if (current.isPresent() && current.get().equals(next)) {
            return next;
        }
        byte[] json = FmiJson.standard().write(next);
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new EnvelopeException.ProcessingFailed("share states file " + file + " cannot be written: "
                    + e.getMessage(), e);
        }
        states.put(key, next);
        return next;
    }

    @Override
    public synchronized Optional<ShareStatus> find(String senderId, String shareId) {
        return Optional.ofNullable(states.get(InMemoryShareStates.key(senderId, shareId)));
    }

    @Override
    public synchronized List<ShareStatus> all() {
        return List.copyOf(new ArrayList<>(states.values()));
    }
}

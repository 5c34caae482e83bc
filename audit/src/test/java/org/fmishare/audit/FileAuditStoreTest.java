package org.fmishare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON-lines file store. */
class FileAuditStoreTest extends AuditStoreContract {
    @TempDir
    Path dir;

    Path file() {
        return dir.resolve("audit.jsonl");
    }

    @Override
    AuditStore open() {
        return FileAuditStore.open(file());
    }

    @Override
    void rewrite(AuditStore store, List<byte[]> entries) {
        // The store holds offsets in memory; an insider edits the file while nothing has it open.
        store.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] e : entries) {
            out.writeBytes(e);
            out.write('\n');
        }
        try {
            Files.write(file(), out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reopened = FileAuditStore.open(file());
    }

    private AuditStore reopened;

    @Override
    AuditStore written() {
        AuditStore s = super.written();
        return new Delegate(s);
    }

    /** Lets a test keep using "the store" after rewrite() swapped the underlying file handle. */
    private final class Delegate implements AuditStore {
        private AuditStore first;

        Delegate(AuditStore first) {
            this.first = first;
        }

        private AuditStore current() {
            return reopened != null ? reopened : first;
        }

        @Override
        public void append(long sequence, byte[] entry) {
            current().append(sequence, entry);
        }

        @Override
        public long size() {
            return current().size();
        }

        @Override
        public List<byte[]> read(long fromIndex, int max) {
            return current().read(fromIndex, max);
        }

        @Override
        public void close() {
            current().close();
            first.close();
        }
    }

    @Test
    void fileIsOneCanonicalJsonObjectPerLine() throws IOException {
        try (AuditStore s = written()) {
            List<String> lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
            assertThat(lines).hasSize(13);
            assertThat(lines.get(0)).startsWith("{\"event\":{").contains("\"prev\":\"" + AuditEntry.GENESIS + "\"");
            assertThat(lines.get(4)).startsWith("{\"checkpoint\":{\"jws\":\"ey");
        }
    }

    @Test
    void tornLastLineIsMovedAsideOnOpen() throws IOException {
        try (AuditStore s = written()) {
            s.size();
        }
        Files.write(file(), "{\"seq\":13,\"pr".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        try (AuditStore s = open()) {
            assertThat(s.size()).isEqualTo(13);
            assertThat(AuditStoreContract.verify(s, anchor()).entries()).isEqualTo(13);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("audit.jsonl.damaged-"));
        }
    }

    @Test
    void secondStoreOnTheSameFileIsRefused() {
        try (AuditStore s = open()) {
            assertThatThrownBy(this::open).isInstanceOf(AuditException.StorageFailed.class)
                    .hasMessageContaining("open in another store");
        }
    }
}

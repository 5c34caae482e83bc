package org.fmishare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifying evidence must not change it: the read-only view of an audit file. */
class ReadOnlyFileAuditStoreTest {
    @TempDir
    Path dir;

    /** 13 entries (10 records, checkpoints after 4, 8 and at the end) written by the ordinary store. */
    private Path writtenLog() {
        Path file = dir.resolve("audit.jsonl");
        try (AuditStore store = FileAuditStore.open(file); AuditLog log = AuditStoreContract.log(store, 4)) {
            AuditStoreContract.events(10).forEach(log::append);
        }
        return file;
    }

    @Test
    void aValidLogMissingItsFinalNewlineVerifiesAndIsNotChanged() throws IOException {
        Path file = writtenLog();
        byte[] full = Files.readAllBytes(file);
        assertThat(full[full.length - 1]).isEqualTo((byte) '\n');
        byte[] withoutNewline = Arrays.copyOf(full, full.length - 1);
        Files.write(file, withoutNewline);
        try (ReadOnlyFileAuditStore store = ReadOnlyFileAuditStore.open(file)) {
            AuditVerification v = AuditStoreContract.verify(store, AuditStoreContract.anchor());
            assertThat(v.entries()).isEqualTo(13);
            assertThat(v.lastCheckpoint().orElseThrow().sequence()).isEqualTo(12);
            assertThat(store.unterminatedTailOffset()).isPresent();
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(withoutNewline);
        assertNoFilesBesides(file);
    }

    @Test
    void trailingNulBytesAreReportedAsDamageWhereTheyStartAndAreNotCut() throws IOException {
        Path file = writtenLog();
        long validSize = Files.size(file);
        byte[] damaged = Arrays.copyOf(Files.readAllBytes(file), (int) validSize + 100);
        Files.write(file, damaged);
        try (ReadOnlyFileAuditStore store = ReadOnlyFileAuditStore.open(file)) {
            assertThat(store.unterminatedTailOffset()).hasValue(validSize);
            assertThatThrownBy(() -> AuditStoreContract.verify(store, AuditStoreContract.anchor()))
                    .isInstanceOfSatisfying(AuditException.Integrity.class,
                            e -> assertThat(e.recordIndex()).isEqualTo(13));
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
        assertNoFilesBesides(file);
    }

    @Test
    void anIntactLogReadsLikeTheWriterReadsIt() {
        Path file = writtenLog();
        try (ReadOnlyFileAuditStore ro = ReadOnlyFileAuditStore.open(file)) {
            assertThat(ro.unterminatedTailOffset()).isEmpty();
            assertThat(AuditStoreContract.verify(ro, AuditStoreContract.anchor()).entries()).isEqualTo(13);
            try (FileAuditStore rw = FileAuditStore.open(file)) {
                assertThat(ro.size()).isEqualTo(rw.size());
                for (int i = 0; i < 13; i++) {
                    assertThat(ro.read(i, 1).get(0)).isEqualTo(rw.read(i, 1).get(0));
                }
            }
        }
    }

    @Test
    void neverWritesAndNeverCreates() {
        Path file = writtenLog();
        try (ReadOnlyFileAuditStore ro = ReadOnlyFileAuditStore.open(file)) {
            assertThatThrownBy(() -> ro.append(13, new byte[] {'{', '}'}))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
        Path missing = dir.resolve("missing.jsonl");
        assertThatThrownBy(() -> ReadOnlyFileAuditStore.open(missing))
                .isInstanceOf(AuditException.StorageFailed.class).hasMessageContaining("does not exist");
        assertThat(missing).doesNotExist();
    }

    private void assertNoFilesBesides(Path file) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}

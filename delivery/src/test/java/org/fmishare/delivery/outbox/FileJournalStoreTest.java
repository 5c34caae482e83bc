package org.fmishare.delivery.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal store: the shared contract, plus recovery from torn and corrupt tails. */
class FileJournalStoreTest extends OutboxStoreContract {
    @TempDir
    Path dir;

    @Override
    OutboxStore open() {
        return FileJournalStore.open(dir.resolve("outbox.journal"));
    }

    /** Writes three entries and returns the journal size after each record, so tests know record boundaries. */
    private List<Long> writeSample(Path journal) throws IOException {
        List<Long> ends = new ArrayList<>();
        try (FileJournalStore store = FileJournalStore.open(journal)) {
            ends.add(Files.size(journal));
            store.enqueue(entry("a"));
            ends.add(Files.size(journal));
            store.enqueue(entry("b"));
            ends.add(Files.size(journal));
            store.markDelivered("a", T0.plusSeconds(1), new byte[] {7});
            ends.add(Files.size(journal));
        }
        return ends;
    }

    @Test
    void aTornLastRecordAtAnyByteIsCutAndEveryCommittedRecordKept() throws IOException {
        Path journal = dir.resolve("j");
        List<Long> ends = writeSample(journal);
        byte[] full = Files.readAllBytes(journal);
        long lastStart = ends.get(2);
        for (long cut = lastStart + 1; cut < full.length; cut++) {
            Path torn = dir.resolve("torn-" + cut);
            Files.write(torn, java.util.Arrays.copyOf(full, (int) cut));
            try (FileJournalStore store = FileJournalStore.open(torn)) {
                RecoveryReport r = store.recovery();
                assertThat(r.intact()).as("cut at %d", cut).isFalse();
                assertThat(r.recordsReplayed()).isEqualTo(2);
                assertThat(r.damagedBytes()).isEqualTo(cut - lastStart);
                assertThat(r.damage().orElseThrow()).contains("offset " + lastStart);
                assertThat(store.find("a").orElseThrow().state()).isEqualTo(OutboxState.QUEUED);
                assertThat(store.find("b")).isPresent();
                assertThat(Files.size(torn)).isEqualTo(lastStart);
                assertThat(Files.readAllBytes(r.damagedCopy().orElseThrow())).hasSize((int) (cut - lastStart));
            }
        }
    }

    @Test
    void aCorruptByteInTheTailIsDetectedByChecksumAndReported() throws IOException {
        Path journal = dir.resolve("j");
        List<Long> ends = writeSample(journal);
        byte[] bytes = Files.readAllBytes(journal);
        int victim = (int) (ends.get(2) + 12);
        bytes[victim] ^= 0x40;
        Files.write(journal, bytes);
        try (FileJournalStore store = FileJournalStore.open(journal)) {
            assertThat(store.recovery().damage().orElseThrow()).contains("checksum mismatch");
            assertThat(store.recovery().recordsReplayed()).isEqualTo(2);
            // The store keeps working after recovery: the lost change can be made again.
            store.markDelivered("a", T0.plusSeconds(2), new byte[0]);
        }
        try (FileJournalStore store = FileJournalStore.open(journal)) {
            assertThat(store.recovery().intact()).isTrue();
            assertThat(store.find("a").orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
        }
    }

    @Test
    void garbageAppendedAfterTheLastRecordIsCutOff() throws IOException {
        Path journal = dir.resolve("j");
        writeSample(journal);
        Files.write(journal, new byte[] {0, 0, 0, 5, 1, 2}, java.nio.file.StandardOpenOption.APPEND);
        try (FileJournalStore store = FileJournalStore.open(journal)) {
            assertThat(store.recovery().recordsReplayed()).isEqualTo(3);
            assertThat(store.recovery().damagedBytes()).isEqualTo(6);
            assertThat(store.find("a").orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("j.damaged-"))).hasSize(1);
        }
    }

    @Test
    void anIntactJournalReportsNoDamage() throws IOException {
        Path journal = dir.resolve("j");
        writeSample(journal);
        try (FileJournalStore store = FileJournalStore.open(journal)) {
            assertThat(store.recovery().intact()).isTrue();
            assertThat(store.recovery().recordsReplayed()).isEqualTo(3);
            assertThat(store.recovery().entries()).isEqualTo(2);
        }
    }

    @Test
    void aFileThatIsNotAJournalIsRefused() throws IOException {
        Path other = dir.resolve("notes.txt");
        Files.writeString(other, "shopping list");
        assertThatThrownBy(() -> FileJournalStore.open(other)).isInstanceOf(OutboxException.class)
                .hasMessageContaining("not an fmi-share outbox journal");
    }

    @Test
    void aJournalCanBeOpenedByOneStoreAtATime() {
        Path journal = dir.resolve("j");
        try (FileJournalStore first = FileJournalStore.open(journal)) {
            assertThatThrownBy(() -> FileJournalStore.open(journal)).isInstanceOf(OutboxException.class)
                    .hasMessageContaining("open in another store");
        }
    }

    @Test
    void aClosedStoreRefusesChanges() {
        FileJournalStore store = FileJournalStore.open(dir.resolve("j"));
        store.close();
        assertThatThrownBy(() -> store.enqueue(entry("x"))).isInstanceOf(OutboxException.class)
                .hasMessageContaining("closed");
    }
}

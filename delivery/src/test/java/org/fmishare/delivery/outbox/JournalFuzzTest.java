package org.fmishare.delivery.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.fmishare.testkit.FuzzCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Hostile journal files: opening recovers what is intact and reports the rest, or refuses the file with
 * {@link OutboxException}; a recovered journal reopens to the same entries. Any other exception, a hang or an
 * {@link OutOfMemoryError} is a finding.
 */
class JournalFuzzTest {
    private static final Path WORK = tempDir();

    @FuzzTest
    @Timeout(120)
    void openJournal(byte[] input) throws IOException {
        clean();
        Path file = WORK.resolve("outbox.journal");
        Files.write(file, input);
        java.util.List<OutboxEntry> first;
        try (FileJournalStore store = FileJournalStore.open(file)) {
            assertThat(store.recovery().entries()).isNotNegative();
            first = all(store);
        } catch (OutboxException expected) {
            assertThat(expected.getMessage()).isNotBlank().doesNotContain("Optional[");
            return;
        }
        // Recovery either found the file intact or rewrote it from what survived: either way a second open
        // replays to the same entries and finds nothing more to repair.
        try (FileJournalStore again = FileJournalStore.open(file)) {
            assertThat(all(again)).isEqualTo(first);
            assertThat(again.recovery().damagedBytes()).isZero();
        }
    }

    private static java.util.List<OutboxEntry> all(FileJournalStore store) {
        return Stream.of(OutboxState.values()).flatMap(s -> store.list(s).stream()).toList();
    }

    /** Writes the valid seeds (run once with -Dfmishare.fuzz.writeSeeds=true). */
    @Test
    @EnabledIfSystemProperty(named = "fmishare.fuzz.writeSeeds", matches = "true")
    void writeSeeds() throws IOException {
        clean();
        Path dir = FuzzCorpus.sourceDirectory(JournalFuzzTest.class, "openJournal");
        Path file = WORK.resolve("seed.journal");
        try (FileJournalStore store = FileJournalStore.open(file)) {
            store.enqueue(OutboxStoreContract.entry("env-1"));
            store.enqueue(OutboxStoreContract.entry("env-2"));
            store.enqueue(OutboxStoreContract.entry("env-3"));
            store.recordFailure(OutboxStoreContract.key("env-1"), 1, OutboxStoreContract.T0.plusSeconds(60),
                    "connection refused");
            store.markDelivered(OutboxStoreContract.key("env-2"), OutboxStoreContract.T0.plusSeconds(5),
                    "{\"receipt\":1}".getBytes());
            store.markDead(OutboxStoreContract.key("env-3"), OutboxStoreContract.T0.plusSeconds(9), "expired");
        }
        byte[] valid = Files.readAllBytes(file);
        FuzzCorpus.write(dir, "valid-three-entries", valid);
        FuzzCorpus.write(dir, "valid-header-only", Arrays.copyOf(valid, 8));
        byte[] torn = Arrays.copyOf(valid, valid.length - 7);
        FuzzCorpus.write(dir, "invalid-torn-tail", torn);
        byte[] flipped = valid.clone();
        flipped[valid.length / 2] ^= 0x55;
        FuzzCorpus.write(dir, "invalid-flipped-middle", flipped);
    }

    @Test
    void theValidSeedStillOpensWithThreeEntries() throws IOException {
        clean();
        Path file = WORK.resolve("outbox.journal");
        Files.copy(FuzzCorpus.directory(JournalFuzzTest.class, "openJournal").resolve("valid-three-entries"), file);
        try (FileJournalStore store = FileJournalStore.open(file)) {
            assertThat(all(store)).hasSize(3);
            assertThat(store.recovery().damagedBytes()).isZero();
        }
    }

    private static void clean() throws IOException {
        try (Stream<Path> files = Files.list(WORK)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("journal-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

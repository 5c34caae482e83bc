package org.fmishare.transport.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store meets the contract, survives a torn last line, and has one owner at a time. */
class FileEmailDedupeStoreTest extends EmailDedupeStoreContract {
    @TempDir
    Path dir;

    @Override
    EmailDedupeStore open() {
        return FileEmailDedupeStore.open(dir.resolve("email-dedupe"), T0);
    }

    @Override
    void close(EmailDedupeStore store) {
        ((FileEmailDedupeStore) store).close();
    }

    @Override
    boolean persistent() {
        return true;
    }

    @Test
    void aTornLastLineIsCutAndTheEarlierEntriesSurvive() throws Exception {
        Path file = dir.resolve("email-dedupe");
        try (FileEmailDedupeStore store = FileEmailDedupeStore.open(file, T0)) {
            store.record(id(1), digest(1), FORGET, T0);
            store.record(id(2), digest(2), FORGET, T0);
        }
        String line = Files.readAllLines(file, StandardCharsets.US_ASCII).get(0);
        Files.writeString(file, line.substring(0, line.length() - 3), StandardCharsets.US_ASCII,
                StandardOpenOption.APPEND);
        try (FileEmailDedupeStore store = FileEmailDedupeStore.open(file, T0)) {
            assertThat(store.size()).isEqualTo(2);
            assertThat(store.envelopeIdOf(digest(2), T0)).contains(id(2));
            assertThat(store.record(id(3), digest(3), FORGET, T0)).isEmpty();
        }
        try (FileEmailDedupeStore store = FileEmailDedupeStore.open(file, T0)) {
            assertThat(store.size()).isEqualTo(3);
        }
    }

    @Test
    void expiredEntriesLeaveTheFileOnOpen() throws Exception {
        Path file = dir.resolve("email-dedupe");
        try (FileEmailDedupeStore store = FileEmailDedupeStore.open(file, T0)) {
            store.record(id(1), digest(1), T0.plusSeconds(10), T0);
            store.record(id(2), digest(2), FORGET, T0);
        }
        try (FileEmailDedupeStore store = FileEmailDedupeStore.open(file, T0.plusSeconds(60))) {
            assertThat(store.size()).isEqualTo(1);
            assertThat(Files.readAllLines(file)).hasSize(1);
        }
    }

    @Test
    void aFileIsUsedByOneStoreAtATime() {
        Path file = dir.resolve("email-dedupe");
        try (FileEmailDedupeStore store = FileEmailDedupeStore.open(file, T0)) {
            assertThatThrownBy(() -> FileEmailDedupeStore.open(file, T0))
                    .isInstanceOf(EmailTransportException.StoreFailed.class)
                    .hasMessageContaining("email dedupe file " + file).hasMessageContaining("in use")
                    .satisfies(e -> assertThat(((EmailTransportException) e).retryable()).isTrue());
            assertThat(store.record(id(1), digest(1), FORGET, T0)).isEmpty();
        }
        assertThat(List.of(dir.toFile().list())).contains("email-dedupe", "email-dedupe.lock");
    }
}

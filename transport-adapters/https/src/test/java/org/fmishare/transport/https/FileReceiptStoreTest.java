package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-backed receipt store: the contract, plus crash recovery and expiry on open. */
class FileReceiptStoreTest extends ReceiptStoreContract {
    @TempDir
    Path dir;

    @Override
    ReceiptStore open() {
        return FileReceiptStore.open(dir.resolve("receipts"), T0);
    }

    @Override
    void close(ReceiptStore store) {
        ((FileReceiptStore) store).close();
    }

    @Override
    boolean persistent() {
        return true;
    }

    @Test
    void aTornLastLineIsCutAndADamagedLineSkippedWithoutLosingTheOthers() throws Exception {
        Path file = dir.resolve("receipts");
        try (FileReceiptStore store = FileReceiptStore.open(file, T0)) {
            store.put(receipt("e-1", "sha-256:aa"), T0);
            store.put(receipt("e-2", "sha-256:bb"), T0);
            store.put(receipt("e-3", "sha-256:cc"), T0);
        }
        // Damage the second line and leave a torn write at the end.
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int second = text.indexOf('\n') + 5;
        String damaged = text.substring(0, second) + (text.charAt(second) == 'A' ? 'B' : 'A')
                + text.substring(second + 1) + "half a li";
        Files.writeString(file, damaged, StandardCharsets.US_ASCII);
        try (FileReceiptStore store = FileReceiptStore.open(file, T0)) {
            assertThat(store.findByEnvelopeId("e-1", T0)).contains(receipt("e-1", "sha-256:aa"));
            assertThat(store.findByEnvelopeId("e-2", T0)).isEmpty();
            assertThat(store.findByEnvelopeId("e-3", T0)).contains(receipt("e-3", "sha-256:cc"));
            store.put(receipt("e-4", "sha-256:dd"), T0);
        }
        try (FileReceiptStore store = FileReceiptStore.open(file, T0)) {
            assertThat(store.size()).isEqualTo(3);
        }
    }

    @Test
    void expiredReceiptsAreDroppedOnOpen() {
        Path file = dir.resolve("receipts");
        try (FileReceiptStore store = FileReceiptStore.open(file, T0)) {
            store.put(receipt("e-1", "sha-256:aa"), T0);
        }
        try (FileReceiptStore store = FileReceiptStore.open(file, T0.plusSeconds(3_601))) {
            assertThat(store.size()).isZero();
        }
    }

    @Test
    void anInterruptedThreadCanStoreAndTheStoreStaysUsable() {
        try (FileReceiptStore store = FileReceiptStore.open(dir.resolve("receipts"), T0)) {
            Thread.currentThread().interrupt();
            try {
                store.put(receipt("e-1", "sha-256:aa"), T0);
            } finally {
                Thread.interrupted();
            }
            store.put(receipt("e-2", "sha-256:bb"), T0);
            assertThat(store.size()).isEqualTo(2);
        }
    }

    @Test
    void aSecondProcessCannotOpenTheSameFile() {
        Path file = dir.resolve("receipts");
        try (FileReceiptStore store = FileReceiptStore.open(file, T0)) {
            assertThatThrownBy(() -> FileReceiptStore.open(file, T0)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("in use");
        }
    }
}

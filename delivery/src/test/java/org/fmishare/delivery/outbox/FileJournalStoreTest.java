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
            store.markDelivered(key("a"), T0.plusSeconds(1), new byte[] {7});
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
                assertThat(store.find(key("a")).orElseThrow().state()).isEqualTo(OutboxState.QUEUED);
                assertThat(store.find(key("b"))).isPresent();
                assertThat(Files.size(torn)).isEqualTo(lastStart);
                assertThat(Files.readAllBytes(r.damagedCopy().orElseThrow())).hasSize((int) (cut - lastStart));
            }
        }
    }

    @Test
    void aCorruptByteInTheLastRecordIsDetectedByChecksumAndReported() throws IOException {
        Path journal = dir.resolve("j");
        List<Long> ends = writeSample(journal);
        byte[] bytes = Files.readAllBytes(journal);
        // The last byte of the last record's body (a frame ends in an 8-byte trailer).
        int victim = (int) (ends.get(3) - 9);
        bytes[victim] ^= 0x40;
        Files.write(journal, bytes);
        try (FileJournalStore store = FileJournalStore.open(journal)) {
            assertThat(store.recovery().damage().orElseThrow()).contains("checksum mismatch")
                    .contains("envelope a").contains("offset " + ends.get(2));
            assertThat(store.recovery().recordsReplayed()).isEqualTo(2);
            assertThat(store.recovery().lostEnvelopeIds()).isEmpty();
            assertThat(store.recovery().revertedEnvelopeIds()).containsExactly("a");
            // The store keeps working after recovery: the lost change can be made again.
            store.markDelivered(key("a"), T0.plusSeconds(2), new byte[0]);
        }
        try (FileJournalStore store = FileJournalStore.open(journal)) {
            assertThat(store.recovery().intact()).isTrue();
            assertThat(store.find(key("a")).orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
        }
    }

    /**
     * The loss this format exists to prevent: damage anywhere must cost at most the record it hits. Four envelopes
     * are queued (one has failed once); every byte of the journal is flipped in turn, on a fresh copy, and the copy
     * reopened. Every envelope whose own enqueue record is untouched must still be listed with its exact bytes and
     * be deliverable; an envelope whose record was hit is either still there intact or named as lost; nothing is
     * lost without a name; and the recovered journal reopens intact with the same entries.
     */
    @Test
    void flippingAnyByteLosesNoEnvelopeWhoseOwnRecordIsIntactAndNamesEveryLostOne() throws IOException {
        Path journal = dir.resolve("j");
        List<String> ids = List.of("env-alpha", "env-bravo", "env-charlie", "env-delta");
        java.util.Map<String, long[]> enqueueFrame = new java.util.HashMap<>();
        long[] failureFrame = new long[2];
        try (FileJournalStore store = FileJournalStore.open(journal)) {
            for (String id : ids) {
                long start = Files.size(journal);
                store.enqueue(big(id));
                enqueueFrame.put(id, new long[] {start, Files.size(journal)});
            }
            failureFrame[0] = Files.size(journal);
            store.recordFailure(key("env-bravo"), 1, T0.plusSeconds(30), "HTTP 503");
            failureFrame[1] = Files.size(journal);
        }
        byte[] original = Files.readAllBytes(journal);
        int lostSomewhere = 0;
        for (int offset = 0; offset < original.length; offset++) {
            byte[] copy = original.clone();
            copy[offset] ^= (byte) 0xFF;
            Path damaged = dir.resolve("flip-" + offset);
            Files.createDirectories(damaged);
            Path file = damaged.resolve("outbox.journal");
            Files.write(file, copy);
            List<OutboxEntry> survivors;
            try (FileJournalStore store = FileJournalStore.open(file)) {
                RecoveryReport r = store.recovery();
                assertThat(r.intact()).as("flip at %d is noticed", offset).isFalse();
                assertThat(r.unidentifiedDamagedRegions()).as("flip at %d", offset).isZero();
                for (String id : ids) {
                    long[] own = enqueueFrame.get(id);
                    boolean hit = offset >= own[0] && offset < own[1];
                    java.util.Optional<OutboxEntry> found = store.find(key(id));
                    if (!hit) {
                        assertThat(found).as("flip at %d must not lose %s", offset, id).isPresent();
                    }
                    if (found.isPresent()) {
                        assertThat(found.get().envelope()).as("flip at %d, %s", offset, id)
                                .isEqualTo(big(id).envelope());
                        assertThat(r.lostEnvelopeIds()).doesNotContain(id);
                    } else {
                        assertThat(r.lostEnvelopeIds()).as("flip at %d must name %s", offset, id).contains(id);
                        lostSomewhere++;
                    }
                }
                OutboxEntry bravo = store.find(key("env-bravo")).orElse(null);
                if (bravo != null && bravo.attempts() == 0) {
                    assertThat(offset).as("only a hit failure record may undo the failure")
                            .isBetween((int) failureFrame[0], (int) failureFrame[1] - 1);
                    assertThat(r.revertedEnvelopeIds()).contains("env-bravo");
                }
                survivors = store.list(OutboxState.QUEUED);
                assertThat(survivors).hasSize(r.entries());
                // Deliverable: the store accepts the next state change for every survivor.
                for (OutboxEntry e : survivors) {
                    store.markDelivered(e.deliveryId(), T0.plusSeconds(60), new byte[] {1});
                }
            }
            try (FileJournalStore store = FileJournalStore.open(file)) {
                assertThat(store.recovery().intact()).as("flip at %d: recovered journal reopens intact", offset)
                        .isTrue();
                assertThat(store.list(OutboxState.DELIVERED)).hasSameSizeAs(survivors);
            }
        }
        // A flip in an enqueue record's body or body checksum costs that envelope (and was named above); the test
        // must have met such losses, or it proved nothing about naming them.
        assertThat(lostSomewhere).isPositive();
    }

    /** An entry whose envelope is large enough that most flips land inside envelope bytes. */
    private static OutboxEntry big(String id) {
        OutboxEntry e = entry(id);
        byte[] envelope = ("{\"id\":\"" + id + "\",\"payload\":\"" + "x".repeat(120) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return OutboxEntry.queued(id, e.destination(), e.recipientId(), e.expiresAt(), e.digest(), envelope,
                e.enqueuedAt());
    }

    @Test
    void aJournalInTheFirstFormatIsRefusedByName() throws IOException {
        Path old = dir.resolve("old.journal");
        Files.write(old, new byte[] {'F', 'M', 'I', 'O', 'B', 'X', 0, 1, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7});
        assertThatThrownBy(() -> FileJournalStore.open(old)).isInstanceOf(OutboxException.class)
                .hasMessageContaining("format version 1");
        assertThat(Files.size(old)).isEqualTo(19);
    }

    @Test
    void aJournalInTheSecondFormatIsReadAndRewrittenInTheCurrentOne() throws IOException {
        // Written by the release before deliveries were keyed by destination: env-1 failed once, env-2 delivered,
        // env-3 dead, each to the contract's destination.
        Path journal = dir.resolve("v2.journal");
        try (java.io.InputStream in = FileJournalStoreTest.class.getResourceAsStream("format2-three-entries.journal")) {
            Files.write(journal, in.readAllBytes());
        }
        try (FileJournalStore store = FileJournalStore.open(journal)) {
            assertThat(store.recovery().nothingLost()).isTrue();
            assertThat(store.recovery().damagedBytes()).isZero();
            assertThat(store.find(key("env-1")).orElseThrow().attempts()).isEqualTo(1);
            assertThat(store.find(key("env-2")).orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
            assertThat(store.find(key("env-3")).orElseThrow().state()).isEqualTo(OutboxState.DEAD);
            store.replay(key("env-3"), T0.plusSeconds(100));
        }
        assertThat(Files.readAllBytes(journal)[7]).as("format version").isEqualTo((byte) 3);
        try (FileJournalStore store = FileJournalStore.open(journal)) {
            assertThat(store.recovery().intact()).isTrue();
            assertThat(store.find(key("env-3")).orElseThrow().state()).isEqualTo(OutboxState.QUEUED);
            assertThat(store.deliveriesOf("env-1")).hasSize(1);
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
            assertThat(store.find(key("a")).orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
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

    @Test
    void anInterruptedCallerOrCloseLeavesTheJournalUsableAndEveryChangeDurable() throws Exception {
        Path journal = dir.resolve("j");
        FileJournalStore store = FileJournalStore.open(journal);
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean stillInterrupted = new java.util.concurrent.atomic.AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                // As a dispatcher worker is when the dispatcher closes at the end of a --timeout wait.
                Thread.currentThread().interrupt();
                store.enqueue(OutboxStoreContract.entry("a"));
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        caller.start();
        caller.join(120_000);
        assertThat(failure.get()).isNull();
        assertThat(stillInterrupted).isTrue();
        store.enqueue(OutboxStoreContract.entry("b"));
        store.markDelivered(key("a"), T0.plusSeconds(1), new byte[] {7});
        Thread.currentThread().interrupt();
        try {
            store.close();
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
        try (FileJournalStore again = FileJournalStore.open(journal)) {
            assertThat(again.recovery().nothingLost()).isTrue();
            assertThat(again.recovery().damage()).isEmpty();
            assertThat(again.find(key("a")).orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
            assertThat(again.find(key("b")).orElseThrow().state()).isEqualTo(OutboxState.QUEUED);
            again.markDelivered(key("b"), T0.plusSeconds(2), new byte[0]);
        }
    }
}

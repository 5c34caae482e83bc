package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the file replay cache adds to the contract (which runs in the HTTPS module): crashes, growth, one owner. */
class FileReplayCacheTest {
    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant UNTIL = T0.plusSeconds(3_600);

    /** Records a nonce with a digest of its own; true when it was not recorded before. */
    static boolean first(ReplayCache cache, String nonce, Instant now, Instant retainUntil) {
        return cache.recordUse(nonce, "sha-256:" + nonce, now, retainUntil) == ReplayCache.Use.FIRST_USE;
    }

    @TempDir
    Path dir;

    @Test
    void aTornLastLineIsCutAndEveryEarlierNonceIsStillRefused() throws Exception {
        Path file = dir.resolve("nonces");
        try (FileReplayCache c = FileReplayCache.open(file, T0)) {
            for (int i = 0; i < 5; i++) {
                assertThat(first(c, "nonce-" + i, T0, UNTIL)).isTrue();
            }
        }
        // A crash in the middle of writing a sixth line: half of a line, no newline.
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        String torn = lines.get(0).substring(0, lines.get(0).length() / 2);
        Files.writeString(file, torn, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        try (FileReplayCache c = FileReplayCache.open(file, T0)) {
            assertThat(c.size()).isEqualTo(5);
            for (int i = 0; i < 5; i++) {
                assertThat(first(c, "nonce-" + i, T0, UNTIL)).as("nonce-" + i).isFalse();
            }
            assertThat(first(c, "nonce-5", T0, UNTIL)).isTrue();
        }
        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).endsWith("\n");
        try (FileReplayCache c = FileReplayCache.open(file, T0)) {
            assertThat(c.size()).isEqualTo(6);
        }
    }

    @Test
    void aDamagedLineInTheMiddleIsSkippedWithoutLosingTheOthers() throws Exception {
        Path file = dir.resolve("nonces");
        try (FileReplayCache c = FileReplayCache.open(file, T0)) {
            first(c, "first", T0, UNTIL);
            first(c, "second", T0, UNTIL);
            first(c, "third", T0, UNTIL);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        Files.write(file, List.of(lines.get(0), lines.get(1).replace(' ', 'x'), lines.get(2)),
                StandardCharsets.US_ASCII);
        try (FileReplayCache c = FileReplayCache.open(file, T0)) {
            assertThat(first(c, "first", T0, UNTIL)).isFalse();
            assertThat(first(c, "third", T0, UNTIL)).isFalse();
            assertThat(c.size()).isEqualTo(2);
        }
    }

    @Test
    void theFileHoldsOnlyLiveNoncesAfterARestartAndDoesNotGrowWithTheHistory() throws Exception {
        Path file = dir.resolve("nonces");
        int recorded = 2_500;
        try (FileReplayCache c = FileReplayCache.open(file, T0)) {
            // Each nonce lives ten seconds and a new one arrives every second: about ten are live at any time.
            for (int i = 0; i < recorded; i++) {
                Instant now = T0.plusSeconds(i);
                assertThat(first(c, "nonce-" + i, now, now.plusSeconds(10))).isTrue();
            }
            assertThat(c.size()).isLessThanOrEqualTo(11);
            assertThat(Files.readAllLines(file)).as("rewritten while running").hasSizeLessThan(2 * 11 + 1024 + 2);
        }
        Instant end = T0.plusSeconds(recorded);
        try (FileReplayCache c = FileReplayCache.open(file, end)) {
            assertThat(Files.readAllLines(file)).as("expired nonces dropped on open").hasSizeLessThanOrEqualTo(10);
            assertThat(first(c, "nonce-" + (recorded - 1), end, end.plusSeconds(10))).isFalse();
            assertThat(first(c, "nonce-" + (recorded - 20), end, end.plusSeconds(10))).isTrue();
        }
    }

    @Test
    void aFileIsUsedByOneCacheAtATime() {
        Path file = dir.resolve("nonces");
        try (FileReplayCache c = FileReplayCache.open(file, T0)) {
            assertThatThrownBy(() -> FileReplayCache.open(file, T0))
                    .isInstanceOf(EnvelopeException.ProcessingFailed.class)
                    .hasMessageContaining("replay cache file " + file).hasMessageContaining("in use");
            assertThat(first(c, "still-works", T0, UNTIL)).isTrue();
        }
        try (FileReplayCache again = FileReplayCache.open(file, T0)) {
            assertThat(first(again, "still-works", T0, UNTIL)).isFalse();
        }
    }

    @Test
    void aFullCacheFailsClosedAndAClosedOneRefusesToRecord() {
        FileReplayCache c = FileReplayCache.open(dir.resolve("nonces"), T0, 1);
        assertThat(first(c, "a", T0, UNTIL)).isTrue();
        assertThatThrownBy(() -> first(c, "b", T0, UNTIL)).isInstanceOf(EnvelopeException.ProcessingFailed.class)
                .hasMessageContaining("full");
        c.close();
        FileReplayCache closed = FileReplayCache.open(dir.resolve("other"), T0);
        closed.close();
        assertThatThrownBy(() -> first(closed, "c", T0, UNTIL))
                .isInstanceOf(EnvelopeException.ProcessingFailed.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> FileReplayCache.open(dir.resolve("nonces"), T0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEntries");
    }

    /** A line of the format before digests were kept: the nonce alone, then its retain-until and checksum. */
    private static String oldFormatLine(String nonce, Instant retainUntil) {
        String fields = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(nonce.getBytes(StandardCharsets.UTF_8)) + " " + retainUntil.getEpochSecond() + " "
                + retainUntil.getNano();
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(fields.getBytes(StandardCharsets.US_ASCII));
        return fields + " " + Long.toHexString(crc.getValue()) + "\n";
    }

    @Test
    void aFileOfTheOldFormatIsReadAndItsNoncesAreRefusedForAnyEnvelopeAlsoAfterARewrite() throws Exception {
        Path file = dir.resolve("nonces");
        Files.writeString(file, oldFormatLine("old-live", UNTIL) + oldFormatLine("old-expired", T0.minusSeconds(1)),
                StandardCharsets.US_ASCII);
        String digest = "sha-256:" + "a".repeat(64);
        for (int open = 0; open < 2; open++) {
            // The first open drops the expired line and so rewrites the file; the second reads what it wrote.
            try (FileReplayCache c = FileReplayCache.open(file, T0)) {
                assertThat(c.size()).isEqualTo(open == 0 ? 1 : 2);
                assertThat(c.recordUse("old-live", digest, T0, UNTIL)).as("digest unknown, open " + open)
                        .isEqualTo(ReplayCache.Use.REUSED);
                assertThat(c.recordUse("new", digest, T0, UNTIL))
                        .isEqualTo(open == 0 ? ReplayCache.Use.FIRST_USE : ReplayCache.Use.SAME_ENVELOPE);
            }
        }
        assertThat(Files.readAllLines(file)).hasSize(2);
    }
}

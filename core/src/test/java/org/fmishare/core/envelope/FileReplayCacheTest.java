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

    @TempDir
    Path dir;

    @Test
    void aTornLastLineIsCutAndEveryEarlierNonceIsStillRefused() throws Exception {
        Path file = dir.resolve("nonces");
        try (FileReplayCache c = FileReplayCache.open(file, T0)) {
            for (int i = 0; i < 5; i++) {
                assertThat(c.firstUse("nonce-" + i, T0, UNTIL)).isTrue();
            }
        }
        // A crash in the middle of writing a sixth line: half of a line, no newline.
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        String torn = lines.get(0).substring(0, lines.get(0).length() / 2);
        Files.writeString(file, torn, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        try (FileReplayCache c = FileReplayCache.open(file, T0)) {
            assertThat(c.size()).isEqualTo(5);
            for (int i = 0; i < 5; i++) {
                assertThat(c.firstUse("nonce-" + i, T0, UNTIL)).as("nonce-" + i).isFalse();
            }
            assertThat(c.firstUse("nonce-5", T0, UNTIL)).isTrue();
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
            c.firstUse("first", T0, UNTIL);
            c.firstUse("second", T0, UNTIL);
            c.firstUse("third", T0, UNTIL);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        Files.write(file, List.of(lines.get(0), lines.get(1).replace(' ', 'x'), lines.get(2)),
                StandardCharsets.US_ASCII);
        try (FileReplayCache c = FileReplayCache.open(file, T0)) {
            assertThat(c.firstUse("first", T0, UNTIL)).isFalse();
            assertThat(c.firstUse("third", T0, UNTIL)).isFalse();
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
                assertThat(c.firstUse("nonce-" + i, now, now.plusSeconds(10))).isTrue();
            }
            assertThat(c.size()).isLessThanOrEqualTo(11);
            assertThat(Files.readAllLines(file)).as("rewritten while running").hasSizeLessThan(2 * 11 + 1024 + 2);
        }
        Instant end = T0.plusSeconds(recorded);
        try (FileReplayCache c = FileReplayCache.open(file, end)) {
            assertThat(Files.readAllLines(file)).as("expired nonces dropped on open").hasSizeLessThanOrEqualTo(10);
            assertThat(c.firstUse("nonce-" + (recorded - 1), end, end.plusSeconds(10))).isFalse();
            assertThat(c.firstUse("nonce-" + (recorded - 20), end, end.plusSeconds(10))).isTrue();
        }
    }

    @Test
    void aFileIsUsedByOneCacheAtATime() {
        Path file = dir.resolve("nonces");
        try (FileReplayCache c = FileReplayCache.open(file, T0)) {
            assertThatThrownBy(() -> FileReplayCache.open(file, T0))
                    .isInstanceOf(EnvelopeException.ProcessingFailed.class)
                    .hasMessageContaining("replay cache file " + file).hasMessageContaining("in use");
            assertThat(c.firstUse("still-works", T0, UNTIL)).isTrue();
        }
        try (FileReplayCache again = FileReplayCache.open(file, T0)) {
            assertThat(again.firstUse("still-works", T0, UNTIL)).isFalse();
        }
    }

    @Test
    void aFullCacheFailsClosedAndAClosedOneRefusesToRecord() {
        FileReplayCache c = FileReplayCache.open(dir.resolve("nonces"), T0, 1);
        assertThat(c.firstUse("a", T0, UNTIL)).isTrue();
        assertThatThrownBy(() -> c.firstUse("b", T0, UNTIL)).isInstanceOf(EnvelopeException.ProcessingFailed.class)
                .hasMessageContaining("full");
        c.close();
        FileReplayCache closed = FileReplayCache.open(dir.resolve("other"), T0);
        closed.close();
        assertThatThrownBy(() -> closed.firstUse("c", T0, UNTIL))
                .isInstanceOf(EnvelopeException.ProcessingFailed.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> FileReplayCache.open(dir.resolve("nonces"), T0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEntries");
    }
}

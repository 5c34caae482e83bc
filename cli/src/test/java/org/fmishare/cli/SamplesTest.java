package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Where the command-line tests find the repository's sample documents ({@code samples/}), and a check that the ones
 * they run against are there, so a moved directory fails here with a clear message instead of in every test.
 */
class SamplesTest {
    static final Path SAMPLES = Path.of(System.getProperty("fmishare.root", "..")).resolve("samples");

    @Test
    void theSampleDocumentsTheCommandLineTestsUseArePresent() {
        for (String file : new String[] {"passing-share.json", "failing-share.json", "meeting.json",
                "briefing.json"}) {
            assertThat(SAMPLES.resolve(file)).as(file).isRegularFile();
        }
    }
}

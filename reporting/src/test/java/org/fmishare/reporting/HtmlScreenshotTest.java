package org.fmishare.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the HTML report in headless Chromium and checks the screenshot shows a page (text, tables, chart), not a
 * blank one. Skipped, with a message saying so, where no Chromium is installed.
 */
class HtmlScreenshotTest {
    @TempDir
    Path dir;

    static Optional<Path> chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            String path = System.getenv("PATH");
            if (path == null) {
                break;
            }
            for (String d : path.split(File.pathSeparator)) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void reportRendersAsAPageWithTablesAndChart() throws Exception {
        Optional<Path> browser = chromium();
        assumeTrue(browser.isPresent(), "Chromium not found on PATH (install the Debian package 'chromium'); "
                + "skipping the browser rendering check of the HTML report");
        ReportFiles files = TransparencyReport.from(Activity.verifiedLog(dir.resolve("log")),
                ReportOptions.defaults()).writeTo(dir.resolve("report"));
        Path shot = dir.resolve("screenshot.png");
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Process p = new ProcessBuilder(browser.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--screenshot=" + shot, "--window-size=1200,1600",
                files.html().toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 90 s; log: " + log());
        }
        assertThat(shot).as("screenshot written; chromium log: %s", log()).exists();
        BufferedImage img = ImageIO.read(shot.toFile());
        assertThat(img.getWidth()).isEqualTo(1200);
        assertThat(img.getHeight()).isEqualTo(1600);
        // A blank page has one colour; text, table shading and four chart series give many.
        assertThat(Screenshots.distinctColours(img)).isGreaterThan(50);
        assertThat(Screenshots.nonWhiteFraction(img)).isBetween(0.05, 0.9);
        // The heading rule and table headers use the report's dark blue (#1f4e79): the stylesheet was applied.
        assertThat(countColour(img, 0x1f4e79)).isGreaterThan(2_000);
    }

    private static long countColour(BufferedImage img, int rgb) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("chromium.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }
}

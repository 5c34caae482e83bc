package org.fmishare.transport.https;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on this test class path, for the crash tests that kill a real process (SIGKILL): its standard output is
 * read line by line on a daemon thread, so a test can wait for a line the child prints at a known point.
 *
 * @param process the child process
 * @param reader the thread reading its output; it ends once the child's output is closed
 * @param lines its standard output, one element per line
 */
record ChildJvm(Process process, Thread reader, BlockingQueue<String> lines) {
    /**
     * Starts {@code mainClass} in a new JVM with a small heap and the test's class path.
     *
     * @param mainClass the class whose {@code main} runs
     * @param args its arguments
     * @return the running child
     * @throws IOException when the JVM cannot be started
     */
    static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child was killed
            }
        }, mainClass.getSimpleName() + "-output");
        reader.setDaemon(true);
        reader.start();
        return new ChildJvm(p, reader, lines);
    }

    /**
     * Waits for the next line starting with {@code prefix}, skipping others.
     *
     * @param prefix what the line starts with
     * @param seconds how long to wait at most (generous: the machine may be loaded)
     * @return the line, or null when none came in time or the child's output ended without it
     * @throws InterruptedException when interrupted while waiting
     */
    String await(String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        // The reader, not the process, says when no more lines can come: a child that exits may still have lines in the
        // pipe that the reader has not queued yet.
        while (System.nanoTime() < deadline && (reader.isAlive() || !lines.isEmpty())) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        return null;
    }
}

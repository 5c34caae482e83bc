package org.fmishare.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.fmishare.transport.taxii.ObjectQuery;
import org.fmishare.transport.taxii.PollResult;
import org.fmishare.transport.taxii.TaxiiClient;
import org.fmishare.transport.taxii.TaxiiCollection;
import org.fmishare.transport.taxii.testserver.TaxiiTestServer;
import org.fmishare.transport.taxii.stix.StixIds;
import org.fmishare.transport.taxii.stix.StixObject;

/**
 * Reads a TAXII collection of 100,000 objects in pages and reports the peak heap of the reading JVM. The server runs
 * in a separate process so that its stored objects do not count; the reader runs with {@code -Xmx64m}, so finishing
 * at all shows the read fits in 64 MiB, and the reported peak says by how much.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.fmishare.benchmarks.TaxiiReadCheck [objects]} (default 100,000).
 */
public final class TaxiiReadCheck {
    private TaxiiReadCheck() {}

    /**
     * Runs the check (or, with {@code server N}, the server side of it).
     *
     * @param args {@code [objects]}, or {@code server objects}
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "server".equals(args[0])) {
            serve(Integer.parseInt(args[1]));
            return;
        }
        if (args.length > 0 && "client".equals(args[0])) {
            read(URI.create(args[1]), Integer.parseInt(args[2]));
            return;
        }
        int objects = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.out.println(run(objects));
    }

    /** Starts the server process, then the 64 MiB reader process, and returns the reader's result line. */
    static String run(int objects) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Process server = new ProcessBuilder(java, "-Xmx2g", "-cp", cp, TaxiiReadCheck.class.getName(), "server",
                String.valueOf(objects)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            String root = null;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("READY ")) {
                    root = line.substring(6);
                    break;
                }
            }
            if (root == null) {
                throw new IllegalStateException("TAXII server process did not start");
            }
            Process reader = new ProcessBuilder(java, "-Xmx64m", "-cp", cp, TaxiiReadCheck.class.getName(), "client",
                    root, String.valueOf(objects)).redirectErrorStream(true).start();
            String out = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int code = reader.waitFor();
            return code == 0 ? out.lines().reduce((a, b) -> b).orElse(out)
                    : "reader failed with exit code " + code + ": " + out;
        } finally {
            server.destroy();
        }
    }

    private static void serve(int objects) throws Exception {
        TaxiiTestServer server = TaxiiTestServer.builder().collection("big", "Big collection", true, true)
                .maxPageSize(1_000).maxContentLength(64L * 1024 * 1024).start();
        TaxiiClient client = TaxiiClient.builder(server.discoveryUri())
                .statusPolling(java.time.Duration.ofMillis(5), java.time.Duration.ofMillis(50),
                        java.time.Duration.ofMinutes(2)).build();
        TaxiiCollection col = client.collection(server.apiRootUri(), "big");
        List<StixObject> batch = new ArrayList<>();
        for (int i = 0; i < objects; i++) {
            String id = StixIds.userAccountId("examplesocial", String.valueOf(100_000_000L + i));
            batch.add(StixObject.parse("{\"type\":\"user-account\",\"spec_version\":\"2.1\",\"id\":\"" + id
                    + "\",\"account_type\":\"examplesocial\",\"user_id\":\"" + (100_000_000L + i)
                    + "\",\"display_name\":\"@civic_voice_" + i + "\"}"));
            if (batch.size() == 5_000 || i == objects - 1) {
                client.publish(col, batch);
                batch.clear();
            }
        }
        System.out.println("READY " + server.apiRootUri());
        System.out.flush();
        System.in.read();
    }

    private static void read(URI apiRoot, int expected) {
        TaxiiClient client = TaxiiClient.builder(apiRoot.resolve("/taxii2/")).build();
        TaxiiCollection col = client.collection(apiRoot, "big");
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        AtomicLong count = new AtomicLong();
        long start = System.nanoTime();
        PollResult result = client.forEachObject(col, ObjectQuery.builder().limit(1_000).build(),
                o -> count.incrementAndGet());
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        if (count.get() != expected) {
            throw new IllegalStateException("read " + count.get() + " objects, expected " + expected);
        }
        System.out.println(String.format(Locale.ROOT, "| TAXII read of %,d objects in %d pages (-Xmx64m) | %.1f s, "
                + "%,.0f objects/s | peak heap %.1f MiB (sum of heap pools' peaks) |", count.get(), result.pages(),
                seconds, count.get() / seconds, peak / (1024.0 * 1024.0)));
    }
}

package org.fmishare.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the short benchmark suite in one JVM session (so ratios compare numbers taken side by side on the same
 * noisy machine) and prints a Markdown table with throughput or time, allocation per operation and the ratios the
 * targets are stated in.
 *
 * <p>Usage: {@code java -jar benchmarks/target/fmi-share-benchmarks.jar [--out FILE] [JMH include regex]}.
 */
public final class RunAll {
    private RunAll() {}

    /**
     * Runs the suite.
     *
     * @param args optional {@code --out FILE} and an include pattern
     * @throws RunnerException if JMH fails
     * @throws IOException if the output file cannot be written
     */
    public static void main(String[] args) throws RunnerException, IOException {
        Path out = null;
        String include = "org\\.fmishare\\.benchmarks\\..*";
        for (int i = 0; i < args.length; i++) {
            if ("--out".equals(args[i]) && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else {
                include = args[i];
            }
        }
        ChainedOptionsBuilder options = new OptionsBuilder().include(include)
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(3).measurementTime(TimeValue.seconds(2))
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        Collection<RunResult> results = new Runner(options.build()).run();
        String table = table(results);
        System.out.println();
        System.out.println(table);
        if (out != null) {
            Files.writeString(out, table);
            System.out.println("written to " + out);
        }
    }

    static String table(Collection<RunResult> results) {
        Map<String, RunResult> byName = new LinkedHashMap<>();
        for (RunResult r : results) {
            byName.put(name(r), r);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("| benchmark | score | error | unit | allocation (B/op) |\n");
        sb.append("| --- | ---: | ---: | --- | ---: |\n");
        for (Map.Entry<String, RunResult> e : byName.entrySet()) {
            Result<?> p = e.getValue().getPrimaryResult();
            sb.append(String.format(Locale.ROOT, "| %s | %,.1f | %,.1f | %s | %s |%n", e.getKey(), p.getScore(),
                    p.getScoreError(), p.getScoreUnit(), alloc(e.getValue())));
        }
        sb.append("\n| ratio | measured | target |\n| --- | ---: | --- |\n");
        for (String alg : List.of("ES256", "EdDSA")) {
            String floorSign = "PrepareBenchmark.floorSignature [alg=" + alg + "]";
            String floorVerify = "VerifyBenchmark.floorVerify [alg=" + alg + "]";
            ratio(sb, byName, "prepare / floor signature (" + alg + ")", "PrepareBenchmark.prepare [alg=" + alg + "]",
                    floorSign, ">= 0.5");
            ratio(sb, byName, "prepare, new text each time / floor signature (" + alg + ")",
                    "PrepareBenchmark.prepareVaried [alg=" + alg + "]", floorSign, ">= 0.5");
            ratio(sb, byName, "verify / floor verification (" + alg + ")", "VerifyBenchmark.verify [alg=" + alg + "]",
                    floorVerify, "(reference)");
            ratio(sb, byName, "verify with the compliance re-check / floor verification (" + alg + ")",
                    "VerifyBenchmark.verifyRechecked [alg=" + alg + "]", floorVerify, ">= 0.5");
            ratio(sb, byName, "verify with the re-check, new text each time / floor verification (" + alg + ")",
                    "VerifyBenchmark.verifyRecheckedVaried [alg=" + alg + "]", floorVerify, ">= 0.5");
        }
        for (String alg : List.of("ES256", "EdDSA")) {
            ratio(sb, byName, "prepare / bare Nimbus JWS (" + alg + ")", "PrepareBenchmark.prepare [alg=" + alg + "]",
                    "PrepareBenchmark.bareJws [alg=" + alg + "]", "(reference)");
        }
        for (String workers : List.of("1", "4")) {
            RunResult batch = byName.get("HttpsDeliveryBenchmark.deliverBatch [workers=" + workers + "]");
            if (batch != null) {
                sb.append(String.format(Locale.ROOT, "| HTTPS delivery through the outbox, envelopes/s (batch of %d, "
                        + "%s worker%s) | %.0f | %s |%n", HttpsDeliveryBenchmark.BATCH, workers,
                        "1".equals(workers) ? "" : "s",
                        HttpsDeliveryBenchmark.BATCH * 1000.0 / batch.getPrimaryResult().getScore(),
                        "1".equals(workers) ? ">= 200 (10x the issue's 20)" : "(reference)"));
            }
        }
        for (String recheck : List.of("off", "sop")) {
            RunResult receiver = byName.get("ReceiverBenchmark.deliver [recheck=" + recheck + "]");
            if (receiver != null) {
                sb.append(String.format(Locale.ROOT, "| receiver, %d concurrent senders, envelopes/s (re-check %s) | "
                        + "%.0f | >= 400 |%n", ReceiverBenchmark.SENDERS, recheck,
                        receiver.getPrimaryResult().getScore()));
            }
        }
        RunResult enqueue = byName.get("OutboxBenchmark.durableEnqueue");
        if (enqueue != null) {
            sb.append(String.format(Locale.ROOT, "| durable enqueue, envelopes/s (16 threads, group commit) | %.0f | "
                    + ">= 5,000 |%n", enqueue.getPrimaryResult().getScore()));
        }
        List<String> growth = new ArrayList<>();
        for (String op : List.of("prepare", "parse")) {
            RunResult s100 = byName.get("GrowthBenchmark." + op + " [size=100]");
            RunResult s10k = byName.get("GrowthBenchmark." + op + " [size=10000]");
            if (s100 != null && s10k != null) {
                double f = s10k.getPrimaryResult().getScore() / s100.getPrimaryResult().getScore();
                growth.add(String.format(Locale.ROOT, "| %s time, 10,000 / 100 items | %.1f | ~100 (linear) |",
                        op, f));
            }
        }
        growth.forEach(g -> sb.append(g).append('\n'));
        return sb.toString();
    }

    private static void ratio(StringBuilder sb, Map<String, RunResult> byName, String label, String num, String den,
            String target) {
        RunResult n = byName.get(num);
        RunResult d = byName.get(den);
        if (n != null && d != null && d.getPrimaryResult().getScore() > 0) {
            sb.append(String.format(Locale.ROOT, "| %s | %.2f | %s |%n", label,
                    n.getPrimaryResult().getScore() / d.getPrimaryResult().getScore(), target));
        }
    }

    private static String name(RunResult r) {
        String bench = r.getParams().getBenchmark();
        String shortName = bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1);
        StringBuilder params = new StringBuilder();
        for (String key : r.getParams().getParamsKeys()) {
            params.append(params.length() == 0 ? " [" : ", ").append(key).append('=')
                    .append(r.getParams().getParam(key));
        }
        if (params.length() > 0) {
            params.append(']');
        }
        return shortName + params;
    }

    private static String alloc(RunResult r) {
        Result<?> a = r.getSecondaryResults().get("gc.alloc.rate.norm");
        return a == null ? "-" : String.format(Locale.ROOT, "%,.0f", a.getScore());
    }
}

package org.fmishare.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.model.ThreatShare;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How cost grows with the size of a share: 1, 100 and 10,000 accounts and facts (at least 2 facts, as the SOP
 * requires). Average time per operation, so
 * linear growth shows as time proportional to size (divide by {@code size} for the per-item cost).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GrowthBenchmark {
    /** Accounts and facts in the share. */
    @Param({"1", "100", "10000"})
    public int size;

    private Fixture fixture;
    private ThreatShare share;
    private byte[] json;

    /** Builds a share of the given size once per trial. */
    @Setup
    public void setUp() {
        fixture = new Fixture(KeyAlgorithm.EC_P256);
        // The SOP requires at least two facts, so the smallest share has one account and two facts.
        share = Fixture.share(size, Math.max(2, size));
        json = FmiJson.standard().write(share);
    }

    /** Validate, render, build, canonicalise and sign one share of this size. */
    @Benchmark
    public SignedEnvelope prepare() {
        return fixture.prepare(share);
    }

    /** Strict parse of a share of this size. */
    @Benchmark
    public ThreatShare parse() {
        return FmiJson.standard().read(json, ThreatShare.class);
    }

    /** A batch: 10,000 typical shares prepared one after another (one operation = the whole batch). */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class Batch {
        private Fixture fixture;
        private List<ThreatShare> shares;

        /** Builds 10,000 distinct typical shares. */
        @Setup
        public void setUp() {
            fixture = new Fixture(KeyAlgorithm.EC_P256);
            ThreatShare base = Fixture.share(Fixture.TYPICAL_ACCOUNTS, Fixture.TYPICAL_FACTS);
            shares = new ArrayList<>(10_000);
            for (int i = 0; i < 10_000; i++) {
                shares.add(base.toBuilder().id("share-batch-" + i).build());
            }
        }

        /** Prepares the whole batch. */
        @Benchmark
        public int prepareBatchOf10000() {
            int bytes = 0;
            for (ThreatShare s : shares) {
                bytes += fixture.prepare(s).serialized().length;
            }
            return bytes;
        }
    }
}

package org.fmishare.benchmarks;

import java.util.concurrent.TimeUnit;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.disclosure.Format;
import org.fmishare.disclosure.RenderedMessage;
import org.fmishare.sop.ComplianceReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The parts of preparation on their own, for a typical share: validator, renderer, JSON parse and write. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ComponentBenchmark {
    private Fixture fixture;
    private ThreatShare share;
    private String rendered;
    private byte[] json;

    /** Builds the share and its rendered text once per trial. */
    @Setup
    public void setUp() {
        fixture = new Fixture(KeyAlgorithm.EC_P256);
        share = Fixture.share(Fixture.TYPICAL_ACCOUNTS, Fixture.TYPICAL_FACTS);
        rendered = fixture.renderer.renderShare(share, Format.TEXT).body();
        json = FmiJson.standard().write(share);
    }

    /** The SOP validator alone, with the rendered message. */
    @Benchmark
    public ComplianceReport validate() {
        return fixture.validator.validate(share, rendered);
    }

    /** The disclosure renderer alone, including its post-render clause check. */
    @Benchmark
    public RenderedMessage render() {
        return fixture.renderer.renderShare(share, Format.TEXT);
    }

    /** Strict JSON parse into the model (every record validated in its constructor). */
    @Benchmark
    public ThreatShare jsonParse() {
        return FmiJson.standard().read(json, ThreatShare.class);
    }

    /** JSON write of the model. */
    @Benchmark
    public byte[] jsonWrite() {
        return FmiJson.standard().write(share);
    }
}

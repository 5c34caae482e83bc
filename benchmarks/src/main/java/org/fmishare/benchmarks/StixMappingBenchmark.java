package org.fmishare.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.transport.taxii.stix.StixBundle;
import org.fmishare.transport.taxii.stix.StixShareInput;
import org.fmishare.transport.taxii.stix.StixShareMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Mapping a typical signed share to its STIX 2.1 bundle and writing the bundle's JSON (what a TAXII publish sends),
 * and reading such a bundle back into STIX objects. Objects per second are the score times the bundle's object
 * count, which {@link PeerInputs} prints; the OASIS Python library's figure for the same bundle comes from
 * {@code benchmarks/peers/stix2_map.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StixMappingBenchmark {
    private StixShareInput input;
    private String bundleJson;

    /** Signs one typical share and maps it once, for the read benchmark's input. */
    @Setup
    public void setUp() {
        Fixture fixture = new Fixture(KeyAlgorithm.EC_P256);
        input = input(fixture.prepare(Fixture.share(Fixture.TYPICAL_ACCOUNTS, Fixture.TYPICAL_FACTS)));
        bundleJson = StixShareMapper.standard().toBundle(input).toJson();
    }

    /** {@return the JSON of the bundle of a typical share: the mapping and its serialisation} */
    @Benchmark
    public String mapShare() {
        return StixShareMapper.standard().toBundle(input).toJson();
    }

    /** {@return the bundle of a typical share parsed from its JSON into STIX objects} */
    @Benchmark
    public StixBundle parseBundle() {
        return StixBundle.parse(bundleJson);
    }

    static StixShareInput input(SignedEnvelope e) {
        EnvelopeBody.Share body = (EnvelopeBody.Share) e.content().body();
        return new StixShareInput(body.share(), e.content().disclosures(), e.content().compliance().orElseThrow(),
                e.envelopeId(), e.digest(), new String(e.serialized(), StandardCharsets.UTF_8), e.issuedAt());
    }
}

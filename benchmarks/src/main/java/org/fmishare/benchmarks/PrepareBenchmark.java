package org.fmishare.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.jose.JwsKeys;
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
 * Preparing a typical share (validate + render disclosures + build payload + canonicalise + sign) against the
 * floor: a bare signature over the same canonical signing input with the same key and provider, and a bare JWS
 * made directly with Nimbus over the same canonical payload.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PrepareBenchmark {
    /** The signature algorithm: ES256 (P-256) or EdDSA (Ed25519). */
    @Param({"ES256", "EdDSA"})
    public String alg;

    private Fixture fixture;
    private ThreatShare share;
    private byte[] signingInput;
    private byte[] canonicalPayload;
    private Signature bare;
    private JWSSigner nimbus;
    private JWSHeader header;

    /** Builds keys, the share and the floor's inputs once per trial. */
    @Setup
    public void setUp() throws GeneralSecurityException, JOSEException {
        KeyAlgorithm key = "ES256".equals(alg) ? KeyAlgorithm.EC_P256 : KeyAlgorithm.ED25519;
        fixture = new Fixture(key);
        share = Fixture.share(Fixture.TYPICAL_ACCOUNTS, Fixture.TYPICAL_FACTS);
        SignedEnvelope sample = fixture.prepare(share);
        signingInput = Fixture.signingInput(sample);
        canonicalPayload = sample.canonicalPayload();
        bare = Signature.getInstance("ES256".equals(alg) ? "SHA256withECDSA" : "Ed25519", JwsKeys.provider());
        nimbus = JwsKeys.signer(fixture.credential.privateKey(), key);
        header = new JWSHeader("ES256".equals(alg) ? JWSAlgorithm.ES256 : JWSAlgorithm.EdDSA);
    }

    /** The floor: one signature over the canonical signing input. */
    @Benchmark
    public byte[] floorSignature() throws GeneralSecurityException {
        bare.initSign(fixture.credential.privateKey());
        bare.update(signingInput);
        return bare.sign();
    }

    /**
     * A bare JWS with the JOSE library the SDK uses, over the same canonical payload. For EdDSA the SDK plugs Bouncy
     * Castle's Ed25519 into Nimbus (Nimbus's own needs Google Tink), so this measures that same signer.
     */
    @Benchmark
    public String bareJws() throws JOSEException {
        JWSObject jws = new JWSObject(header, new Payload(canonicalPayload));
        jws.sign(nimbus);
        return jws.serialize();
    }

    /** What an embedder pays: validate, render disclosures, build the payload, canonicalise, sign. */
    @Benchmark
    public SignedEnvelope prepare() {
        return fixture.prepare(share);
    }

    /**
     * {@link #prepare()} for a stream of shares that share no sentence (the coercion linter caches its verdict per
     * sentence, so {@link #prepare()} measures its cached path and this one the uncached path).
     *
     * @param shares the stream of shares
     * @return the envelope
     */
    @Benchmark
    public SignedEnvelope prepareVaried(VariedShares shares) {
        return fixture.prepare(shares.next());
    }

    /**
     * Shares never prepared before in this JVM, numbered on across iterations. Each is built inside the measured
     * operation (a few hundred microseconds, included in the score and the allocation): building them in an
     * iteration set-up would put their allocation into JMH's per-operation figure, which counts set-up allocation.
     */
    @State(Scope.Benchmark)
    public static class VariedShares {
        private int serial;

        ThreatShare next() {
            return Fixture.variedShare(serial++);
        }
    }
}

package org.fmishare.benchmarks;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.jose.JwsKeys;
import org.fmishare.disclosure.DisclosureReport;
import org.fmishare.disclosure.MessageKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verifying a typical envelope as a receiver does (parse, header and algorithm checks, certificate chain, signature,
 * payload, disclosures against the canonical clauses) against the bare signature verification.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerifyBenchmark {
    /** The signature algorithm. */
    @Param({"ES256", "EdDSA"})
    public String alg;

    private Fixture fixture;
    private byte[] serialized;
    private byte[] signingInput;
    private byte[] signature;
    private Signature bare;

    /** Signs one typical envelope per trial. */
    @Setup
    public void setUp() throws GeneralSecurityException {
        fixture = new Fixture("ES256".equals(alg) ? KeyAlgorithm.EC_P256 : KeyAlgorithm.ED25519);
        SignedEnvelope envelope = fixture.prepare(Fixture.share(Fixture.TYPICAL_ACCOUNTS, Fixture.TYPICAL_FACTS));
        serialized = envelope.serialized();
        signingInput = Fixture.signingInput(envelope);
        signature = Fixture.signature(envelope);
        if ("ES256".equals(alg)) {
            signature = p1363ToDer(signature);
        }
        bare = Signature.getInstance("ES256".equals(alg) ? "SHA256withECDSA" : "Ed25519", JwsKeys.provider());
    }

    /** The floor: one signature verification over the signing input. */
    @Benchmark
    public boolean floorVerify() throws GeneralSecurityException {
        bare.initVerify(fixture.credential.chain().get(0).getPublicKey());
        bare.update(signingInput);
        return bare.verify(signature);
    }

    /** Every receiver-side check, then the disclosures against the canonical clause texts. */
    @Benchmark
    public DisclosureReport verify() {
        VerifiedEnvelope v = fixture.verifier.verify(serialized);
        return fixture.disclosureVerifier.verifyMachineReadable(v.disclosures(), MessageKind.THREAT_SHARE);
    }

    /**
     * {@link #verify()} with the receiver's compliance re-check (the SOP validation, coercion linter included, run
     * again on the received share). The same share every time: the linter answers every sentence from its cache.
     *
     * @return the disclosure report
     */
    @Benchmark
    public DisclosureReport verifyRechecked() {
        VerifiedEnvelope v = fixture.recheckingVerifier.verify(serialized);
        return fixture.disclosureVerifier.verifyMachineReadable(v.disclosures(), MessageKind.THREAT_SHARE);
    }

    /**
     * {@link #verifyRechecked()} over a cycle of {@value VariedEnvelopes#SIZE} envelopes whose shares share no
     * sentence: the cycle holds more sentences than the linter's cache keeps (it empties itself at 20,000), so every
     * sentence is analysed again, as for a stream of different shares.
     *
     * @param pool the envelopes
     * @return the disclosure report
     */
    @Benchmark
    public DisclosureReport verifyRecheckedVaried(VariedEnvelopes pool) {
        VerifiedEnvelope v = fixture.recheckingVerifier.verify(pool.next());
        return fixture.disclosureVerifier.verifyMachineReadable(v.disclosures(), MessageKind.THREAT_SHARE);
    }

    /**
     * Envelopes of distinct shares, signed once per trial by the benchmark's signer. They are signed directly, with
     * the compliance summary and disclosures of the typical share (same share id and time, no finding, so the same
     * report digest), not prepared: preparing would run the linter over their sentences and fill its cache.
     */
    @State(Scope.Benchmark)
    public static class VariedEnvelopes {
        /** How many: about 9 distinct sentences each, so a second lap exceeds the linter's 20,000-entry cache. */
        static final int SIZE = 2500;
        private final java.util.List<byte[]> envelopes = new java.util.ArrayList<>();
        private int next;

        /**
         * Signs the pool with the benchmark's signer.
         *
         * @param b the benchmark, for its fixture
         */
        @Setup
        public void setUp(VerifyBenchmark b) {
            SignedEnvelope typical = b.fixture.prepare(Fixture.share(Fixture.TYPICAL_ACCOUNTS, Fixture.TYPICAL_FACTS));
            org.fmishare.core.compliance.ComplianceSummary summary = typical.content().compliance().orElseThrow();
            for (int i = 0; i < SIZE; i++) {
                org.fmishare.core.model.ThreatShare share = Fixture.variedShare(i).toBuilder()
                        .id(Fixture.share(1, 2).id()).build();
                envelopes.add(b.fixture.signer.sign(new org.fmishare.core.envelope.EnvelopeBody.Share(share),
                        summary, typical.content().disclosures()).serialized());
            }
            // The first one must pass the re-check (same report digest); this analyses its sentences once.
            b.fixture.recheckingVerifier.verify(envelopes.get(SIZE - 1));
        }

        byte[] next() {
            byte[] e = envelopes.get(next);
            next = (next + 1) % SIZE;
            return e;
        }
    }

    /** JWS carries ECDSA signatures as r||s; the JCA verifier wants DER. */
    private static byte[] p1363ToDer(byte[] rs) {
        int half = rs.length / 2;
        byte[] r = integer(java.util.Arrays.copyOfRange(rs, 0, half));
        byte[] s = integer(java.util.Arrays.copyOfRange(rs, half, rs.length));
        byte[] der = new byte[2 + r.length + s.length];
        der[0] = 0x30;
        der[1] = (byte) (r.length + s.length);
        System.arraycopy(r, 0, der, 2, r.length);
        System.arraycopy(s, 0, der, 2 + r.length, s.length);
        return der;
    }

    private static byte[] integer(byte[] unsigned) {
        byte[] v = new java.math.BigInteger(1, unsigned).toByteArray();
        byte[] out = new byte[v.length + 2];
        out[0] = 0x02;
        out[1] = (byte) v.length;
        System.arraycopy(v, 0, out, 2, v.length);
        return out;
    }
}

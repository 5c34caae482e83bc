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

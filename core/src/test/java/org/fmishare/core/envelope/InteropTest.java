package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.SampleData;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Envelopes verify with independent implementations: jose4j (a second JOSE library, with the JDK's own providers
 * and certificate parser) for the JWS, and the OpenSSL command line for the detached CMS.
 */
class InteropTest {

    private static SignedEnvelope signWith(KeyAlgorithm alg, SigningCredential[] out) {
        SigningCredential cred = Fixtures.ROOT.issueEnvelopeSigner("fitf", "interop signer " + alg, alg);
        out[0] = cred;
        return EnvelopeSigner.builder(cred, "fitf").clock(Fixtures.CLOCK).build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS, Fixtures.SHARE_DISCLOSURES);
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "ED25519", "RSA_2048"})
    void jose4jVerifiesTheJwsWithTheCertificateFromX5c(KeyAlgorithm alg) throws Exception {
        SignedEnvelope env = signWith(alg, new SigningCredential[1]);
        Map<String, String> m = Fixtures.members(env.serialized());
        // jose4j reads the compact serialization; it is the same three base64url parts, hence the same signature.
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                env.algorithm().jwsName()));
        jws.setCompactSerialization(m.get("protected") + "." + m.get("payload") + "." + m.get("signature"));
        List<X509Certificate> chain = jws.getCertificateChainHeaderValue();
        // Re-parse with the JDK so the key object owes nothing to Bouncy Castle.
        X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(chain.get(0).getEncoded()));
        jws.setKey(leaf.getPublicKey());

        assertThat(jws.verifySignature()).as(alg.name()).isTrue();
        assertThat(jws.getPayloadBytes()).isEqualTo(env.canonicalPayload());
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo(env.algorithm().jwsName());
    }

    @Test
    void jose4jRejectsATamperedPayload() throws Exception {
        SignedEnvelope env = signWith(KeyAlgorithm.EC_P256, new SigningCredential[1]);
        Map<String, String> m = Fixtures.members(env.serialized());
        String payload = m.get("payload");
        String tampered = payload.substring(0, 10) + (payload.charAt(10) == 'A' ? 'B' : 'A') + payload.substring(11);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(m.get("protected") + "." + tampered + "." + m.get("signature"));
        jws.setKey(jws.getLeafCertificateHeaderValue().getPublicKey());
        assertThat(jws.verifySignature()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "RSA_2048"})
    void opensslVerifiesTheDetachedCms(KeyAlgorithm alg, @TempDir Path dir) throws Exception {
        // OpenSSL 3.0 cannot verify Ed25519 in CMS, so this covers ECDSA and RSA-PSS.
        assumeTrue(opensslAvailable(), "openssl is not on PATH: CMS interoperability not checked");
        SigningCredential[] cred = new SigningCredential[1];
        SignedEnvelope env = signWith(alg, cred);
        EnvelopeSigner signer = EnvelopeSigner.builder(cred[0], "fitf").clock(Fixtures.CLOCK).build();
        Path cms = Files.write(dir.resolve("envelope.p7s"), signer.detachedCms(env));
        Path content = Files.write(dir.resolve("payload.json"), env.canonicalPayload());
        Path ca = Files.writeString(dir.resolve("ca.pem"), Credentials.toPem(Fixtures.ROOT.certificate()));

        Result ok = openssl(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", cms.toString(), "-content",
                content.toString(), "-CAfile", ca.toString(), "-purpose", "any", "-attime",
                Long.toString(Fixtures.NOW.getEpochSecond()), "-out", dir.resolve("out.json").toString());
        assertThat(ok.exit).as(ok.output).isZero();
        assertThat(ok.output).contains("Verification successful");
        assertThat(Files.readAllBytes(dir.resolve("out.json"))).isEqualTo(env.canonicalPayload());

        byte[] changed = env.canonicalPayload();
        changed[changed.length / 2] ^= 0x01;
        Files.write(content, changed);
        Result bad = openssl(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", cms.toString(), "-content",
                content.toString(), "-CAfile", ca.toString(), "-purpose", "any", "-attime",
                Long.toString(Fixtures.NOW.getEpochSecond()), "-out", dir.resolve("out2.json").toString());
        assertThat(bad.exit).as(bad.output).isNotZero();
    }

    private record Result(int exit, String output) {}

    private static boolean opensslAvailable() {
        try {
            return openssl(Path.of("."), "version").exit == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Result openssl(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("openssl timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}

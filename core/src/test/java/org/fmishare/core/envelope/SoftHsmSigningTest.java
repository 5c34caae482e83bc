package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fmishare.core.keys.CryptoProviders;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signs envelopes with keys generated inside a real PKCS#11 token (SoftHSM2) and used through the JDK's SunPKCS11
 * provider, as an agency's HSM would be: the private keys are sensitive and not extractable, so the SDK only ever
 * sees opaque handles. The envelopes verify with the ordinary verifier over Bouncy Castle.
 *
 * <p>SoftHSM2 reads its configuration file from the {@code SOFTHSM2_CONF} environment variable when the library is
 * loaded, and a JVM cannot change its own environment: the build sets the variable for the test JVM to a path under
 * the build directory, and this test writes that file, pointing at a fresh token directory, before loading the
 * library. Skipped only when SoftHSM2 is not installed.
 */
class SoftHsmSigningTest {
    private static final List<Path> LIBRARIES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));
    private static final String PIN = "2468";

    private static Provider pkcs11;

    @BeforeAll
    static void initialiseToken() throws Exception {
        Optional<Path> library = LIBRARIES.stream().filter(Files::isRegularFile).findFirst();
        assumeTrue(library.isPresent() && onPath("softhsm2-util"),
                "SoftHSM2 is not installed (Debian package softhsm2): PKCS#11 signing not tested");
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set for the test JVM; the module's surefire "
                    + "configuration sets it, run the test through the build");
        }
        Path confFile = Path.of(conf);
        Path base = Files.createDirectories(confFile.getParent());
        Path tokens = Files.createTempDirectory(base, "tokens");
        Files.writeString(confFile, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\nslots.removable = false\n", StandardCharsets.UTF_8);

        ProcessBuilder init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label",
                "fmi-share-test", "--pin", PIN, "--so-pin", "13579").redirectErrorStream(true);
        init.environment().put("SOFTHSM2_CONF", confFile.toString());
        Process p = init.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("softhsm2-util finished").isTrue();
        assertThat(p.exitValue()).as("softhsm2-util --init-token: " + out).isZero();
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
        assertThat(slot.find()).as("slot in: " + out).isTrue();

        // Keys generated here are private, sensitive and never extractable: the provider hands out opaque keys.
        Path p11conf = base.resolve("sunpkcs11-" + tokens.getFileName() + ".cfg");
        Files.writeString(p11conf, "name = FmiShareSoftHsm\nlibrary = " + library.get() + "\nslot = " + slot.group(1)
                + "\nattributes(generate, CKO_PRIVATE_KEY, *) = {\n  CKA_PRIVATE = true\n  CKA_SENSITIVE = true\n"
                + "  CKA_EXTRACTABLE = false\n}\n", StandardCharsets.UTF_8);
        pkcs11 = Security.getProvider("SunPKCS11").configure(p11conf.toString());
        KeyStore.getInstance("PKCS11", pkcs11).load(null, PIN.toCharArray());
        CryptoProviders.addKeyProvider(pkcs11);
    }

    @AfterAll
    static void removeProvider() {
        if (pkcs11 != null) {
            CryptoProviders.removeKeyProvider(pkcs11);
        }
    }

    @Test
    void es256EnvelopeSignedInTheTokenVerifies() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", pkcs11);
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        assertThat(pair.getPrivate()).as("the token's key is opaque").isNotInstanceOf(ECPrivateKey.class);
        assertThat(pair.getPrivate().getEncoded()).isNull();

        signAndVerify(pair, KeyAlgorithm.EC_P256, EnvelopeAlgorithm.ES256);
    }

    @Test
    void ps256EnvelopeSignedInTheTokenVerifies() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", pkcs11);
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        assertThat(pair.getPrivate().getEncoded()).as("the token's key is opaque").isNull();
        assertThat(pair.getPrivate()).isNotInstanceOf(java.security.interfaces.RSAPrivateCrtKey.class);

        signAndVerify(pair, KeyAlgorithm.RSA_2048, EnvelopeAlgorithm.PS256);
    }

    private static void signAndVerify(KeyPair pair, KeyAlgorithm keyType, EnvelopeAlgorithm alg) {
        List<X509Certificate> chain = Fixtures.ROOT.certifyEnvelopeSigner(Fixtures.OFFICE, "FITF HSM signer",
                pair.getPublic());
        SigningCredential credential = new SigningCredential(pair.getPrivate(), chain);
        assertThat(credential.keyAlgorithm()).isEqualTo(keyType);
        assertThat(credential.signingProvider(org.fmishare.core.jose.JwsKeys.jcaSignature(keyType)))
                .isSameAs(pkcs11);

        SignedEnvelope env = EnvelopeSigner.builder(credential, Fixtures.OFFICE).algorithm(alg)
                .clock(Fixtures.CLOCK).build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS, Fixtures.SHARE_DISCLOSURES);

        VerifiedEnvelope v = Fixtures.verifier().verify(env.serialized());
        assertThat(v.algorithm()).isEqualTo(alg);
        assertThat(v.share()).contains(SampleData.passingShare());
        assertThat(v.signerCertificate()).isEqualTo(chain.get(0));
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}

package org.fmishare.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PKCS#12 files are written with PBES2/AES-256/PBKDF2-HMAC-SHA256 and an HMAC-SHA256 MAC (issue 15). */
class Pkcs12FormatTest {
    private static final TestPki.Authority ROOT = TestPki.authority("P12 Test Root", KeyAlgorithm.EC_P256,
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));

    @Test
    void macIsHmacSha256AndKeysAreEncryptedWithPbes2() throws Exception {
        SigningCredential cred = ROOT.issue("p12 format", KeyAlgorithm.EC_P256);
        PKCS12PfxPdu pfx = new PKCS12PfxPdu(Credentials.toPkcs12(cred, "signer", "secret".toCharArray()));
        assertThat(pfx.hasMac()).isTrue();
        assertThat(pfx.getMacAlgorithmID().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha256);
        assertThat(pfx.isMacValid(new org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilderProvider()
                .setProvider(org.fmishare.core.jose.JwsKeys.provider()), "secret".toCharArray())).isTrue();
        // every encrypted part uses PBES2 (never pbeWithSHAAnd40BitRC2-CBC or 3DES)
        String der = org.bouncycastle.util.encoders.Hex.toHexString(pfx.getEncoded());
        String pbes2 = org.bouncycastle.util.encoders.Hex.toHexString(PKCSObjectIdentifiers.id_PBES2.getEncoded());
        String rc2 = org.bouncycastle.util.encoders.Hex.toHexString(
                PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC.getEncoded());
        assertThat(der).contains(pbes2).doesNotContain(rc2);
    }

    @Test
    void opensslReadsItWithoutLegacy(@TempDir Path dir) throws Exception {
        assumeTrue(opensslAvailable(), "openssl is not on PATH: OpenSSL 3 readability of PKCS#12 not checked");
        for (KeyAlgorithm alg : new KeyAlgorithm[] {KeyAlgorithm.EC_P256, KeyAlgorithm.RSA_2048}) {
            SigningCredential cred = ROOT.issue("p12 openssl " + alg, alg);
            Path p12 = dir.resolve(alg + ".p12");
            Files.write(p12, Credentials.toPkcs12(cred, "signer", "secret".toCharArray()));
            Process p = new ProcessBuilder("openssl", "pkcs12", "-in", p12.toString(), "-passin", "pass:secret",
                    "-nodes", "-info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("MAC: sha256").contains("PBES2").contains("AES-256-CBC")
                    .contains("hmacWithSHA256").contains("BEGIN CERTIFICATE").contains("PRIVATE KEY")
                    .doesNotContain("RC2");
        }
    }

    private static boolean opensslAvailable() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}

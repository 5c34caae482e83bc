package org.fmishare.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.fmishare.testkit.FuzzCorpus;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Hostile key files: PEM text (private keys, certificate chains) and PKCS#12 stores either load or fail with
 * {@link KeyMaterialException}. Any other exception, a hang or an {@link OutOfMemoryError} is a finding.
 */
class KeyMaterialFuzzTest {
    static final char[] PASSWORD = "fuzz-password".toCharArray();

    @FuzzTest
    @Timeout(120)
    void loadPem(byte[] input) {
        String pem = new String(input, StandardCharsets.UTF_8);
        try {
            assertThat(Credentials.certificatesFromPem(pem)).isNotEmpty();
        } catch (KeyMaterialException expected) {
            assertThat(expected.getMessage()).startsWith("PEM: ");
        }
        try {
            assertThat(Credentials.privateKeyFromPem(pem)).isNotNull();
        } catch (KeyMaterialException expected) {
            assertThat(expected.getMessage()).startsWith("PEM: ");
        }
        try {
            assertThat(Credentials.certificateFromDer(input)).isNotNull();
        } catch (KeyMaterialException expected) {
            assertThat(expected.getMessage()).startsWith("DER: ");
        }
    }

    @FuzzTest
    @Timeout(120)
    void loadPkcs12(byte[] input) {
        try {
            SigningCredential c = Credentials.fromPkcs12(input, PASSWORD);
            assertThat(c.chain()).isNotEmpty();
        } catch (KeyMaterialException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    /** Writes the valid seeds (run once with -Dfmishare.fuzz.writeSeeds=true). */
    @Test
    @EnabledIfSystemProperty(named = "fmishare.fuzz.writeSeeds", matches = "true")
    void writeSeeds() throws IOException {
        TestPki.Authority ca = TestPki.authority("fuzz seeds");
        SigningCredential ec = ca.issue("ec signer", KeyAlgorithm.EC_P256);
        SigningCredential ed = ca.issue("ed signer", KeyAlgorithm.ED25519);
        Path pem = FuzzCorpus.sourceDirectory(KeyMaterialFuzzTest.class, "loadPem");
        FuzzCorpus.write(pem, "valid-chain", Credentials.toPem(ec.certificate(), ca.certificate())
                .getBytes(StandardCharsets.US_ASCII));
        FuzzCorpus.write(pem, "valid-ec-key", Credentials.toPem(ec.privateKey()).getBytes(StandardCharsets.US_ASCII));
        FuzzCorpus.write(pem, "valid-ed25519-key", Credentials.toPem(ed.privateKey())
                .getBytes(StandardCharsets.US_ASCII));
        FuzzCorpus.write(pem, "valid-der-certificate", certificateDer(ca));
        FuzzCorpus.write(pem, "invalid-bad-base64", ("-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n")
                .getBytes(StandardCharsets.US_ASCII));
        FuzzCorpus.write(pem, "invalid-unterminated", "-----BEGIN PRIVATE KEY-----\nMIIB\n"
                .getBytes(StandardCharsets.US_ASCII));
        Path p12 = FuzzCorpus.sourceDirectory(KeyMaterialFuzzTest.class, "loadPkcs12");
        FuzzCorpus.write(p12, "valid-ec", Credentials.toPkcs12(ec, "signer", PASSWORD));
        FuzzCorpus.write(p12, "valid-ed25519", Credentials.toPkcs12(ed, "signer", PASSWORD));
        FuzzCorpus.write(p12, "invalid-pem-not-p12", Credentials.toPem(ec.certificate())
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] certificateDer(TestPki.Authority ca) {
        try {
            return ca.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

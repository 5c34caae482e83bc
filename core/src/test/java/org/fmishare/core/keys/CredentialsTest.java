package org.fmishare.core.keys;

import org.fmishare.testkit.TestPki;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialsTest {
    private static final TestPki.Authority ROOT = TestPki.authority("Keys Test Root", KeyAlgorithm.EC_P256,
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));

    @Test
    void pkcs12RoundTripsEcEdAndRsaKeys() {
        // Each PKCS#12 store or load costs about 0.7 s (Bouncy Castle's strong PBKDF defaults), so three types only.
        for (KeyAlgorithm alg : new KeyAlgorithm[] {KeyAlgorithm.EC_P256, KeyAlgorithm.ED25519,
                KeyAlgorithm.RSA_2048}) {
            SigningCredential cred = ROOT.issue("p12 " + alg, alg);
            byte[] p12 = Credentials.toPkcs12(cred, "signer", "secret".toCharArray());
            SigningCredential loaded = Credentials.fromPkcs12(p12, "secret".toCharArray());
            assertThat(loaded.chain()).as(alg.name()).isEqualTo(cred.chain());
            assertThat(loaded.keyAlgorithm()).isEqualTo(alg);
        }
    }

    @Test
    void wrongPkcs12PasswordIsRejectedWithoutLeakingIt() {
        byte[] p12 = Credentials.toPkcs12(ROOT.issue("p12", KeyAlgorithm.EC_P256), "a", "right".toCharArray());
        assertThatThrownBy(() -> Credentials.fromPkcs12(p12, "hunter2-guess".toCharArray()))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("PKCS#12")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void pemRoundTripsKeyAndChain() {
        SigningCredential cred = ROOT.issue("pem", KeyAlgorithm.ED25519);
        String keyPem = Credentials.toPem(cred.privateKey());
        String chainPem = Credentials.toPem(cred.chain().toArray());
        SigningCredential loaded = Credentials.fromPem(keyPem, chainPem);
        assertThat(loaded.chain()).isEqualTo(cred.chain());
        assertThat(Credentials.certificatesFromPem(chainPem)).hasSize(2);
    }

    @Test
    void jcaKeyStoreEntriesLoad() throws Exception {
        SigningCredential cred = ROOT.issue("jca", KeyAlgorithm.EC_P384);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(Credentials.toPkcs12(cred, "e", "pw".toCharArray())), "pw".toCharArray());
        assertThat(Credentials.fromKeyStore(ks, "e", "pw".toCharArray()).certificate())
                .isEqualTo(cred.certificate());
        assertThat(Credentials.fromPkcs12(Credentials.toPkcs12(cred, "named", "pw".toCharArray()),
                "pw".toCharArray(), "named").certificate()).isEqualTo(cred.certificate());
        assertThatThrownBy(() -> Credentials.fromKeyStore(ks, "missing", "pw".toCharArray()))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("missing");
    }

    @Test
    void keyThatDoesNotMatchItsCertificateIsRejected() {
        SigningCredential a = ROOT.issue("a", KeyAlgorithm.EC_P256);
        SigningCredential b = ROOT.issue("b", KeyAlgorithm.EC_P256);
        assertThatThrownBy(() -> new SigningCredential(a.privateKey(), b.chain()))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> new SigningCredential(a.privateKey(), List.of()))
                .isInstanceOf(KeyMaterialException.class);
    }

    @Test
    void pemOfTheWrongKindIsRejected() {
        String certPem = Credentials.toPem(ROOT.certificate());
        assertThatThrownBy(() -> Credentials.privateKeyFromPem(certPem)).isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("PRIVATE KEY");
        assertThatThrownBy(() -> Credentials.certificatesFromPem("no pem here"))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("no CERTIFICATE");
    }

    @Test
    void credentialToStringNeverShowsTheKey() {
        SigningCredential cred = ROOT.issue("quiet", KeyAlgorithm.EC_P256);
        assertThat(cred.toString()).contains("CN=quiet", "EC_P256").doesNotContain("Private");
    }

    @Test
    void testPkiIssuesLeavesThatCannotActAsAuthorities() {
        SigningCredential leaf = ROOT.issue("leaf", KeyAlgorithm.RSA_2048);
        assertThat(leaf.certificate().getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.certificate().getKeyUsage()[0]).isTrue();
        assertThat(ROOT.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThatThrownBy(() -> TestPki.authority("x", KeyAlgorithm.EC_P256, Instant.EPOCH, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

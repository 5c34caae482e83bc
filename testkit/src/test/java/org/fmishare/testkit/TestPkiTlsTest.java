package org.fmishare.testkit;

import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.keys.KeyAlgorithm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TLS leaf certificates from the test PKI: names in the subjectAltName, TLS key purposes, valid chain. */
class TestPkiTlsTest {
    private static final TestPki.Authority CA = TestPki.authority("TLS test root");
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "ED25519", "RSA_2048"})
    void tlsLeafCarriesExactlyTheGivenNamesAndTlsKeyPurposes(KeyAlgorithm algorithm) throws Exception {
        SigningCredential tls = CA.issueTls("receiver", algorithm, List.of("localhost", "smc.example"),
                List.of("127.0.0.1", "::1"));
        X509Certificate leaf = tls.certificate();
        List<List<?>> names = new ArrayList<>(leaf.getSubjectAlternativeNames());
        // Type 2 is dNSName, type 7 iPAddress (RFC 5280); the JDK prints IPv6 in full form.
        assertThat(names).containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(2, "smc.example"),
                List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(leaf.getExtendedKeyUsage()).containsExactlyInAnyOrder(SERVER_AUTH, CLIENT_AUTH);
        assertThat(leaf.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(leaf.getKeyUsage()[5]).as("keyCertSign").isFalse();
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(tls.keyAlgorithm()).isEqualTo(algorithm);
        assertThat(tls.chain()).hasSize(2).endsWith(CA.certificate());

        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(CA.certificate(), null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), params);
    }

    @Test
    void signingLeavesStillCarryNoSubjectAltName() throws Exception {
        assertThat(CA.issue("signer", KeyAlgorithm.EC_P256).certificate().getSubjectAlternativeNames()).isNull();
    }

    @Test
    void namesThatAreNotHostNamesOrAddressLiteralsAreRefused() {
        assertThatThrownBy(() -> CA.issueTls("x", KeyAlgorithm.EC_P256, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> CA.issueTls("x", KeyAlgorithm.EC_P256, List.of("bad name"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bad name'");
        assertThatThrownBy(() -> CA.issueTls("x", KeyAlgorithm.EC_P256, List.of("-dash.example"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CA.issueTls("x", KeyAlgorithm.EC_P256, List.of(), List.of("localhost")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ipAddresses");
        assertThatThrownBy(() -> CA.issueTls("x", KeyAlgorithm.EC_P256, List.of(), List.of("256.0.0.1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CA.issueTls("x", KeyAlgorithm.EC_P256, null, List.of()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("dnsNames");
    }
}

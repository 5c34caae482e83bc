package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fmishare.core.jose.OcspSettings;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.Test;

/**
 * {@link RevocationSettings}, the one value behind the {@code crls}, {@code ocsp} and {@code revocation} methods of
 * {@link EnvelopeVerifier.Builder} and {@link ReviewerTrust.Builder}: lists add up, OCSP settings replace, nulls are
 * refused by name, and a verifier configured through it refuses a revoked signer as one configured with {@code crls}.
 */
class RevocationSettingsTest {
    private static final Instant NOW = Fixtures.NOW;
    private static final TestPki.Authority CA = TestPki.authority("fmi-share revocation settings root",
            KeyAlgorithm.EC_P256, Fixtures.PKI_FROM, Fixtures.PKI_TO);
    private static final SigningCredential OFFICE = CA.issueEnvelopeSigner(Fixtures.OFFICE, "FITF envelope signer",
            KeyAlgorithm.EC_P256);
    private static final X509CRL CLEAN = CA.crl(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(7)),
            Map.of());
    private static final X509CRL REVOKING = CA.crl(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(7)),
            Map.of(OFFICE.certificate(), NOW.minus(Duration.ofDays(2))));

    private static byte[] share() {
        return EnvelopeSigner.builder(OFFICE, Fixtures.OFFICE).clock(Clock.fixed(NOW.minusSeconds(60), ZoneOffset.UTC))
                .lifetime(Duration.ofDays(7)).build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS, Fixtures.SHARE_DISCLOSURES)
                .serialized();
    }

    private static EnvelopeVerifier.Builder verifier() {
        return EnvelopeVerifier.builder().trustAnchor(CA.certificate()).clock(Fixtures.CLOCK).anyRecipient();
    }

    @Test
    void noneChecksNothingAndListsAddUpInOrder() {
        assertThat(RevocationSettings.none().crls()).isEmpty();
        assertThat(RevocationSettings.none().ocsp()).isEmpty();
        RevocationSettings both = RevocationSettings.none().withCrls(List.of(CLEAN)).withCrls(List.of(REVOKING));
        assertThat(both.crls()).containsExactly(CLEAN, REVOKING);
        assertThat(RevocationSettings.none().withCrls(List.of(CLEAN)).and(both).crls())
                .containsExactly(CLEAN, CLEAN, REVOKING);
    }

    @Test
    void laterOcspSettingsReplaceEarlierOnesAndSettingsWithoutOcspKeepThem() {
        OcspSettings first = OcspSettings.responder(URI.create("http://127.0.0.1:1/first"));
        OcspSettings second = OcspSettings.fromCertificates();
        RevocationSettings withFirst = RevocationSettings.none().withOcsp(first);
        assertThat(withFirst.withOcsp(second).ocsp()).contains(second);
        assertThat(withFirst.and(RevocationSettings.none().withOcsp(second)).ocsp()).contains(second);
        assertThat(withFirst.and(RevocationSettings.none().withCrls(List.of(CLEAN))).ocsp()).contains(first);
    }

    @Test
    void theListIsACopyThatCannotBeChanged() {
        List<X509CRL> source = new ArrayList<>(List.of(CLEAN));
        RevocationSettings s = new RevocationSettings(source, Optional.empty());
        source.add(REVOKING);
        assertThat(s.crls()).containsExactly(CLEAN);
        assertThatThrownBy(() -> s.crls().add(REVOKING)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullsAreRefusedNamingWhatWasNull() {
        assertThatThrownBy(() -> new RevocationSettings(null, Optional.empty())).hasMessage("crls");
        assertThatThrownBy(() -> new RevocationSettings(List.of(), null)).hasMessage("ocsp");
        assertThatThrownBy(() -> RevocationSettings.none().withCrls(Arrays.asList(CLEAN, null))).hasMessage("crl");
        assertThatThrownBy(() -> RevocationSettings.none().withCrls(null)).hasMessage("lists");
        assertThatThrownBy(() -> RevocationSettings.none().withOcsp(null)).hasMessage("settings");
        assertThatThrownBy(() -> RevocationSettings.none().and(null)).hasMessage("other");
        assertThatThrownBy(() -> verifier().crls(Arrays.asList(CLEAN, null))).hasMessage("crl");
        assertThatThrownBy(() -> ReviewerTrust.builder().ocsp(null)).hasMessage("settings");
    }

    @Test
    void aVerifierGivenTheSettingsRefusesARevokedSignerAsOneGivenTheListsDoes() {
        byte[] envelope = share();
        assertThat(verifier().revocation(RevocationSettings.none().withCrls(List.of(CLEAN))).build().verify(envelope)
                .sender().id()).isEqualTo(Fixtures.OFFICE);
        for (EnvelopeVerifier v : List.of(verifier().crls(List.of(REVOKING)).build(),
                verifier().revocation(RevocationSettings.none().withCrls(List.of(REVOKING))).build(),
                verifier().revocation(RevocationSettings.none().withCrls(List.of(REVOKING)))
                        .revocation(RevocationSettings.none()).build())) {
            assertThatThrownBy(() -> v.verify(envelope))
                    .isInstanceOf(EnvelopeException.Rejected.class)
                    .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.REVOKED);
        }
    }
}

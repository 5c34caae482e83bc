package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.Test;

/**
 * Two current CRLs of one issuer that disagree about a signer (a stale copy kept beside a fresh one, both inside
 * their update window) must refuse the signer whatever order they are given in. Bouncy Castle's PKIX consulted only
 * the first complete CRL it drew from an unordered store, so the answer depended on the CRLs' signature bytes: a
 * revoked signer passed in about half of all runs.
 */
class DisagreeingCrlsTest {
    private static final Instant NOW = Fixtures.NOW;
    /** Each round signs fresh CRLs, so an order-dependent check passes all of them with odds of 1 in 2^ROUNDS. */
    private static final int ROUNDS = 12;

    private static TestPki.Authority authority() {
        return TestPki.authority("fmi-share disagreeing CRLs root", KeyAlgorithm.EC_P256, Fixtures.PKI_FROM,
                Fixtures.PKI_TO);
    }

    private static SigningCredential signer(TestPki.Authority ca) {
        return ca.issueEnvelopeSigner(Fixtures.OFFICE, "FITF envelope signer", KeyAlgorithm.EC_P256);
    }

    private static byte[] share(SigningCredential office) {
        return EnvelopeSigner.builder(office, Fixtures.OFFICE).clock(Clock.fixed(NOW.minusSeconds(60), ZoneOffset.UTC))
                .lifetime(Duration.ofDays(7)).build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS, Fixtures.SHARE_DISCLOSURES)
                .serialized();
    }

    @Test
    void aSignerListedByEitherOfTwoCurrentCrlsOfItsIssuerIsRefusedInEitherOrder() {
        TestPki.Authority ca = authority();
        SigningCredential office = signer(ca);
        byte[] envelope = share(office);
        for (int round = 0; round < ROUNDS; round++) {
            X509CRL clean = ca.crl(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(7)), Map.of());
            X509CRL revoking = ca.crl(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(7)),
                    Map.of(office.certificate(), NOW.minus(Duration.ofDays(2))));
            for (List<X509CRL> crls : List.of(List.of(clean, revoking), List.of(revoking, clean))) {
                EnvelopeVerifier verifier = EnvelopeVerifier.builder().trustAnchor(ca.certificate())
                        .clock(Fixtures.CLOCK).anyRecipient().crls(crls).build();
                assertThatThrownBy(() -> verifier.verify(envelope)).as("round %d", round)
                        .isInstanceOf(EnvelopeException.Rejected.class)
                        .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.REVOKED);
            }
            EnvelopeVerifier cleanOnly = EnvelopeVerifier.builder().trustAnchor(ca.certificate())
                    .clock(Fixtures.CLOCK).anyRecipient().crls(List.of(clean)).build();
            assertThat(cleanOnly.verify(envelope).sender().id()).isEqualTo(Fixtures.OFFICE);
        }
    }
}

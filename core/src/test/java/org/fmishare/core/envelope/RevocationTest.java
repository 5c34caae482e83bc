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
 * Revocation by CRLs the embedder supplies: a revoked signer's envelopes are refused (check {@code REVOKED}), those
 * signed after the revocation and, by design, those signed before it (a revoked key is trusted for nothing now, and
 * the signing time is only the signer's claim). Receipts are checked the same way.
 */
class RevocationTest {
    private static final Instant NOW = Fixtures.NOW;
    private static final TestPki.Authority CA = TestPki.authority("fmi-share revocation test root",
            KeyAlgorithm.EC_P256, Fixtures.PKI_FROM, Fixtures.PKI_TO);
    private static final SigningCredential OFFICE = CA.issueEnvelopeSigner(Fixtures.OFFICE, "FITF envelope signer",
            KeyAlgorithm.EC_P256);
    private static final SigningCredential COMPANY = CA.issueReceiptSigner(Fixtures.COMPANY, "SMC receipts",
            KeyAlgorithm.EC_P256);
    private static final Instant REVOKED_AT = NOW.minus(Duration.ofDays(2));

    private static SignedEnvelope shareAt(SigningCredential key, Instant issuedAt) {
        return EnvelopeSigner.builder(key, Fixtures.OFFICE).clock(Clock.fixed(issuedAt, ZoneOffset.UTC))
                .lifetime(Duration.ofDays(7)).build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS, Fixtures.SHARE_DISCLOSURES);
    }

    private static X509CRL crl(Map<java.security.cert.X509Certificate, Instant> revoked) {
        return CA.crl(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(7)), revoked);
    }

    private static EnvelopeVerifier.Builder verifier(X509CRL crl) {
        return EnvelopeVerifier.builder().trustAnchor(CA.certificate()).clock(Fixtures.CLOCK).crls(List.of(crl));
    }

    @Test
    void aSignerNotOnTheCrlVerifies() {
        EnvelopeVerifier v = verifier(crl(Map.of())).expectedRecipient(Fixtures.COMPANY).build();
        assertThat(v.verify(shareAt(OFFICE, NOW.minusSeconds(60)).serialized()).sender().id())
                .isEqualTo(Fixtures.OFFICE);
    }

    @Test
    void envelopesOfARevokedSignerAreRefusedWhenSignedAfterTheRevocationAndBefore() {
        EnvelopeVerifier v = verifier(crl(Map.of(OFFICE.certificate(), REVOKED_AT)))
                .expectedRecipient(Fixtures.COMPANY).build();
        for (Instant issuedAt : List.of(NOW.minusSeconds(60), REVOKED_AT.minus(Duration.ofDays(1)))) {
            assertThatThrownBy(() -> v.verify(shareAt(OFFICE, issuedAt).serialized()))
                    .as("issued at " + issuedAt)
                    .isInstanceOf(EnvelopeException.Rejected.class)
                    .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.REVOKED)
                    .hasMessageContaining("revocation check");
        }
        // The same envelope without CRLs configured is accepted: the refusal is the revocation check's.
        assertThat(EnvelopeVerifier.builder().trustAnchor(CA.certificate()).clock(Fixtures.CLOCK)
                .expectedRecipient(Fixtures.COMPANY).build()
                .verify(shareAt(OFFICE, NOW.minusSeconds(60)).serialized())).isNotNull();
    }

    @Test
    void aCachedPathIsCheckedAgainOnceTheCrlIsStale() {
        Instant[] now = {NOW};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        X509CRL crl = CA.crl(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)), Map.of());
        EnvelopeVerifier v = EnvelopeVerifier.builder().trustAnchor(CA.certificate()).clock(moving)
                .crls(List.of(crl)).anyRecipient().build();
        assertThat(v.verify(shareAt(OFFICE, NOW.minusSeconds(60)).serialized())).isNotNull();
        // Two days on, the CRL's nextUpdate has passed: the remembered path must not stand in for a fresh check.
        now[0] = NOW.plus(Duration.ofDays(2));
        assertThatThrownBy(() -> v.verify(shareAt(OFFICE, now[0].minusSeconds(60)).serialized()))
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.REVOKED);
    }

    @Test
    void aCrlFromAnotherIssuerOrAStaleCrlLeavesTheStatusUnknownAndRefuses() {
        TestPki.Authority other = TestPki.authority("unrelated root", KeyAlgorithm.EC_P256, Fixtures.PKI_FROM,
                Fixtures.PKI_TO);
        X509CRL foreign = other.crl(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(7)), Map.of());
        X509CRL stale = CA.crl(NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofDays(10)), Map.of());
        for (X509CRL crl : List.of(foreign, stale)) {
            EnvelopeVerifier v = verifier(crl).anyRecipient().build();
            assertThatThrownBy(() -> v.verify(shareAt(OFFICE, NOW.minusSeconds(60)).serialized()))
                    .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.REVOKED);
        }
    }

    @Test
    void aRevokedReceiptKeyCannotSignReceipts() {
        SignedEnvelope share = shareAt(OFFICE, NOW.minusSeconds(120));
        VerifiedEnvelope received = EnvelopeVerifier.builder().trustAnchor(CA.certificate()).clock(Fixtures.CLOCK)
                .expectedRecipient(Fixtures.COMPANY).build().verify(share.serialized());
        SignedEnvelope receipt = EnvelopeSigner.builder(COMPANY, Fixtures.COMPANY).clock(Fixtures.CLOCK).build()
                .signReceipt(received, SampleData.response());
        EnvelopeVerifier office = verifier(crl(Map.of(COMPANY.certificate(), REVOKED_AT)))
                .expectedRecipient(Fixtures.OFFICE).build();
        assertThatThrownBy(() -> office.verifyReceipt(receipt.serialized(), share))
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.REVOKED);
    }
}

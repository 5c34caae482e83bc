package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.fmishare.core.jose.OcspSettings;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestOcspResponder;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Revocation by OCSP: the verifier asks a responder (here an in-process one on loopback, signing with the test CA)
 * for the signer's status at the verifier's clock; REVOKED and UNKNOWN refuse, an unreachable responder refuses under
 * hard fail and is tolerated under soft fail, and a remembered path is asked about again once the cache bound passes.
 */
class OcspTest {
    private static final Instant NOW = Fixtures.NOW;
    private static final TestPki.Authority CA = TestPki.authority("fmi-share OCSP test root", KeyAlgorithm.EC_P256,
            Fixtures.PKI_FROM, Fixtures.PKI_TO);
    private static final SigningCredential OFFICE = CA.issueEnvelopeSigner(Fixtures.OFFICE, "FITF envelope signer",
            KeyAlgorithm.EC_P256);

    /** The verifier's clock, which the test moves. */
    private static final class MovingClock extends Clock {
        private volatile Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private TestOcspResponder responder;

    @BeforeEach
    void startResponder() {
        // The JDK checks a fetched response's freshness against the system time, not the validation date.
        responder = TestOcspResponder.start(CA, Clock.systemUTC());
    }

    @AfterEach
    void stopResponder() {
        responder.close();
    }

    private SignedEnvelope share() {
        return EnvelopeSigner.builder(OFFICE, Fixtures.OFFICE)
                .clock(Clock.fixed(clock.instant().minusSeconds(60), ZoneOffset.UTC))
                .lifetime(Duration.ofDays(7)).build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS, Fixtures.SHARE_DISCLOSURES);
    }

    private EnvelopeVerifier verifier(OcspSettings settings) {
        return EnvelopeVerifier.builder().trustAnchor(CA.certificate()).clock(clock).ocsp(settings).anyRecipient()
                .build();
    }

    @Test
    void aSignerTheResponderReportsGoodVerifies() {
        responder.good(OFFICE.certificate());
        assertThat(verifier(OcspSettings.responder(responder.uri())).verify(share().serialized()).sender().id())
                .isEqualTo(Fixtures.OFFICE);
        assertThat(responder.requests()).isEqualTo(1);
    }

    @Test
    void aSignerTheResponderReportsRevokedIsRefusedByName() {
        responder.revoked(OFFICE.certificate(), NOW.minus(Duration.ofDays(1)));
        EnvelopeVerifier v = verifier(OcspSettings.responder(responder.uri()));
        assertThatThrownBy(() -> v.verify(share().serialized()))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.REVOKED)
                .hasMessageContaining(OFFICE.certificate().getSubjectX500Principal().getName())
                .hasMessageContaining("revoked");
    }

    @Test
    void aStatusTheResponderDoesNotKnowIsRefusedEvenUnderSoftFail() {
        responder.unknown(OFFICE.certificate());
        for (OcspSettings s : new OcspSettings[] {OcspSettings.responder(responder.uri()),
                OcspSettings.responder(responder.uri()).withSoftFail()}) {
            EnvelopeVerifier v = verifier(s);
            assertThatThrownBy(() -> v.verify(share().serialized())).as(s.toString())
                    .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.REVOKED);
        }
    }

    @Test
    void anUnreachableResponderRefusesUnderHardFailAndIsToleratedUnderSoftFail() {
        responder.good(OFFICE.certificate());
        java.net.URI down = responder.uri();
        responder.close();
        EnvelopeVerifier hard = verifier(OcspSettings.responder(down));
        assertThatThrownBy(() -> hard.verify(share().serialized()))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.REVOKED)
                .hasMessageContaining("status unknown")
                .hasMessageContaining("hard-fail");
        assertThat(verifier(OcspSettings.responder(down).withSoftFail()).verify(share().serialized()).sender().id())
                .isEqualTo(Fixtures.OFFICE);
    }

    @Test
    void aRevocationAfterASuccessfulCheckIsSeenOnceTheCacheBoundPasses() {
        responder.good(OFFICE.certificate());
        EnvelopeVerifier v = verifier(OcspSettings.responder(responder.uri()).withCacheFor(Duration.ofMinutes(5)));
        assertThat(v.verify(share().serialized())).isNotNull();
        responder.revoked(OFFICE.certificate(), clock.instant());
        // Within the bound the remembered path stands; the responder is not asked again.
        clock.now = NOW.plus(Duration.ofMinutes(4));
        assertThat(v.verify(share().serialized())).isNotNull();
        assertThat(responder.requests()).isEqualTo(1);
        clock.now = NOW.plus(Duration.ofMinutes(6));
        assertThatThrownBy(() -> v.verify(share().serialized()))
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.REVOKED);
        assertThat(responder.requests()).isEqualTo(2);
    }

    @Test
    void settingsRejectANonHttpResponderAndAnOverlongCache() {
        assertThatThrownBy(() -> OcspSettings.responder(java.net.URI.create("ldap://example.org/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("responder");
        assertThatThrownBy(() -> OcspSettings.fromCertificates().withCacheFor(Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cacheFor");
    }
}

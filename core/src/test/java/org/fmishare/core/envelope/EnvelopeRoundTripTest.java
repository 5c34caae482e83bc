package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.jose.Jcs;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;

class EnvelopeRoundTripTest {

    @Test
    void signedShareVerifiesAndExposesPayload() {
        SignedEnvelope env = Fixtures.signedShare();
        VerifiedEnvelope v = Fixtures.verifier().verify(env.serialized());

        assertThat(v.envelopeId()).isEqualTo(env.envelopeId());
        assertThat(v.kind()).isEqualTo(EnvelopeKind.THREAT_SHARE);
        assertThat(v.share()).contains(SampleData.passingShare());
        assertThat(v.disclosures()).isEqualTo(Fixtures.SHARE_DISCLOSURES);
        assertThat(v.compliance()).contains(Fixtures.PASS);
        assertThat(v.sender().id()).isEqualTo("fitf");
        assertThat(v.signerCertificate()).isEqualTo(Fixtures.SENDER.certificate());
        assertThat(v.recipientId()).isEqualTo("smc-examplesocial");
        assertThat(v.algorithm()).isEqualTo(EnvelopeAlgorithm.ES256);
        assertThat(v.digest()).isEqualTo(env.digest()).matches("sha-256:[0-9a-f]{64}");
        assertThat(v.canonicalPayload()).isEqualTo(env.canonicalPayload());
        assertThat(v.issuedAt()).isEqualTo(Fixtures.NOW);
        assertThat(v.expiresAt()).isEqualTo(Fixtures.NOW.plus(EnvelopeSigner.DEFAULT_LIFETIME));
        assertThat(v.summary()).contains("share share-2026-0001", "PASS under sop-2024-02",
                "no-request-no-obligation v1");
    }

    @Test
    void theRuleSetDocumentDigestTravelsInTheSignedSummaryAndOlderSummariesHaveNone() {
        String ruleSetDigest = "sha-256:" + "ab".repeat(32);
        var summary = Fixtures.PASS.withRuleSetDigest(ruleSetDigest);
        SignedEnvelope env = Fixtures.signer().sign(new EnvelopeBody.Share(SampleData.passingShare()), summary,
                Fixtures.SHARE_DISCLOSURES);
        VerifiedEnvelope v = Fixtures.verifier().verify(env.serialized());
        assertThat(v.compliance()).contains(summary);
        assertThat(new String(v.canonicalPayload(), StandardCharsets.UTF_8))
                .contains("\"ruleSetDigest\":\"" + ruleSetDigest + "\"");

        VerifiedEnvelope older = Fixtures.verifier().verify(Fixtures.signedShare().serialized());
        assertThat(older.compliance().orElseThrow().ruleSetDigest()).isEmpty();
        assertThat(new String(older.canonicalPayload(), StandardCharsets.UTF_8)).doesNotContain("ruleSetDigest");
        assertThat(summary.withoutReview().ruleSetDigest()).contains(ruleSetDigest);
        assertThatThrownBy(() -> Fixtures.PASS.withRuleSetDigest("sha-256:ABC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ruleSetDigest");
    }

    @Test
    void serializationAndPayloadAreCanonicalJson() {
        SignedEnvelope env = Fixtures.signedShare();
        assertThat(Jcs.canonicalize(env.serialized())).isEqualTo(env.serialized());
        assertThat(Jcs.canonicalize(env.canonicalPayload())).isEqualTo(env.canonicalPayload());
        assertThat(new String(env.serialized(), StandardCharsets.US_ASCII)).startsWith("{\"payload\":\"");
        assertThat(env.mediaType()).isEqualTo("application/jose+json");
    }

    /**
     * The signer writes RFC 8785 bytes straight from the Jackson tree of the payload; they must be exactly what the
     * earlier pipeline produced: the document written by the codec, then canonicalised by the reference library.
     */
    @Test
    void payloadWrittenFromTheTreeEqualsTheReferenceCanonicalisationOfTheWrittenDocument() throws Exception {
        SignedEnvelope share = Fixtures.signedShare();
        SignedEnvelope receipt = EnvelopeSigner.builder(Fixtures.RECIPIENT, Fixtures.COMPANY).clock(Fixtures.CLOCK)
                .build().signReceipt(Fixtures.verifier().verify(share.serialized()),
                        new org.fmishare.core.model.SmcResponse("response-1", SampleData.passingShare().id(),
                                Fixtures.COMPANY, org.fmishare.core.model.ResponseKind.ACKNOWLEDGED, Fixtures.NOW,
                                java.util.Optional.of("Thank you \u2014 \"noted\"\tand\u0001 \ud83d\ude00")));
        for (SignedEnvelope env : java.util.List.of(share, receipt)) {
            var doc = org.fmishare.core.json.FmiJson.standard().read(env.canonicalPayload(),
                    org.fmishare.core.envelope.internal.PayloadDocument.class);
            byte[] reference = new org.erdtman.jcs.JsonCanonicalizer(
                    org.fmishare.core.json.FmiJson.standard().write(doc)).getEncodedUTF8();
            assertThat(env.canonicalPayload()).isEqualTo(reference);
        }
    }

    @Test
    void storedFormCarriesTheDeliveryMetadata() {
        SignedEnvelope env = Fixtures.signedShare();
        SignedEnvelope.Stored s = env.stored();
        SignedEnvelope.Stored reloaded = new SignedEnvelope.Stored(s.envelopeId(), s.recipientId(), s.expiresAt(),
                s.digest(), s.serialized());
        assertThat(reloaded).isEqualTo(s);
        assertThat(Fixtures.verifier().verify(reloaded.serialized()).envelopeId()).isEqualTo(env.envelopeId());
    }

    @Test
    void eachAlgorithmRoundTrips() {
        for (var alg : new org.fmishare.core.keys.KeyAlgorithm[] {org.fmishare.core.keys.KeyAlgorithm.EC_P256,
                org.fmishare.core.keys.KeyAlgorithm.EC_P384, org.fmishare.core.keys.KeyAlgorithm.ED25519,
                org.fmishare.core.keys.KeyAlgorithm.RSA_2048}) {
            var cred = Fixtures.ROOT.issueEnvelopeSigner("fitf", "signer " + alg, alg);
            SignedEnvelope env = EnvelopeSigner.builder(cred, "fitf").clock(Fixtures.CLOCK).build()
                    .sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS, Fixtures.SHARE_DISCLOSURES);
            VerifiedEnvelope v = Fixtures.verifier().verify(env.serialized());
            assertThat(v.algorithm()).as(alg.name()).isEqualTo(EnvelopeAlgorithm.defaultFor(alg));
        }
    }

    /** Two different envelopes (each its own id and digest) signed with one and the same nonce. */
    static List<SignedEnvelope> twoEnvelopesWithOneNonce() {
        EnvelopeSigner signer = EnvelopeSigner.builder(Fixtures.SENDER, Fixtures.OFFICE).clock(Fixtures.CLOCK)
                .secureRandom(org.fmishare.testkit.RepeatingNonceRandom.withRandomNonce()).build();
        List<SignedEnvelope> pair = List.of(
                signer.sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS,
                        Fixtures.SHARE_DISCLOSURES),
                signer.sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS,
                        Fixtures.SHARE_DISCLOSURES));
        assertThat(pair.get(1).digest()).isNotEqualTo(pair.get(0).digest());
        return pair;
    }

    @Test
    void aDifferentEnvelopeReusingAVerifiedNonceIsRejectedAsAReplay() {
        EnvelopeVerifier verifier = Fixtures.verifier();
        List<SignedEnvelope> pair = twoEnvelopesWithOneNonce();
        assertThat(verifier.verify(pair.get(0).serialized()).repeated()).isFalse();
        assertThatThrownBy(() -> verifier.verify(pair.get(1).serialized()))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.REPLAY)
                .hasMessageStartingWith("replay:").hasMessageContaining("another envelope");
    }

    /**
     * The identical envelope verified again (a sender's retry, the same file checked twice) is no replay: it
     * verifies and says it was seen before, so the caller's own record decides whether it was processed.
     */
    @Test
    void theSameEnvelopeVerifiedAgainIsARepeatNotAReplay() {
        EnvelopeVerifier verifier = Fixtures.verifier();
        byte[] bytes = Fixtures.signedShare().serialized();
        VerifiedEnvelope first = verifier.verify(bytes);
        VerifiedEnvelope again = verifier.verify(bytes);
        assertThat(first.repeated()).isFalse();
        assertThat(again.repeated()).isTrue();
        assertThat(again.digest()).isEqualTo(first.digest());
        assertThat(again.envelopeId()).isEqualTo(first.envelopeId());
        assertThat(first.summary()).doesNotContain("repeat:");
        assertThat(again.summary()).contains("repeat:      the same envelope was verified before");
    }

    @Test
    void sharedReplayCacheRejectsAReusedNonceAcrossVerifiersAndKnowsTheRepeat() {
        ReplayCache cache = InMemoryReplayCache.create();
        List<SignedEnvelope> pair = twoEnvelopesWithOneNonce();
        Fixtures.verifierBuilder().replayCache(cache).build().verify(pair.get(0).serialized());
        assertThat(Fixtures.verifierBuilder().replayCache(cache).build().verify(pair.get(0).serialized()).repeated())
                .isTrue();
        assertThatThrownBy(() -> Fixtures.verifierBuilder().replayCache(cache).build().verify(pair.get(1).serialized()))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.REPLAY);
    }

    @Test
    void aRepeatIsVerifiedFullyButNeitherChecksNorRecordsTheNonce() {
        InMemoryReplayCache cache = InMemoryReplayCache.create();
        EnvelopeVerifier verifier = Fixtures.verifierBuilder().replayCache(cache).build();
        byte[] bytes = Fixtures.signedShare().serialized();
        assertThat(verifier.verifyRepeat(bytes).envelopeId()).isNotBlank();
        assertThat(cache.size()).as("a repeat records nothing").isZero();
        VerifiedEnvelope first = verifier.verify(bytes);
        assertThat(verifier.verifyRepeat(bytes).envelopeId()).isEqualTo(first.envelopeId());
        assertThat(cache.size()).isEqualTo(1);

        Clock late = Clock.fixed(Fixtures.NOW.plus(EnvelopeSigner.DEFAULT_LIFETIME).plus(Duration.ofMinutes(3)),
                ZoneOffset.UTC);
        assertThatThrownBy(() -> Fixtures.verifierBuilder().clock(late).replayCache(cache).build()
                .verifyRepeat(bytes)).isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.EXPIRED);
        byte[] tampered = bytes.clone();
        int at = new String(bytes, StandardCharsets.US_ASCII).indexOf("\"signature\":\"") + 13;
        assertThat(at).as("the signature member").isGreaterThan(13);
        tampered[at] = (byte) (tampered[at] == 'A' ? 'B' : 'A');
        assertThatThrownBy(() -> verifier.verifyRepeat(tampered)).isInstanceOf(EnvelopeException.class);
    }

    @Test
    void expiredEnvelopeIsRejected() {
        byte[] bytes = Fixtures.signedShare().serialized();
        Clock late = Clock.fixed(Fixtures.NOW.plus(EnvelopeSigner.DEFAULT_LIFETIME).plus(Duration.ofMinutes(3)),
                ZoneOffset.UTC);
        assertThatThrownBy(() -> Fixtures.verifierBuilder().clock(late).build().verify(bytes))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.EXPIRED);
        Clock withinSkew = Clock.fixed(Fixtures.NOW.plus(EnvelopeSigner.DEFAULT_LIFETIME).plus(Duration.ofMinutes(1)),
                ZoneOffset.UTC);
        assertThat(Fixtures.verifierBuilder().clock(withinSkew).build().verify(bytes)).isNotNull();
    }

    @Test
    void envelopeFromTheFutureIsRejected() {
        byte[] bytes = Fixtures.signedShare().serialized();
        Clock early = Clock.fixed(Fixtures.NOW.minus(Duration.ofMinutes(3)), ZoneOffset.UTC);
        assertThatThrownBy(() -> Fixtures.verifierBuilder().clock(early).build().verify(bytes))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.NOT_YET_VALID);
    }

    @Test
    void envelopeForAnotherRecipientIsRejected() {
        byte[] bytes = Fixtures.signedShare().serialized();
        EnvelopeVerifier other = EnvelopeVerifier.builder().trustAnchor(Fixtures.ROOT.certificate())
                .expectedRecipient("smc-other").clock(Fixtures.CLOCK).build();
        assertThatThrownBy(() -> other.verify(bytes)).isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.RECIPIENT);
    }

    @Test
    void signerRefusesShareWithoutPassVerdict() {
        for (Verdict verdict : new Verdict[] {Verdict.FAIL, Verdict.NEEDS_REVIEW}) {
            var summary = new org.fmishare.core.compliance.ComplianceSummary(verdict, SampleData.RULE_SET_ID,
                    "1.0.0", Fixtures.PASS.reportDigest());
            assertThatThrownBy(() -> Fixtures.signer().sign(new EnvelopeBody.Share(SampleData.passingShare()), summary,
                    Fixtures.SHARE_DISCLOSURES)).isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.COMPLIANCE)
                    .hasMessageContaining(verdict.name());
        }
    }

    @Test
    void signerRefusesSummaryOfAnotherRuleSet() {
        var summary = new org.fmishare.core.compliance.ComplianceSummary(Verdict.PASS, "sop-2030-01", "1.0.0",
                Fixtures.PASS.reportDigest());
        assertThatThrownBy(() -> Fixtures.signer().sign(new EnvelopeBody.Share(SampleData.passingShare()), summary,
                Fixtures.SHARE_DISCLOSURES)).isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.COMPLIANCE);
    }

    @Test
    void signerRefusesShareMissingADisclosure() {
        assertThatThrownBy(() -> Fixtures.signer().sign(new EnvelopeBody.Share(SampleData.passingShare()), Fixtures.PASS,
                Fixtures.SHARE_DISCLOSURES.subList(0, 2)))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.DISCLOSURES)
                .hasMessageContaining("voluntary-participation");
    }

    @Test
    void signerRefusesShareOfAnotherOffice() {
        // The failing share is sent by the eastern field office, not by the FITF this signer speaks for.
        assertThatThrownBy(() -> Fixtures.signer().sign(new EnvelopeBody.Share(SampleData.failingShare()), Fixtures.PASS,
                Fixtures.SHARE_DISCLOSURES)).isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.CONTENT)
                .hasMessageContaining("sendingOffice");
    }

    @Test
    void meetingNoticeRoundTripsAndNeedsMeetingDisclosures() {
        var meeting = SampleData.meeting();
        EnvelopeSigner signer = EnvelopeSigner.builder(Fixtures.ROOT.issueEnvelopeSigner(
                meeting.leadingOffice().id(), "western signer", org.fmishare.core.keys.KeyAlgorithm.EC_P256),
                meeting.leadingOffice().id())
                .clock(Fixtures.CLOCK).build();
        var disclosures = java.util.List.of(Fixtures.SHARE_DISCLOSURES.get(2),
                org.fmishare.core.compliance.Disclosure.of("meeting-no-content-direction", 1,
                        "The government will not direct the company's content moderation."));
        VerifiedEnvelope v = Fixtures.verifier().verify(signer.sign(new EnvelopeBody.MeetingNotice(meeting, Fixtures.COMPANY),
                Fixtures.PASS, disclosures).serialized());
        assertThat(v.meetingNotice()).contains(meeting);
        assertThatThrownBy(() -> signer.sign(new EnvelopeBody.MeetingNotice(meeting, Fixtures.COMPANY), Fixtures.PASS,
                Fixtures.SHARE_DISCLOSURES)).isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.DISCLOSURES)
                .hasMessageContaining("meeting-no-content-direction");
        assertThatThrownBy(() -> signer.sign(new EnvelopeBody.MeetingNotice(meeting, "smc-not-invited"), Fixtures.PASS, disclosures))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.CONTENT);
    }

    @Test
    void verifierBuilderRequiresAnchorsAndARecipientPolicy() {
        assertThatThrownBy(() -> EnvelopeVerifier.builder().expectedRecipient("x").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trust anchor");
        assertThatThrownBy(() -> EnvelopeVerifier.builder().trustAnchor(Fixtures.ROOT.certificate()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("anyRecipient");
    }
}

package org.fmishare.audit;

import org.fmishare.testkit.TestParties;
import static org.assertj.core.api.Assertions.assertThat;
import org.fmishare.core.envelope.EnvelopeBody;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.ReviewApproval;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.model.MeetingKind;
import org.fmishare.core.model.TransportKind;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every event kind survives the entry codec unchanged, and the log never holds threat content. */
class AuditEventTest {
    static final Instant AT = Instant.parse("2026-10-01T15:00:00Z");
    static final ComplianceSummary FAIL = new ComplianceSummary(Verdict.FAIL, "sop-2024-02", "1.0.0",
            Disclosure.digestOf("r"));

    static final ComplianceSummary PASS = new ComplianceSummary(Verdict.PASS, "sop-2024-02", "1.0.0",
            Disclosure.digestOf("r"));

    static Stream<AuditEvent> everyKind() {
        SignedEnvelope env = EnvelopeSigner.builder(AuditStoreContract.ENVELOPE_SIGNER, "fitf").build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), PASS, TestParties.SHARE_DISCLOSURES);
        return Stream.of(
                AuditEvent.ShareAmended.of(amendment(env, SampleData.correction()), PASS, TransportKind.HTTPS, AT),
                AuditEvent.ShareAmended.of(amendment(env, SampleData.retraction()), PASS, TransportKind.EMAIL, AT),
                AuditEvent.Validated.ofShare(SampleData.failingShare(), FAIL, List.of("P1-FITF", "P1-CONFIDENCE"), AT),
                AuditEvent.Validated.ofMeeting(SampleData.meeting(), FAIL, List.of(), AT),
                AuditEvent.Rendered.of(AuditSubject.SHARE, "share-1", "TEXT", "body text",
                        List.of(Disclosure.digestOf("x")), AT),
                AuditEvent.Signed.of(AuditSubject.SHARE, "share-2026-0001", env, AT),
                AuditEvent.Dispatched.ofShare(SampleData.passingShare(), FAIL, env, TransportKind.TAXII, AT),
                AuditEvent.Dispatched.ofMeetingNotice(SampleData.meeting(), FAIL, env, TransportKind.EMAIL, false,
                        AT),
                new AuditEvent.Dispatched(AT, "env-3", AuditSubject.SHARE, "share-3", "smc-examplesocial",
                        Prong.ACCOUNT_SHARING, TransportKind.HTTPS, true, "sop-2024-02", "1.0.0",
                        java.util.Optional.of("fitf-reviewer")),
                new AuditEvent.Dispatched(AT, "env-4", AuditSubject.SHARE, "share-4", "smc-examplesocial",
                        Prong.ACCOUNT_SHARING, TransportKind.HTTPS, true, "sop-2024-02", "1.0.0",
                        java.util.Optional.of("fitf-reviewer"), java.util.Optional.of(Disclosure.digestOf("jws"))),
                new AuditEvent.SendAttempted(AT, "env-1", 3),
                new AuditEvent.SendFailed(AT, "env-1", 3, AT.plusSeconds(9), "HTTP 503\nRetry"),
                new AuditEvent.Delivered(AT, "env-1", Disclosure.digestOf("receipt")),
                new AuditEvent.DeadLettered(AT, "env-1", "x".repeat(1000)),
                new AuditEvent.ReceiptVerified(AT, "env-1", "env-2", Disclosure.digestOf("receipt")),
                AuditEvent.SmcResponded.of(SampleData.response()),
                AuditEvent.MeetingHeld.of(SampleData.meeting(), AT),
                AuditEvent.MeetingHeld.of(SampleData.adHocMeeting(), AT));
    }

    static SignedEnvelope amendment(SignedEnvelope original,
            org.fmishare.core.model.ShareAmendment amendment) {
        return EnvelopeSigner.builder(AuditStoreContract.ENVELOPE_SIGNER, "fitf").build()
                .sign(EnvelopeBody.Amendment.of(amendment, original), PASS, TestParties.SHARE_DISCLOSURES);
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void roundTripsThroughTheEntryCodec(AuditEvent event) {
        EntryCodec.Encoded e = EntryCodec.record(7, AuditEntry.GENESIS, event);
        EntryCodec.Decoded d = EntryCodec.decode(e.bytes());
        assertThat(d.event()).contains(event);
        assertThat(d.storedHash()).isEqualTo(d.computedHash()).isEqualTo(e.hash());
        assertThat(d.sequence()).isEqualTo(7);
    }

    @Test
    void entriesHoldIdsAndAttributesButNoThreatContent() {
        String all = everyKind().map(ev -> new String(EntryCodec.record(0, AuditEntry.GENESIS, ev).bytes(),
                StandardCharsets.UTF_8)).reduce("", String::concat);
        assertThat(all).doesNotContain("Directorate", "ExampleSocial:", "civic_voice", "MIRROR LAKE", "body text",
                "Received; we will review", "Please remove", "AI-generated personas", "U.S. person",
                "withdraws this share");
    }

    @Test
    void anAmendmentIsRecordedByWhatItAmendsItsKindAndTheDigestOfItsReason() {
        SignedEnvelope share = EnvelopeSigner.builder(AuditStoreContract.ENVELOPE_SIGNER, "fitf").build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), PASS, TestParties.SHARE_DISCLOSURES);
        SignedEnvelope retraction = amendment(share, SampleData.retraction());

        var e = AuditEvent.ShareAmended.of(retraction, PASS, TransportKind.HTTPS, AT);

        assertThat(e.type()).isEqualTo("share-amended");
        assertThat(e.amendmentId()).isEqualTo("amend-2026-0002");
        assertThat(e.kind()).isEqualTo(org.fmishare.core.model.AmendmentKind.RETRACTION);
        assertThat(e.shareId()).isEqualTo(SampleData.passingShare().id());
        assertThat(e.envelopeId()).isEqualTo(retraction.envelopeId());
        assertThat(e.originalEnvelopeId()).isEqualTo(share.envelopeId());
        assertThat(e.recipientId()).isEqualTo("smc-examplesocial");
        assertThat(e.reasonDigest()).isEqualTo(org.fmishare.core.jose.Digests.sha256(
                SampleData.retraction().reason().getBytes(StandardCharsets.UTF_8)));
        assertThat(e.ruleSetVersion()).isEqualTo("1.0.0");
        assertThatThrownBy(() -> AuditEvent.ShareAmended.of(share, PASS, TransportKind.HTTPS, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a share amendment");
        assertThatThrownBy(() -> new AuditEvent.ShareAmended(AT, "amd 1", e.kind(), e.shareId(), e.envelopeId(),
                e.originalEnvelopeId(), e.recipientId(), TransportKind.HTTPS, e.reasonDigest(), "sop", "1.0.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amendmentId");
    }

    @Test
    void shareAttributesComeFromTheModel() {
        var d = AuditEvent.Dispatched.ofShare(SampleData.passingShare(), FAIL,
                EnvelopeSigner.builder(AuditStoreContract.ENVELOPE_SIGNER, "fitf").build().sign(new EnvelopeBody.Share(SampleData.passingShare()),
                        PASS, List.of(Disclosure.of("no-request-no-obligation", 1, "a"),
                                Disclosure.of("no-adverse-action", 1, "b"),
                                Disclosure.of("voluntary-participation", 1, "c"))), TransportKind.HTTPS, AT);
        assertThat(d.prong()).isEqualTo(Prong.ACCOUNT_SHARING);
        assertThat(d.electionNexus()).isTrue();
        assertThat(d.recipientId()).isEqualTo("smc-examplesocial");
        var m = AuditEvent.MeetingHeld.of(SampleData.meeting(), AT);
        assertThat(m.leadership()).isEqualTo(MeetingLeadership.FIELD_OFFICE_FITF_PARTICIPATING);
        assertThat(m.kind()).isEqualTo(MeetingKind.REGULAR);
        assertThat(m.trigger()).isEmpty();
    }

    /** A NEEDS_REVIEW summary with a reviewer's approval whose decision is {@code aGVhZGVy.cGF5bG9hZA.c2ln}. */
    private static ComplianceSummary reviewedSummary() {
        return new ComplianceSummary(Verdict.NEEDS_REVIEW, "sop-2024-02", "1.0.0", Disclosure.digestOf("r"))
                .withReview(new ReviewApproval("fitf-reviewer", AT, Disclosure.digestOf("reasons"),
                        "aGVhZGVy.cGF5bG9hZA.c2ln"));
    }

    @Test
    void aReviewedShareNamesItsReviewerAndAPassShareKeepsTheEntryBytesOfOldLogs() {
        SignedEnvelope env = EnvelopeSigner.builder(AuditStoreContract.ENVELOPE_SIGNER, "fitf").build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), PASS, TestParties.SHARE_DISCLOSURES);
        var reviewed = AuditEvent.Dispatched.ofShare(SampleData.passingShare(), reviewedSummary(), env,
                TransportKind.HTTPS, AT);
        var plain = AuditEvent.Dispatched.ofShare(SampleData.passingShare(), PASS, env, TransportKind.HTTPS, AT);

        assertThat(reviewed.reviewed()).isTrue();
        assertThat(reviewed.reviewedBy()).contains("fitf-reviewer");
        assertThat(plain.reviewed()).isFalse();
        assertThat(new String(EntryCodec.record(0, AuditEntry.GENESIS, plain).bytes(), StandardCharsets.UTF_8))
                .doesNotContain("reviewedBy");
        assertThat(new String(EntryCodec.record(0, AuditEntry.GENESIS, reviewed).bytes(), StandardCharsets.UTF_8))
                .contains("\"reviewedBy\":\"fitf-reviewer\"");
    }

    @Test
    void aReviewedShareRecordsTheDigestOfTheSignedDecisionAndNeverItsReasons() {
        SignedEnvelope env = EnvelopeSigner.builder(AuditStoreContract.ENVELOPE_SIGNER, "fitf").build()
                .sign(new EnvelopeBody.Share(SampleData.passingShare()), PASS, TestParties.SHARE_DISCLOSURES);
        var reviewed = AuditEvent.Dispatched.ofShare(SampleData.passingShare(), reviewedSummary(), env,
                TransportKind.HTTPS, AT);
        var plain = AuditEvent.Dispatched.ofShare(SampleData.passingShare(), PASS, env, TransportKind.HTTPS, AT);

        String decisionDigest = org.fmishare.core.jose.Digests.sha256(
                "aGVhZGVy.cGF5bG9hZA.c2ln".getBytes(StandardCharsets.US_ASCII));
        assertThat(reviewed.reviewDigest()).contains(decisionDigest);
        assertThat(plain.reviewDigest()).isEmpty();
        var entry = EntryCodec.record(0, AuditEntry.GENESIS, reviewed);
        assertThat(new String(entry.bytes(), StandardCharsets.UTF_8))
                .contains("\"reviewDigest\":\"" + decisionDigest + "\"").doesNotContain("cGF5bG9hZA");
        assertThat(new String(EntryCodec.record(0, AuditEntry.GENESIS, plain).bytes(), StandardCharsets.UTF_8))
                .doesNotContain("reviewDigest");
        // An entry written before the digest was recorded names the reviewer only, and still reads.
        var older = new AuditEvent.Dispatched(AT, env.envelopeId(), AuditSubject.SHARE, "share-2026-0001",
                "smc-examplesocial", Prong.ACCOUNT_SHARING, TransportKind.HTTPS, true, "sop-2024-02", "1.0.0",
                java.util.Optional.of("fitf-reviewer"));
        assertThat(older.reviewDigest()).isEmpty();
        assertThatThrownBy(() -> new AuditEvent.Dispatched(AT, env.envelopeId(), AuditSubject.SHARE,
                "share-2026-0001", "smc-examplesocial", Prong.ACCOUNT_SHARING, TransportKind.HTTPS, true,
                "sop-2024-02", "1.0.0", java.util.Optional.empty(), java.util.Optional.of(decisionDigest)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reviewDigest");
    }

    @Test
    void reasonsAreClippedToOneLine() {
        var f = new AuditEvent.SendFailed(AT, "env-1", 1, AT, "a\nb" + "c".repeat(400));
        assertThat(f.reason()).hasSize(300).startsWith("a b");
    }

    @Test
    void invalidValuesAreRejectedNamingTheField() {
        assertThatThrownBy(() -> new AuditEvent.Delivered(AT, "env 1", Disclosure.digestOf("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("envelopeId");
        assertThatThrownBy(() -> new AuditEvent.Delivered(AT, "env-1", "md5:00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receiptDigest");
        assertThatThrownBy(() -> new AuditEvent.SendAttempted(null, "env-1", 1))
                .isInstanceOf(NullPointerException.class).hasMessage("at");
        assertThatThrownBy(() -> new AuditEvent.MeetingHeld(AT, "m", List.of(), MeetingKind.REGULAR, null,
                MeetingLeadership.FITF_LED)).isInstanceOf(NullPointerException.class).hasMessage("trigger");
    }

    @Test
    void unknownEventTypeIsMalformed() {
        byte[] b = EntryCodec.record(0, AuditEntry.GENESIS, new AuditEvent.SendAttempted(AT, "e", 1)).bytes();
        String forged = new String(b, StandardCharsets.UTF_8).replace("send-attempted", "send-attemptet");
        assertThatThrownBy(() -> EntryCodec.decode(forged.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not a known event type");
    }

    @Test
    void verifiedReceiptIsRecordedByIdsAndDigest() {
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2026-10-01T16:00:00Z"), java.time.ZoneOffset.UTC);
        var office = EnvelopeSigner.builder(AuditStoreContract.ROOT.issueEnvelopeSigner("fitf", "FITF signer",
                org.fmishare.core.keys.KeyAlgorithm.EC_P256), "fitf").clock(clock).build();
        var company = EnvelopeSigner.builder(AuditStoreContract.ROOT.issueReceiptSigner("smc-examplesocial",
                "company receipts", org.fmishare.core.keys.KeyAlgorithm.EC_P256), "smc-examplesocial").clock(clock)
                .build();
        var verifier = org.fmishare.core.envelope.EnvelopeVerifier.builder()
                .trustAnchor(AuditStoreContract.ROOT.certificate()).anyRecipient().clock(clock).build();
        SignedEnvelope share = office.sign(new EnvelopeBody.Share(SampleData.passingShare()), PASS, List.of(
                Disclosure.of("no-request-no-obligation", 1, "a"), Disclosure.of("no-adverse-action", 1, "b"),
                Disclosure.of("voluntary-participation", 1, "c")));
        SignedEnvelope receipt = company.signReceipt(verifier.verify(share.serialized()), SampleData.response());
        var verified = verifier.verifyReceipt(receipt.serialized(), share);
        var e = AuditEvent.ReceiptVerified.of(verified, AT);
        assertThat(e.envelopeId()).isEqualTo(share.envelopeId());
        assertThat(e.receiptEnvelopeId()).isEqualTo(receipt.envelopeId());
        assertThat(e.receiptDigest()).isEqualTo(receipt.digest());
        assertThatThrownBy(() -> AuditEvent.ReceiptVerified.of(verifier.verify(office.sign(new EnvelopeBody.Share(
                SampleData.passingShare()), PASS, List.of(Disclosure.of("no-request-no-obligation", 1, "a"),
                        Disclosure.of("no-adverse-action", 1, "b"), Disclosure.of("voluntary-participation", 1, "c")))
                .serialized()), AT)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a receipt");
    }
}

package org.fmishare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.model.SmcResponse;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestParties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A company's later response reaches the office's audit log once, verified and without consequence. */
class ResponseRecorderTest {
    private static final TestParties PARTIES = TestParties.create("Response Recorder Test CA");
    private static final SigningCredential SEALER = PARTIES.ca().issueAuditSealer(PARTIES.officeId(),
            "FITF audit sealer", KeyAlgorithm.EC_P256);

    @TempDir
    Path dir;

    private SignedEnvelope share;
    private VerifiedEnvelope received;
    private Path logFile;
    private FileAuditStore store;
    private AuditLog log;

    @BeforeEach
    void send() {
        share = PARTIES.signedShare();
        received = PARTIES.companyVerifier().verify(share.serialized());
        logFile = dir.resolve("audit.log");
        store = FileAuditStore.open(logFile);
        log = AuditLog.builder(store, SEALER).build();
    }

    private ResponseRecorder recorder(SentEnvelopes sent) {
        return ResponseRecorder.builder(PARTIES.officeId(), PARTIES.officeVerifier(), sent, log).build();
    }

    private ResponseRecorder recorder() {
        return recorder(SentEnvelopes.of(List.of(SentEnvelope.of(share))));
    }

    private AuditVerification verifiedLog() {
        log.seal();
        return AuditVerifier.builder().trustAnchor(PARTIES.ca().certificate()).sealer(PARTIES.officeId()).build()
                .verify(store);
    }

    @Test
    void aResponseIsRecordedAsAResponseEventWithoutItsNote() throws Exception {
        SignedEnvelope response = PARTIES.companySigner().signResponse(received,
                ResponseKind.TOOK_INDEPENDENT_ACTION, Optional.of("Removed under our own spam policy."));

        RecordedResponse recorded = recorder().record(response.serialized());

        assertThat(recorded.firstTime()).isTrue();
        assertThat(recorded.response().kind()).isEqualTo(ResponseKind.TOOK_INDEPENDENT_ACTION);
        assertThat(recorded.inReplyTo().envelopeId()).isEqualTo(share.envelopeId());
        List<AuditEvent> events = verifiedLog().events();
        assertThat(events).filteredOn(e -> e instanceof AuditEvent.SmcResponded).singleElement()
                .satisfies(e -> {
                    AuditEvent.SmcResponded r = (AuditEvent.SmcResponded) e;
                    assertThat(r.responseId()).isEqualTo(recorded.response().id());
                    assertThat(r.shareId()).isEqualTo(SampleData.passingShare().id());
                    assertThat(r.companyId()).isEqualTo(PARTIES.companyId());
                    assertThat(r.kind()).isEqualTo(ResponseKind.TOOK_INDEPENDENT_ACTION);
                });
        assertThat(events).filteredOn(e -> e instanceof AuditEvent.ReceiptVerified).singleElement()
                .satisfies(e -> assertThat(((AuditEvent.ReceiptVerified) e).receiptDigest())
                        .isEqualTo(response.digest()));
        assertThat(Files.readString(logFile, StandardCharsets.UTF_8)).doesNotContain("spam policy");
    }

    @Test
    void theSameResponseReceivedTwiceIsRecordedOnce() {
        SignedEnvelope response = PARTIES.companySigner().signResponse(received, ResponseKind.ACKNOWLEDGED,
                Optional.empty());
        ResponseRecorder recorder = recorder();

        assertThat(recorder.record(response.serialized()).firstTime()).isTrue();
        RecordedResponse again = recorder.record(response.serialized());

        assertThat(again.firstTime()).isFalse();
        assertThat(again.response().id()).isEqualTo(response.content().body() instanceof
                org.fmishare.core.envelope.EnvelopeBody.Receipt r ? r.response().id() : "none");
        assertThat(verifiedLog().events()).filteredOn(e -> e instanceof AuditEvent.SmcResponded).hasSize(1);
    }

    @Test
    void theSameResponseSignedAgainIsRecordedOnce() {
        SmcResponse response = new SmcResponse("response-1", SampleData.passingShare().id(), PARTIES.companyId(),
                ResponseKind.DECLINED, SampleData.CREATED_AT, Optional.empty());
        ResponseRecorder recorder = recorder();

        recorder.record(PARTIES.companySigner().signReceipt(received, response).serialized());
        RecordedResponse again = recorder.record(PARTIES.companySigner().signReceipt(received, response)
                .serialized());

        assertThat(again.firstTime()).isFalse();
        assertThat(verifiedLog().events()).filteredOn(e -> e instanceof AuditEvent.SmcResponded).hasSize(1);
    }

    @Test
    void aResponseAlreadyInTheLogIsNotRecordedAgainAfterARestart() {
        SignedEnvelope first = PARTIES.companySigner().signReceipt(received, SampleData.response());
        recorder().record(first.serialized());
        AuditVerification before = verifiedLog();

        ResponseRecorder restarted = ResponseRecorder.builder(PARTIES.officeId(), PARTIES.officeVerifier(),
                SentEnvelopes.of(List.of(SentEnvelope.of(share))), log).alreadyRecorded(before).build();
        RecordedResponse again = restarted.record(PARTIES.companySigner().signReceipt(received,
                SampleData.response()).serialized());

        assertThat(again.firstTime()).isFalse();
        assertThat(verifiedLog().events()).filteredOn(e -> e instanceof AuditEvent.SmcResponded).hasSize(1);
    }

    @Test
    void sentEnvelopesAreFoundInTheOfficesSignedEvents() {
        log.append(AuditEvent.Signed.of(AuditSubject.SHARE, SampleData.passingShare().id(), share,
                SampleData.CREATED_AT));
        SentEnvelopes sent = SentEnvelopes.fromAuditLog(verifiedLog());

        assertThat(sent.find(share.envelopeId())).contains(SentEnvelope.of(share));
        assertThat(recorder(sent).record(PARTIES.companySigner().signResponse(received, ResponseKind.DECLINED,
                Optional.empty()).serialized()).firstTime()).isTrue();
    }

    @Test
    void aResponseToAnEnvelopeThisOfficeNeverSentIsRefused() {
        SignedEnvelope response = PARTIES.companySigner().signResponse(received, ResponseKind.ACKNOWLEDGED,
                Optional.empty());
        assertThatThrownBy(() -> recorder(SentEnvelopes.of(List.of())).record(response.serialized()))
                .isInstanceOf(ResponseException.UnknownEnvelope.class)
                .hasMessageContaining(share.envelopeId())
                .hasMessageContaining("no record of sending");
        assertThat(log.size()).isZero();
    }

    @Test
    void aResponseFromACompanyTheEnvelopeWasNotSentToIsRefused() {
        SentEnvelopes sentToOther = SentEnvelopes.of(List.of(new SentEnvelope(share.envelopeId(), share.digest(),
                "smc-other", SampleData.passingShare().id())));
        SignedEnvelope response = PARTIES.companySigner().signResponse(received, ResponseKind.ACKNOWLEDGED,
                Optional.empty());
        assertThatThrownBy(() -> recorder(sentToOther).record(response.serialized()))
                .isInstanceOf(ResponseException.WrongCompany.class)
                .hasMessageContaining("smc-other");
    }

    @Test
    void aResponseSignedWithAnotherCompanysReceiptKeyIsRefused() {
        SigningCredential otherCompany = PARTIES.ca().issueReceiptSigner("smc-other", "Other receipts",
                KeyAlgorithm.EC_P256);
        SignedEnvelope forged = EnvelopeSigner.builder(otherCompany, PARTIES.companyId()).build()
                .signResponse(received, ResponseKind.ACKNOWLEDGED, Optional.empty());
        assertThatThrownBy(() -> recorder().record(forged.serialized()))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.SIGNER_BINDING);
    }

    @Test
    void aResponseSignedWithAKeyWithoutTheReceiptPurposeIsRefused() {
        SigningCredential envelopeKey = PARTIES.ca().issueEnvelopeSigner(PARTIES.companyId(),
                "Company envelope signer", KeyAlgorithm.EC_P256);
        SignedEnvelope wrongPurpose = EnvelopeSigner.builder(envelopeKey, PARTIES.companyId()).build()
                .signResponse(received, ResponseKind.ACKNOWLEDGED, Optional.empty());
        assertThatThrownBy(() -> recorder().record(wrongPurpose.serialized()))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.SIGNER_BINDING);
    }

    @Test
    void anEnvelopeThatIsNotAResponseIsRefused() {
        assertThatThrownBy(() -> recorder().record(received))
                .isInstanceOf(ResponseException.NotAResponse.class)
                .hasMessageContaining("THREAT_SHARE");
    }

    @Test
    void aResponseToACorrectionIsRecordedAsAResponseAboutTheAmendedShare() {
        SignedEnvelope correction = PARTIES.signedAmendment(org.fmishare.testkit.SampleData.correction(), share);
        VerifiedEnvelope receivedCorrection = PARTIES.companyVerifier().verify(correction.serialized());
        SignedEnvelope response = PARTIES.companySigner().signResponse(receivedCorrection,
                ResponseKind.ACKNOWLEDGED, Optional.empty());
        SentEnvelope sent = SentEnvelope.of(correction);
        assertThat(sent.subjectId()).isEqualTo(share.content().body() instanceof
                org.fmishare.core.envelope.EnvelopeBody.Share s ? s.share().id() : "");
        RecordedResponse recorded = recorder(SentEnvelopes.of(List.of(SentEnvelope.of(share), sent)))
                .record(response.serialized());
        assertThat(recorded.firstTime()).isTrue();
        assertThat(recorded.inReplyTo().envelopeId()).isEqualTo(correction.envelopeId());
    }
}

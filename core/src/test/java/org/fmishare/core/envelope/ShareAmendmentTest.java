package org.fmishare.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.fmishare.core.model.AmendmentKind;
import org.fmishare.core.model.InvalidModelException;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShareAmendmentTest {
    private final EnvelopeVerifier verifier = Fixtures.verifier();

    private static SignedEnvelope amend(ShareAmendment amendment, SignedEnvelope original) {
        return Fixtures.signer().sign(EnvelopeBody.Amendment.of(amendment, original), Fixtures.PASS,
                Fixtures.SHARE_DISCLOSURES);
    }

    @Test
    void retractionReferencesTheOriginalEnvelopeAndVerifies() {
        SignedEnvelope share = Fixtures.signedShare();
        SignedEnvelope retraction = amend(SampleData.retraction(), share);

        VerifiedEnvelope v = verifier.verify(retraction.serialized());
        assertThat(v.kind()).isEqualTo(EnvelopeKind.SHARE_AMENDMENT);
        assertThat(v.amends()).contains(new EnvelopeReference(share.envelopeId(), share.digest()));
        assertThat(v.amendment()).contains(SampleData.retraction());
        assertThat(v.body()).isEqualTo(new EnvelopeBody.Amendment(SampleData.retraction(),
                new EnvelopeReference(share.envelopeId(), share.digest())));
        assertThat(v.summary()).contains("retraction amend-2026-0002 of share share-2026-0001")
                .contains("amends:      " + share.envelopeId());
        String kind = v.body().<String>match(s -> "share", m -> "meeting", b -> "briefing",
                a -> a.amendment().kind().name(), r -> "receipt");
        assertThat(kind).isEqualTo("RETRACTION");
        assertThat(EnvelopeContent.ofOwnEnvelope(retraction.signedSerialization(), retraction.digest()).body())
                .isEqualTo(v.body());
    }

    @Test
    void amendmentOfAnotherShareOrOfANonShareEnvelopeIsRefusedWhenBuilt() {
        SignedEnvelope share = Fixtures.signedShare();
        ThreatShare other = SampleData.passingShare().toBuilder().id("share-2026-0099").build();
        ShareAmendment ofOther = ShareAmendment.retraction("amend-9", SampleData.AMENDED_AT, other, "Wrong share.");
        assertThatThrownBy(() -> EnvelopeBody.Amendment.of(ofOther, share))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.AMENDMENT_REFERENCE)
                .hasMessageContaining("share-2026-0099");
        SignedEnvelope retraction = amend(SampleData.retraction(), share);
        assertThatThrownBy(() -> EnvelopeBody.Amendment.of(SampleData.retraction(), retraction))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasMessageContaining("not a share to amend");
    }

    @Test
    void correctionMustCarryTheSameShareAndARetractionNone() {
        ThreatShare other = SampleData.passingShare().toBuilder().recipient(SampleData.secondCompany()).build();
        ShareAmendment c = SampleData.correction();
        assertThatThrownBy(() -> new ShareAmendment(c.id(), c.kind(), c.shareId(), c.createdAt(), c.sendingOffice(),
                c.recipient(), c.handling(), c.reason(), Optional.of(other), c.ruleSetId()))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("correctedShare.recipient.id");
        assertThatThrownBy(() -> new ShareAmendment(c.id(), AmendmentKind.RETRACTION, c.shareId(), c.createdAt(),
                c.sendingOffice(), c.recipient(), c.handling(), c.reason(), c.correctedShare(), c.ruleSetId()))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("correctedShare");
    }

    @Test
    void statesFollowShareCorrectionAndRetractionAndRefuseUnknownOrMismatchedOriginals() {
        ShareStates states = ShareStates.inMemory();
        SignedEnvelope share = Fixtures.signedShare();
        SignedEnvelope stranger = Fixtures.signedShare();
        VerifiedEnvelope correction = verifier.verify(amend(SampleData.correction(), share).serialized());
        VerifiedEnvelope ofStranger = verifier.verify(amend(SampleData.retraction(), stranger).serialized());

        assertThatThrownBy(() -> states.record(correction))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.AMENDMENT_REFERENCE)
                .hasMessageContaining("has not received");
        assertThat(states.record(verifier.verify(share.serialized())).state()).isEqualTo(ShareState.ACTIVE);
        assertThatThrownBy(() -> states.record(ofStranger))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasMessageContaining(stranger.envelopeId()).hasMessageContaining("did not bring");
        assertThat(states.record(correction).state()).isEqualTo(ShareState.CORRECTED);
        assertThat(states.record(correction).state()).isEqualTo(ShareState.CORRECTED);
        VerifiedEnvelope retraction = verifier.verify(amend(SampleData.retraction(), share).serialized());
        ShareStatus retracted = states.record(retraction);
        assertThat(retracted.state()).isEqualTo(ShareState.RETRACTED);
        assertThat(retracted.reason()).contains(SampleData.retraction().reason());
        assertThat(retracted.lastAmendment()).contains(retraction.reference());
        VerifiedEnvelope late = verifier.verify(amend(SampleData.correction(), share).serialized());
        assertThatThrownBy(() -> states.record(late)).isInstanceOf(EnvelopeException.Rejected.class)
                .hasMessageContaining("already retracted");
        assertThat(states.find(Fixtures.OFFICE, "share-2026-0001")).contains(retracted);
    }

    @Test
    void amendmentNamingTheOriginalIdWithAnotherDigestIsRefused() {
        ShareStates states = ShareStates.inMemory();
        SignedEnvelope share = Fixtures.signedShare();
        states.record(verifier.verify(share.serialized()));
        EnvelopeReference forged = new EnvelopeReference(share.envelopeId(), "sha-256:" + "0".repeat(64));
        SignedEnvelope amendment = Fixtures.signer().sign(new EnvelopeBody.Amendment(SampleData.retraction(),
                forged), Fixtures.PASS, Fixtures.SHARE_DISCLOSURES);
        assertThatThrownBy(() -> states.record(verifier.verify(amendment.serialized())))
                .isInstanceOf(EnvelopeException.Rejected.class)
                .hasFieldOrPropertyWithValue("check", EnvelopeException.Check.AMENDMENT_REFERENCE)
                .hasMessageContaining("another digest");
    }

    @Test
    void fileStatesSurviveReopeningAndDropATornLastLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("share-states.jsonl");
        SignedEnvelope share = Fixtures.signedShare();
        ShareStates states = ShareStates.file(file);
        states.record(verifier.verify(share.serialized()));
        ShareStatus retracted = states.record(verifier.verify(amend(SampleData.retraction(), share).serialized()));
        Files.write(file, "{\"senderId\":\"fi".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);

        ShareStates reopened = ShareStates.file(file);
        assertThat(reopened.find(Fixtures.OFFICE, "share-2026-0001")).contains(retracted);
        assertThat(reopened.all()).hasSize(1);
        assertThat(Files.readString(file)).endsWith("\n");
    }

    @Test
    void fileStatesNameTheFileAndLineOfACorruptRecord(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("share-states.jsonl");
        Files.writeString(file, "{\"nonsense\":1}\n");
        assertThatThrownBy(() -> ShareStates.file(file)).isInstanceOf(EnvelopeException.ProcessingFailed.class)
                .hasMessageContaining("share-states.jsonl line 1");
    }
}

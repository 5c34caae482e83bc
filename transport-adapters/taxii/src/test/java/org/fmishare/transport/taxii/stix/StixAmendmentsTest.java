package org.fmishare.transport.taxii.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fmishare.core.envelope.EnvelopeReference;
import org.fmishare.core.model.AmendmentKind;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.SmcResponse;
import org.fmishare.testkit.SampleData;
import org.fmishare.transport.taxii.TestShares;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The STIX versions of corrections and retractions, and response notes: layout, schemas, idempotence. */
class StixAmendmentsTest {
    private static final String SHARE_ID = SampleData.passingShare().id();
    private static final EnvelopeReference ORIGINAL = new EnvelopeReference(TestShares.ENVELOPE_ID,
            TestShares.ENVELOPE_DIGEST);

    private static List<StixObject> shareObjects() {
        return StixShareMapper.standard().toBundle(TestShares.sample()).objects();
    }

    private static StixAmendmentInput input(ShareAmendment amendment, String envelopeId) {
        return new StixAmendmentInput(amendment, ORIGINAL, TestShares.disclosures(), TestShares.compliance(),
                envelopeId, "sha-256:" + "cd".repeat(32), TestShares.JWS,
                SampleData.passingShare().createdAt().plusSeconds(3600));
    }

    private static List<String> problems(List<StixObject> objects) {
        List<String> problems = new ArrayList<>();
        for (StixObject o : objects) {
            StixSchemas.validate(o.tree()).forEach(e -> problems.add(o.id() + " (" + o.type() + "): " + e));
            JsonNode x = o.tree().path("extensions").path(FmiStixExtension.ID);
            if (x.isObject()) {
                StixSchemas.validateExtension(x).forEach(e -> problems.add(o.id() + " extension: " + e));
            }
        }
        return problems;
    }

    @Test
    void aCorrectionIsNewVersionsOfTheSameIdsWithTheCorrectedContentAndValidates() {
        List<StixObject> stored = shareObjects();
        List<StixObject> versions = StixAmendments.newVersions(input(SampleData.correction(),
                "6c1d0a52-3b7e-4f21-9d8a-2e5f7c9b0a13"), stored);
        assertThat(problems(versions)).isEmpty();
        StixObject report = versions.get(versions.size() - 1);
        assertThat(report.id()).isEqualTo(StixIds.reportId(SHARE_ID));
        StixObject original = stored.stream().filter(o -> o.id().equals(report.id())).findFirst().orElseThrow();
        assertThat(report.created()).isEqualTo(original.created());
        assertThat(report.modified().orElseThrow()).isGreaterThan(original.modified().orElseThrow());
        assertThat(StixAmendments.claim(report)).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo(AmendmentKind.CORRECTION);
            assertThat(c.amends()).isEqualTo(ORIGINAL);
        });
        // Read back as of the new version, the objects are the corrected share.
        List<StixObject> all = new ArrayList<>(stored);
        all.addAll(versions);
        PulledShare pulled = StixShareMapper.standard().fromObjects(StixAmendments.asOf(all, report), SHARE_ID);
        assertThat(pulled.share()).isEqualTo(SampleData.correction().correctedShare().orElseThrow());
        // The removed account's relationship is revoked; nothing else is.
        assertThat(versions.stream().filter(o -> o.tree().path("revoked").asBoolean(false)))
                .extracting(StixObject::type).containsOnly("relationship").hasSize(1);
        // The same input maps to the same versions (a retried publication is idempotent).
        assertThat(StixAmendments.newVersions(input(SampleData.correction(), "6c1d0a52-3b7e-4f21-9d8a-2e5f7c9b0a13"),
                all)).isEqualTo(versions);
    }

    @Test
    void aRetractionRevokesTheReportAndWhatItReferencesExceptIdentitiesAndAccountsAndValidates() {
        List<StixObject> stored = shareObjects();
        List<StixObject> versions = StixAmendments.newVersions(input(SampleData.retraction(),
                "7d2e1b63-4c8f-4a32-8e9b-3f6a8d0c1b24"), stored);
        assertThat(problems(versions)).isEmpty();
        assertThat(versions).allSatisfy(o -> assertThat(o.tree().path("revoked").asBoolean(false)).isTrue());
        assertThat(versions).extracting(StixObject::type).doesNotContain("identity", "user-account",
                "marking-definition").contains("report", "threat-actor", "campaign", "note", "relationship");
        List<StixObject> all = new ArrayList<>(stored);
        all.addAll(versions);
        StixAmendments.requireRetracted(all, versions.get(versions.size() - 1));
        // Without the revoked versions of the objects, the retraction is not complete.
        List<StixObject> reportOnly = new ArrayList<>(stored);
        reportOnly.add(versions.get(versions.size() - 1));
        assertThatThrownBy(() -> StixAmendments.requireRetracted(reportOnly, versions.get(versions.size() - 1)))
                .isInstanceOf(StixMappingException.class).hasMessageContaining("not revoked");
        // A retracted share is not amended again.
        assertThatThrownBy(() -> StixAmendments.newVersions(input(SampleData.correction(),
                "8e3f2c74-5d9a-4b43-9fac-4a7b9e1d2c35"), all))
                .isInstanceOf(StixMappingException.class).hasMessageContaining("already retracted");
    }

    @Test
    void anAmendmentOfAnEnvelopeTheCollectionDoesNotHoldIsRefusedNamingIt() {
        StixAmendmentInput other = new StixAmendmentInput(SampleData.retraction(), new EnvelopeReference(
                "9f4a3d85-6e0b-4c54-8a0d-5b8c0f2e3d46", TestShares.ENVELOPE_DIGEST), TestShares.disclosures(),
                TestShares.compliance(), "7d2e1b63-4c8f-4a32-8e9b-3f6a8d0c1b24", "sha-256:" + "cd".repeat(32),
                TestShares.JWS, SampleData.passingShare().createdAt().plusSeconds(60));
        assertThatThrownBy(() -> StixAmendments.newVersions(other, shareObjects()))
                .isInstanceOf(StixMappingException.class).hasMessageContaining("9f4a3d85-6e0b-4c54-8a0d-5b8c0f2e3d46");
        assertThatThrownBy(() -> StixAmendments.newVersions(other, List.of()))
                .isInstanceOf(StixMappingException.class).hasMessageContaining("no version");
    }

    @Test
    void aResponseNoteValidatesAndReadsBack() {
        SmcResponse response = new SmcResponse("response-1", SHARE_ID, SampleData.company().id(),
                ResponseKind.DECLINED, SampleData.passingShare().createdAt().plusSeconds(7200), Optional.empty());
        StixResponseInput in = new StixResponseInput(response, ORIGINAL, "7d2e1b63-4c8f-4a32-8e9b-3f6a8d0c1b24",
                "sha-256:" + "cd".repeat(32), TestShares.JWS, Optional.of(StixMarkings.tlpMarkingId(
                        SampleData.passingShare().handling())));
        StixObject note = StixResponses.note(in);
        assertThat(problems(List.of(note))).isEmpty();
        assertThat(note.tree().path("object_refs").get(0).asString()).isEqualTo(StixIds.reportId(SHARE_ID));
        PulledResponse back = StixResponses.read(note);
        assertThat(back.response()).isEqualTo(response);
        assertThat(back.inReplyTo()).isEqualTo(ORIGINAL);
        assertThat(StixResponses.isResponse(note)).isTrue();
    }
}

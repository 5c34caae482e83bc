package org.fmishare.transport.taxii.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.testkit.SampleData;
import org.fmishare.transport.taxii.TestShares;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StixIdsTest {

    // The OASIS TLP 2.0 common objects; some public code has the AMBER ids wrong, so they are pinned here.
    @ParameterizedTest
    @CsvSource({
        "CLEAR, marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487, clear",
        "GREEN, marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb, green",
        "AMBER, marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421, amber",
        "AMBER_STRICT, marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003, amber+strict",
        "RED, marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1, red"})
    void tlpMarkingIdsAreTheOasisOnes(TlpMarking tlp, String id, String level) {
        assertThat(StixMarkings.tlpMarkingId(tlp)).isEqualTo(id);
        assertThat(StixMarkings.tlpFor(id)).contains(tlp);
        var def = StixMarkings.tlpDefinition(tlp).tree();
        assertThat(def.get("created").asString()).isEqualTo("2022-10-01T00:00:00.000Z");
        assertThat(def.get("name").asString()).isEqualTo(tlp.label());
        assertThat(def.at("/extensions/extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d/tlp_2_0")
                .asString()).isEqualTo(level);
    }

    @Test
    void tlp1IdsAreNotTakenForTlp2() {
        assertThat(StixMarkings.tlpFor("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82")).isEmpty();
    }

    @Test
    void uuid5MatchesTheRfcAlgorithm() {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        assertThat(StixIds.uuid5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"))
                .isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    @Test
    void userAccountIdIsUuid5OverTheCanonicalContributingProperties() {
        // Computed independently: uuid5(00abedb4-aa42-466c-9c01-fed23315a9b7,
        //   '{"account_type":"examplesocial","user_id":"100000001"}')
        assertThat(StixIds.userAccountId("examplesocial", "100000001"))
                .isEqualTo("user-account--f0118d84-eb7b-515a-b1dd-11919cb0e2e9");
        StixObject ua = StixShareMapper.standard().toBundle(TestShares.sample())
                .object("user-account--f0118d84-eb7b-515a-b1dd-11919cb0e2e9").orElseThrow();
        assertThat(ua.tree().get("user_id").asString()).isEqualTo("100000001");
        assertThat(ua.tree().get("account_type").asString()).isEqualTo("examplesocial");
    }

    @Test
    void shareObjectIdsAreDeterministicSoReAddsAreIdempotent() {
        StixBundle a = StixShareMapper.standard().toBundle(TestShares.sample());
        StixBundle b = StixShareMapper.standard().toBundle(TestShares.sample());
        assertThat(a).isEqualTo(b);
        assertThat(StixIds.reportId(SampleData.passingShare().id())).startsWith("report--")
                .isNotEqualTo(StixIds.reportId(SampleData.failingShare().id()));
    }
}

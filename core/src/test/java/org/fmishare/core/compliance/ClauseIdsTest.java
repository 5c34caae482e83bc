package org.fmishare.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.fmishare.core.envelope.EnvelopeKind;
import org.junit.jupiter.api.Test;

class ClauseIdsTest {

    @Test
    void listsEachClauseOnceInCatalogueOrder() {
        assertThat(ClauseIds.all()).containsExactly("no-request-no-obligation", "no-adverse-action",
                "voluntary-participation", "meeting-no-content-direction", "briefing-no-content-direction");
    }

    @Test
    void knowsOnlyTheListedIds() {
        ClauseIds.all().forEach(id -> assertThat(ClauseIds.isKnown(id)).as(id).isTrue());
        assertThat(ClauseIds.isKnown("no-adverse-actions")).isFalse();
        assertThat(ClauseIds.isKnown("NO-ADVERSE-ACTION")).isFalse();
        assertThat(ClauseIds.isKnown("")).isFalse();
    }

    @Test
    void envelopeDefaultsRequireOnlyKnownClauses() {
        for (EnvelopeKind kind : EnvelopeKind.values()) {
            assertThat(kind.defaultRequiredDisclosures()).as(kind.name()).allMatch(ClauseIds::isKnown);
        }
        assertThat(EnvelopeKind.THREAT_SHARE.defaultRequiredDisclosures()).containsExactlyInAnyOrder(
                ClauseIds.NO_REQUEST_NO_OBLIGATION, ClauseIds.NO_ADVERSE_ACTION, ClauseIds.VOLUNTARY_PARTICIPATION);
    }
}

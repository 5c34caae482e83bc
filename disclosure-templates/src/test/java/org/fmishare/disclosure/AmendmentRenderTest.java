package org.fmishare.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;

class AmendmentRenderTest {

    @Test
    void retractionSaysWhatIsWithdrawnAndWhyAndCarriesTheShareDisclosures() {
        RenderedMessage m = DisclosureRenderer.standard().renderAmendment(SampleData.retraction(), Format.TEXT);
        assertThat(m.subject()).isEqualTo("[TLP:AMBER] Retraction of threat information share-2026-0001 for "
                + SampleData.company().name());
        assertThat(m.body()).contains("retracts the threat information it shared under reference share-2026-0001")
                .contains("What changed and why: " + SampleData.retraction().reason())
                .doesNotContain("Corrected share", "Accounts (");
        assertThat(m.kind()).isEqualTo(MessageKind.THREAT_SHARE);
        assertThat(DisclosureVerifier.standard().verifyRendered(m.body(), MessageKind.THREAT_SHARE).allPresent())
                .isTrue();
    }

    @Test
    void correctionShowsTheCorrectedShareInPlaceOfTheOriginal() {
        RenderedMessage m = DisclosureRenderer.standard().renderAmendment(SampleData.correction(), Format.HTML);
        assertThat(m.body()).contains("The corrected share below replaces it.").contains("Accounts (2)")
                .contains("<li>ExampleSocial:100000002").doesNotContain("<li>ExampleSocial:100000003");
        assertThat(DisclosureVerifier.standard().verifyRendered(m.body(), MessageKind.THREAT_SHARE).allPresent())
                .isTrue();
    }
}

package org.fmishare.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.fmishare.core.compliance.ClauseIds;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.disclosure.internal.MandatoryClauses;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;

/**
 * Catalogue loading and locales. The test class path carries two fixture catalogues: {@code clauses_es.json}, a
 * complete Spanish catalogue used to exercise locale selection (a test fixture, not a reviewed translation), and
 * {@code clauses_fr.json}, which deliberately lacks {@code no-adverse-action}.
 */
class CatalogTest {

    @Test
    void englishCatalogueHasTheMandatoryClausesPerKindWithMatchingDigests() {
        ClauseCatalog en = ClauseCatalog.english();
        assertThat(en.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(en.mandatoryFor(MessageKind.THREAT_SHARE)).extracting(Disclosure::id)
                .containsExactly("no-request-no-obligation", "no-adverse-action", "voluntary-participation");
        assertThat(en.mandatoryFor(MessageKind.MEETING)).extracting(Disclosure::id)
                .containsExactly("voluntary-participation", "meeting-no-content-direction");
        assertThat(en.mandatoryFor(MessageKind.BRIEFING)).extracting(Disclosure::id)
                .containsExactly("voluntary-participation", "briefing-no-content-direction");
        for (MessageKind kind : MessageKind.values()) {
            for (Disclosure d : en.mandatoryFor(kind)) {
                assertThat(d.version()).isEqualTo(1);
                assertThat(d.digest()).isEqualTo(Disclosure.digestOf(d.text()));
            }
        }
        assertThat(ClauseCatalog.forLocale(Locale.US)).isSameAs(en);
        assertThat(ClauseCatalog.forLocale(Locale.ROOT)).isSameAs(en);
    }

    @Test
    void catalogueCoversExactlyTheCoreClauseIds() {
        // Core names the ids envelopes require; every one needs a mandatory text here, and nothing else may be one.
        assertThat(MandatoryClauses.versions().keySet()).containsExactlyElementsOf(ClauseIds.all());
    }

    @Test
    void englishClausesSayWhatThePrinciplesRequire() {
        ClauseCatalog en = ClauseCatalog.english();
        assertThat(en.clause("no-request-no-obligation").orElseThrow().text())
                .contains("not asking the company to take any action").contains("no obligation");
        assertThat(en.clause("no-adverse-action").orElseThrow().text())
                .contains("will not take any adverse action").contains("whether or how to respond");
        assertThat(en.clause("voluntary-participation").orElseThrow().text()).contains("entirely voluntary");
        assertThat(en.clause("meeting-no-content-direction").orElseThrow().text())
                .contains("will not direct or suggest").contains("content on its platforms");
    }

    @Test
    void anotherLocaleLoadsItsOwnCatalogueAndVerifierExpectsItsText() {
        ClauseCatalog es = ClauseCatalog.forLocale(Locale.forLanguageTag("es-MX"));
        assertThat(es.locale()).isEqualTo(Locale.forLanguageTag("es"));
        Disclosure voluntary = es.clause("voluntary-participation").orElseThrow();
        assertThat(voluntary.text()).startsWith("Esta interacción");
        DisclosureVerifier verifier = DisclosureVerifier.forCatalog(es);
        String english = DisclosureRenderer.standard().renderMeetingNotice(SampleData.meeting(), Format.TEXT).body();
        assertThat(verifier.verifyRendered(english, MessageKind.MEETING).problems()).hasSize(2);
        assertThat(verifier.verifyMachineReadable(es.mandatoryFor(MessageKind.MEETING), MessageKind.MEETING)
                .allPresent()).isTrue();
    }

    @Test
    void catalogueLackingAClauseIsAMissingTranslationNamingIt() {
        assertThatThrownBy(() -> ClauseCatalog.forLocale(Locale.FRENCH))
                .isInstanceOfSatisfying(DisclosureException.MissingTranslation.class, e -> {
                    assertThat(e.item()).isEqualTo("no-adverse-action");
                    assertThat(e.locale()).isEqualTo(Locale.FRENCH);
                    assertThat(e.isInputRejection()).isFalse();
                });
    }

    @Test
    void localeWithoutCatalogueIsAMissingTranslationNotAnEnglishFallback() {
        assertThatThrownBy(() -> ClauseCatalog.forLocale(Locale.GERMAN))
                .isInstanceOfSatisfying(DisclosureException.MissingTranslation.class,
                        e -> assertThat(e.item()).isEqualTo("catalogue"))
                .hasMessageContaining("clauses_de.json");
    }

    @Test
    void rendererForALocaleWithoutTemplatesIsAMissingTranslation() {
        assertThatThrownBy(() -> DisclosureRenderer.forLocale(Locale.forLanguageTag("es")))
                .isInstanceOf(DisclosureException.MissingTranslation.class)
                .hasMessageContaining("share-email");
    }

    @Test
    void agencyTemplateCheckedAgainstAnotherLocaleIsRefusedByTheBuilder() {
        ClauseCatalog es = ClauseCatalog.forLocale(Locale.forLanguageTag("es"));
        DisclosureTemplate t = DisclosureTemplate.of("es-share", Channel.SHARE_EMAIL, Format.TEXT,
                "{{clause.no-request-no-obligation}}\n{{clause.no-adverse-action}}\n{{clause.voluntary-participation}}",
                es);
        assertThatThrownBy(() -> DisclosureRenderer.builder().template(t).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("es-share");
        assertThat(List.of(t.channel(), t.format())).containsExactly(Channel.SHARE_EMAIL, Format.TEXT);
    }
}

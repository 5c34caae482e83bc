package org.fmishare.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AgencyTemplateTest {

    static String builtIn(Channel channel, Format format) {
        String resource = "org/fmishare/disclosure/templates/en/" + channel.baseName()
                + (format == Format.HTML ? ".html" : ".txt") + ".mustache";
        try (InputStream in = AgencyTemplateTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every channel, body format and mandatory clause of that channel's kind. */
    static Stream<Arguments> clausesPerTemplate() {
        List<Arguments> all = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            for (Format format : List.of(Format.TEXT, Format.HTML)) {
                for (Disclosure clause : ClauseCatalog.english().mandatoryFor(channel.kind())) {
                    all.add(Arguments.of(channel, format, clause.id()));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} without {2}")
    @MethodSource("clausesPerTemplate")
    void templateLackingAClauseIsRejectedNamingTheClause(Channel channel, Format format, String clauseId) {
        String source = builtIn(channel, format).replace("{{clause." + clauseId + "}}", "");
        assertThatThrownBy(() -> DisclosureTemplate.of("agency-" + channel.baseName(), channel, format, source))
                .isInstanceOfSatisfying(DisclosureException.TemplateRejected.class, e -> {
                    assertThat(e.clauseId()).contains(clauseId);
                    assertThat(e.templateName()).isEqualTo("agency-" + channel.baseName());
                    assertThat(e.getMessage()).contains(clauseId).contains("agency-" + channel.baseName());
                    assertThat(e.isInputRejection()).isTrue();
                });
    }

    @ParameterizedTest(name = "{0} {1} with {2} in a section")
    @MethodSource("clausesPerTemplate")
    void clauseThatDataCouldSwitchOffIsRejected(Channel channel, Format format, String clauseId) {
        String tag = "{{clause." + clauseId + "}}";
        for (String wrapped : List.of("{{#disclosures}}" + tag + "{{/disclosures}}",
                "{{^disclosures}}" + tag + "{{/disclosures}}")) {
            String source = builtIn(channel, format).replace(tag, wrapped);
            assertThatThrownBy(() -> DisclosureTemplate.of("t", channel, format, source))
                    .isInstanceOf(DisclosureException.TemplateRejected.class)
                    .hasMessageContaining(clauseId).hasMessageContaining("only inside a section");
        }
    }

    @ParameterizedTest(name = "{0} {1} with {2} hidden")
    @MethodSource("clausesPerTemplate")
    void clauseHiddenOrGluedInTheOutputIsRejectedByTheProbeRender(Channel channel, Format format, String clauseId) {
        String tag = "{{clause." + clauseId + "}}";
        List<String> disguises = format == Format.HTML
                ? List.of("<!-- " + tag + " -->", "<script>" + tag + "</script>", "x" + tag)
                : List.of("x" + tag, tag + "x");
        for (String disguise : disguises) {
            String source = builtIn(channel, format).replace(tag, disguise);
            assertThatThrownBy(() -> DisclosureTemplate.of("t", channel, format, source))
                    .as(disguise)
                    .isInstanceOfSatisfying(DisclosureException.TemplateRejected.class,
                            e -> assertThat(e.clauseId()).contains(clauseId));
        }
    }

    @Test
    void constructsThatBypassEscapingOrPullInOtherTextAreRejected() {
        String base = builtIn(Channel.SHARE_EMAIL, Format.TEXT);
        for (String construct : List.of("{{{share.narrative}}}", "{{&share.narrative}}", "{{=<% %>=}}",
                "{{>other}}", "{{<parent}}{{/parent}}", "{{$block}}{{/block}}", "{{ & share.narrative}}")) {
            assertThatThrownBy(() -> DisclosureTemplate.of("t", Channel.SHARE_EMAIL, Format.TEXT,
                    construct + "\n" + base))
                    .as(construct)
                    .isInstanceOf(DisclosureException.TemplateRejected.class)
                    .hasMessageContaining("line 1");
        }
    }

    @Test
    void invalidMustacheAndUnknownVariablesAreRejected() {
        String base = builtIn(Channel.SHARE_EMAIL, Format.TEXT);
        assertThatThrownBy(() -> DisclosureTemplate.of("t", Channel.SHARE_EMAIL, Format.TEXT,
                "{{#accounts}}\n" + base))
                .isInstanceOf(DisclosureException.TemplateRejected.class).hasMessageContaining("not valid Mustache");
        assertThatThrownBy(() -> DisclosureTemplate.of("t", Channel.SHARE_EMAIL, Format.TEXT,
                "{{share.secretField}}\n" + base))
                .isInstanceOf(DisclosureException.TemplateRejected.class).hasMessageContaining("share.secretField");
        assertThatThrownBy(() -> DisclosureTemplate.of("t", Channel.SHARE_EMAIL, Format.TEXT,
                "{{#nosuchlist}}x{{/nosuchlist}}\n" + base))
                .isInstanceOf(DisclosureException.TemplateRejected.class).hasMessageContaining("nosuchlist");
    }

    @Test
    void agencyTemplateFromAFileIsUsedAndStillChecked(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("agency-share.txt.mustache");
        Files.writeString(file, "AGENCY HEADER {{share.id}}\n\n{{clause.no-request-no-obligation}}\n\n"
                + "{{clause.no-adverse-action}}\n\n{{clause.voluntary-participation}}\n");
        DisclosureTemplate template = DisclosureTemplate.fromPath(file, Channel.SHARE_EMAIL, Format.TEXT,
                ClauseCatalog.english());
        DisclosureRenderer renderer = DisclosureRenderer.builder().template(template).build();
        RenderedMessage message = renderer.renderShare(SampleData.passingShare(), Format.TEXT);
        assertThat(message.body()).startsWith("AGENCY HEADER share-2026-0001\n");
        assertThat(DisclosureVerifier.standard().verifyRendered(message.body(), MessageKind.THREAT_SHARE)
                .allPresent()).isTrue();
        // The HTML body still comes from the built-in template.
        assertThat(renderer.renderShare(SampleData.passingShare(), Format.HTML).body()).startsWith("<!DOCTYPE html>");
        assertThatThrownBy(() -> DisclosureRenderer.builder().template(template).template(template))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("agency-share.txt.mustache");
    }

    @Test
    void classpathTemplateThatDoesNotExistIsRejectedByName() {
        assertThatThrownBy(() -> DisclosureTemplate.fromClasspath("agency/none.mustache",
                getClass().getClassLoader(), Channel.SHARE_EMAIL, Format.TEXT, ClauseCatalog.english()))
                .isInstanceOf(DisclosureException.TemplateRejected.class).hasMessageContaining("agency/none.mustache");
    }

    @Test
    void renderThatSpoilsAClauseOnlyForSomeDataFailsThePostRenderCheck() {
        // Passes the load checks (the probe share has an election, so the inverted section is empty), but for a
        // share without one the clause is glued to "x" and the post-render check refuses the output.
        DisclosureTemplate template = DisclosureTemplate.of("conditional", Channel.SHARE_EMAIL, Format.TEXT,
                builtIn(Channel.SHARE_EMAIL, Format.TEXT).replace("{{clause.no-adverse-action}}",
                        "{{^election}}x{{/election}}{{clause.no-adverse-action}}"));
        DisclosureRenderer renderer = DisclosureRenderer.builder().template(template).build();
        assertThat(renderer.renderShare(SampleData.passingShare(), Format.TEXT).disclosures()).hasSize(3);
        ThreatShare noElection = SampleData.passingShare().toBuilder().electionNexus(null).build();
        assertThatThrownBy(() -> renderer.renderShare(noElection, Format.TEXT))
                .isInstanceOfSatisfying(DisclosureException.RenderCheckFailed.class, e -> {
                    assertThat(e.getMessage()).contains("no-adverse-action");
                    assertThat(e.report().orElseThrow().problems()).extracting(ClauseResult::state)
                            .containsExactly(ClauseState.ALTERED);
                });
    }
}

package org.fmishare.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.json.JsonCodecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VerifierTest {

    static Stream<Arguments> rendersAndClauses() {
        List<Arguments> all = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            for (Format format : List.of(Format.TEXT, Format.HTML)) {
                RenderedMessage m = GoldenFilesTest.render(DisclosureRenderer.standard(), channel, format);
                for (Disclosure clause : m.disclosures()) {
                    all.add(Arguments.of(channel, format, m, clause));
                }
            }
        }
        return all.stream();
    }

    /** Every one-character substitution, insertion and deletion of a non-whitespace character of the clause. */
    static List<String> oneCharacterAlterations(String text) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= text.length(); i++) {
            out.add(text.substring(0, i) + "x" + text.substring(i));
            if (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                char replacement = text.charAt(i) == 'q' ? 'z' : 'q';
                out.add(text.substring(0, i) + replacement + text.substring(i + 1));
                out.add(text.substring(0, i) + text.substring(i + 1));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1} {3}")
    @MethodSource("rendersAndClauses")
    void everyOneCharacterAlterationOfAClauseIsReportedAltered(Channel channel, Format format, RenderedMessage m,
            Disclosure clause) {
        String shown = format == Format.HTML ? clause.text().replace("'", "&#39;") : clause.text();
        assertThat(m.body()).contains(shown);
        List<String> escaped = new ArrayList<>();
        for (String altered : oneCharacterAlterations(clause.text())) {
            String body = m.body().replace(shown, format == Format.HTML ? altered.replace("'", "&#39;") : altered);
            DisclosureReport report = DisclosureVerifier.standard().verifyRendered(body, channel.kind());
            ClauseResult result = report.clauses().stream().filter(r -> r.id().equals(clause.id())).findFirst()
                    .orElseThrow();
            if (result.state() != ClauseState.ALTERED || report.problems().size() != 1) {
                escaped.add(altered);
            }
        }
        assertThat(escaped).as("alterations the verifier did not report as the one ALTERED clause").isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} {3}")
    @MethodSource("rendersAndClauses")
    void removedClauseIsMissingAndOthersStayPresent(Channel channel, Format format, RenderedMessage m,
            Disclosure clause) {
        String shown = format == Format.HTML ? clause.text().replace("'", "&#39;") : clause.text();
        DisclosureReport report = DisclosureVerifier.standard().verifyRendered(m.body().replace(shown, ""),
                channel.kind());
        assertThat(report.problems()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(clause.id());
            assertThat(r.version()).isEqualTo(clause.version());
            assertThat(r.expectedDigest()).isEqualTo(clause.digest());
            assertThat(r.state()).isEqualTo(ClauseState.MISSING);
        });
        assertThatThrownBy(report::requireAllPresent)
                .isInstanceOf(DisclosureException.DisclosuresMissing.class).hasMessageContaining(clause.id());
    }

    @Test
    void whitespaceReflowIsDeliberatelyTolerated() {
        RenderedMessage m = DisclosureRenderer.standard().renderShare(org.fmishare.testkit.SampleData
                .passingShare(), Format.TEXT);
        String reflowed = m.body();
        for (Disclosure d : m.disclosures()) {
            reflowed = reflowed.replace(d.text(), "  " + d.text().replace(" ", "\r\n   \t") + "\n");
        }
        assertThat(DisclosureVerifier.standard().verifyRendered(reflowed, MessageKind.THREAT_SHARE).allPresent())
                .isTrue();
    }

    @Test
    void htmlCommentOrScriptDoesNotCountAsPresent() {
        String text = ClauseCatalog.english().clause("voluntary-participation").orElseThrow().text();
        String other = ClauseCatalog.english().clause("meeting-no-content-direction").orElseThrow().text();
        DisclosureReport report = DisclosureVerifier.standard().verifyRendered("<html><body><!-- " + text
                + " --><script>" + other + "</script></body></html>", MessageKind.MEETING);
        assertThat(report.clauses()).extracting(ClauseResult::state)
                .containsExactly(ClauseState.MISSING, ClauseState.MISSING);
        DisclosureReport plain = DisclosureVerifier.standard().verifyRendered("Note.\n" + text + "\n" + other,
                MessageKind.MEETING);
        assertThat(plain.allPresent()).isTrue();
    }

    @Test
    void machineReadableArrayIsCheckedByIdVersionAndDigest() {
        DisclosureVerifier v = DisclosureVerifier.standard();
        List<Disclosure> good = ClauseCatalog.english().mandatoryFor(MessageKind.THREAT_SHARE);
        assertThat(v.verifyMachineReadable(good, MessageKind.THREAT_SHARE).allPresent()).isTrue();

        Disclosure first = good.get(0);
        List<String> missed = new ArrayList<>();
        for (String altered : oneCharacterAlterations(first.text())) {
            List<Disclosure> changed = new ArrayList<>(good);
            changed.set(0, Disclosure.of(first.id(), first.version(), altered));
            if (v.verifyMachineReadable(changed, MessageKind.THREAT_SHARE).clauses().get(0).state()
                    != ClauseState.ALTERED) {
                missed.add(altered);
            }
        }
        assertThat(missed).isEmpty();

        List<Disclosure> newer = new ArrayList<>(good);
        newer.set(1, Disclosure.of(good.get(1).id(), 2, good.get(1).text()));
        assertThat(v.verifyMachineReadable(newer, MessageKind.THREAT_SHARE).problems()).singleElement()
                .satisfies(r -> assertThat(r.detail()).hasValueSatisfying(d -> assertThat(d).contains("version 2")));

        List<Disclosure> twice = new ArrayList<>(good);
        twice.add(good.get(2));
        assertThat(v.verifyMachineReadable(twice, MessageKind.THREAT_SHARE).problems()).singleElement()
                .extracting(ClauseResult::state).isEqualTo(ClauseState.ALTERED);

        assertThat(v.verifyMachineReadable(good.subList(0, 2), MessageKind.THREAT_SHARE).problems())
                .singleElement().extracting(ClauseResult::id).isEqualTo("voluntary-participation");
    }

    @Test
    void jsonWhoseDigestDoesNotMatchItsTextIsRejectedWithItsPath() {
        String json = DisclosureRenderer.standard().machineReadable(MessageKind.BRIEFING)
                .replace("entirely voluntary", "entirely voluntarily");
        assertThatThrownBy(() -> DisclosureJson.read(json))
                .isInstanceOfSatisfying(JsonCodecException.class,
                        e -> assertThat(e.getMessage()).contains("disclosures[0]").contains("digest"));
    }
}

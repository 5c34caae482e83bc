package org.fmishare.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in template in every format, rendered from the SDK's sample data, compared byte for byte with a
 * golden file under {@code src/test/resources/golden}. Run with {@code -Dfmishare.updateGolden=true} to rewrite
 * the files after a deliberate template change, then review the diff.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of(System.getProperty("fmishare.root", "."))
            .resolve("disclosure-templates/src/test/resources/golden");

    static Stream<Arguments> renders() {
        List<Arguments> all = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            for (Format format : Format.values()) {
                all.add(Arguments.of(channel, format));
            }
        }
        return all.stream();
    }

    static RenderedMessage render(DisclosureRenderer renderer, Channel channel, Format format) {
        return switch (channel) {
            case SHARE_EMAIL -> renderer.renderShare(SampleData.passingShare(), format);
            case MEETING_INVITATION -> renderer.renderMeetingInvitation(SampleData.adHocMeeting(), format);
            case MEETING_NOTICE -> renderer.renderMeetingNotice(SampleData.meeting(), format);
            case BRIEFING_SUMMARY -> renderer.renderBriefingSummary(SampleData.briefing(), format);
            case SHARE_AMENDMENT -> renderer.renderAmendment(SampleData.correction(), format);
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("renders")
    void builtInTemplateRendersSampleExactlyAsGoldenFile(Channel channel, Format format) throws IOException {
        RenderedMessage message = render(DisclosureRenderer.standard(), channel, format);
        String actual = "Subject: " + message.subject() + "\n\n" + message.body();
        Path file = GOLDEN.resolve(channel.baseName() + "." + format.name().toLowerCase(Locale.ROOT));
        if (Boolean.getBoolean("fmishare.updateGolden")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("renders")
    void everyRenderCarriesItsKindsClausesAndPassesTheVerifier(Channel channel, Format format) {
        RenderedMessage message = render(DisclosureRenderer.standard(), channel, format);
        assertThat(message.disclosures()).isEqualTo(ClauseCatalog.english().mandatoryFor(channel.kind()));
        DisclosureReport report = format == Format.JSON
                ? DisclosureVerifier.standard().verifyMachineReadable(DisclosureJson.read(message.body()),
                        channel.kind())
                : DisclosureVerifier.standard().verifyRendered(message.body(), channel.kind());
        assertThat(report.problems()).isEmpty();
        assertThat(report.requireAllPresent()).isSameAs(report);
    }

    @Test
    void machineReadableDocumentHasTheAgreedLayout() {
        String json = DisclosureRenderer.standard().machineReadable(MessageKind.MEETING);
        assertThat(json).startsWith("{\"disclosures\":[{\"id\":\"voluntary-participation\",\"version\":1,\"text\":\"");
        assertThat(DisclosureJson.read(json)).isEqualTo(ClauseCatalog.english().mandatoryFor(MessageKind.MEETING));
    }
}

package org.fmishare.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.Meeting;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.disclosure.Format;
import org.fmishare.disclosure.RenderedMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fmi-share render FILE}: renders a share, meeting or briefing with its mandatory disclosures. Every render is
 * checked afterwards: the exact clause texts are present, or the command fails.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a share (email body), meeting (invitation or notice) or briefing summary with its "
                + "mandatory disclosures.", footer = ExitCodes.HELP)
final class RenderCommand implements Callable<Integer> {
    /** Which meeting message to render. */
    enum MeetingMessage { invitation, notice }

    @Parameters(index = "0", paramLabel = "FILE", description = "The document (JSON), or - for standard input.")
    String file;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|html|json",
            description = "Output format: text, html, or json (the machine-readable disclosures). Default: text.")
    String format;

    @Option(names = "--meeting-message", defaultValue = "invitation",
            description = "For a meeting: invitation or notice. Default: invitation.")
    MeetingMessage meetingMessage;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Format f = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "text" -> Format.TEXT;
            case "html" -> Format.HTML;
            case "json" -> Format.JSON;
            default -> throw new CliException(ExitCodes.USAGE, "--format must be text, html or json, was '"
                    + format + "'");
        };
        Documents.Document doc = Documents.read(file, System.in);
        DisclosureRenderer renderer = DisclosureRenderer.standard();
        RenderedMessage m = switch (doc.kind()) {
            case SHARE -> renderer.renderShare(doc.share(), f);
            case MEETING -> meetingMessage == MeetingMessage.notice
                    ? renderer.renderMeetingNotice((Meeting) doc.value(), f)
                    : renderer.renderMeetingInvitation((Meeting) doc.value(), f);
            case BRIEFING -> renderer.renderBriefingSummary((Briefing) doc.value(), f);
        };
        PrintWriter out = spec.commandLine().getOut();
        if (f != Format.JSON) {
            out.println("Subject: " + m.subject());
            out.println();
        }
        out.println(m.body());
        return ExitCodes.OK;
    }
}

package org.fmishare.transport.email.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeContent;
import org.fmishare.core.model.SmcResponse;
import org.fmishare.disclosure.Channel;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.disclosure.DisclosureTemplate;
import org.fmishare.disclosure.Format;
import org.fmishare.disclosure.RenderedMessage;
import org.fmishare.transport.email.BodyRenderer;
import org.fmishare.transport.email.EmailBody;

/**
 * The standard {@link BodyRenderer}: renders the signed content the delivery carries with the disclosure
 * templates, which re-check every mandatory clause on each render.
 */
public final class ContentRenderer implements BodyRenderer {
    private static final String TEMPLATES = "org/fmishare/transport/email/templates/en/";
    private static volatile DisclosureRenderer emailTemplates;

    private final DisclosureRenderer renderer;

    private ContentRenderer(DisclosureRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * Creates the renderer.
     *
     * @param renderer the disclosure renderer
     * @return the renderer
     */
    public static ContentRenderer create(DisclosureRenderer renderer) {
        return new ContentRenderer(Objects.requireNonNull(renderer, "renderer"));
    }

    /** {@return the disclosure renderer with the email templates that put the clauses first} */
    public static DisclosureRenderer emailTemplates() {
        DisclosureRenderer r = emailTemplates;
        if (r == null) {
            r = DisclosureRenderer.builder()
                    .template(template(Channel.SHARE_EMAIL, Format.TEXT, "share-email.txt.mustache"))
                    .template(template(Channel.SHARE_EMAIL, Format.HTML, "share-email.html.mustache"))
                    .template(template(Channel.BRIEFING_SUMMARY, Format.TEXT, "briefing-summary.txt.mustache"))
                    .template(template(Channel.BRIEFING_SUMMARY, Format.HTML, "briefing-summary.html.mustache"))
                    .build();
            emailTemplates = r;
        }
        return r;
    }

    private static DisclosureTemplate template(Channel channel, Format format, String file) {
        String resource = TEMPLATES + file;
        try (InputStream in = ContentRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in email template " + resource + " is missing from the jar");
            }
            return DisclosureTemplate.of(resource, channel, format,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in email template " + resource, e);
        }
    }

    @Override
    public EmailBody render(EnvelopeContent content) {
        Objects.requireNonNull(content, "content");
        return content.body().match(
                s -> body(renderer.renderShare(s.share(), Format.TEXT), renderer.renderShare(s.share(), Format.HTML)),
                m -> body(renderer.renderMeetingNotice(m.meeting(), Format.TEXT),
                        renderer.renderMeetingNotice(m.meeting(), Format.HTML)),
                b -> body(renderer.renderBriefingSummary(b.briefing(), Format.TEXT),
                        renderer.renderBriefingSummary(b.briefing(), Format.HTML)),
                a -> body(renderer.renderAmendment(a.amendment(), Format.TEXT),
                        renderer.renderAmendment(a.amendment(), Format.HTML)),
                r -> receipt(content.sender().id(), r));
    }

    private static EmailBody body(RenderedMessage text, RenderedMessage html) {
        return new EmailBody(text.subject(), text.body(), html.body());
    }

    private static EmailBody receipt(String senderId, EnvelopeBody.Receipt receipt) {
        SmcResponse r = receipt.response();
        String ref = receipt.inReplyTo().envelopeId() + " (" + receipt.inReplyTo().digest() + ")";
        String text = "Signed receipt from " + senderId + "\n\n"
                + "In reply to envelope: " + ref + "\n"
                + "Share: " + r.shareId() + "\n"
                + "Response: " + r.kind() + ", recorded " + r.recordedAt() + "\n\n"
                + "The signed receipt is attached (application/jose+json).\n";
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Signed receipt"
                + "</title>\n</head>\n<body>\n<p>Signed receipt from " + Html.escape(senderId) + "</p>\n<ul>\n"
                + "<li>In reply to envelope: " + Html.escape(ref) + "</li>\n"
                + "<li>Share: " + Html.escape(r.shareId()) + "</li>\n"
                + "<li>Response: " + Html.escape(r.kind().name()) + ", recorded " + r.recordedAt() + "</li>\n"
                + "</ul>\n<p>The signed receipt is attached (application/jose+json).</p>\n</body>\n</html>\n";
        return new EmailBody("Receipt for share " + r.shareId(), text, html);
    }
}

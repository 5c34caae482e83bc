package org.fmishare.transport.email.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.ReplayCache;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.model.SmcResponse;
import org.fmishare.disclosure.Channel;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.disclosure.DisclosureTemplate;
import org.fmishare.disclosure.Format;
import org.fmishare.disclosure.RenderedMessage;
import org.fmishare.transport.email.BodyRenderer;
import org.fmishare.transport.email.EmailBody;
import org.fmishare.transport.email.EmailTransportException.BodyUnavailable;

/**
 * The standard {@link BodyRenderer}. Design note: the verifier's replay cache is replaced by one that always
 * answers "first use", because here the envelope is our own outgoing one and is verified only to read it back; a
 * retry must render the same body, not fail as a replay. Replay protection belongs to the receiver.
 */
public final class VerifiedContentRenderer implements BodyRenderer {
    private static final String TEMPLATES = "org/fmishare/transport/email/templates/en/";
    private static volatile DisclosureRenderer emailTemplates;

    private final EnvelopeVerifier verifier;
    private final DisclosureRenderer renderer;

    private VerifiedContentRenderer(EnvelopeVerifier verifier, DisclosureRenderer renderer) {
        this.verifier = verifier;
        this.renderer = renderer;
    }

    /**
     * Creates the renderer.
     *
     * @param anchors the sender's trust anchors
     * @param renderer the disclosure renderer
     * @return the renderer
     */
    public static VerifiedContentRenderer create(Collection<X509Certificate> anchors, DisclosureRenderer renderer) {
        Objects.requireNonNull(anchors, "senderTrustAnchors");
        Objects.requireNonNull(renderer, "renderer");
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("at least one sender trust anchor is required");
        }
        EnvelopeVerifier v = EnvelopeVerifier.builder().trustAnchors(List.copyOf(anchors)).anyRecipient()
                .replayCache(ReplayCache.senderSelfCheck()).build();
        return new VerifiedContentRenderer(v, renderer);
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
        try (InputStream in = VerifiedContentRenderer.class.getClassLoader().getResourceAsStream(resource)) {
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
    public EmailBody render(OutboundEnvelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        VerifiedEnvelope v;
        try {
            v = verifier.verify(envelope.serialized());
        } catch (EnvelopeException e) {
            if (e.check() == EnvelopeException.Check.DECRYPTION) {
                throw new BodyUnavailable("envelope " + envelope.envelopeId() + " is JWE-encrypted, so no readable "
                        + "body can be rendered from it; send the signed envelope and configure the recipient's "
                        + "S/MIME certificate to encrypt the whole email instead", e);
            }
            throw new BodyUnavailable("envelope " + envelope.envelopeId() + " does not verify against the "
                    + "sender's trust anchors (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        if (!v.envelopeId().equals(envelope.envelopeId())) {
            throw new BodyUnavailable("envelope metadata names " + envelope.envelopeId() + " but the signed "
                    + "payload is " + v.envelopeId(), null);
        }
        return switch (v.kind()) {
            case THREAT_SHARE -> body(renderer.renderShare(v.share().orElseThrow(), Format.TEXT),
                    renderer.renderShare(v.share().orElseThrow(), Format.HTML));
            case MEETING_NOTICE -> body(renderer.renderMeetingNotice(v.meetingNotice().orElseThrow(), Format.TEXT),
                    renderer.renderMeetingNotice(v.meetingNotice().orElseThrow(), Format.HTML));
            case BRIEFING_SUMMARY -> body(
                    renderer.renderBriefingSummary(v.briefingSummary().orElseThrow(), Format.TEXT),
                    renderer.renderBriefingSummary(v.briefingSummary().orElseThrow(), Format.HTML));
            case RECEIPT -> receipt(v);
        };
    }

    private static EmailBody body(RenderedMessage text, RenderedMessage html) {
        return new EmailBody(text.subject(), text.body(), html.body());
    }

    private static EmailBody receipt(VerifiedEnvelope v) {
        SmcResponse r = v.response().orElseThrow();
        String ref = v.inReplyTo().map(x -> x.envelopeId() + " (" + x.digest() + ")").orElse("?");
        String text = "Signed receipt from " + v.sender().id() + "\n\n"
                + "In reply to envelope: " + ref + "\n"
                + "Share: " + r.shareId() + "\n"
                + "Response: " + r.kind() + ", recorded " + r.recordedAt() + "\n\n"
                + "The signed receipt is attached (application/jose+json).\n";
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Signed receipt"
                + "</title>\n</head>\n<body>\n<p>Signed receipt from " + Html.escape(v.sender().id()) + "</p>\n<ul>\n"
                + "<li>In reply to envelope: " + Html.escape(ref) + "</li>\n"
                + "<li>Share: " + Html.escape(r.shareId()) + "</li>\n"
                + "<li>Response: " + Html.escape(r.kind().name()) + ", recorded " + r.recordedAt() + "</li>\n"
                + "</ul>\n<p>The signed receipt is attached (application/jose+json).</p>\n</body>\n</html>\n";
        return new EmailBody("Receipt for share " + r.shareId(), text, html);
    }
}

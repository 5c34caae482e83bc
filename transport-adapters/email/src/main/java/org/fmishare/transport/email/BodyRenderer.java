package org.fmishare.transport.email;

import java.security.cert.X509Certificate;
import java.util.Collection;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.transport.email.internal.VerifiedContentRenderer;

/**
 * Produces the human-readable body of the email that carries an envelope.
 *
 * <p>Why this exists: a {@link org.fmishare.core.transport.Transport} receives only the signed bytes and their
 * delivery metadata, never the model objects. The body must say what the envelope says, so the standard
 * implementation ({@link #fromVerifiedContent}) reads the content back out of the envelope through the core
 * {@link org.fmishare.core.envelope.EnvelopeVerifier}, configured with the sending office's own trust anchors,
 * and renders it with the disclosure templates. A body is thus never rendered from unverified or unsigned data,
 * and the disclosures the reader sees are those of the signed content.
 *
 * <p>Implementations must be thread-safe and must throw {@link EmailTransportException.BodyUnavailable} (which the
 * transport reports as a permanent failure) rather than return a body that does not match the envelope.
 */
@FunctionalInterface
public interface BodyRenderer {

    /**
     * Renders the body for an envelope.
     *
     * @param envelope the outbound envelope (signed, or as reloaded from the outbox)
     * @return the body
     * @throws EmailTransportException.BodyUnavailable when the envelope cannot be rendered
     */
    EmailBody render(OutboundEnvelope envelope);

    /**
     * The standard renderer with the built-in English email templates, which put the mandatory disclosure clauses
     * before the content (threat shares and briefing summaries; meeting notices already open with them).
     *
     * @param senderTrustAnchors the roots the sending office's own envelope certificates chain to
     * @return the renderer
     * @see #fromVerifiedContent(Collection, DisclosureRenderer)
     */
    static BodyRenderer fromVerifiedContent(Collection<X509Certificate> senderTrustAnchors) {
        return VerifiedContentRenderer.create(senderTrustAnchors, VerifiedContentRenderer.emailTemplates());
    }

    /**
     * A renderer that verifies each envelope against the sender's own trust anchors and renders its content with
     * the given disclosure renderer: threat shares with {@code renderShare}, meeting notices with
     * {@code renderMeetingNotice}, briefing summaries with {@code renderBriefingSummary}, and receipts with a short
     * fixed text. The verification accepts any recipient and does not consume the envelope's nonce, so a retry
     * renders the same body.
     *
     * <p>JWE-encrypted envelopes cannot be read here and are refused with {@link
     * EmailTransportException.BodyUnavailable}: for a confidential email, send the signed envelope and let the
     * transport S/MIME-encrypt the whole message to the recipient's certificate instead.
     *
     * @param senderTrustAnchors the roots the sending office's own envelope certificates chain to
     * @param renderer the disclosure renderer (its templates decide the clause placement)
     * @return the renderer
     * @throws IllegalArgumentException when no trust anchor is given
     */
    static BodyRenderer fromVerifiedContent(Collection<X509Certificate> senderTrustAnchors,
            DisclosureRenderer renderer) {
        return VerifiedContentRenderer.create(senderTrustAnchors, renderer);
    }
}

package org.fmishare.transport.email;

import org.fmishare.core.envelope.EnvelopeContent;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.transport.email.internal.ContentRenderer;

/**
 * Produces the human-readable body of the email that carries an envelope.
 *
 * <p>Why this exists: the body must say what the envelope says. A {@link org.fmishare.core.transport.Delivery}
 * carries the signed content ({@link EnvelopeContent}) as the signer built it, or as the outbox read it back from
 * the stored signed bytes (checked against the recorded digest), so the body is rendered from exactly the signed
 * content and disclosures, without the sender verifying its own envelope. Because the content is plaintext on the
 * sending side, JWE-encrypted envelopes get a readable body too.
 *
 * <p>Implementations must be thread-safe and must throw {@link EmailTransportException.BodyUnavailable} (which the
 * transport reports as a permanent failure) rather than return a body that does not match the envelope.
 */
@FunctionalInterface
public interface BodyRenderer {

    /**
     * Renders the body for an envelope's signed content.
     *
     * @param content the signed content of the outbound envelope
     * @return the body
     * @throws EmailTransportException.BodyUnavailable when the content cannot be rendered
     */
    EmailBody render(EnvelopeContent content);

    /**
     * The standard renderer with the built-in English email templates, which put the mandatory disclosure clauses
     * before the content (threat shares and briefing summaries; meeting notices already open with them).
     *
     * @return the renderer
     * @see #of(DisclosureRenderer)
     */
    static BodyRenderer standard() {
        return ContentRenderer.create(ContentRenderer.emailTemplates());
    }

    /**
     * A renderer that renders the signed content with the given disclosure renderer: threat shares with {@code
     * renderShare}, meeting notices with {@code renderMeetingNotice}, briefing summaries with {@code
     * renderBriefingSummary}, and receipts with a short fixed text.
     *
     * @param renderer the disclosure renderer (its templates decide the clause placement)
     * @return the renderer
     */
    static BodyRenderer of(DisclosureRenderer renderer) {
        return ContentRenderer.create(renderer);
    }
}

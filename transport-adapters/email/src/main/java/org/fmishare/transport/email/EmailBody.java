package org.fmishare.transport.email;

import java.util.Objects;
import org.fmishare.transport.email.internal.HeaderSafety;

/**
 * The human-readable part of an outbound message: a subject and the same content as plain text and as HTML
 * ({@code multipart/alternative}).
 *
 * @param subject the subject line; must pass the transport's header rules (no line breaks, controls, bidi or
 *     invisible characters, no {@code =?}; at most 200 characters)
 * @param text the plain-text body
 * @param html the HTML body (a complete document)
 */
public record EmailBody(String subject, String text, String html) {
    /**
     * Validates.
     *
     * @throws EmailTransportException.HeaderRejected naming {@code subject} when the subject is unsafe
     * @throws IllegalArgumentException when a body is blank
     */
    public EmailBody {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        HeaderSafety.requireSafeText("subject", subject);
        if (text.isBlank() || html.isBlank()) {
            throw new IllegalArgumentException("text and html bodies must not be blank");
        }
    }
}

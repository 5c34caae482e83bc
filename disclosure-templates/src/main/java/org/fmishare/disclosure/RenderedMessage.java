package org.fmishare.disclosure;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.fmishare.core.compliance.Disclosure;

/**
 * The output of one render, already checked: every clause in {@link #disclosures()} is present in {@link #body()}.
 *
 * @param kind the message kind
 * @param format the body's format
 * @param locale the locale of the clause texts
 * @param subject a header-safe subject line (no control characters, no line breaks, at most
 *     {@value #MAX_SUBJECT_LENGTH} characters)
 * @param body the body: plain text, an HTML document or the JSON disclosures document
 * @param disclosures the mandatory clauses included, as carried in the machine-readable form
 */
public record RenderedMessage(MessageKind kind, Format format, Locale locale, String subject, String body,
        List<Disclosure> disclosures) {
    /** The longest subject line accepted, well inside the 998-character line limit of RFC 5322. */
    public static final int MAX_SUBJECT_LENGTH = 200;

    /** Checks that nothing is null, that the subject is header-safe, and copies the list. */
    public RenderedMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        disclosures = List.copyOf(Objects.requireNonNull(disclosures, "disclosures"));
        if (subject.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("subject must not contain control characters or line breaks");
        }
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            throw new IllegalArgumentException("subject must be at most " + MAX_SUBJECT_LENGTH
                    + " characters, was " + subject.length());
        }
        if (disclosures.isEmpty()) {
            throw new IllegalArgumentException("a rendered " + kind + " message carries at least one disclosure");
        }
    }
}

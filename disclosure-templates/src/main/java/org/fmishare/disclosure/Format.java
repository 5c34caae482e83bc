package org.fmishare.disclosure;

/** The output formats of a rendered message; each has its own escaping rules for inserted values. */
public enum Format {
    /**
     * Plain text: inserted values have every line break (CRLF, CR, NEL, U+2028, U+2029) normalised to LF, and
     * control and bidirectional-override characters removed. Output lines end in LF.
     */
    TEXT,
    /**
     * HTML: inserted values are entity-escaped ({@code & < > " ' ` = { }}) after the plain-text clean-up, so no
     * value can open a tag, an attribute or a client-side template expression.
     */
    HTML,
    /**
     * The machine-readable {@code {"disclosures":[{"id","version","text","digest"}]}} document carried in the
     * signed envelope.
     */
    JSON
}

package org.fmishare.disclosure.internal;

import com.samskivert.mustache.Mustache;

/**
 * Per-format escaping of every value a template inserts, installed as JMustache's escaper so no variable can
 * bypass it (templates may not use unescaped tags).
 *
 * <p>All formats first apply {@link #cleanText(String)}: line breaks normalised to LF, C0/C1 control characters
 * (other than tab and LF) and bidirectional embedding/override/isolate characters removed, so a value cannot forge
 * extra lines in a header or reorder what a reader sees.
 */
public final class Escaping {
    /** Plain-text bodies. */
    public static final Mustache.Escaper TEXT = Escaping::cleanText;
    /** HTML bodies. */
    public static final Mustache.Escaper HTML = Escaping::html;
    /** Single-line header values such as an email subject. */
    public static final Mustache.Escaper HEADER = Escaping::header;

    private Escaping() {}

    /**
     * @param raw any value
     * @return the value with LF line breaks and without control or bidi-override characters
     */
    public static String cleanText(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                out.append('\n');
            } else if (c == '\t') {
                out.append(c);
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c)) {
                continue;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e'
                || c == '\u200f' || c == '\u061c';
    }

    /**
     * @param raw any value
     * @return the cleaned value with HTML-significant characters as character references
     */
    public static String html(String raw) {
        String clean = cleanText(raw);
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '`' -> out.append("&#96;");
                case '=' -> out.append("&#61;");
                // Braces too, so a value cannot become a client-side template expression in a web mail viewer.
                case '{' -> out.append("&#123;");
                case '}' -> out.append("&#125;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * @param raw any value
     * @return the cleaned value on one line: every run of whitespace (including line breaks) one space, trimmed
     */
    public static String header(String raw) {
        return cleanText(raw).replaceAll("\\s+", " ").strip();
    }
}

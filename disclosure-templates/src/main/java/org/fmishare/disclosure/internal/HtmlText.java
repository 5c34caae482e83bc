package org.fmishare.disclosure.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the text a reader sees from an HTML message, for clause matching.
 *
 * <p>Design note: this is deliberately not a general HTML parser. It removes what a mail client does not show as
 * body text (comments, {@code head}, {@code script}, {@code style}, {@code template}, {@code noscript},
 * {@code title}), replaces every remaining tag by a space and decodes character references. A clause hidden in a
 * comment or a script therefore counts as missing. Hiding with CSS ({@code display:none}) is not detected; that is
 * documented as a limitation of agency-supplied HTML templates.
 */
public final class HtmlText {
    private static final Pattern COMMENT = Pattern.compile("<!--.*?(-->|\\z)", Pattern.DOTALL);
    private static final Pattern HIDDEN_ELEMENT = Pattern.compile(
            "<(head|script|style|template|noscript|title)\\b[^>]*>.*?(</\\1\\s*>|\\z)",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[!/?a-zA-Z][^>]*>?");
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ", "rsquo", "\u2019", "lsquo", "\u2018", "ldquo", "\u201c", "rdquo", "\u201d");
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("\\A[\\s\\uFEFF]*<(!doctype|html|head|body|[a-z]+[\\s>/])",
            Pattern.CASE_INSENSITIVE);

    private HtmlText() {}

    /**
     * Whether a message is treated as HTML: it starts (after whitespace) with a doctype or an element tag.
     *
     * @param message the message
     * @return true for HTML
     */
    public static boolean looksLikeHtml(String message) {
        return LOOKS_LIKE_HTML.matcher(message).lookingAt();
    }

    /**
     * @param html an HTML document or fragment
     * @return its visible text, unnormalised
     */
    public static String visibleText(String html) {
        String s = COMMENT.matcher(html).replaceAll(" ");
        s = HIDDEN_ELEMENT.matcher(s).replaceAll(" ");
        s = TAG.matcher(s).replaceAll(" ");
        return decode(s);
    }

    private static String decode(String s) {
        Matcher m = REFERENCE.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String ref = m.group(1);
            String replacement;
            if (ref.startsWith("#x") || ref.startsWith("#X")) {
                replacement = codePoint(Integer.parseInt(ref.substring(2), 16), m.group());
            } else if (ref.startsWith("#")) {
                replacement = codePoint(Integer.parseInt(ref.substring(1)), m.group());
            } else {
                replacement = NAMED.getOrDefault(ref.toLowerCase(Locale.ROOT), m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace('\u00a0', ' ');
    }

    private static String codePoint(int cp, String original) {
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : original;
    }
}

package org.fmishare.transport.email.internal;

import org.fmishare.transport.email.EmailTransportException.HeaderRejected;

/**
 * The rules every value must pass before it reaches a header or an SMTP command. Design note: values are refused,
 * never repaired: silently stripping a CR/LF would hide an attack from the caller's logs.
 */
public final class HeaderSafety {
    /** Longest subject accepted (characters), well inside RFC 5322's 998-octet line limit after RFC 2047 encoding. */
    public static final int MAX_SUBJECT = 200;

    private HeaderSafety() {}

    /**
     * Accepts only printable ASCII without space (0x21 to 0x7e): addresses and identifiers.
     *
     * @param field the field name for the error
     * @param value the value
     */
    public static void requireAsciiPrintable(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new HeaderRejected(field, "contains a line break (CR or LF) at index " + i);
            }
            if (c < 0x21 || c > 0x7e) {
                throw new HeaderRejected(field, String.format("contains U+%04X at index %d; only printable ASCII "
                        + "without spaces is allowed", (int) c, i));
            }
        }
    }

    /**
     * Accepts a subject line: 1 to {@value #MAX_SUBJECT} characters of well-formed Unicode text without control
     * characters (C0, DEL, C1), Unicode line and paragraph separators, bidirectional controls, zero-width or
     * invisible format characters, and without pre-encoded RFC 2047 words ({@code =?}), which this transport
     * produces itself.
     *
     * @param field the field name for the error
     * @param value the subject
     */
    public static void requireSafeText(String field, String value) {
        if (value.isBlank()) {
            throw new HeaderRejected(field, "must not be blank");
        }
        if (value.length() > MAX_SUBJECT) {
            throw new HeaderRejected(field, "longer than " + MAX_SUBJECT + " characters");
        }
        if (value.contains("=?")) {
            throw new HeaderRejected(field, "contains '=?' (pre-encoded RFC 2047 words are refused)");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new HeaderRejected(field, "contains a line break (CR or LF) at index " + i);
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int cp = value.codePointAt(i);
                    if (Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.PRIVATE_USE) {
                        throw new HeaderRejected(field, String.format("contains U+%X at index %d", cp, i));
                    }
                    i++;
                    continue;
                }
                throw new HeaderRejected(field, "contains an unpaired surrogate at index " + i);
            }
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED) {
                throw new HeaderRejected(field, String.format("contains U+%04X at index %d (control, format, "
                        + "separator or unassigned characters are refused)", (int) c, i));
            }
        }
    }
}

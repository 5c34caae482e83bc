package org.fmishare.sop;

import java.util.Objects;

/**
 * A stretch of a free-text field, such as the sentence a coercion finding objects to.
 *
 * @param start index of the first character (UTF-16 code units, as {@link String#substring(int, int)} counts)
 * @param end index after the last character
 * @param text the characters in the span, exactly as they appear in the field
 */
public record TextSpan(int start, int end, String text) {
    /** Checks that the span is well formed and that the text has its length. */
    public TextSpan {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span must satisfy 0 <= start <= end, was [" + start + ", " + end
                    + ")");
        }
        if (text.length() != end - start) {
            throw new IllegalArgumentException("span text has " + text.length() + " characters, span covers "
                    + (end - start));
        }
    }

    /**
     * The span of {@code source} from {@code start} to {@code end}.
     *
     * @param source the whole field text
     * @param start first index
     * @param end index after the last
     * @return the span
     * @throws IndexOutOfBoundsException when the range is not within {@code source}
     */
    public static TextSpan of(String source, int start, int end) {
        Objects.requireNonNull(source, "source");
        return new TextSpan(start, end, source.substring(start, end));
    }
}

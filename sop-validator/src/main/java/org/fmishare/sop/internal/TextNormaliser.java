package org.fmishare.sop.internal;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.UnicodeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Prepares text for the coercion linter so that spelling tricks cannot hide a word from it: default-ignorable code
 * points (soft hyphen, zero-width space and joiners) are dropped, compatibility forms are folded (NFKC: full-width
 * letters), and a letter from another script that is confusable with a Latin letter (Cyrillic "о" for "o") is
 * replaced by its Unicode confusable skeleton inside words that are otherwise Latin. It also reports control and
 * bidirectional-formatting characters, which no text field may carry: renderers strip them, so the signed payload
 * and the message the company reads would differ. Built on ICU4J. Immutable and thread-safe. Not API.
 */
public final class TextNormaliser {
    /** Bidi controls: embeddings and overrides, isolates, the marks LRM, RLM and ALM. */
    private static final UnicodeSet BIDI = new UnicodeSet("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]")
            .freeze();
    private static final UnicodeSet IGNORABLE = new UnicodeSet("[:Default_Ignorable_Code_Point:]").freeze();
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

    /** A forbidden character at {@code index} of the original text. */
    public record BadChar(int index, int codePoint, boolean bidi) {}

    /**
     * The normalised text and, for each of its chars, the index of the original char it came from.
     *
     * @param text the normalised text
     * @param origin origin index per char of {@code text} (length {@code text.length() + 1}; the last entry is the
     *     original length)
     */
    public record Normalised(String text, int[] origin) {
        /** Checks the map has one entry per char plus the end. */
        public Normalised {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(origin, "origin");
            if (origin.length != text.length() + 1) {
                throw new IllegalArgumentException("origin map has the wrong length");
            }
        }
    }

    private TextNormaliser() {}

    /**
     * Control characters (C0 and C1, except tab, line feed and carriage return) and bidi controls.
     *
     * @param text the original text
     * @return every forbidden character, in order
     */
    public static List<BadChar> forbidden(String text) {
        List<BadChar> out = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean control = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
            if (control || BIDI.contains(cp)) {
                out.add(new BadChar(i, cp, !control));
            }
            i += Character.charCount(cp);
        }
        return out;
    }

    /**
     * Normalises for checking (never for display).
     *
     * @param text the original text
     * @return the normalised text with its offset map
     */
    public static Normalised normalise(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        List<Integer> origin = new ArrayList<>(text.length() + 1);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (IGNORABLE.contains(cp) || BIDI.contains(cp)
                    || (Character.getType(cp) == Character.CONTROL && cp != '\t' && cp != '\n' && cp != '\r')) {
                i += n;
                continue;
            }
            String folded = cp < 0x80 ? new String(Character.toChars(cp)) : NFKC.normalize(new String(
                    Character.toChars(cp)));
            for (int k = 0; k < folded.length(); k++) {
                sb.append(folded.charAt(k));
                origin.add(i);
            }
            i += n;
        }
        origin.add(text.length());
        String folded = deconfuse(sb.toString(), origin);
        int[] map = new int[origin.size()];
        for (int k = 0; k < map.length; k++) {
            map[k] = origin.get(k);
        }
        return new Normalised(folded, map);
    }

    /** Replaces confusable letters inside words that are Latin apart from them; keeps the offset map in step. */
    private static String deconfuse(String s, List<Integer> origin) {
        StringBuilder out = new StringBuilder(s.length());
        List<Integer> map = new ArrayList<>(origin.size());
        int i = 0;
        while (i < s.length()) {
            if (!Character.isLetter(s.charAt(i))) {
                out.append(s.charAt(i));
                map.add(origin.get(i));
                i++;
                continue;
            }
            int j = i;
            while (j < s.length() && (Character.isLetter(s.charAt(j)) || Character.getType(s.charAt(j))
                    == Character.NON_SPACING_MARK)) {
                j++;
            }
            String word = s.substring(i, j);
            boolean hasAscii = word.chars().anyMatch(c -> c < 0x80);
            boolean hasOther = word.chars().anyMatch(c -> c >= 0x80);
            StringBuilder mapped = new StringBuilder();
            List<Integer> mappedOrigin = new ArrayList<>();
            boolean allAscii = true;
            for (int k = i; k < j; k++) {
                char c = s.charAt(k);
                String skel = c < 0x80 ? String.valueOf(c) : SPOOF.getSkeleton(String.valueOf(c));
                if (!skel.chars().allMatch(x -> x < 0x80 && Character.isLetter(x))) {
                    allAscii = false;
                }
                for (int q = 0; q < skel.length(); q++) {
                    mapped.append(skel.charAt(q));
                    mappedOrigin.add(origin.get(k));
                }
            }
            // Only mixed-script words are rewritten: a word wholly in another script is text in another language,
            // which the language check must see as it is.
            if (hasAscii && hasOther && allAscii) {
                out.append(mapped);
                map.addAll(mappedOrigin);
            } else {
                out.append(word);
                for (int k = i; k < j; k++) {
                    map.add(origin.get(k));
                }
            }
            i = j;
        }
        map.add(origin.get(s.length()));
        origin.clear();
        origin.addAll(map);
        return out.toString();
    }
}

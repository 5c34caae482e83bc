package org.fmishare.sop.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The answers {@link ActClasses} needs from WordNet, derived once at build time from extJWNL and its WordNet 3.1
 * data and bundled as two small resources, so that a process never loads the 37 MB dictionary to lint a share.
 * Loading the dictionary was most of the command line's start-up (the data files are read whole into memory);
 * these tables load in milliseconds.
 *
 * <ul>
 * <li>{@value #ACT_CLASSES}: every verb of WordNet's index ({@code V lemma}, or {@code R lemma} when
 *     {@link ActClasses#derivedRemovalVerb} holds for it), and every noun for which
 *     {@link ActClasses#derivedRemovalNoun} holds ({@code N lemma}); lemmas in WordNet's index form, lower case,
 *     {@code _} between the words of a multi-word lemma;
 * <li>{@value #ENGLISH_WORDS}: every word of letters and apostrophes for which extJWNL's
 *     {@code lookupAllIndexWords} (the lemma or any inflection WordNet's morphology undoes) finds an entry, one per
 *     line, sorted. A word of that shape that is not listed has no entry: the list holds every candidate that an
 *     index lemma or exception form and a suffix rule can produce (see the test that derives it).
 * </ul>
 *
 * <p>Both are written and checked by {@code WordNetTablesTest} (test scope), which derives them again from extJWNL
 * and requires the bundled files to be equal; regenerate with {@code -Dfmishare.wordnetTables.write=true} (see that
 * test) after changing the roots or limits in {@link ActClasses}. Each table is loaded on first use by the
 * class-holder idiom. Immutable and thread-safe. Not API.
 */
final class WordNetTables {
    /** Verb index and the removal classes. */
    static final String ACT_CLASSES = "/org/fmishare/sop/internal/wordnet-act-classes.txt";
    /** Words with a WordNet entry in some inflection. */
    static final String ENGLISH_WORDS = "/org/fmishare/sop/internal/wordnet-english-words.txt.gz";

    private WordNetTables() {}

    private static final class Acts {
        static final Set<String> VERBS = new HashSet<>();
        static final Set<String> REMOVAL_VERBS = new HashSet<>();
        static final Set<String> REMOVAL_NOUNS = new HashSet<>();

        static {
            String text = new String(read(ACT_CLASSES, false), StandardCharsets.UTF_8);
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf('\n', start);
                end = end < 0 ? text.length() : end;
                if (end - start > 2 && text.charAt(start) != '#') {
                    String lemma = text.substring(start + 2, end);
                    switch (text.charAt(start)) {
                        case 'V' -> VERBS.add(lemma);
                        case 'R' -> {
                            VERBS.add(lemma);
                            REMOVAL_VERBS.add(lemma);
                        }
                        case 'N' -> REMOVAL_NOUNS.add(lemma);
                        default -> throw new IllegalStateException(ACT_CLASSES + ": unknown line kind at offset "
                                + start);
                    }
                }
                start = end + 1;
            }
        }
    }

    private static final class English {
        static final byte[] WORDS = read(ENGLISH_WORDS, true);
        /** Offset of each line's first byte, plus one past the last line's newline. */
        static final int[] STARTS = lineStarts(WORDS);
    }

    /**
     * Whether WordNet's verb index holds the lemma.
     *
     * @param indexKey lower case, trimmed, words joined by {@code _}
     * @return whether it is a verb lemma
     */
    static boolean verb(String indexKey) {
        return Acts.VERBS.contains(indexKey);
    }

    /**
     * Whether the verb lemma is in the removal class.
     *
     * @param indexKey lower case, trimmed, words joined by {@code _}
     * @return whether it acts against its object
     */
    static boolean removalVerb(String indexKey) {
        return Acts.REMOVAL_VERBS.contains(indexKey);
    }

    /**
     * Whether the noun lemma names such an act.
     *
     * @param indexKey lower case, trimmed, words joined by {@code _}
     * @return whether it is in the removal class
     */
    static boolean removalNoun(String indexKey) {
        return Acts.REMOVAL_NOUNS.contains(indexKey);
    }

    /**
     * Whether the table answers for this word: one or more of {@code a-z} and the straight apostrophe, the shape
     * extJWNL's tokenizer keeps as one token. Other words are answered by the dictionary itself.
     *
     * @param word a lower-case word
     * @return whether {@link #englishWord} may be asked
     */
    static boolean coversWord(String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if ((c < 'a' || c > 'z') && c != '\'') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether extJWNL finds an index word for the word in any part of speech, inflections included.
     *
     * @param word a word for which {@link #coversWord} holds
     * @return whether it is listed
     */
    static boolean englishWord(String word) {
        byte[] words = English.WORDS;
        int[] starts = English.STARTS;
        int lo = 0;
        int hi = starts.length - 2;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(words, starts[mid], starts[mid + 1] - 1, word);
            if (c == 0) {
                return true;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return false;
    }

    /** Compares the ASCII line {@code words[from, to)} with {@code word}, as {@link String#compareTo} would. */
    private static int compare(byte[] words, int from, int to, String word) {
        int n = Math.min(to - from, word.length());
        for (int i = 0; i < n; i++) {
            int d = (words[from + i] & 0xFF) - word.charAt(i);
            if (d != 0) {
                return d;
            }
        }
        return (to - from) - word.length();
    }

    private static int[] lineStarts(byte[] bytes) {
        int lines = 0;
        for (byte b : bytes) {
            lines += b == '\n' ? 1 : 0;
        }
        int[] starts = new int[lines + 1];
        int k = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (i == 0 || bytes[i - 1] == '\n') {
                if (k < lines) {
                    starts[k++] = i;
                }
            }
        }
        starts[lines] = bytes.length;
        return starts;
    }

    private static byte[] read(String resource, boolean gzip) {
        try (InputStream raw = WordNetTables.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("WordNet table " + resource + " is not on the class path");
            }
            try (InputStream in = gzip ? new GZIPInputStream(raw, 64 * 1024) : raw) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read WordNet table " + resource, e);
        }
    }
}

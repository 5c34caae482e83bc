package org.fmishare.disclosure.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.disclosure.ClauseResult;
import org.fmishare.disclosure.ClauseState;

/**
 * Finds one clause in a message's normalised text.
 *
 * <p>Design note. A clause is {@code PRESENT} when its normalised text occurs as a standalone passage: preceded and
 * followed by whitespace (or a tag, which extraction turns into whitespace) or the message boundary. The boundary
 * rule is what makes a one-character insertion just before or after the clause detectable, since otherwise
 * {@code "xWe are..."} would still contain the clause.
 *
 * <p>When there is no exact passage, the matcher decides between {@code ALTERED} and {@code MISSING} with word
 * shingles: it slides a window the clause's length over the message's words and counts how many of the window's
 * three-word sequences also occur in the clause. At least half means someone edited the clause; less means it is
 * absent. This is linear in the message length, so large shares (thousands of accounts) stay cheap.
 */
public final class ClauseMatcher {
    private static final int SHINGLE = 3;
    private static final double ALTERED_THRESHOLD = 0.5;
    private static final int DETAIL_LIMIT = 400;

    private ClauseMatcher() {}

    /**
     * @param normalisedMessage the message text after {@link Disclosure#normalise(String)}
     * @param clause the expected clause
     * @return the finding
     */
    public static ClauseResult find(String normalisedMessage, Disclosure clause) {
        String needle = Disclosure.normalise(clause.text());
        boolean joined = false;
        for (int at = normalisedMessage.indexOf(needle); at >= 0; at = normalisedMessage.indexOf(needle, at + 1)) {
            int end = at + needle.length();
            boolean before = at == 0 || normalisedMessage.charAt(at - 1) == ' ';
            boolean after = end == normalisedMessage.length() || normalisedMessage.charAt(end) == ' ';
            if (before && after) {
                return result(clause, ClauseState.PRESENT, null);
            }
            joined = true;
        }
        if (joined) {
            return result(clause, ClauseState.ALTERED, "the clause text is joined to adjacent characters;"
                    + " it must stand apart, separated by whitespace");
        }
        String[] clauseWords = needle.split(" ");
        String[] words = normalisedMessage.isEmpty() ? new String[0] : normalisedMessage.split(" ");
        int k = Math.min(SHINGLE, clauseWords.length);
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + k <= clauseWords.length; i++) {
            shingles.add(shingle(clauseWords, i, k));
        }
        int windowShingles = clauseWords.length - k + 1;
        int positions = words.length - k + 1;
        if (positions <= 0) {
            return result(clause, ClauseState.MISSING, "the message has no passage resembling the clause");
        }
        boolean[] hit = new boolean[positions];
        for (int i = 0; i < positions; i++) {
            hit[i] = shingles.contains(shingle(words, i, k));
        }
        int best = 0;
        int bestStart = 0;
        int sum = 0;
        for (int i = 0; i < positions; i++) {
            sum += hit[i] ? 1 : 0;
            if (i >= windowShingles) {
                sum -= hit[i - windowShingles] ? 1 : 0;
            }
            if (sum > best) {
                best = sum;
                bestStart = Math.max(0, i - windowShingles + 1);
            }
        }
        if (best >= Math.ceil(windowShingles * ALTERED_THRESHOLD)) {
            int from = bestStart;
            int to = Math.min(words.length, bestStart + clauseWords.length + 1);
            String passage = String.join(" ", List.of(words).subList(from, to));
            if (passage.length() > DETAIL_LIMIT) {
                passage = passage.substring(0, DETAIL_LIMIT) + "...";
            }
            return result(clause, ClauseState.ALTERED, "a passage matches " + best + " of " + windowShingles
                    + " word sequences of the clause but differs from its canonical text: \"" + passage + "\"");
        }
        return result(clause, ClauseState.MISSING, "the message has no passage resembling the clause");
    }

    private static String shingle(String[] words, int from, int k) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + k; i++) {
            sb.append(words[i]).append('\u0000');
        }
        return sb.toString();
    }

    private static ClauseResult result(Disclosure clause, ClauseState state, String detail) {
        return new ClauseResult(clause.id(), clause.version(), clause.digest(), state, Optional.ofNullable(detail));
    }
}

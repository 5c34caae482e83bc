package org.fmishare.sop.internal;

import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fmishare.sop.Severity;

/**
 * Finds sentences that request, demand or suggest that a company act on content or accounts.
 *
 * <p>Design note. A word list cannot tell "please remove these accounts" from "we are not asking you to remove
 * these accounts", so the linter does a small rule-based analysis per sentence:
 * <ol>
 * <li>split the text into sentences ({@link BreakIterator}, plus line breaks), keeping offsets for the finding;
 * <li>normalise each sentence (NFC, straight quotes, lower case, contractions expanded: "we'd" becomes
 *     "we would", "don't" becomes "do not") and cut it into words and the boundary marks {@code , ; :};
 * <li>drop benign phrases ("please note", "restricted to") so their words cannot act as frames;
 * <li>find content <em>actions</em> in any form (remove, removal, be removed, taken down, take appropriate
 *     action); a sentence without one is clean;
 * <li>find <em>directive frames</em> (please, "we expect you to", "you should", "should be", "would be
 *     appreciated", deadlines, threats) that stand in the right position relative to an action, and imperatives
 *     (an action's base form at the start of a clause);
 * <li>cancel a frame that a negator governs: a negator ("not", "never", "nothing", "whether") at most
 *     {@code negationWindow} words before the frame with no boundary ({@code , ; :}, "and", "but"; a negator distributes over "or") between;
 * <li>weigh: an EXPLICIT frame is an ERROR; a SOFT frame (suggest, consider, would appreciate) is an ERROR unless
 *     the sentence also disclaims ("at your sole discretion", "entirely your decision"), then REVIEW.
 * </ol>
 * A lexicon hit is kept only if {@link SpeechActAnalyser#clearsLexicon} does not clear the sentence's structure
 * (a disclaimer, a third party's words or acts, a forecast, the sender's own message or obligation), and quotations
 * are masked before the lexicon reads the sentence. A sentence that neither clears nor flags is finally scored by
 * {@link CoercionClassifier}; a probable coercive act is REVIEW.
 * Every list lives in the rule set's lexicon, so an agency can extend it without a code change. Instances are
 * immutable and thread-safe. Not API.
 */
public final class CoercionLinter {
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+(?:['-][a-z0-9]+)*|[,;:]");
    private static final Set<String> BOUNDARIES = Set.of(",", ";", ":", "and", "but");
    private static final Set<String> CLAUSE_MARKS = Set.of(";", ":");
    private static final int MAX_GAP = 3;
    private static final String[][] CONTRACTIONS = {
        {"won't", "will not"}, {"can't", "can not"}, {"cannot", "can not"}, {"shan't", "shall not"},
        {"n't", " not"}, {"let's", "let us"}, {"it's", "it is"}, {"that's", "that is"}, {"there's", "there is"},
        {"what's", "what is"}, {"'d", " would"}, {"'re", " are"}, {"'ll", " will"}, {"'ve", " have"}, {"'m", " am"}
    };

    /** What a hit objects to. */
    public enum Kind {
        /** A directive, request or consequence: the sentence asks or pressures the company to act. */
        DIRECTIVE,
        /** A control or bidirectional-formatting character, which no text field may carry. */
        CHARACTER,
        /** Text in a language, or a mix of scripts, that the English linter cannot read. */
        UNREADABLE
    }

    /**
     * One objectionable sentence (or character).
     *
     * @param start first index in the original text
     * @param end index after the last, in the original text
     * @param severity ERROR or REVIEW
     * @param frame what was recognised
     * @param action the act against content it governs, or a description
     * @param kind what the hit objects to
     */
    public record Hit(int start, int end, Severity severity, String frame, String action, Kind kind) {
        /** Checks the span and that no component is null. */
        public Hit {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(frame, "frame");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(kind, "kind");
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
            }
        }

        Hit(int start, int end, Severity severity, String frame, String action) {
            this(start, end, severity, frame, action, Kind.DIRECTIVE);
        }
    }

    private record Phrase(String text, String[] words) {}

    private record Match(int start, int end, Phrase phrase) {}

    private record Action(Phrase phrase, boolean lemma) {}

    private record Frame(Phrase phrase, boolean explicit, String position, int window) {}

    private final Map<String, List<Action>> actions = new HashMap<>();
    private final Map<String, List<Frame>> frames = new HashMap<>();
    private final Map<String, List<Phrase>> negators = new HashMap<>();
    private final Map<String, List<Phrase>> disclaimers = new HashMap<>();
    private final Map<String, List<Phrase>> benign = new HashMap<>();
    private final Set<String> imperativeLeads;
    private final ToDoubleFunction<String> classifier;
    private final int negationWindow;

    /**
     * Compiles a lexicon.
     *
     * @param lexicon the lexicon from a rule set
     */
    public CoercionLinter(RuleSetDocument.CoercionLexicon lexicon) {
        this(lexicon, CoercionClassifier::probability);
    }

    /**
     * Compiles a lexicon, with a classifier other than the bundled one (cross-validation scores each held-out set
     * with a model that never saw it).
     *
     * @param lexicon the lexicon from a rule set
     * @param classifier the probability that a normalised sentence is coercive
     */
    public CoercionLinter(RuleSetDocument.CoercionLexicon lexicon, ToDoubleFunction<String> classifier) {
        Objects.requireNonNull(lexicon, "lexicon");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        for (RuleSetDocument.ActionEntry a : lexicon.actions()) {
            index(actions, new Action(phrase(a.lemma()), true), a.lemma());
            for (String f : a.forms()) {
                index(actions, new Action(phrase(f), false), f);
            }
        }
        for (RuleSetDocument.FrameGroup g : lexicon.frames()) {
            for (String p : g.phrases()) {
                index(frames, new Frame(phrase(p), "EXPLICIT".equals(g.strength()), g.position(), g.window()), p);
            }
        }
        lexicon.negators().forEach(p -> index(negators, phrase(p), p));
        lexicon.disclaimers().forEach(p -> index(disclaimers, phrase(p), p));
        lexicon.benignPhrases().forEach(p -> index(benign, phrase(p), p));
        this.imperativeLeads = Set.copyOf(lexicon.imperativeLeads());
        this.negationWindow = lexicon.negationWindow();
    }

    private static Phrase phrase(String text) {
        return new Phrase(text, text.split(" "));
    }

    private static <T> void index(Map<String, List<T>> map, T value, String text) {
        map.computeIfAbsent(text.split(" ")[0], k -> new ArrayList<>()).add(value);
    }

    /**
     * Lints one text field. The field is first checked for control and bidi characters (an ERROR each kind), then
     * normalised for checking ({@link TextNormaliser}: default-ignorables removed, confusables folded); each
     * sentence of the normalised text is checked for language (text the English linter cannot read is REVIEW),
     * then by the rule set's lexicon and by the {@link SpeechActAnalyser}. Spans are in the original text.
     *
     * <p>The answer is a function of the text and this linter's lexicon only, and the same texts come back again
     * and again (a share validated before signing, re-checked by each receiver, prepared again after a refusal;
     * the clauses of every message), so answers are remembered per linter, keyed by the exact text, and a text
     * seen before is answered before any normalising, sentence splitting, language guessing or tagging. The cache
     * is bounded (about four million characters of keys per generation, two generations; texts over 64 Ki
     * characters are not kept).
     *
     * @param text the field's text
     * @return one hit per objectionable sentence, in text order; empty when clean; unmodifiable
     */
    public List<Hit> lint(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > CACHED_TEXT_LIMIT) {
            return List.copyOf(lintUncached(text));
        }
        List<Hit> known = answers.get(text);
        if (known != null) {
            return known;
        }
        List<Hit> hits = List.copyOf(lintUncached(text));
        answers.put(text, hits);
        return hits;
    }

    /** Texts longer than this (a very long rendered message) are linted every time rather than kept. */
    static final int CACHED_TEXT_LIMIT = 64 * 1024;
    /** Characters of remembered texts per cache generation: about 8 MB of keys, twice that at most. */
    static final long CACHED_CHARS = 4L * 1024 * 1024;

    /** Remembered answers of this linter (and so of its rule set's lexicon), keyed by the exact text. */
    private final AnswerCache<String, List<Hit>> answers = new AnswerCache<>(CACHED_CHARS, String::length);

    private List<Hit> lintUncached(String text) {
        List<Hit> hits = new ArrayList<>();
        List<TextNormaliser.BadChar> bad = TextNormaliser.forbidden(text);
        if (!bad.isEmpty()) {
            TextNormaliser.BadChar b = bad.get(0);
            hits.add(new Hit(b.index(), b.index() + Character.charCount(b.codePoint()), Severity.ERROR,
                    String.format("%s character U+%04X", b.bidi() ? "bidirectional-formatting" : "control",
                            b.codePoint()) + (bad.size() > 1 ? " (and " + (bad.size() - 1) + " more)" : ""),
                    "none", Kind.CHARACTER));
        }
        TextNormaliser.Normalised n = TextNormaliser.normalise(text);
        String norm = n.text();
        boolean bareFrame = false;
        // A bare frame ("We have one request.") is judged with the sentence after it: if that one names an act, the
        // pair is a split demand (an ERROR on the second); if it clears the frame ("Please confirm receipt."), the
        // frame was harmless, unless it addressed the recipient, which stays REVIEW.
        Hit pending = null;
        boolean pendingAddressed = false;
        String previous = null;
        int previousMark = 0;
        for (int[] s : sentences(norm)) {
            String sentence = norm.substring(s[0], s[1]);
            String prior = previous;
            int priorMark = previousMark;
            previous = sentence;
            previousMark = hits.size();
            int start = n.origin()[s[0]];
            int end = n.origin()[s[1] - 1] + 1;
            end = Math.min(text.length(), Math.max(end, start));
            // Each check runs once per sentence: the pending frame and the sentence itself need the same answers.
            boolean unreadable = LanguageGuess.unreadable(sentence);
            Hit h = unreadable ? null : lexicon(sentence, start, end);
            if (pending != null && (unreadable || h != null)) {
                hits.add(pending);
                pending = null;
            }
            if (unreadable) {
                hits.add(new Hit(start, end, Severity.REVIEW, "text in a language the English linter cannot read",
                        "unknown", Kind.UNREADABLE));
                bareFrame = false;
                continue;
            }
            if (h != null) {
                hits.add(h);
                bareFrame = false;
                continue;
            }
            Optional<SpeechActAnalyser.Verdict> v = SpeechActAnalyser.analyse(sentence, bareFrame);
            // A rule's REVIEW is a guess from cue words ("need", "your", "should"); when the classifier, trained on
            // several authors' benign uses of the same words, is nearly certain the sentence asks for nothing, the
            // guess is dropped. ERRORs and announcing frames are never dropped this way.
            double alone = Double.NaN;
            if (v.isPresent() && v.get().severity() == Severity.REVIEW && !v.get().bareFrame()
                    && CoercionClassifier.scoresAlone(sentence)) {
                alone = classifier.applyAsDouble(sentence);
                if (alone < CoercionClassifier.CLEAR_THRESHOLD) {
                    v = Optional.empty();
                }
            }
            if (pending != null) {
                if (v.isEmpty() && !pendingAddressed) {
                    pending = null;
                } else {
                    hits.add(pending);
                    pending = null;
                }
            }
            if (v.isPresent()) {
                Hit hit = new Hit(start, end, v.get().severity(), v.get().frame(), v.get().action());
                if (v.get().bareFrame() && v.get().severity() == Severity.REVIEW) {
                    pending = hit;
                    pendingAddressed = tokens(sentence).stream().anyMatch(t -> t.equals("you") || t.equals("your"));
                } else {
                    hits.add(hit);
                }
                bareFrame = v.get().bareFrame();
                continue;
            }
            bareFrame = false;
            // What the rules leave clean, the trained classifier may still read as a request or pressure; it only
            // ever asks for a person (REVIEW), never fails a share on its own.
            // A demand split over two sentences ("Our position is simple. None of these pages by Monday.") is
            // one act in two halves, each harmless alone, so the sentence is also read with the one before it.
            // The sentence before is read with this one only when it had no hit of its own (a frame held for this
            // sentence counts once added): a demand already reported would otherwise be reported again on the
            // sentence after it.
            String before = prior != null && hits.size() == priorMark ? prior : null;
            double p = !Double.isNaN(alone) ? alone
                    : CoercionClassifier.scoresAlone(sentence) ? classifier.applyAsDouble(sentence) : 0;
            // Joined by a line break, the pair splits back into exactly these two sentences, whose tagging the
            // analyser has cached; joined by a space, two lines without a full stop would be tagged again as one.
            double pair = before == null ? 0 : classifier.applyAsDouble(before + "\n" + sentence);
            if (Math.max(p, pair) >= CoercionClassifier.REVIEW_THRESHOLD) {
                hits.add(new Hit(start, end, Severity.REVIEW, String.format(Locale.ROOT,
                        "%s: reads as a request or pressure on the recipient%s, p = %.2f", CoercionClassifier.FRAME,
                        p >= pair ? "" : " (read with the sentence before it)", Math.max(p, pair)), "none named"));
                continue;
            }
            if (LanguageGuess.mixesScripts(sentence)) {
                hits.add(new Hit(start, end, Severity.REVIEW, "a word mixing the Latin script with another script",
                        "unknown", Kind.UNREADABLE));
            }
        }
        if (pending != null) {
            hits.add(pending);
        }
        hits.sort(java.util.Comparator.comparingInt(Hit::start));
        return hits;
    }

    /** Sentence spans, trimmed of surrounding whitespace, split further at line breaks. */
    static List<int[]> sentences(String text) {
        List<int[]> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.US);
        it.setText(text);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            int lineStart = start;
            for (int i = start; i <= end; i++) {
                if (i == end || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                    addTrimmed(text, lineStart, i, out);
                    lineStart = i + 1;
                }
            }
        }
        return out;
    }

    private static void addTrimmed(String text, int start, int end, List<int[]> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new int[] {start, end});
        }
    }

    static List<String> tokens(String sentence) {
        String s = Normalizer.normalize(sentence, Normalizer.Form.NFC)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02BC', '\'')
                .replace('\u2010', '-').replace('\u2011', '-')
                .toLowerCase(Locale.ROOT);
        for (String[] c : CONTRACTIONS) {
            s = s.replace(c[0], c[1]);
        }
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * The rule set's lexicon on a sentence with names and quotations masked (quoted words are the operation's, not
     * the sender's), kept only if the speech-act analysis does not clear the sentence's structure (a disclaimer,
     * a third party's words or acts, a forecast, the sender's own message or obligation).
     */
    private Hit lexicon(String sentence, int start, int end) {
        Hit h = analyse(SpeechActAnalyser.maskQuotes(SpeechActAnalyser.maskNames(sentence)), start, end);
        return h != null && SpeechActAnalyser.clearsLexicon(sentence) ? null : h;
    }

    private Hit analyse(String sentence, int start, int end) {
        List<String> tokens = removeBenign(tokens(sentence));
        List<Match> actionMatches = new ArrayList<>();
        List<Boolean> lemma = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (Action a : actions.getOrDefault(tokens.get(i), List.of())) {
                int e = matchAt(tokens, i, a.phrase().words(), 0);
                if (e > 0) {
                    actionMatches.add(new Match(i, e, a.phrase()));
                    lemma.add(a.lemma());
                }
            }
        }
        if (actionMatches.isEmpty()) {
            return null;
        }
        List<Match> negatorMatches = all(tokens, negators);
        String explicit = null;
        String soft = null;
        String action = actionMatches.get(0).phrase().text();
        // Imperatives: an action's base form opening a clause, after optional leads such as "please" or "also".
        for (int cs = 0; cs < tokens.size() && explicit == null; cs++) {
            if (cs != 0 && !CLAUSE_MARKS.contains(tokens.get(cs - 1))) {
                continue;
            }
            int i = cs;
            while (i < tokens.size() && imperativeLeads.contains(tokens.get(i))) {
                i++;
            }
            for (int k = 0; k < actionMatches.size(); k++) {
                if (lemma.get(k) && actionMatches.get(k).start() == i) {
                    explicit = "imperative";
                    action = actionMatches.get(k).phrase().text();
                    break;
                }
            }
        }
        for (int i = 0; i < tokens.size() && explicit == null; i++) {
            for (Frame f : frames.getOrDefault(tokens.get(i), List.of())) {
                int fe = matchAt(tokens, i, f.phrase().words(), 0);
                if (fe < 0 || negated(tokens, i, negatorMatches)) {
                    continue;
                }
                Match governed = governed(f, i, fe, actionMatches);
                if (governed == null) {
                    continue;
                }
                if (f.explicit()) {
                    explicit = "'" + f.phrase().text() + "'";
                    action = governed.phrase().text();
                    break;
                } else if (soft == null) {
                    soft = "'" + f.phrase().text() + "'";
                    action = governed.phrase().text();
                }
            }
        }
        if (explicit != null) {
            return new Hit(start, end, Severity.ERROR, explicit, action);
        }
        if (soft != null) {
            boolean disclaimed = !all(tokens, disclaimers).isEmpty();
            return new Hit(start, end, disclaimed ? Severity.REVIEW : Severity.ERROR, soft, action);
        }
        return null;
    }

    private static Match governed(Frame f, int fs, int fe, List<Match> actions) {
        for (Match a : actions) {
            boolean ok = switch (f.position()) {
                case "BEFORE" -> a.start() >= fe && a.start() - fe <= f.window();
                case "AFTER" -> a.end() <= fs && fs - a.end() <= f.window();
                default -> true;
            };
            if (ok) {
                return a;
            }
        }
        return null;
    }

    private boolean negated(List<String> tokens, int frameStart, List<Match> negatorMatches) {
        for (Match n : negatorMatches) {
            if (n.end() > frameStart || frameStart - n.start() > negationWindow) {
                continue;
            }
            boolean bounded = false;
            for (int j = n.end(); j < frameStart; j++) {
                if (BOUNDARIES.contains(tokens.get(j))) {
                    bounded = true;
                    break;
                }
            }
            if (!bounded) {
                return true;
            }
        }
        return false;
    }

    private List<String> removeBenign(List<String> tokens) {
        boolean[] drop = new boolean[tokens.size()];
        boolean any = false;
        for (Match m : all(tokens, benign)) {
            for (int j = m.start(); j < m.end(); j++) {
                drop[j] = true;
            }
            any = true;
        }
        if (!any) {
            return tokens;
        }
        List<String> kept = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            if (!drop[i]) {
                kept.add(tokens.get(i));
            }
        }
        return kept;
    }

    private static List<Match> all(List<String> tokens, Map<String, List<Phrase>> index) {
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (Phrase p : index.getOrDefault(tokens.get(i), List.of())) {
                int e = matchAt(tokens, i, p.words(), 0);
                if (e > 0) {
                    out.add(new Match(i, e, p));
                }
            }
        }
        return out;
    }

    /** Matches {@code words[w..]} at {@code tokens[i..]}; {@code *} skips up to three non-boundary words. */
    private static int matchAt(List<String> tokens, int i, String[] words, int w) {
        if (w == words.length) {
            return i;
        }
        if ("*".equals(words[w])) {
            for (int gap = 0; gap <= MAX_GAP; gap++) {
                int e = matchAt(tokens, i + gap, words, w + 1);
                if (e > 0) {
                    return e;
                }
                if (i + gap >= tokens.size() || CLAUSE_MARKS.contains(tokens.get(i + gap))
                        || ",".equals(tokens.get(i + gap))) {
                    return -1;
                }
            }
            return -1;
        }
        if (i >= tokens.size() || !tokens.get(i).equals(words[w])) {
            return -1;
        }
        return matchAt(tokens, i + 1, words, w + 1);
    }
}

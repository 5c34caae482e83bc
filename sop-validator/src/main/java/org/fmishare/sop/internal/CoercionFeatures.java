package org.fmishare.sop.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The features {@link CoercionClassifier} reads from a sentence: what {@link SpeechActAnalyser} already computes
 * (lemmas, part-of-speech tags, acts against content in any form, the WordNet and word classes of desire, obligation,
 * evaluation and consequence, who is in the sentence, questions, negation, deadlines, conditions, futures), as
 * lemma unigrams and bigrams, bigrams and trigrams over word classes, and pairs of sentence-level cues.
 *
 * <p>Why classes and not only words: a blind set uses words the development sentences never did ("nuke",
 * "pull the plug"), but the analyser maps many of them to the same class (an act against content, a desire word,
 * the recipient), so "RECIPIENT should ACT" generalises where "you should excise" would not. Thread-safe; results
 * are cached per sentence (bounded), since a share's sentences are read several times. Not API.
 */
final class CoercionFeatures {
    /** Closed-class tags whose lemma is kept in the class stream: modals, pronouns, prepositions carry the act. */
    private static final Set<String> KEEP_LEMMA = Set.of("AUX", "PRON", "DET", "ADP", "PART", "SCONJ", "CCONJ",
            "ADV");
    private static final Set<String> LEADS = Set.of("please", "kindly", "now", "just", "simply", "so", "also");
    private static final int CACHE_LIMIT = 20_000;
    /** Nouns that name the recipient in the third person; a class feature only, never a rule's reading. */
    private static final Set<String> RECIPIENT_NOUNS = Set.of("company", "platform", "firm", "provider", "service");
    /** Nouns that name the sender in the third person; a class feature only. */
    private static final Set<String> SENDER_NOUNS = Set.of("office", "bureau", "unit", "task", "force", "fitf",
            "agency", "department");
    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();

    /**
     * The analyser's reading of a sentence.
     *
     * @param tok lower-case tokens
     * @param pos universal part-of-speech tags
     * @param lem lemmas
     * @param cls per token: ACT, NEG, RECIPIENT, SENDER, OBLIGATION, DESIRE, SOFT, CONSEQUENCE, TARGET, or null
     * @param sender whether the sender is mentioned
     * @param recipient whether the recipient is addressed
     * @param target whether accounts or content are mentioned
     * @param question whether the sentence is a question
     * @param deadline whether it names a deadline or urgency
     * @param condition whether it holds a condition or the recipient's choice
     * @param future whether it looks ahead (a modal, future or condition)
     */
    record Reading(String[] tok, String[] pos, String[] lem, String[] cls, boolean sender, boolean recipient,
            boolean target, boolean question, boolean deadline, boolean condition, boolean future) {
        Reading {
            Objects.requireNonNull(tok, "tok");
            Objects.requireNonNull(pos, "pos");
            Objects.requireNonNull(lem, "lem");
            Objects.requireNonNull(cls, "cls");
            if (pos.length != tok.length || lem.length != tok.length || cls.length != tok.length) {
                throw new IllegalArgumentException("tok, pos, lem and cls must have the same length");
            }
        }
    }

    private CoercionFeatures() {}

    /**
     * The features of a normalised sentence (or a few sentences read together).
     *
     * @param sentence the text
     * @return the feature names, never empty (a bias feature is always present)
     */
    static String[] of(String sentence) {
        List<String> cached = CACHE.get(sentence);
        if (cached == null) {
            cached = List.copyOf(compute(sentence));
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(sentence, cached);
        }
        return cached.toArray(String[]::new);
    }

    private static List<String> compute(String sentence) {
        List<String> f = new ArrayList<>();
        f.add("bias");
        Reading r = read(sentence);
        if (r == null) {
            return f;
        }
        List<String> words = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<String> surface = new ArrayList<>();
        for (int i = 0; i < r.tok().length; i++) {
            String t = r.tok()[i];
            if (!t.equals("?") && !Character.isLetterOrDigit(t.codePointAt(0))) {
                continue;
            }
            String l = r.lem()[i].chars().anyMatch(Character::isDigit) ? "<num>" : r.lem()[i];
            words.add(l);
            surface.add(t.chars().anyMatch(Character::isDigit) ? "<num>" : t);
            tags.add(r.pos()[i]);
            String c = r.cls()[i];
            if (c == null) {
                // Formal letters name the parties in the third person ("the Company should", "the Office
                // anticipates"); in the class stream they are the recipient and the sender, as "you" and "we" are.
                c = RECIPIENT_NOUNS.contains(l) ? "RECIPIENT" : SENDER_NOUNS.contains(l) ? "SENDER" : null;
            }
            classes.add(c != null ? c : KEEP_LEMMA.contains(r.pos()[i]) ? l : r.pos()[i]);
        }
        String prevWord = "^";
        String prevClass = "^";
        String prevClass2 = "^";
        for (int i = 0; i < words.size(); i++) {
            f.add("u=" + words.get(i));
            if (!surface.get(i).equals(words.get(i))) {
                f.add("s=" + surface.get(i));
            }
            f.add("b=" + prevWord + "_" + words.get(i));
            f.add("c=" + prevClass + "_" + classes.get(i));
            f.add("t=" + prevClass2 + "_" + prevClass + "_" + classes.get(i));
            prevClass2 = prevClass;
            prevWord = words.get(i);
            prevClass = classes.get(i);
        }
        f.add("b=" + prevWord + "_$");
        f.add("c=" + prevClass + "_$");
        List<String> cues = new ArrayList<>();
        addIf(cues, r.sender(), "sender");
        addIf(cues, r.recipient(), "recipient");
        addIf(cues, r.target(), "target");
        addIf(cues, r.question(), "question");
        addIf(cues, r.deadline(), "deadline");
        addIf(cues, r.condition(), "condition");
        addIf(cues, r.future(), "future");
        for (String c : List.of("ACT", "NEG", "OBLIGATION", "DESIRE", "SOFT", "CONSEQUENCE", "TARGET")) {
            addIf(cues, classes.contains(c), c.toLowerCase(java.util.Locale.ROOT));
        }
        int first = 0;
        while (first < words.size() && LEADS.contains(words.get(first))) {
            first++;
        }
        addIf(cues, first < words.size() && "VERB".equals(tags.get(first))
                && surface.get(first).equals(words.get(first)), "imperative");
        boolean past = false;
        for (int i = 0; i < words.size(); i++) {
            String s = surface.get(i);
            past |= ("VERB".equals(tags.get(i)) || "AUX".equals(tags.get(i))) && !s.equals(words.get(i))
                    && (s.endsWith("ed") || Set.of("was", "were", "had", "did", "went", "took", "said", "told")
                            .contains(s));
        }
        addIf(cues, past, "past");
        addIf(cues, surface.contains("quoted"), "quoted");
        for (int i = 0; i < cues.size(); i++) {
            f.add("f=" + cues.get(i));
            for (int j = i + 1; j < cues.size(); j++) {
                f.add("f2=" + cues.get(i) + "&" + cues.get(j));
            }
        }
        return f;
    }

    /**
     * The analyser's reading of a text: of each sentence in turn, joined, so that a sentence read with the one before
     * it (the linter's second reading) reuses the tagging of both, which the analyser has cached, instead of tagging
     * the pair again; training texts of several sentences are read the same way.
     */
    private static Reading read(String text) {
        List<int[]> spans = CoercionLinter.sentences(text);
        if (spans.size() <= 1) {
            return SpeechActAnalyser.read(text).orElse(null);
        }
        List<Reading> parts = new ArrayList<>();
        for (int[] span : spans) {
            SpeechActAnalyser.read(text.substring(span[0], span[1])).ifPresent(parts::add);
        }
        if (parts.isEmpty()) {
            return null;
        }
        int n = parts.stream().mapToInt(x -> x.tok().length).sum();
        String[] tok = new String[n];
        String[] pos = new String[n];
        String[] lem = new String[n];
        String[] cls = new String[n];
        boolean[] cue = new boolean[7];
        int at = 0;
        for (Reading x : parts) {
            int k = x.tok().length;
            System.arraycopy(x.tok(), 0, tok, at, k);
            System.arraycopy(x.pos(), 0, pos, at, k);
            System.arraycopy(x.lem(), 0, lem, at, k);
            System.arraycopy(x.cls(), 0, cls, at, k);
            at += k;
            boolean[] c = {x.sender(), x.recipient(), x.target(), x.question(), x.deadline(), x.condition(),
                x.future()};
            for (int i = 0; i < c.length; i++) {
                cue[i] |= c[i];
            }
        }
        return new Reading(tok, pos, lem, cls, cue[0], cue[1], cue[2], cue[3], cue[4], cue[5], cue[6]);
    }

    private static void addIf(List<String> cues, boolean on, String name) {
        if (on) {
            cues.add(name);
        }
    }
}

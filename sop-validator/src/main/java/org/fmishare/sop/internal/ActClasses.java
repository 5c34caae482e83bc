package org.fmishare.sop.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.PointerUtils;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.data.list.PointerTargetNode;
import net.sf.extjwnl.data.list.PointerTargetNodeList;
import net.sf.extjwnl.dictionary.Dictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broad verb and noun classes from WordNet (extJWNL with the bundled WordNet 3.1 data): whether a word, or a
 * multi-word verb ("weed out", "send packing", "pull the plug"), means removing, eliminating, suppressing,
 * banning or expelling something. A hand list keeps losing to the next synonym ("excise", "oust", "scrap",
 * "quash"); WordNet's hypernym hierarchy names the class instead.
 *
 * <p>Only a word's most frequent senses are considered (rarer senses would make "can" or "bin" removal verbs in
 * every sentence), and the hierarchy is climbed a few levels.
 *
 * <p>Loading the dictionary reads all of WordNet's data files into memory, seconds of CPU that a command line
 * validating one share paid on every run. The answers are a function of the word alone, so they are derived once
 * at build time ({@code derivedRemovalVerb}, {@code derivedRemovalNoun}, the dictionary's own lookups) into
 * {@code WordNetTables}, and the public methods answer from those tables, with the same answer the dictionary
 * gives for every input. Only a word outside the tables' shape (letters and straight apostrophes) whose parts the
 * tables cannot settle loads the dictionary, once, by the class-holder idiom. Not API.
 */
public final class ActClasses {
    private static final Logger LOG = LoggerFactory.getLogger(ActClasses.class);
    /** Verb synsets (by a member lemma) whose hyponyms act against content or accounts. */
    private static final Set<String> VERB_ROOTS = Set.of("remove", "eliminate", "destroy", "delete", "erase",
            "suppress", "ban", "expel", "censor", "eject", "eradicate", "excise", "abolish", "annihilate",
            "obliterate", "banish", "quash", "stifle", "silence", "dismiss", "oust", "purge", "deactivate",
            "disable", "shut down", "close down", "kill", "terminate", "restrain", "curb", "prohibit", "forbid");
    /** Noun synsets whose hyponyms name such an act ("ouster", "expulsion", "elimination"). */
    private static final Set<String> NOUN_ROOTS = Set.of("removal", "elimination", "deletion", "suppression",
            "prohibition", "expulsion", "banishment", "destruction", "termination", "ban", "censorship",
            "obliteration", "eradication", "ouster", "dismissal");
    private static final int SENSES = 2;
    private static final int DEPTH = 5;
    /** Answers of the dictionary for the rare words the tables do not settle. */
    private static final Map<String, Boolean> WORD_CACHE = new ConcurrentHashMap<>();
    /** Longest lemma {@code under} looks up; longer input is no verb or noun. */
    private static final int LONGEST = 60;

    private ActClasses() {}

    /** Loads the dictionary on first use only: deriving the tables, and the rare word they do not settle. */
    static final class Holder {
        static final Dictionary DICTIONARY = load();

        private static Dictionary load() {
            try {
                return Dictionary.getDefaultResourceInstance();
            } catch (JWNLException | RuntimeException e) {
                throw new IllegalStateException("cannot load the bundled WordNet dictionary", e);
            }
        }
    }

    /**
     * Whether a verb lemma, or a multi-word verb ("weed out", "give the boot"), acts against its object: removes,
     * eliminates, suppresses, bans or expels it.
     *
     * @param lemma a verb lemma or multi-word verb, lower case
     * @return whether WordNet places one of its main senses under such an act
     */
    public static boolean removalVerb(String lemma) {
        String w = lemma.toLowerCase(Locale.ROOT);
        return !w.isBlank() && w.length() <= LONGEST && WordNetTables.removalVerb(indexKey(w));
    }

    /**
     * What {@link #removalVerb} answers, derived from the dictionary: the rule the table was built with.
     *
     * @param lemma a verb lemma or multi-word verb
     * @return whether WordNet places one of its main senses under such an act
     */
    static boolean derivedRemovalVerb(String lemma) {
        return under(POS.VERB, lemma.toLowerCase(Locale.ROOT), VERB_ROOTS);
    }

    /**
     * What {@link #removalNoun} answers, derived from the dictionary.
     *
     * @param lemma a noun lemma
     * @return whether WordNet places its main sense under such an act
     */
    static boolean derivedRemovalNoun(String lemma) {
        return under(POS.NOUN, lemma.toLowerCase(Locale.ROOT), NOUN_ROOTS);
    }

    /**
     * The key the dictionary looks a lemma up by: trimmed, lower case, words joined by {@code _} as in WordNet's
     * index files (extJWNL's {@code getIndexWord} does the same to its argument).
     */
    static String indexKey(String lemma) {
        return lemma.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    /**
     * Whether a noun names such an act ("ouster", "excision", "expulsion").
     *
     * @param lemma a noun lemma, lower case
     * @return whether WordNet places its main sense under such an act
     */
    public static boolean removalNoun(String lemma) {
        String w = lemma.toLowerCase(Locale.ROOT);
        return !w.isBlank() && w.length() <= LONGEST && WordNetTables.removalNoun(indexKey(w));
    }

    /**
     * Whether WordNet knows the word or multi-word expression as a verb at all (used to find multi-word verbs).
     *
     * @param expression lower-case words separated by spaces
     * @return whether it is a WordNet verb
     */
    public static boolean isVerb(String expression) {
        String key = indexKey(expression);
        return !key.isEmpty() && WordNetTables.verb(key);
    }

    /**
     * What {@link #isVerb} answers, from the dictionary.
     *
     * @param expression lower-case words separated by spaces
     * @return whether it is a WordNet verb
     */
    static boolean derivedIsVerb(String expression) {
        try {
            IndexWord iw = Holder.DICTIONARY.getIndexWord(POS.VERB, expression);
            return iw != null;
        } catch (JWNLException e) {
            return false;
        }
    }

    /**
     * Whether WordNet knows the word, in any part of speech and any inflection ("müssen" no, "accounts" yes). Used
     * to tell English from a language the linter cannot read without a list of foreign words.
     *
     * @param word a lower-case word
     * @return whether it is an English content word
     */
    public static boolean englishWord(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        if (WordNetTables.coversWord(w)) {
            return WordNetTables.englishWord(w);
        }
        // A typographic apostrophe splits the word for extJWNL's tokenizer ("company’s" is "company" and "s"),
        // which finds an entry whenever one part has one on its own; only a word neither part of which settles it
        // goes to the dictionary.
        int apostrophe = w.indexOf('\u2019');
        if (apostrophe > 0 && apostrophe == w.lastIndexOf('\u2019') && apostrophe < w.length() - 1) {
            String head = w.substring(0, apostrophe);
            String tail = w.substring(apostrophe + 1);
            if (letters(head) && letters(tail)
                    && (WordNetTables.englishWord(head) || WordNetTables.englishWord(tail))) {
                return true;
            }
        }
        return derivedEnglishWord(word);
    }

    private static boolean letters(String s) {
        return WordNetTables.coversWord(s) && s.indexOf('\'') < 0;
    }

    /**
     * What {@link #englishWord} answers, from the dictionary.
     *
     * @param word a lower-case word
     * @return whether it is an English content word
     */
    static boolean derivedEnglishWord(String word) {
        return WORD_CACHE.computeIfAbsent(word, ActClasses::dictionaryEnglishWord);
    }

    /** The dictionary's answer, not remembered (deriving the table asks once per candidate word). */
    static boolean dictionaryEnglishWord(String word) {
        try {
            return Holder.DICTIONARY.lookupAllIndexWords(word).size() > 0;
        } catch (JWNLException | RuntimeException e) {
            LOG.warn("WordNet lookup of '{}' failed; the word is treated as English: {}", word, e.toString());
            return true;
        }
    }

    private static boolean under(POS pos, String word, Set<String> roots) {
        if (word.isBlank() || word.length() > 60) {
            return false;
        }
        try {
            // getIndexWord takes the lemma as given: the caller has lemmatised it, and WordNet's own
            // morphology would turn "posting" into "post" and so on.
            IndexWord iw = Holder.DICTIONARY.getIndexWord(pos, word);
            if (iw == null) {
                return false;
            }
            List<Synset> senses = iw.getSenses();
            for (int s = 0; s < Math.min(SENSES, senses.size()); s++) {
                Synset syn = senses.get(s);
                if (member(syn, roots, word)) {
                    return true;
                }
                for (PointerTargetNodeList level : PointerUtils.getHypernymTree(syn, DEPTH).toList()) {
                    for (PointerTargetNode n : level) {
                        if (n.getSynset() != syn && member(n.getSynset(), roots, null)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (JWNLException | RuntimeException e) {
            LOG.warn("WordNet lookup of '{}' failed; the word is treated as not an act: {}", word, e.toString());
            return false;
        }
    }

    private static boolean member(Synset syn, Set<String> roots, String self) {
        for (Word w : syn.getWords()) {
            String l = w.getLemma().toLowerCase(Locale.ROOT);
            if (roots.contains(l) && (self == null || !self.equals(l) || roots.contains(self))) {
                return true;
            }
        }
        return false;
    }
}

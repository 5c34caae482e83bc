package org.fmishare.sop.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a sentence is in a language the English coercion linter cannot read. Function words are the most
 * reliable signal in short texts (names and loan words are content words), so it counts frequent function words of
 * English against those of the Western European languages most often seen in shared material, and treats text whose
 * letters are mostly outside the Latin script as unreadable too. Words shared by English and another language
 * ("a", "in", "die", "as", "so", "to") are left out. Stateless. Not API.
 */
public final class LanguageGuess {
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’]\\p{L}+)?");
    private static final Set<String> ENGLISH = Set.of("the", "of", "and", "is", "are", "was", "were", "that", "for",
            "it", "with", "be", "by", "this", "these", "those", "we", "you", "your", "our", "have", "has", "had",
            "from", "or", "not", "at", "their", "they", "will", "would", "which", "its", "been", "on", "an", "all",
            "any", "can", "should", "must", "please", "if", "no", "them", "us", "do", "does", "did", "what", "who",
            "but", "than", "more", "about", "into", "after", "before", "there", "other", "also", "such", "only",
            "he", "she", "his", "her", "i", "my", "me", "account", "accounts", "posts", "network", "profiles",
            "page", "pages", "content", "operation", "actor", "company", "platform", "election", "nothing", "whether",
            "within");
    private static final Set<String> FOREIGN = Set.of(
            // Spanish and Portuguese
            "el", "la", "los", "las", "del", "que", "y", "por", "para", "con", "una", "uno", "es", "estas", "estos",
            "esta", "este", "su", "sus", "favor", "antes", "se", "cuentas", "perfiles", "eliminar", "usted", "ustedes",
            "nosotros", "pero", "como", "muy", "hay", "más", "também", "não", "são", "essas", "esses", "estão",
            "contas", "vocês", "você", "pelo", "pela", "ao", "dos", "uma", "em", "lo", "le",
            // French
            "les", "des", "du", "et", "est", "une", "pour", "avec", "vous", "nous", "ces", "sur", "dans", "pas",
            "qui", "au", "aux", "veuillez", "merci", "sont", "comptes", "cette", "leur", "leurs", "ils", "elle",
            "très", "être", "avant", "supprimer", "ce",
            // German
            "der", "das", "und", "ist", "nicht", "bitte", "sie", "wir", "ein", "eine", "zu", "mit", "von", "den",
            "dem", "diese", "dieser", "dieses", "bis", "auf", "für", "ihre", "ihr", "sind", "werden", "wird",
            "konten", "löschen", "sofort", "auch", "noch", "nach", "vor", "oder", "aber", "uns",
            // Italian
            "il", "di", "che", "gli", "delle", "della", "questi", "queste", "sono", "non", "perché", "vostro",
            "vostra", "si", "ci", "entro", "subito");
    private static final Set<String> SHARED = Set.of("a", "in", "die", "as", "so", "to", "de", "o", "on", "me");

    private LanguageGuess() {}

    /**
     * Whether the English linter cannot read {@code sentence}.
     *
     * @param sentence one normalised sentence
     * @return true for text in another language or mostly another script
     */
    public static boolean unreadable(String sentence) {
        int latin = 0;
        int other = 0;
        for (int i = 0; i < sentence.length(); ) {
            int cp = sentence.codePointAt(i);
            if (Character.isLetter(cp)) {
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                    latin++;
                } else {
                    other++;
                }
            }
            i += Character.charCount(cp);
        }
        if (other >= 4 && other * 10 > (latin + other) * 3) {
            return true;
        }
        int english = 0;
        int foreign = 0;
        int words = 0;
        Matcher m = WORD.matcher(sentence.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            words++;
            if (SHARED.contains(w)) {
                continue;
            }
            if (ENGLISH.contains(w)) {
                english++;
            } else if (FOREIGN.contains(w)) {
                foreign++;
            }
        }
        if (words >= 3 && foreign >= 2 && foreign > english) {
            return true;
        }
        return mostlyUnknown(sentence);
    }

    /** Names, handles, addresses, domains, identifiers and hyphenated tokens: not evidence of a language. */
    private static final Pattern NAMES = Pattern.compile("[\\w.+-]*[@#][\\w.-]+|https?://\\S+|\\w+_[\\w_]+|"
            + "\\w+(?:\\.\\w+)+|\\S*[-/:]\\S*|\"[^\"]*\"|\u201c[^\u201d]*\u201d");
    /** English function words WordNet does not list (it holds content words only). */
    private static final Set<String> FUNCTION = Set.of("a", "an", "and", "as", "at", "by", "for", "from", "in",
            "into", "of", "on", "onto", "or", "nor", "so", "than", "that", "the", "then", "this", "these", "those",
            "to", "with", "without", "within", "via", "per", "upon", "about", "above", "after", "against", "along",
            "among", "around", "before", "behind", "below", "beneath", "beside", "between", "beyond", "but",
            "despite", "during", "except", "inside", "near", "off", "out", "outside", "over", "past", "since",
            "through", "throughout", "till", "toward", "towards", "under", "until", "unless", "up", "whether",
            "while", "although", "though", "because", "if", "i", "me", "my", "mine", "we", "us", "our", "ours",
            "you", "your", "yours", "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their",
            "theirs", "who", "whom", "whose", "which", "what", "where", "when", "why", "how", "is", "am", "are",
            "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would",
            "shall", "should", "can", "could", "may", "might", "must", "not", "no", "any", "some", "each", "every",
            "all", "both", "either", "neither", "none", "s", "t", "yourself", "itself", "themselves", "ourselves",
            "myself", "himself", "herself", "there", "here", "also", "too", "very", "just", "only", "such");

    /**
     * A sentence most of whose words are neither English function words nor in WordNet (in any inflection) is in
     * a language the linter cannot read, whatever that language is. Capitalised words after the first are names
     * and are not counted; handles, addresses, domains and quotations are removed first.
     */
    private static boolean mostlyUnknown(String sentence) {
        String s = NAMES.matcher(sentence).replaceAll(" ");
        Matcher m = WORD.matcher(s);
        int counted = 0;
        int unknown = 0;
        boolean first = true;
        while (m.find()) {
            String w = m.group();
            boolean capital = Character.isUpperCase(w.codePointAt(0));
            if (capital && !first) {
                continue;
            }
            first = false;
            String lower = w.toLowerCase(Locale.ROOT);
            if (FUNCTION.contains(lower) || lower.length() < 2) {
                continue;
            }
            counted++;
            if (FOREIGN.contains(lower) || !lower.matches("[a-z'’-]+") || !ActClasses.englishWord(lower)) {
                unknown++;
            }
        }
        return counted >= 3 && unknown >= 2 && unknown * 2 > counted;
    }

    /**
     * Whether a word mixes the Latin script with another script, a sign of a spelling trick that normalisation
     * could not undo.
     *
     * @param sentence one normalised sentence
     * @return true when some word mixes scripts
     */
    public static boolean mixesScripts(String sentence) {
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            boolean latin = false;
            boolean other = false;
            String w = m.group();
            for (int i = 0; i < w.length(); ) {
                int cp = w.codePointAt(i);
                Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
                if (sc == Character.UnicodeScript.LATIN) {
                    latin = true;
                } else if (sc != Character.UnicodeScript.COMMON && sc != Character.UnicodeScript.INHERITED) {
                    other = true;
                }
                i += Character.charCount(cp);
            }
            if (latin && other) {
                return true;
            }
        }
        return false;
    }
}

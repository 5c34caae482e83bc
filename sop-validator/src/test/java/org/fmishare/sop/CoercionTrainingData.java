package org.fmishare.sop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.disclosure.ClauseCatalog;
import org.fmishare.disclosure.MessageKind;
import org.fmishare.sop.corpus.Messages;
import org.fmishare.sop.internal.CoercionClassifier;
import org.fmishare.sop.internal.TextNormaliser;
import org.fmishare.testkit.SampleData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The coercion classifier's training data, assembled the same way every time so that retraining reproduces the
 * checked-in model byte for byte.
 *
 * <ul>
 * <li>Labelled rows: the linter author's development sets ({@code coercion-development/sentences*.tsv}), the
 *     spent held-out sets 1 to 5 ({@code heldout} to {@code heldout5}; each was run once as a blind measurement and
 *     is training data from the following round on), and eight sets written blind for training by eight further
 *     authors ({@code coercion-development/train-6a.tsv} to {@code train-6h.tsv}). Seventeen sets by at least fourteen authors, so the
 *     model meets several ways of writing the same act rather than one author's habits. The sixth held-out set is
 *     never read.
 * <li>Benign context, always in training: the mandatory disclosure clauses, the sample share's rendered message and
 *     every sentence of the corpus cases that no linter rule objects to, so the classifier learns the texts every
 *     share carries.
 * </ul>
 */
final class CoercionTrainingData {
    /** Linter rules; a corpus case with none of these among its expected rule ids is clean text throughout. */
    private static final Set<String> LINTER_RULES = Set.of("P1-NO-COERCION", "P2-NO-CONTENT-DIRECTION",
            "BR-NO-COERCION");
    /** The development sets, the spent held-out sets and the blind training sets, in a fixed order. */
    static final List<String> LABELLED = List.of("/coercion-development/sentences.tsv",
            "/coercion-development/sentences-2.tsv", "/coercion-development/sentences-3.tsv",
            "/coercion-development/sentences-4.tsv",
            "/heldout/coercion-heldout.tsv", "/heldout2/coercion-heldout-2.tsv", "/heldout3/coercion-heldout-3.tsv",
            "/heldout4/coercion-heldout-4.tsv", "/heldout5/coercion-heldout-5.tsv",
            "/coercion-development/train-6a.tsv", "/coercion-development/train-6b.tsv",
            "/coercion-development/train-6c.tsv", "/coercion-development/train-6d.tsv",
            "/coercion-development/train-6e.tsv", "/coercion-development/train-6f.tsv",
            "/coercion-development/train-6g.tsv", "/coercion-development/train-6h.tsv");

    /**
     * One labelled row.
     *
     * @param source the file it came from
     * @param family its family
     * @param text the text as a sender would write it ("A || B" for two facts)
     * @param coercive its label
     */
    record Row(String source, String family, String text, boolean coercive) {
        Row {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(text, "text");
        }

        /** The text the classifier is trained on: both facts read together, normalised as the linter does. */
        String trainingText() {
            return normalise(text.replace(" || ", " "));
        }
    }

    private CoercionTrainingData() {}

    /**
     * Every labelled row of the development, spent held-out and blind training sets. The development sets have three
     * columns (label, family, text); the others four (id, label, family, text).
     */
    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try {
            for (String resource : LABELLED) {
                if (resource.startsWith("/coercion-development/sentences")) {
                    for (CoercionDevelopmentTest.Row r : CoercionDevelopmentTest.rows(resource)) {
                        rows.add(new Row(resource, r.family(), r.text(), r.coercive()));
                    }
                } else {
                    rows.addAll(heldOut(resource));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static List<Row> heldOut(String resource) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = CoercionTrainingData.class.getResourceAsStream(resource)) {
            String all = new String(Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
            for (String line : all.split("\n")) {
                String[] f = line.split("\t");
                if (line.isBlank() || "id".equals(f[0])) {
                    continue;
                }
                if (f.length != 4 || !Set.of("COERCIVE", "BENIGN").contains(f[1])) {
                    throw new IllegalStateException(resource + ": bad row " + line);
                }
                rows.add(new Row(resource, f[2], f[3], "COERCIVE".equals(f[1])));
            }
        }
        return rows;
    }

    /** Benign sentences every share carries or the corpus holds as clean text, normalised, without repeats. */
    static List<String> benignContext() {
        Set<String> out = new LinkedHashSet<>();
        for (MessageKind kind : MessageKind.values()) {
            for (Disclosure clause : ClauseCatalog.english().mandatoryFor(kind)) {
                out.addAll(sentences(clause.text()));
            }
        }
        out.addAll(sentences(Messages.render(SampleData.passingShare())));
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of(Objects.requireNonNull(
                CoercionTrainingData.class.getResource("/corpus")).toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode c = mapper.readTree(Files.readAllBytes(file));
                boolean linted = false;
                for (JsonNode id : c.get("expected").get("ruleIds")) {
                    linted |= LINTER_RULES.contains(id.asString());
                }
                if (!linted) {
                    List<String> strings = new ArrayList<>();
                    collect(c.get("subject"), strings);
                    if (c.has("renderedMessage")) {
                        strings.add(c.get("renderedMessage").asString());
                    }
                    strings.forEach(s -> out.addAll(sentences(s)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(out);
    }

    /** The full training set: every labelled row, then the benign context. */
    static List<CoercionClassifier.Example> examples() {
        List<CoercionClassifier.Example> examples = new ArrayList<>();
        rows().forEach(r -> examples.add(new CoercionClassifier.Example(r.trainingText(), r.coercive())));
        benignContext().forEach(s -> examples.add(new CoercionClassifier.Example(s, false)));
        return examples;
    }

    /** Every string in a JSON tree, depth first. */
    static void collect(JsonNode node, List<String> out) {
        if (node == null) {
            return;
        }
        if (node.isString()) {
            out.add(node.asString());
        } else if (node.isContainer()) {
            for (JsonNode child : node) {
                collect(child, out);
            }
        }
    }

    /** The sentences of a text of at least four words, normalised, split as the linter splits them. */
    static List<String> sentences(String text) {
        return sentences(text, 4);
    }

    /** The sentences of a text of at least {@code minWords} words, normalised, split as the linter splits them. */
    static List<String> sentences(String text, int minWords) {
        String norm = normalise(text);
        List<String> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.US);
        it.setText(norm);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            for (String line : norm.substring(start, end).split("[\r\n]+")) {
                String s = line.strip();
                if (!s.isEmpty() && s.split("\\s+").length >= minWords) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    static String normalise(String text) {
        return TextNormaliser.normalise(text).text();
    }
}

package org.fmishare.sop.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.json.JsonCodecException;
import org.fmishare.sop.InvalidRuleSetException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Reads and checks a rule set document: strict JSON binding (core's codec: unknown fields, duplicate keys and
 * wrong types are errors), then the Jakarta constraints on {@link RuleSetDocument}, then cross-field rules. Every
 * failure is an {@link InvalidRuleSetException} naming the JSON path. Not API.
 */
public final class RuleSetLoader {
    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private RuleSetLoader() {}

    /**
     * Parses and checks a document.
     *
     * @param json the document's bytes
     * @param source a name for messages
     * @param knownRuleIds the built-in rule ids a document may list
     * @return the checked document
     * @throws InvalidRuleSetException naming the path of the first problem
     */
    public static RuleSetDocument load(byte[] json, String source, Set<String> knownRuleIds) {
        RuleSetDocument doc;
        try {
            doc = FmiJson.standard().read(json, RuleSetDocument.class);
        } catch (JsonCodecException e) {
            throw new InvalidRuleSetException(source, e.path(), e.getMessage().substring(e.path().length() + 2), e);
        }
        Set<ConstraintViolation<RuleSetDocument>> violations = VALIDATOR.validate(doc);
        if (!violations.isEmpty()) {
            List<String[]> found = new ArrayList<>();
            for (ConstraintViolation<RuleSetDocument> v : violations) {
                found.add(new String[] {jsonPath(v.getPropertyPath()), v.getMessage()});
            }
            found.sort(Comparator.comparing((String[] a) -> a[0]).thenComparing(a -> a[1]));
            StringBuilder all = new StringBuilder(found.get(0)[1]);
            for (int i = 1; i < found.size(); i++) {
                all.append("; also ").append(found.get(i)[0]).append(": ").append(found.get(i)[1]);
            }
            throw new InvalidRuleSetException(source, found.get(0)[0], all.toString(), null);
        }
        crossCheck(doc, source, knownRuleIds);
        return doc;
    }

    private static void crossCheck(RuleSetDocument doc, String source, Set<String> knownRuleIds) {
        doc.effectiveUntil().ifPresent(until -> {
            if (!until.isAfter(doc.effectiveFrom())) {
                throw new InvalidRuleSetException(source, "$.effectiveUntil", "must be after effectiveFrom ("
                        + doc.effectiveFrom() + "), was " + until, null);
            }
        });
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < doc.rules().size(); i++) {
            String id = doc.rules().get(i).id();
            if (!knownRuleIds.contains(id)) {
                throw new InvalidRuleSetException(source, "$.rules[" + i + "].id", "unknown built-in rule '" + id
                        + "'; custom rules are added through SopRule, not the rule set document", null);
            }
            if (!seen.add(id)) {
                throw new InvalidRuleSetException(source, "$.rules[" + i + "].id", "repeats rule '" + id + "'", null);
            }
        }
        RuleSetDocument.CoercionLexicon lex = doc.coercion();
        for (int i = 0; i < lex.actions().size(); i++) {
            RuleSetDocument.ActionEntry a = lex.actions().get(i);
            checkPhrase(source, "$.coercion.actions[" + i + "].lemma", a.lemma());
            for (int j = 0; j < a.forms().size(); j++) {
                checkPhrase(source, "$.coercion.actions[" + i + "].forms[" + j + "]", a.forms().get(j));
            }
        }
        for (int i = 0; i < lex.frames().size(); i++) {
            List<String> phrases = lex.frames().get(i).phrases();
            for (int j = 0; j < phrases.size(); j++) {
                checkPhrase(source, "$.coercion.frames[" + i + "].phrases[" + j + "]", phrases.get(j));
            }
        }
        checkPhrases(source, "$.coercion.negators", lex.negators());
        checkPhrases(source, "$.coercion.disclaimers", lex.disclaimers());
        checkPhrases(source, "$.coercion.benignPhrases", lex.benignPhrases());
    }

    private static void checkPhrases(String source, String path, List<String> phrases) {
        for (int j = 0; j < phrases.size(); j++) {
            checkPhrase(source, path + "[" + j + "]", phrases.get(j));
        }
    }

    private static void checkPhrase(String source, String path, String phrase) {
        if (phrase.startsWith("*") || phrase.endsWith("*") || phrase.contains("* *")) {
            throw new InvalidRuleSetException(source, path, "a phrase must start and end with a word and must not "
                    + "hold two gaps in a row, was '" + phrase + "'", null);
        }
    }

    /** Turns a Hibernate Validator property path into the codec's JSON path style. */
    static String jsonPath(Path path) {
        StringBuilder sb = new StringBuilder("$");
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                sb.append('.').append(node.getName());
            }
        }
        return sb.toString();
    }
}

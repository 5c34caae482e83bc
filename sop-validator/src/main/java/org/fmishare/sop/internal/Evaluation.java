package org.fmishare.sop.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fmishare.sop.Finding;
import org.fmishare.sop.Severity;
import org.fmishare.sop.TextSpan;

/**
 * Collects what the rules found for one subject: findings in evaluation order, the rules that ran and the rules
 * that could not run (with the reason). Single-threaded, one per validation. Not API.
 */
public final class Evaluation {
    private final Map<String, String> citations = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> evaluated = new ArrayList<>();
    private final Map<String, String> notEvaluated = new LinkedHashMap<>();
    private String current;

    Evaluation(RuleSetDocument doc) {
        doc.rules().forEach(r -> citations.put(r.id(), r.citation()));
    }

    void begin(String ruleId) {
        current = ruleId;
        evaluated.add(ruleId);
    }

    void add(Severity severity, String path, String message) {
        findings.add(Finding.of(current, severity, path, message, citations.get(current)));
    }

    void add(Severity severity, String path, String message, TextSpan span) {
        findings.add(new Finding(current, severity, path, message, citations.get(current), Optional.of(span)));
    }

    /**
     * A finding about a threshold that is this SDK's reading (a grade floor, a count), not SOP text: it is labelled
     * "rule-set policy" and cites the rule-set field instead of an SOP sentence.
     */
    void addPolicy(Severity severity, String path, String message, String field) {
        findings.add(Finding.of(current, severity, path, "rule-set policy: " + message, "rule-set policy ("
                + field + "): a threshold of this SDK's rule set, not a sentence of the SOP"));
    }

    /**
     * Takes over the findings and evaluated rules of another evaluation, with paths moved under a prefix (the
     * corrected share's rules, run inside an amendment's evaluation).
     */
    void merge(Evaluation other, String pathPrefix) {
        for (Finding f : other.findings) {
            String path = f.path().equals("$") ? f.path() : pathPrefix + f.path().substring(1);
            findings.add(new Finding(f.ruleId(), f.severity(), path, f.message(), f.citation(), f.span()));
        }
        for (String id : other.evaluated) {
            if (!evaluated.contains(id)) {
                evaluated.add(id);
            }
        }
        other.notEvaluated.forEach(notEvaluated::putIfAbsent);
    }

    void skip(String reason) {
        evaluated.remove(current);
        notEvaluated.put(current, reason);
    }

    /** {@return the findings, in rule order} */
    public List<Finding> findings() {
        return Collections.unmodifiableList(findings);
    }

    /** {@return the ids of the rules that ran} */
    public List<String> evaluated() {
        return Collections.unmodifiableList(evaluated);
    }

    /** {@return the rules that could not run, with the reason} */
    public Map<String, String> notEvaluated() {
        return Collections.unmodifiableMap(notEvaluated);
    }
}

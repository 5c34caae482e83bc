package org.fmishare.sop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.erdtman.jcs.JsonCanonicalizer;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.json.FmiJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link ComplianceReport} as JSON or as readable text.
 *
 * <p><b>JSON form</b> (field names are stable; new fields may be added, none renamed or removed within a major
 * version):
 * <pre>{@code
 * {
 *   "subject":  {"kind": "THREAT_SHARE" | "MEETING" | "BRIEFING", "id": "...", "time": "2026-10-01T15:00:00Z"},
 *   "ruleSet":  {"id": "sop-2024-02", "version": "1.0.0", "digest": "sha-256:..."},
 *   "verdict":  "PASS" | "NEEDS_REVIEW" | "FAIL",
 *   "findings": [{"ruleId": "...", "severity": "ERROR" | "REVIEW" | "INFO", "path": "$.facts[2].reliability",
 *                 "message": "...", "citation": "...",
 *                 "span": {"start": 0, "end": 42, "text": "..."}}],   // span only for text findings
 *   "rulesEvaluated":    ["P1-CHANNEL", ...],
 *   "rulesNotEvaluated": [{"ruleId": "P1-DISCLOSURES", "reason": "..."}],
 *   "digest":   "sha-256:..."
 * }
 * }</pre>
 * The digest is over {@link #canonicalJson(ComplianceReport)}: the same document without {@code digest},
 * canonicalised with RFC 8785 (JSON Canonicalization Scheme).
 *
 * <p>Stateless and thread-safe.
 */
public final class ReportRenderer {
    private ReportRenderer() {}

    /**
     * The report as indented JSON, including its digest.
     *
     * @param report the report
     * @return the JSON text
     */
    public static String json(ComplianceReport report) {
        ObjectNode node = tree(report);
        node.put("digest", report.digest());
        return FmiJson.standard().mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    /**
     * The canonical form the digest is computed over: the report's JSON without {@code digest}, in RFC 8785 form.
     *
     * @param report the report
     * @return the canonical JSON text
     */
    public static String canonicalJson(ComplianceReport report) {
        Objects.requireNonNull(report, "report");
        return canonical(tree(report));
    }

    /**
     * The report as plain text for a reviewer: verdict, rule set, then each finding with its path, message, the
     * offending text and the citation.
     *
     * @param report the report
     * @return the text, lines separated by {@code \n}
     */
    public static String text(ComplianceReport report) {
        Objects.requireNonNull(report, "report");
        StringBuilder sb = new StringBuilder();
        sb.append("SOP compliance: ").append(report.verdict()).append('\n');
        sb.append("Subject: ").append(report.subjectKind()).append(' ').append(report.subjectId()).append(" (")
                .append(report.subjectTime()).append(")\n");
        sb.append("Rule set: ").append(report.ruleSetId()).append(' ').append(report.ruleSetVersion()).append('\n');
        sb.append("Rules evaluated: ").append(report.rulesEvaluated().size()).append('\n');
        for (ComplianceReport.NotEvaluated n : report.rulesNotEvaluated()) {
            sb.append("NOT EVALUATED ").append(n.ruleId()).append(": ").append(n.reason()).append('\n');
        }
        if (report.findings().isEmpty()) {
            sb.append("No findings.\n");
        }
        int i = 1;
        for (Finding f : report.findings()) {
            sb.append('\n').append(i++).append(". [").append(f.severity()).append("] ").append(f.ruleId())
                    .append(" at ").append(f.path()).append('\n');
            sb.append("   ").append(f.message()).append('\n');
            f.span().ifPresent(s -> sb.append("   text [").append(s.start()).append(", ").append(s.end())
                    .append("): \"").append(s.text()).append("\"\n"));
            sb.append("   SOP: \"").append(f.citation()).append("\"\n");
            if (f.severity() == Severity.REVIEW) {
                // What a reviewer's decision names (fmi-share review --decide ID=approve:REASON).
                sb.append("   finding id: ").append(f.id()).append('\n');
            }
        }
        sb.append("\nDigest: ").append(report.digest()).append('\n');
        return sb.toString();
    }

    static String digestOf(ComplianceReport report) {
        return Digests.sha256(canonical(tree(report)).getBytes(StandardCharsets.UTF_8));
    }

    private static String canonical(ObjectNode node) {
        try {
            return new JsonCanonicalizer(FmiJson.standard().mapper().writeValueAsString(node)).getEncodedString();
        } catch (IOException e) {
            // Our own writer produced the input, so this cannot happen short of a library defect.
            throw new IllegalStateException("cannot canonicalise a report", e);
        }
    }

    private static ObjectNode tree(ComplianceReport r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode subject = root.putObject("subject");
        subject.put("kind", r.subjectKind().name());
        subject.put("id", r.subjectId());
        subject.put("time", r.subjectTime().toString());
        ObjectNode rs = root.putObject("ruleSet");
        rs.put("id", r.ruleSetId());
        rs.put("version", r.ruleSetVersion());
        rs.put("digest", r.ruleSetDigest());
        root.put("verdict", r.verdict().name());
        ArrayNode findings = root.putArray("findings");
        for (Finding x : r.findings()) {
            ObjectNode n = findings.addObject();
            n.put("ruleId", x.ruleId());
            n.put("severity", x.severity().name());
            n.put("path", x.path());
            n.put("message", x.message());
            n.put("citation", x.citation());
            x.span().ifPresent(s -> {
                ObjectNode sp = n.putObject("span");
                sp.put("start", s.start());
                sp.put("end", s.end());
                sp.put("text", s.text());
            });
        }
        ArrayNode ev = root.putArray("rulesEvaluated");
        r.rulesEvaluated().forEach(ev::add);
        ArrayNode ne = root.putArray("rulesNotEvaluated");
        for (ComplianceReport.NotEvaluated x : r.rulesNotEvaluated()) {
            ObjectNode n = ne.addObject();
            n.put("ruleId", x.ruleId());
            n.put("reason", x.reason());
        }
        return root;
    }
}

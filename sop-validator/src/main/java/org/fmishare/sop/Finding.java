package org.fmishare.sop;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One rule's objection to a share, meeting or briefing.
 *
 * @param ruleId the rule that objects, for example {@code P1-CONFIDENCE-HIGH}
 * @param severity how much it weighs
 * @param path JSON path of the offending field in the subject's JSON form, in the codec's style:
 *     {@code $.narrative}, {@code $.facts[2].reliability}, {@code $.accounts[0]}; {@code $} for the whole subject
 * @param message what is wrong, in words a reviewer can act on
 * @param citation the sentence of the SOP principles the rule enforces, verbatim
 * @param span for text rules, the offending stretch of the field's text
 */
public record Finding(String ruleId, Severity severity, String path, String message, String citation,
        Optional<TextSpan> span) {
    /** Rule ids: upper-case words joined by hyphens, for example {@code P2-ONE-SMC} or {@code AGENCY-X-7}. */
    public static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+){1,7}");
    private static final Pattern PATH = Pattern.compile("\\$(\\.[A-Za-z][A-Za-z0-9]*|\\[[0-9]+])*");

    /** Validates every part. */
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(span, "span");
        if (!RULE_ID.matcher(ruleId).matches()) {
            throw new IllegalArgumentException("ruleId must match " + RULE_ID + ", was '" + ruleId + "'");
        }
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("path must be a JSON path like $.facts[2].reliability, was '" + path
                    + "'");
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException("finding " + ruleId + ": message must not be blank");
        }
        if (citation.isBlank()) {
            throw new IllegalArgumentException("finding " + ruleId + ": citation must not be blank");
        }
    }

    /**
     * The finding's id, by which a reviewer's decision names it: the rule id, {@code @}, the JSON path and, for a
     * text finding, {@code #start-end} of its span, for example {@code P1-NO-COERCION@$.narrative#0-42}. Two
     * findings of one rule at one place share an id, and one decision covers both.
     *
     * @return the id
     */
    public String id() {
        return ruleId + "@" + path + span.map(s -> "#" + s.start() + "-" + s.end()).orElse("");
    }

    /**
     * A finding without a text span.
     *
     * @param ruleId the rule id
     * @param severity the severity
     * @param path the JSON path
     * @param message the message
     * @param citation the citation
     * @return the finding
     */
    public static Finding of(String ruleId, Severity severity, String path, String message, String citation) {
        return new Finding(ruleId, severity, path, message, citation, Optional.empty());
    }
}

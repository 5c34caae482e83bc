package org.fmishare.sop.corpus;

import java.util.List;
import java.util.Optional;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.sop.SubjectKind;

/**
 * One labelled corpus case as stored in {@code src/test/resources/corpus/*.json}.
 *
 * <p>File format: {@code {"description", "kind": THREAT_SHARE|MEETING|BRIEFING, "check": FULL|CONTENT_ONLY,
 * "renderedMessage" (FULL shares only), "expected": {"verdict", "ruleIds": [...]}, "subject": <model JSON>}}.
 * {@code ruleIds} is the exact set of rule ids the report's findings must carry.
 *
 * @param description what the case tests
 * @param kind the subject kind
 * @param check FULL or CONTENT_ONLY (shares)
 * @param renderedMessage the rendered message for a FULL share check
 * @param expectedVerdict the labelled verdict
 * @param expectedRuleIds the labelled rule ids
 * @param subjectJson the subject's model JSON
 */
public record CorpusCase(String description, SubjectKind kind, String check, Optional<String> renderedMessage,
        Verdict expectedVerdict, List<String> expectedRuleIds, String subjectJson) {}

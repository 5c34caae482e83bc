package org.fmishare.core.envelope;

import java.util.List;
import java.util.Objects;
import org.fmishare.core.compliance.ComplianceSummary;

/**
 * The receiving side's own SOP check of a signed subject: given the share, meeting notice or briefing summary an
 * envelope carries and the compliance summary its sender claims, re-runs the validation under the rule set the
 * summary names and returns the summary this party computes, or refuses when it cannot check under that rule set.
 *
 * <p>The core defines only this extension point, because it cannot depend on the validator; the SOP validator module
 * implements it ({@code org.fmishare.sop.SopRechecker}). Set one on {@link EnvelopeVerifier.Builder#complianceRechecker};
 * the verifier then rejects, with {@link EnvelopeException.Check#COMPLIANCE_RECHECK}, an envelope whose claimed
 * verdict, rule set or report digest differs from the recomputed one, so a receiver never has to trust the sender's
 * verdict.
 *
 * <p>An implementation must be deterministic: the same subject and rule set give the same report digest on every
 * machine and at every time (the validator judges a subject by its own dates, never by the clock). It must be
 * thread-safe, and must not throw for a subject it can judge: input it cannot judge is a {@link Refused} result.
 */
@FunctionalInterface
public interface ComplianceRechecker {
    /**
     * Re-checks a signed subject.
     *
     * @param subject the body the envelope carries (the verifier has already checked its signature and content)
     * @param claimed the compliance summary the envelope carries
     * @return the recomputed summary, or the reason this party cannot check under the named rule set
     */
    Result recheck(EnvelopeBody.Subject subject, ComplianceSummary claimed);

    /** What a re-check produced: a {@link Recomputed} summary, or a {@link Refused} re-check. */
    sealed interface Result permits Recomputed, Refused {}

    /**
     * The summary of this party's own report on the subject, under the rule set the envelope names.
     *
     * @param summary the recomputed verdict, rule set and report digest
     * @param objections one short line per finding that keeps the verdict from PASS (severity, rule id and JSON
     *     path, for example {@code ERROR P1-NO-COERCION $.narrative}), for the rejection's message; empty for PASS
     */
    record Recomputed(ComplianceSummary summary, List<String> objections) implements Result {
        /** Rejects nulls and copies the list. */
        public Recomputed {
            Objects.requireNonNull(summary, "summary");
            objections = List.copyOf(objections);
        }
    }

    /**
     * This party cannot check the subject as the envelope asks: for example the rule set it names is unknown here,
     * or this party's copy of it has another version.
     *
     * @param reason one sentence naming the rule set and what is wrong, for the rejection's message
     */
    record Refused(String reason) implements Result {
        /** Rejects null and blank reasons. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("reason must not be blank");
            }
        }
    }
}

package org.fmishare.sop;

import java.util.List;
import java.util.Set;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.ThreatShare;

/**
 * An agency's own rule, run after the built-in rules of the rule set.
 *
 * <p>Register rules explicitly with {@link SopValidator.Builder#addRule(SopRule)}, or opt in to classpath discovery
 * with {@link SopValidator.Builder#discoverRules(ClassLoader)} (a {@link java.util.ServiceLoader} of this
 * interface; every rule found is logged at INFO, since a planted rule could weaken a compliance decision only by
 * being discovered, never by being absent).
 *
 * <p>Contract: implementations are thread-safe and side-effect free; every finding they return carries their
 * own {@link #id()} and {@link #citation()}. The validator guards each call: a rule that throws, returns null or
 * returns a finding under another id does not break validation; the report gets an {@link Severity#ERROR} finding
 * under the rule's id instead, so a broken rule fails closed.
 */
public interface SopRule {
    /** {@return the rule's id, matching {@link Finding#RULE_ID} and distinct from every built-in rule id} */
    String id();

    /** {@return the sentence of the principles (or of the agency's SOP) the rule enforces} */
    String citation();

    /** {@return which subjects the rule applies to} */
    Set<SubjectKind> appliesTo();

    /**
     * Checks a prong-1 share.
     *
     * @param share the share
     * @param ruleSet the rule set in force
     * @return findings, empty when satisfied
     */
    default List<Finding> checkShare(ThreatShare share, RuleSet ruleSet) {
        return List.of();
    }

    /**
     * Checks a prong-2 meeting.
     *
     * @param meeting the meeting
     * @param ruleSet the rule set in force
     * @return findings, empty when satisfied
     */
    default List<Finding> checkMeeting(Meeting meeting, RuleSet ruleSet) {
        return List.of();
    }

    /**
     * Checks a briefing.
     *
     * @param briefing the briefing
     * @param ruleSet the rule set in force
     * @return findings, empty when satisfied
     */
    default List<Finding> checkBriefing(Briefing briefing, RuleSet ruleSet) {
        return List.of();
    }

    /**
     * Checks a correction or retraction; called only if {@link #appliesTo()} contains
     * {@link SubjectKind#SHARE_AMENDMENT}.
     *
     * @param amendment the amendment
     * @param ruleSet the rule set in force
     * @return the findings, empty when the amendment satisfies the rule
     */
    default List<Finding> checkAmendment(ShareAmendment amendment, RuleSet ruleSet) {
        return List.of();
    }
}

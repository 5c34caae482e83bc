package org.fmishare.sop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.disclosure.DisclosureVerifier;
import org.fmishare.sop.internal.BuiltInRules;
import org.fmishare.sop.internal.Evaluation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a prong-1 share may be sent, a prong-2 meeting held as planned, or a briefing given, under the
 * SOP rule set in force, and explains why in a {@link ComplianceReport}.
 *
 * <pre>{@code
 * SopValidator validator = SopValidator.standard();
 * ComplianceReport report = validator.validate(share, renderedMessage);
 * if (report.verdict() != Verdict.PASS) { ... ReportRenderer.text(report) ... }
 * envelope.compliance(report.summary());
 * }</pre>
 *
 * <p><b>Choosing the rule set.</b> Unless pinned with {@link #withRuleSet(RuleSet)}, the rule set is the highest
 * version in force (UTC day, {@link RuleSets#inForceOn}) on the share's {@code createdAt}, the meeting's
 * {@code scheduledAt}, the briefing's {@code heldAt} or the amendment's {@code createdAt};
 * {@link NoRuleSetInForceException} when there is none.
 *
 * <p><b>Full versus content-only share checks.</b> {@link #validate(ThreatShare, String)} also verifies that the
 * rendered message carries every mandatory disclosure clause unaltered. {@link #validateContentOnly(ThreatShare)}
 * checks the share alone; its report lists the disclosure rule under
 * {@link ComplianceReport#rulesNotEvaluated()} and its verdict is never PASS.
 *
 * <p>Model values are structurally valid by construction (their records validate in their constructors), so the
 * validator decides SOP sufficiency only. Immutable and thread-safe; build once and share.
 */
public final class SopValidator {
    private static final Logger LOG = LoggerFactory.getLogger(SopValidator.class);
    private static final SopValidator STANDARD = builder().build();
    private static final String AMENDMENT_RULE_SET = "AM-RULE-SET";
    private static final List<String> AMENDMENT_RULE_IDS = List.of(AMENDMENT_RULE_SET, "AM-REASON",
            "AM-NO-COERCION", "AM-DISCLOSURES");

    private final RuleSets ruleSets;
    private final Optional<RuleSet> pinned;
    private final List<SopRule> rules;
    private final DisclosureVerifier verifier;

    private SopValidator(RuleSets ruleSets, Optional<RuleSet> pinned, List<SopRule> rules,
            DisclosureVerifier verifier) {
        this.ruleSets = ruleSets;
        this.pinned = pinned;
        this.rules = rules;
        this.verifier = verifier;
    }

    /** {@return a validator with the bundled rule sets, the standard disclosure verifier and no added rules} */
    public static SopValidator standard() {
        return STANDARD;
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A validator like this one that always applies {@code ruleSet}, whatever the subject's date.
     *
     * @param ruleSet the rule set to apply
     * @return the pinned validator
     */
    public SopValidator withRuleSet(RuleSet ruleSet) {
        return new SopValidator(ruleSets, Optional.of(Objects.requireNonNull(ruleSet, "ruleSet")), rules, verifier);
    }

    /**
     * The rule set this validator applies to a subject dated {@code at}.
     *
     * @param at the subject's date
     * @return the pinned rule set, or the one in force
     * @throws NoRuleSetInForceException when none is in force
     */
    public RuleSet ruleSetFor(Instant at) {
        Objects.requireNonNull(at, "at");
        return pinned.orElseGet(() -> ruleSets.inForceAt(at));
    }

    /**
     * Full check of a prong-1 share, including its mandatory disclosures.
     *
     * @param share the share
     * @param renderedMessage the message exactly as the company will receive it (plain text or HTML)
     * @return the report
     * @throws NoRuleSetInForceException when no rule set is in force on the share's date
     */
    public ComplianceReport validate(ThreatShare share, String renderedMessage) {
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(renderedMessage, "renderedMessage");
        return share(share, Optional.of(renderedMessage));
    }

    /**
     * Checks a share's content without its rendered message. The disclosure rule is reported as not evaluated,
     * so the verdict is NEEDS_REVIEW at best: use it while drafting, never as the decision to send.
     *
     * @param share the share
     * @return the report, never PASS
     * @throws NoRuleSetInForceException when no rule set is in force on the share's date
     */
    public ComplianceReport validateContentOnly(ThreatShare share) {
        Objects.requireNonNull(share, "share");
        return share(share, Optional.empty());
    }

    private ComplianceReport share(ThreatShare share, Optional<String> rendered) {
        RuleSet rs = ruleSetFor(share.createdAt());
        Evaluation ev = BuiltInRules.share(share, rendered, rs.document(), rs.linter(), verifier);
        return report(SubjectKind.THREAT_SHARE, share.id(), share.createdAt(), rs, ev,
                r -> r.checkShare(share, rs));
    }

    /**
     * Checks a prong-2 meeting as planned (or, with minutes, as held).
     *
     * @param meeting the meeting
     * @return the report
     * @throws NoRuleSetInForceException when no rule set is in force on the meeting's date
     */
    public ComplianceReport validate(Meeting meeting) {
        Objects.requireNonNull(meeting, "meeting");
        RuleSet rs = ruleSetFor(meeting.scheduledAt());
        Evaluation ev = BuiltInRules.meeting(meeting, rs.document(), rs.linter());
        return report(SubjectKind.MEETING, meeting.id(), meeting.scheduledAt(), rs, ev,
                r -> r.checkMeeting(meeting, rs));
    }

    /**
     * Checks a briefing of election officials.
     *
     * @param briefing the briefing
     * @return the report
     * @throws NoRuleSetInForceException when no rule set is in force on the briefing's date
     */
    public ComplianceReport validate(Briefing briefing) {
        Objects.requireNonNull(briefing, "briefing");
        RuleSet rs = ruleSetFor(briefing.heldAt());
        Evaluation ev = BuiltInRules.briefing(briefing, rs.document(), rs.linter());
        return report(SubjectKind.BRIEFING, briefing.id(), briefing.heldAt(), rs, ev,
                r -> r.checkBriefing(briefing, rs));
    }

    /**
     * Validates a correction or retraction with the message the company will read: the amendment rules (a reason,
     * no coercion in the reason or the message, the mandatory disclosures) and, for a correction, every share rule
     * on the corrected share, whose findings keep their rule ids and point under {@code $.correctedShare}.
     *
     * @param amendment the amendment
     * @param renderedMessage the rendered amendment message ({@code DisclosureRenderer.renderAmendment})
     * @return the report; FAIL with an {@code AM-RULE-SET} ERROR naming the rule set and version when the rule set
     *     chosen has no amendment rules (sop-2024-02 before 1.1.0), never a PASS on no rules
     */
    public ComplianceReport validate(ShareAmendment amendment, String renderedMessage) {
        Objects.requireNonNull(amendment, "amendment");
        Objects.requireNonNull(renderedMessage, "renderedMessage");
        RuleSet rs = ruleSetFor(amendment.createdAt());
        Evaluation ev = BuiltInRules.amendment(amendment, renderedMessage, rs.document(), rs.linter(), verifier);
        return report(SubjectKind.SHARE_AMENDMENT, amendment.id(), amendment.createdAt(), rs, ev,
                r -> r.checkAmendment(amendment, rs), withoutAmendmentRules(rs));
    }

    /**
     * An amendment judged under a rule set that has no amendment rules (sop-2024-02 1.0.0 predates them) would
     * otherwise run no rule of its own and could PASS on nothing; it fails instead, naming the rule set.
     */
    private List<Finding> withoutAmendmentRules(RuleSet rs) {
        if (hasAmendmentRules(rs)) {
            return List.of();
        }
        // The first version of this rule set that has them, from the registry rather than a name in the code.
        String from = ruleSets.versions(rs.id()).stream().filter(SopValidator::hasAmendmentRules).findFirst()
                .map(v -> " (" + v.id() + " has them from version " + v.version() + ")").orElse("");
        return List.of(Finding.of(AMENDMENT_RULE_SET, Severity.ERROR, "$", "rule set " + rs.id() + " version "
                + rs.version() + " has no amendment rules (" + String.join(", ", AMENDMENT_RULE_IDS)
                + "), so a correction or retraction cannot be checked under it; check it under a version that has "
                + "them" + from, rs.citation("P1-RULE-SET").orElse(rs.title())));
    }

    private static boolean hasAmendmentRules(RuleSet rs) {
        return rs.ruleIds().stream().anyMatch(AMENDMENT_RULE_IDS::contains);
    }

    private ComplianceReport report(SubjectKind kind, String id, Instant at, RuleSet rs, Evaluation ev,
            Function<SopRule, List<Finding>> call) {
        return report(kind, id, at, rs, ev, call, List.of());
    }

    private ComplianceReport report(SubjectKind kind, String id, Instant at, RuleSet rs, Evaluation ev,
            Function<SopRule, List<Finding>> call, List<Finding> before) {
        List<Finding> findings = new ArrayList<>(before);
        findings.addAll(ev.findings());
        List<String> evaluated = new ArrayList<>(ev.evaluated());
        for (SopRule rule : rules) {
            if (!rule.appliesTo().contains(kind)) {
                continue;
            }
            evaluated.add(rule.id());
            findings.addAll(guarded(rule, call));
        }
        List<ComplianceReport.NotEvaluated> skipped = new ArrayList<>();
        for (Map.Entry<String, String> e : ev.notEvaluated().entrySet()) {
            skipped.add(new ComplianceReport.NotEvaluated(e.getKey(), e.getValue()));
        }
        ComplianceReport report = new ComplianceReport(kind, id, at, rs, findings, evaluated, skipped);
        LOG.debug("SOP check of {} {} under {} {}: {} ({} findings)", kind, id, rs.id(), rs.version(),
                report.verdict(), findings.size());
        return report;
    }

    /** Runs an added rule so that its failure becomes a FAIL finding rather than a broken caller. */
    private static List<Finding> guarded(SopRule rule, Function<SopRule, List<Finding>> call) {
        List<Finding> out;
        try {
            out = call.apply(rule);
        } catch (RuntimeException e) {
            LOG.warn("SOP rule {} ({}) failed; reporting it as a failure", rule.id(), rule.getClass().getName(), e);
            return List.of(Finding.of(rule.id(), Severity.ERROR, "$", "rule failed to evaluate ("
                    + e.getClass().getSimpleName() + "); treated as a failure", rule.citation()));
        }
        if (out == null) {
            return List.of(Finding.of(rule.id(), Severity.ERROR, "$", "rule returned no result; treated as a "
                    + "failure", rule.citation()));
        }
        List<Finding> checked = new ArrayList<>(out.size());
        for (Finding f : out) {
            if (f == null || !f.ruleId().equals(rule.id())) {
                checked.add(Finding.of(rule.id(), Severity.ERROR, "$", "rule returned a finding under another "
                        + "id (" + (f == null ? "null" : f.ruleId()) + "); treated as a failure", rule.citation()));
            } else {
                checked.add(f);
            }
        }
        return checked;
    }

    /** Configures a validator; each option may be set once. Not thread-safe; the product is. */
    public static final class Builder {
        private RuleSets ruleSets;
        private RuleSet pinned;
        private DisclosureVerifier verifier;
        private final List<SopRule> rules = new ArrayList<>();

        private Builder() {}

        /**
         * The rule sets to choose from by date (default {@link RuleSets#standard()}).
         *
         * @param ruleSets the registry
         * @return this builder
         * @throws IllegalStateException when already set
         */
        public Builder ruleSets(RuleSets ruleSets) {
            Objects.requireNonNull(ruleSets, "ruleSets");
            if (this.ruleSets != null) {
                throw new IllegalStateException("ruleSets was already set to " + this.ruleSets.all());
            }
            this.ruleSets = ruleSets;
            return this;
        }

        /**
         * Always apply this rule set, whatever the subject's date.
         *
         * @param ruleSet the rule set
         * @return this builder
         * @throws IllegalStateException when already set
         */
        public Builder ruleSet(RuleSet ruleSet) {
            Objects.requireNonNull(ruleSet, "ruleSet");
            if (this.pinned != null) {
                throw new IllegalStateException("ruleSet was already set to " + this.pinned);
            }
            this.pinned = ruleSet;
            return this;
        }

        /**
         * The disclosure verifier for the share disclosure rule (default {@link DisclosureVerifier#standard()}).
         *
         * @param verifier the verifier
         * @return this builder
         * @throws IllegalStateException when already set
         */
        public Builder disclosureVerifier(DisclosureVerifier verifier) {
            Objects.requireNonNull(verifier, "verifier");
            if (this.verifier != null) {
                throw new IllegalStateException("disclosureVerifier was already set");
            }
            this.verifier = verifier;
            return this;
        }

        /**
         * Adds an agency rule, run after the built-in rules.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder addRule(SopRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Opts in to discovering {@link SopRule} implementations on the class path with {@link ServiceLoader}.
         * Every discovered rule is logged at INFO with its id and class.
         *
         * @param loader the class loader to search
         * @return this builder
         */
        public Builder discoverRules(ClassLoader loader) {
            Objects.requireNonNull(loader, "loader");
            for (SopRule rule : ServiceLoader.load(SopRule.class, loader)) {
                LOG.info("discovered SOP rule {} ({}) on the class path", rule.id(), rule.getClass().getName());
                rules.add(rule);
            }
            return this;
        }

        /**
         * Builds the validator.
         *
         * @return the immutable validator
         * @throws IllegalArgumentException when an added rule's id is malformed, repeats, or is a built-in id
         */
        public SopValidator build() {
            Set<String> ids = new HashSet<>();
            for (SopRule r : rules) {
                String id = Objects.requireNonNull(r.id(), "rule id");
                if (!Finding.RULE_ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("rule id must match " + Finding.RULE_ID + ", was '" + id
                            + "'");
                }
                if (BuiltInRules.IDS.contains(id)) {
                    throw new IllegalArgumentException("rule id '" + id + "' is a built-in rule id");
                }
                if (!ids.add(id)) {
                    throw new IllegalArgumentException("rule id '" + id + "' is added twice");
                }
                if (r.citation() == null || r.citation().isBlank()) {
                    throw new IllegalArgumentException("rule '" + id + "' has no citation");
                }
                Objects.requireNonNull(r.appliesTo(), "appliesTo of rule " + id);
            }
            return new SopValidator(ruleSets == null ? RuleSets.standard() : ruleSets, Optional.ofNullable(pinned),
                    List.copyOf(rules), verifier == null ? DisclosureVerifier.standard() : verifier);
        }
    }
}

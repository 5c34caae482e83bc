package org.fmishare.sop.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.fmishare.core.model.ActorKind;
import org.fmishare.core.model.AdHocTrigger;
import org.fmishare.core.model.AttendeeSide;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.BriefingTopic;
import org.fmishare.core.model.ConsentStatus;
import org.fmishare.core.model.CountryCode;
import org.fmishare.core.model.Fact;
import org.fmishare.core.model.FactKind;
import org.fmishare.core.model.FitfRole;
import org.fmishare.core.model.ForeignActor;
import org.fmishare.core.model.InformationCredibility;
import org.fmishare.core.model.SourceReliability;
import org.fmishare.core.model.SourceType;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.MeetingKind;
import org.fmishare.core.model.ParticipationState;
import org.fmishare.core.model.PlatformAccount;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.SocialMediaCompany;
import org.fmishare.core.model.TargetKind;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.core.model.UsPersonIndicator;
import org.fmishare.disclosure.ClauseResult;
import org.fmishare.disclosure.DisclosureReport;
import org.fmishare.disclosure.DisclosureVerifier;
import org.fmishare.disclosure.MessageKind;
import org.fmishare.sop.Severity;
import org.fmishare.sop.TextSpan;

/**
 * The built-in SOP rules. Each rule is a method keyed by its id; a rule set lists the ids in force and their order.
 * Rules read thresholds from the rule set document only, so a new SOP version is a new document. Stateless and
 * thread-safe. Not API.
 */
public final class BuiltInRules {
    private static final Set<FactKind> LINKING = EnumSet.of(FactKind.ACTOR_ATTRIBUTION, FactKind.ACCOUNT_LINKAGE,
            FactKind.OPERATIONAL_DIRECTION);

    /** The input to the prong-1 rules. */
    private record ShareInput(ThreatShare share, Optional<String> rendered, RuleSetDocument doc,
            CoercionLinter linter, DisclosureVerifier verifier) {}

    private record MeetingInput(Meeting meeting, RuleSetDocument doc, CoercionLinter linter) {}

    private record BriefingInput(Briefing briefing, RuleSetDocument doc, CoercionLinter linter) {}

    private record AmendmentInput(ShareAmendment amendment, String rendered, RuleSetDocument doc,
            CoercionLinter linter, DisclosureVerifier verifier) {}

    private static final Map<String, BiConsumer<ShareInput, Evaluation>> SHARE = new LinkedHashMap<>();
    private static final Map<String, BiConsumer<MeetingInput, Evaluation>> MEETING = new LinkedHashMap<>();
    private static final Map<String, BiConsumer<BriefingInput, Evaluation>> BRIEFING = new LinkedHashMap<>();
    private static final Map<String, BiConsumer<AmendmentInput, Evaluation>> AMENDMENT = new LinkedHashMap<>();

    static {
        SHARE.put("P1-RULE-SET", BuiltInRules::ruleSet);
        SHARE.put("P1-CHANNEL", BuiltInRules::channel);
        SHARE.put("P1-VOLUNTARY", BuiltInRules::voluntary);
        SHARE.put("P1-FACTS-COUNT", BuiltInRules::factsCount);
        SHARE.put("P1-FACTS-CREDIBLE", BuiltInRules::factsCredible);
        SHARE.put("P1-FACTS-SPECIFIC", BuiltInRules::factsSpecific);
        SHARE.put("P1-CONFIDENCE-HIGH", BuiltInRules::confidence);
        SHARE.put("P1-FOREIGN-NEXUS", BuiltInRules::foreignNexus);
        SHARE.put("P1-COVERT", BuiltInRules::covert);
        SHARE.put("P1-FMI-OPERATION", BuiltInRules::operation);
        SHARE.put("P1-ACTOR-DRIVEN", BuiltInRules::actorDriven);
        SHARE.put("P1-RECIPIENT-HOSTS", BuiltInRules::recipientHosts);
        SHARE.put("P1-US-PERSON-GUARD", BuiltInRules::usPersonGuard);
        SHARE.put("P1-NO-COERCION", BuiltInRules::shareCoercion);
        SHARE.put("P1-DISCLOSURES", BuiltInRules::disclosures);
        MEETING.put("P2-ONE-SMC", BuiltInRules::oneSmc);
        MEETING.put("P2-FITF-INVOLVED", BuiltInRules::fitfInvolved);
        MEETING.put("P2-AOR", BuiltInRules::areaOfResponsibility);
        MEETING.put("P2-NO-CONTENT-DIRECTION", BuiltInRules::meetingCoercion);
        MEETING.put("P2-CONSENT", BuiltInRules::consent);
        MEETING.put("P2-CADENCE", BuiltInRules::cadence);
        BRIEFING.put("BR-RECORDED", BuiltInRules::recorded);
        BRIEFING.put("BR-TOPICS", BuiltInRules::topics);
        BRIEFING.put("BR-NO-COERCION", BuiltInRules::briefingCoercion);
        AMENDMENT.put("AM-RULE-SET", BuiltInRules::amendmentRuleSet);
        AMENDMENT.put("AM-REASON", BuiltInRules::amendmentReason);
        AMENDMENT.put("AM-NO-COERCION", BuiltInRules::amendmentCoercion);
        AMENDMENT.put("AM-DISCLOSURES", BuiltInRules::amendmentDisclosures);
    }

    /** Every built-in rule id. */
    public static final Set<String> IDS;

    static {
        Set<String> ids = new HashSet<>(SHARE.keySet());
        ids.addAll(MEETING.keySet());
        ids.addAll(BRIEFING.keySet());
        ids.addAll(AMENDMENT.keySet());
        IDS = Set.copyOf(ids);
    }

    private BuiltInRules() {}

    /**
     * Runs the prong-1 rules in force.
     *
     * @param share the share
     * @param rendered the rendered message, empty for a content-only check
     * @param doc the rule set
     * @param linter the rule set's coercion linter
     * @param verifier the disclosure verifier
     * @return what the rules found
     */
    public static Evaluation share(ThreatShare share, Optional<String> rendered, RuleSetDocument doc,
            CoercionLinter linter, DisclosureVerifier verifier) {
        return run(SHARE, new ShareInput(share, rendered, doc, linter, verifier), doc);
    }

    /**
     * Runs the prong-2 rules in force.
     *
     * @param meeting the meeting
     * @param doc the rule set
     * @param linter the rule set's coercion linter
     * @return what the rules found
     */
    public static Evaluation meeting(Meeting meeting, RuleSetDocument doc, CoercionLinter linter) {
        return run(MEETING, new MeetingInput(meeting, doc, linter), doc);
    }

    /**
     * Runs the briefing rules in force.
     *
     * @param briefing the briefing
     * @param doc the rule set
     * @param linter the rule set's coercion linter
     * @return what the rules found
     */
    public static Evaluation briefing(Briefing briefing, RuleSetDocument doc, CoercionLinter linter) {
        return run(BRIEFING, new BriefingInput(briefing, doc, linter), doc);
    }

    /**
     * Runs the amendment rules in force and, for a correction, the prong-1 rules on the corrected share (with the
     * amendment message as its rendered message), their findings moved under {@code $.correctedShare}.
     *
     * @param amendment the correction or retraction
     * @param rendered the rendered amendment message
     * @param doc the rule set
     * @param linter the rule set's coercion linter
     * @param verifier the disclosure verifier
     * @return what the rules found
     */
    public static Evaluation amendment(ShareAmendment amendment, String rendered, RuleSetDocument doc,
            CoercionLinter linter, DisclosureVerifier verifier) {
        Evaluation ev = run(AMENDMENT, new AmendmentInput(amendment, rendered, doc, linter, verifier), doc);
        amendment.correctedShare().ifPresent(s -> ev.merge(run(SHARE, new ShareInput(s, Optional.of(rendered), doc,
                linter, verifier), doc), "$.correctedShare"));
        return ev;
    }

    private static <T> Evaluation run(Map<String, BiConsumer<T, Evaluation>> rules, T input, RuleSetDocument doc) {
        Evaluation ev = new Evaluation(doc);
        for (RuleSetDocument.RuleEntry entry : doc.rules()) {
            BiConsumer<T, Evaluation> rule = rules.get(entry.id());
            if (rule != null) {
                ev.begin(entry.id());
                rule.accept(input, ev);
            }
        }
        return ev;
    }

    // ---- prong 1 -------------------------------------------------------------------------------------------

    private static void ruleSet(ShareInput in, Evaluation ev) {
        if (!in.share().ruleSetId().equals(in.doc().id())) {
            ev.add(Severity.REVIEW, "$.ruleSetId", "the share was prepared under rule set '" + in.share().ruleSetId()
                    + "' but is checked against '" + in.doc().id() + "' " + in.doc().version());
        }
    }

    private static void channel(ShareInput in, Evaluation ev) {
        ThreatShare s = in.share();
        if (s.sendingOffice().isFitf()) {
            return;
        }
        if (s.fitfCoordination().isEmpty()) {
            ev.add(Severity.ERROR, "$.fitfCoordination", "sent by field office '" + s.sendingOffice().id()
                    + "' without a record of coordination with the FITF");
        } else if (s.fitfCoordination().get().coordinatedAt().isAfter(s.createdAt())) {
            ev.add(Severity.ERROR, "$.fitfCoordination.coordinatedAt", "FITF coordination ("
                    + s.fitfCoordination().get().coordinatedAt() + ") is recorded after the share was prepared ("
                    + s.createdAt() + ")");
        }
    }

    private static void voluntary(ShareInput in, Evaluation ev) {
        ThreatShare s = in.share();
        var p = s.recipient().threatSharing();
        if (!p.optedInAt(s.createdAt())) {
            String why = p.state() == ParticipationState.OPTED_IN
                    ? "opted in only on " + p.since().orElseThrow() + ", after the share was prepared"
                    : p.state() == ParticipationState.DECLINED ? "declined prong-1 sharing on "
                            + p.since().orElseThrow() : "has not been asked whether it wants prong-1 sharing";
            ev.add(Severity.ERROR, "$.recipient.threatSharing", "recipient '" + s.recipient().id() + "' " + why);
        }
    }

    private static boolean credible(Fact f, RuleSetDocument.Facts t) {
        return f.reliability().atLeast(t.minimumReliability()) && f.credibility().atLeast(t.minimumCredibility());
    }

    private static Set<String> knownRefs(ThreatShare s) {
        Set<String> refs = new HashSet<>();
        refs.add(s.actor().id());
        s.accounts().forEach(a -> refs.add(a.ref()));
        return refs;
    }

    private static List<String> vagueness(Fact f, int index, ThreatShare s, RuleSetDocument.Facts t,
            Set<String> refs, List<String> paths) {
        List<String> problems = new ArrayList<>();
        String base = "$.facts[" + index + "]";
        if (f.about().isEmpty()) {
            problems.add("names neither the actor nor an account (no who)");
            paths.add(base + ".about");
        }
        for (int j = 0; j < f.about().size(); j++) {
            if (!refs.contains(f.about().get(j))) {
                problems.add("refers to '" + f.about().get(j) + "', which is neither the actor nor a listed account");
                paths.add(base + ".about[" + j + "]");
            }
        }
        int words = words(f.statement());
        if (words < t.minimumStatementWords()) {
            problems.add("statement has " + words + " words, at least " + t.minimumStatementWords()
                    + " are needed to say what happened (no what)");
            paths.add(base + ".statement");
        }
        if (t.requireActivityDate() && f.activityDate().isEmpty()) {
            problems.add("gives no activity date (no when)");
            paths.add(base + ".activityDate");
        }
        LocalDate created = LocalDate.ofInstant(s.createdAt(), ZoneOffset.UTC);
        if (f.activityDate().map(d -> d.isAfter(created)).orElse(false)) {
            problems.add("activity date " + f.activityDate().get() + " is after the share was prepared");
            paths.add(base + ".activityDate");
        }
        return problems;
    }

    /** Statement text reduced to its words, so that two copies of one fact are recognised as one. */
    private static String factKey(Fact f) {
        return f.statement().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static void factsCount(ShareInput in, Evaluation ev) {
        ThreatShare s = in.share();
        RuleSetDocument.Facts t = in.doc().facts();
        Set<String> refs = knownRefs(s);
        Set<String> seen = new HashSet<>();
        int good = 0;
        for (int i = 0; i < s.facts().size(); i++) {
            Fact f = s.facts().get(i);
            if (!seen.add(factKey(f))) {
                // A copy of a fact adds no information: it counts once, whatever its id or grade.
                ev.addPolicy(Severity.INFO, "$.facts[" + i + "]", "fact '" + f.id() + "' repeats an earlier fact "
                        + "and counts once", "facts.minimumCount");
                continue;
            }
            if (credible(f, t) && vagueness(f, i, s, t, refs, new ArrayList<>()).isEmpty()) {
                good++;
            }
        }
        if (good < t.minimumCount()) {
            ev.addPolicy(Severity.ERROR, "$.facts", good + " distinct facts of " + s.facts().size()
                    + " are specific and credible; the rule set requires at least " + t.minimumCount(),
                    "facts.minimumCount");
        }
    }

    private static void factsCredible(ShareInput in, Evaluation ev) {
        RuleSetDocument.Facts t = in.doc().facts();
        List<Fact> facts = in.share().facts();
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            // Below the floor a fact is context: it does not count toward the threshold (P1-FACTS-COUNT decides
            // whether enough remain) and does not by itself fail the share.
            if (!f.reliability().atLeast(t.minimumReliability())) {
                ev.addPolicy(Severity.INFO, "$.facts[" + i + "].reliability", "fact '" + f.id() + "' comes from a "
                        + "source graded " + f.reliability() + ", below the floor " + t.minimumReliability()
                        + "; it is context and does not count toward the threshold", "facts.minimumReliability");
            }
            if (!f.credibility().atLeast(t.minimumCredibility())) {
                ev.addPolicy(Severity.INFO, "$.facts[" + i + "].credibility", "fact '" + f.id() + "' is graded "
                        + f.credibility().grade() + " (" + f.credibility() + "), below the floor "
                        + t.minimumCredibility().grade() + " (" + t.minimumCredibility() + "); it is context and "
                        + "does not count toward the threshold", "facts.minimumCredibility");
            }
            // Open-source reporting cannot be confirmed as completely reliable and confirmed by other sources
            // from the open source alone: an A1 grade on it is more likely a grading error than a fact.
            if (f.sourceType() == SourceType.OPEN_SOURCE && f.reliability() == SourceReliability.A
                    && f.credibility() == InformationCredibility.CONFIRMED) {
                ev.add(Severity.REVIEW, "$.facts[" + i + "].reliability", "fact '" + f.id() + "' is open-source "
                        + "information graded A1 (completely reliable, confirmed); confirm the grading");
            }
        }
    }

    private static void factsSpecific(ShareInput in, Evaluation ev) {
        ThreatShare s = in.share();
        Set<String> refs = knownRefs(s);
        for (int i = 0; i < s.facts().size(); i++) {
            List<String> paths = new ArrayList<>();
            List<String> problems = vagueness(s.facts().get(i), i, s, in.doc().facts(), refs, paths);
            for (int k = 0; k < problems.size(); k++) {
                ev.add(Severity.ERROR, paths.get(k), "fact '" + s.facts().get(i).id() + "' is vague: "
                        + problems.get(k));
            }
        }
    }

    private static void confidence(ShareInput in, Evaluation ev) {
        var a = in.share().assessment();
        var min = in.doc().confidence().minimumLevel();
        if (a.level().compareTo(min) < 0) {
            ev.add(Severity.ERROR, "$.assessment.level", "confidence is " + a.level() + "; the SOP requires "
                    + min);
        }
    }

    private static void foreignNexus(ShareInput in, Evaluation ev) {
        ForeignActor actor = in.share().actor();
        RuleSetDocument.ForeignNexus t = in.doc().foreignNexus();
        String countryPath = actor.kind() == ActorKind.PROXY ? "$.actor.proxyLink.principalCountry"
                : "$.actor.country";
        CountryCode attributed = actor.attributedCountry();
        if (CountryCode.US.equals(attributed)) {
            ev.add(Severity.ERROR, countryPath, "the activity is attributed to the United States, not to a foreign "
                    + "government, foreign actor or their proxy");
            return;
        }
        if (actor.kind() == ActorKind.PROXY && CountryCode.US.equals(actor.country())) {
            ev.add(Severity.REVIEW, "$.actor.country", "the proxy '" + actor.name() + "' is based in the United "
                    + "States; a domestic actor's speech is not foreign activity unless the facts show it acts at a "
                    + "foreign principal's direction: confirm the foreign nexus and the U.S.-person guard");
        }
        if (actor.proxyLink().isPresent()) {
            String statement = actor.proxyLink().get().statement();
            int words = words(statement);
            if (placeholder(statement, in.doc())) {
                ev.add(Severity.ERROR, "$.actor.proxyLink.statement", "the proxy's link to "
                        + actor.proxyLink().get().principalName() + " is a placeholder ('" + statement.strip()
                        + "'), not a statement of the link");
            } else if (words < t.minimumLinkStatementWords()) {
                ev.add(Severity.ERROR, "$.actor.proxyLink.statement", "the proxy's link to "
                        + actor.proxyLink().get().principalName() + " is not stated (" + words + " words, at least "
                        + t.minimumLinkStatementWords() + " needed)");
            }
        }
        if (!t.coveredCountries().contains(attributed)) {
            ev.add(t.uncoveredCountrySeverity(), countryPath, attributed + " is not on the covered-country list ("
                    + t.coveredCountriesBasis() + "); confirm the foreign nexus");
        }
    }

    /** Whether a text is, apart from punctuation and filler, one of the rule set's placeholders. */
    private static boolean placeholder(String text, RuleSetDocument doc) {
        String norm = text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!?:;()\\[\\]\"']+", " ")
                .replaceAll("\\s+", " ").strip();
        for (String p : doc.operation().placeholderObjectives()) {
            String ph = p.strip().toLowerCase(Locale.ROOT);
            if (norm.equals(ph) || norm.startsWith(ph + " ") || norm.endsWith(" " + ph) || norm.contains(" " + ph
                    + " ") && words(norm) <= ph.split(" ").length + 4) {
                return true;
            }
        }
        return false;
    }

    private static void covert(ShareInput in, Evaluation ev) {
        var c = in.share().covertBasis();
        var t = in.doc().covert();
        int words = words(c.statement());
        if (words < t.minimumStatementWords()) {
            ev.add(Severity.ERROR, "$.covertBasis.statement", "the basis for judging the activity covert or "
                    + "undeclared is not stated (" + words + " words, at least " + t.minimumStatementWords()
                    + " needed)");
        }
        if (t.requireIndicator() && c.indicators().isEmpty()) {
            ev.add(Severity.ERROR, "$.covertBasis.indicators", "no covert indicator is named");
        }
    }

    private static void operation(ShareInput in, Evaluation ev) {
        var op = in.share().operation();
        var t = in.doc().operation();
        Set<String> placeholders = new HashSet<>();
        t.placeholderObjectives().forEach(p -> placeholders.add(p.strip().toLowerCase(Locale.ROOT)));
        for (int i = 0; i < op.objectives().size(); i++) {
            String o = op.objectives().get(i);
            if (placeholders.contains(o.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", ""))
                    || words(o) < t.minimumObjectiveWords()) {
                ev.add(Severity.ERROR, "$.operation.objectives[" + i + "]", "objective '" + o
                        + "' does not state what the FMI operation seeks to achieve");
            }
        }
        in.share().electionNexus().ifPresent(e -> {
            LocalDate created = LocalDate.ofInstant(in.share().createdAt(), ZoneOffset.UTC);
            // An operation can target an election's aftermath, so a recent past election is plausible; one held
            // more than a year before the share is more likely a stale or mistaken nexus.
            if (e.electionDate().isBefore(created.minusYears(1))) {
                ev.add(Severity.REVIEW, "$.electionNexus.electionDate", "the election nexus '" + e.name()
                        + "' took place on " + e.electionDate() + ", more than a year before the share ("
                        + created + "); confirm the operation still supports an FMI operation against it");
            }
        });
        if (in.share().electionNexus().isPresent()
                && op.targets().stream().noneMatch(x -> x.kind() == TargetKind.ELECTION)) {
            ev.add(Severity.REVIEW, "$.electionNexus", "the share names an election nexus, but no target of "
                    + "operation '" + op.id() + "' is an election");
        }
    }

    private static void actorDriven(ShareInput in, Evaluation ev) {
        ThreatShare s = in.share();
        if (s.accounts().isEmpty()) {
            ev.add(Severity.ERROR, "$.accounts", "the share names no accounts linked to the actor");
        }
        for (int i = 0; i < s.accounts().size(); i++) {
            if (s.accounts().get(i).actorLinkBasis().isEmpty()) {
                ev.add(Severity.ERROR, "$.accounts[" + i + "].actorLinkBasis", "account "
                        + s.accounts().get(i).ref() + " does not state how it is linked to " + s.actor().name());
            }
        }
        if (s.facts().stream().noneMatch(f -> LINKING.contains(f.kind()))) {
            ev.add(Severity.ERROR, "$.facts", "no fact attributes the activity to the actor or links the accounts "
                    + "to it; a share driven by the viewpoint or content of speech alone is not actor-driven");
        }
    }

    private static void recipientHosts(ShareInput in, Evaluation ev) {
        ThreatShare s = in.share();
        for (int i = 0; i < s.accounts().size(); i++) {
            PlatformAccount a = s.accounts().get(i);
            if (!s.recipient().platforms().contains(a.platform())) {
                ev.add(Severity.ERROR, "$.accounts[" + i + "].platform", "account " + a.ref() + " is on "
                        + a.platform() + ", which " + s.recipient().name() + " does not host");
            }
        }
    }

    private static void usPersonGuard(ShareInput in, Evaluation ev) {
        ThreatShare s = in.share();
        var t = in.doc().usPersons();
        Map<String, Severity> flagged = new LinkedHashMap<>();
        for (int i = 0; i < s.accounts().size(); i++) {
            PlatformAccount a = s.accounts().get(i);
            if (a.usPersonIndicator() == UsPersonIndicator.NO_INDICATION) {
                continue;
            }
            boolean directed = s.facts().stream().anyMatch(f -> LINKING.contains(f.kind())
                    && f.about().contains(a.ref()) && credible(f, in.doc().facts()) && !repostOnly(f));
            if (!directed) {
                Severity sev = a.usPersonIndicator() == UsPersonIndicator.KNOWN_US_PERSON
                        ? t.knownUsPersonSeverity() : t.possibleUsPersonSeverity();
                flagged.put(a.ref(), sev);
                ev.add(sev, "$.accounts[" + i + "].usPersonIndicator", "account " + a.ref() + " may belong to a "
                        + "U.S. person (" + a.usPersonIndicator() + ") and no credible fact about it shows "
                        + "foreign direction");
            }
        }
        for (int i = 0; i < s.facts().size(); i++) {
            Fact f = s.facts().get(i);
            if (f.kind() != FactKind.CONTENT_OF_SPEECH) {
                continue;
            }
            for (String ref : f.about()) {
                Severity sev = flagged.get(ref);
                if (sev != null) {
                    ev.add(sev, "$.facts[" + i + "]", "fact '" + f.id() + "' describes the speech of " + ref
                            + ", a possible U.S. person, without foreign direction");
                    break;
                }
            }
        }
    }

    private static final java.util.regex.Pattern REPOST = java.util.regex.Pattern.compile(
            "\\b(re-?post\\w*|re-?shar\\w*|re-?tweet\\w*|shared|quote[ds]?|amplif\\w*|boost\\w*|liked|"
            + "forward\\w*|re-?blog\\w*)\\b");
    private static final java.util.regex.Pattern DIRECTION = java.util.regex.Pattern.compile("\\b(paid|pays|"
            + "payment|direct\\w*|task\\w*|instruct\\w*|operat\\w*|control\\w*|register\\w*|run by|runs|"
            + "coordinat\\w*|fund\\w*|employ\\w*|handler|recruit\\w*|contract\\w*|script\\w*|"
            + "credential\\w*|log-?in|logged|infrastructure|ip address|device)\\b");

    /** A fact that only says the account passed content on shows what it said, not who directs it. */
    private static boolean repostOnly(Fact f) {
        String st = f.statement().toLowerCase(Locale.ROOT);
        return REPOST.matcher(st).find() && !DIRECTION.matcher(st).find();
    }

    private static void shareCoercion(ShareInput in, Evaluation ev) {
        ThreatShare s = in.share();
        Set<String> flagged = new HashSet<>();
        lintTree(in.linter(), ev, tree(s), "$", flagged);
        // A demand split across facts reads as one text to the company: lint the facts together too.
        StringBuilder facts = new StringBuilder();
        s.facts().forEach(f -> facts.append(f.statement().strip()).append(f.statement().strip().matches(
                ".*[.!?]$") ? " " : ". "));
        lintNew(in.linter(), ev, "$.facts", facts.toString(), flagged);
        // The rendered message is what the company reads; anything the renderer adds or changes is checked too.
        in.rendered().ifPresent(r -> lintNew(in.linter(), ev, "$", r, flagged));
    }

    private static final org.fmishare.core.json.FmiJson JSON = org.fmishare.core.json.FmiJson.standard();

    private static tools.jackson.databind.JsonNode tree(Object subject) {
        return JSON.mapper().readTree(JSON.write(subject));
    }

    /** Lints every string of the subject's JSON form, so no field that reaches the company escapes. */
    private static void lintTree(CoercionLinter linter, Evaluation ev, tools.jackson.databind.JsonNode node,
            String path, Set<String> flagged) {
        if (node.isString()) {
            String text = node.asString();
            for (CoercionLinter.Hit h : linter.lint(text)) {
                flagged.add(key(text.substring(h.start(), h.end())));
                report(ev, path, text, h, "");
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                lintTree(linter, ev, node.get(i), path + "[" + i + "]", flagged);
            }
        } else if (node.isObject()) {
            for (var e : node.properties()) {
                lintTree(linter, ev, e.getValue(), path + "." + e.getKey(), flagged);
            }
        }
    }

    /**
     * Lints a composed text (the facts read together, or the rendered message at path {@code $}), reporting only
     * sentences that no single field already reported.
     */
    private static void lintNew(CoercionLinter linter, Evaluation ev, String path, String text,
            Set<String> flagged) {
        for (CoercionLinter.Hit h : linter.lint(text)) {
            String k = key(text.substring(h.start(), h.end()));
            if (flagged.stream().noneMatch(f -> k.contains(f) || f.contains(k))) {
                flagged.add(k);
                report(ev, path, text, h, "$".equals(path) ? "rendered message: " : "facts read together: ");
            }
        }
    }

    private static String key(String sentence) {
        return sentence.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static void disclosures(ShareInput in, Evaluation ev) {
        if (in.rendered().isEmpty()) {
            ev.add(Severity.REVIEW, "$", "not evaluated: a content-only check has no rendered message, so the "
                    + "mandatory disclosures were not verified; validate the rendered message before sending");
            ev.skip("content-only check: no rendered message was given, so the mandatory disclosures were not "
                    + "verified");
            return;
        }
        DisclosureReport report = in.verifier().verifyRendered(in.rendered().get(), MessageKind.THREAT_SHARE);
        for (String id : in.doc().disclosures().threatShare()) {
            Optional<ClauseResult> r = report.clauses().stream().filter(c -> c.id().equals(id)).findFirst();
            if (r.isEmpty()) {
                ev.add(Severity.ERROR, "$", "rendered message: clause '" + id + "' is required by the rule set but "
                        + "is not a mandatory threat-share clause of the disclosure catalogue");
            } else if (!r.get().isPresent()) {
                ev.add(Severity.ERROR, "$", "rendered message: clause '" + id + "' v" + r.get().version() + " is "
                        + r.get().state() + r.get().detail().map(d -> " (" + d + ")").orElse(""));
            }
        }
    }

    // ---- prong 2 -------------------------------------------------------------------------------------------

    private static void oneSmc(MeetingInput in, Evaluation ev) {
        Meeting m = in.meeting();
        if (m.companies().size() != 1) {
            ev.add(Severity.ERROR, "$.companies", "the meeting has " + m.companies().size()
                    + " companies; the FBI meets each company individually");
        }
        for (int i = 0; i < m.attendees().size(); i++) {
            var a = m.attendees().get(i);
            if (a.side() == AttendeeSide.OTHER_INDUSTRY) {
                ev.add(Severity.ERROR, "$.attendees[" + i + "].side", a.name() + " of "
                        + a.organisation() + " is another industry member");
            } else if (a.side() == AttendeeSide.OTHER && m.companies().stream().noneMatch(c -> sameOrganisation(
                    c, a.organisation()))) {
                // Whatever side it is recorded under, an attendee from an organisation other than the company
                // turns the meeting into one with several parties.
                ev.add(Severity.ERROR, "$.attendees[" + i + "].organisation", a.name() + " of " + a.organisation()
                        + " is neither from " + (m.companies().isEmpty() ? "the company" : m.companies().get(0)
                        .name()) + " nor from the government");
            }
        }
    }

    private static boolean sameOrganisation(SocialMediaCompany c, String organisation) {
        String o = organisation.strip().toLowerCase(Locale.ROOT);
        return o.equals(c.name().strip().toLowerCase(Locale.ROOT)) || o.equals(c.id().toLowerCase(Locale.ROOT))
                || o.startsWith(c.name().strip().toLowerCase(Locale.ROOT) + " ");
    }

    private static void fitfInvolved(MeetingInput in, Evaluation ev) {
        var f = in.meeting().fitf();
        if (f.role() == FitfRole.NOT_INVOLVED) {
            ev.add(Severity.ERROR, "$.fitf.role", "the FITF neither participates in nor oversees the meeting");
        } else if (f.role() == FitfRole.OVERSEES && f.overseer().map(String::isBlank).orElse(true)) {
            ev.add(Severity.ERROR, "$.fitf.overseer", "the FITF oversees the meeting but no FITF overseer is named");
        }
    }

    private static void areaOfResponsibility(MeetingInput in, Evaluation ev) {
        Meeting m = in.meeting();
        if (m.leadingOffice().isFitf()) {
            return;
        }
        for (int i = 0; i < m.companies().size(); i++) {
            SocialMediaCompany c = m.companies().get(i);
            if (!m.leadingOffice().covers(c.headquarters())) {
                ev.add(Severity.ERROR, "$.leadingOffice.areaOfResponsibility", "field office '"
                        + m.leadingOffice().id() + "' does not cover " + c.name() + " in " + c.headquarters().city()
                        + c.headquarters().usJurisdiction().map(j -> ", " + j).orElse(", " + c.headquarters()
                                .country()) + "; the FITF must lead");
            }
        }
    }

    private static void meetingCoercion(MeetingInput in, Evaluation ev) {
        lintTree(in.linter(), ev, tree(in.meeting()), "$", new HashSet<>());
    }

    private static void consent(MeetingInput in, Evaluation ev) {
        Meeting m = in.meeting();
        if (m.companyConsent() == ConsentStatus.DECLINED) {
            ev.add(Severity.ERROR, "$.companyConsent", "the company declined to meet");
        } else if (m.companyConsent() == ConsentStatus.PENDING) {
            ev.add(Severity.REVIEW, "$.companyConsent", "the company has not yet agreed to meet");
        }
        for (int i = 0; i < m.companies().size(); i++) {
            if (m.companies().get(i).meetings().state() == ParticipationState.DECLINED) {
                ev.add(Severity.ERROR, "$.companies[" + i + "].meetings", m.companies().get(i).name()
                        + " declined prong-2 meetings");
            }
        }
    }

    private static void cadence(MeetingInput in, Evaluation ev) {
        Meeting m = in.meeting();
        if (m.kind() == MeetingKind.REGULAR) {
            if (m.cadenceJustification().map(String::isBlank).orElse(true)) {
                ev.add(Severity.ERROR, "$.cadenceJustification", "a regular meeting must state why the threat "
                        + "landscape warrants a regular cadence with this company");
            }
        } else {
            if (m.trigger().isEmpty()) {
                ev.add(Severity.ERROR, "$.trigger", "an ad hoc meeting must state the threat-specific development "
                        + "that triggers it");
            } else if (m.trigger().get() != AdHocTrigger.SMC_REQUEST
                    && m.triggerDetail().map(String::isBlank).orElse(true)) {
                // The company's own request is a trigger in itself (the SOP names it); other triggers say what
                // development they are.
                ev.add(Severity.REVIEW, "$.triggerDetail", "the ad hoc trigger " + m.trigger().get()
                        + " is not described");
            }
        }
    }

    // ---- briefings -----------------------------------------------------------------------------------------

    private static void recorded(BriefingInput in, Evaluation ev) {
        Briefing b = in.briefing();
        if (b.briefers().stream().noneMatch(a -> a.side() == AttendeeSide.GOVERNMENT)) {
            ev.add(Severity.ERROR, "$.briefers", "no briefer from the host agency (" + b.hostAgency()
                    + ") is recorded");
        }
        if (b.briefers().stream().noneMatch(a -> a.side() == AttendeeSide.COMPANY)) {
            ev.add(Severity.ERROR, "$.briefers", "no briefer from the briefing company ("
                    + b.briefingCompany().name() + ") is recorded");
        }
    }

    private static void topics(BriefingInput in, Evaluation ev) {
        var t = in.doc().briefings();
        List<BriefingTopic> topics = in.briefing().topics();
        for (int i = 0; i < topics.size(); i++) {
            if (!t.allowedTopics().contains(topics.get(i))) {
                ev.add(t.otherTopicSeverity(), "$.topics[" + i + "]", "topic " + topics.get(i)
                        + " is outside tactics, techniques and countermeasures");
            }
        }
    }

    private static void briefingCoercion(BriefingInput in, Evaluation ev) {
        lintTree(in.linter(), ev, tree(in.briefing()), "$", new HashSet<>());
    }

    // ---- amendments ----------------------------------------------------------------------------------------

    private static void amendmentRuleSet(AmendmentInput in, Evaluation ev) {
        if (!in.amendment().ruleSetId().equals(in.doc().id())) {
            ev.add(Severity.REVIEW, "$.ruleSetId", "the amendment was prepared under rule set '"
                    + in.amendment().ruleSetId() + "' but is checked against '" + in.doc().id() + "' "
                    + in.doc().version());
        }
    }

    private static void amendmentReason(AmendmentInput in, Evaluation ev) {
        ShareAmendment a = in.amendment();
        if (a.reason().isBlank()) {
            ev.addPolicy(Severity.ERROR, "$.reason", "a " + a.kind().name().toLowerCase(Locale.ROOT)
                    + " must say what changed and why; the reason is blank", "amendment reason");
        }
    }

    private static void amendmentCoercion(AmendmentInput in, Evaluation ev) {
        ShareAmendment a = in.amendment();
        Set<String> flagged = new HashSet<>();
        // The corrected share's own fields are linted by the share rules; here the amendment's own text.
        for (CoercionLinter.Hit h : in.linter().lint(a.reason())) {
            flagged.add(key(a.reason().substring(h.start(), h.end())));
            report(ev, "$.reason", a.reason(), h, "");
        }
        lintNew(in.linter(), ev, "$", in.rendered(), flagged);
    }

    private static void amendmentDisclosures(AmendmentInput in, Evaluation ev) {
        DisclosureReport report = in.verifier().verifyRendered(in.rendered(), MessageKind.THREAT_SHARE);
        for (String id : in.doc().disclosures().threatShare()) {
            Optional<ClauseResult> r = report.clauses().stream().filter(c -> c.id().equals(id)).findFirst();
            if (r.isPresent() && !r.get().isPresent()) {
                ev.add(Severity.ERROR, "$", "rendered message: clause '" + id + "' v" + r.get().version() + " is "
                        + r.get().state() + r.get().detail().map(d -> " (" + d + ")").orElse(""));
            }
        }
    }

    // ---- shared --------------------------------------------------------------------------------------------

    private static void report(Evaluation ev, String path, String text, CoercionLinter.Hit h, String where) {
        String message = switch (h.kind()) {
                case CHARACTER -> "contains a " + h.frame() + "; text fields may not carry control or bidi "
                        + "characters (renderers strip them, so the signed text and the message would differ)";
                case UNREADABLE -> h.frame() + "; a person must check it for coercion";
                case DIRECTIVE -> (h.severity() == Severity.ERROR ? "directs or asks" : "may direct or ask")
                        + " that the company act on content or accounts (frame " + h.frame() + ", action '"
                        + h.action() + "')";
        };
        ev.add(h.severity(), path, where + message, TextSpan.of(text, h.start(), h.end()));
    }

    private static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}

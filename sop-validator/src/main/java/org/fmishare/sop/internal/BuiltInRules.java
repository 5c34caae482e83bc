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
import org.fmishare.core.model.AttendeeSide;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.BriefingTopic;
import org.fmishare.core.model.ConsentStatus;
import org.fmishare.core.model.CountryCode;
import org.fmishare.core.model.Fact;
import org.fmishare.core.model.FactKind;
import org.fmishare.core.model.FitfRole;
import org.fmishare.core.model.ForeignActor;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.MeetingKind;
import org.fmishare.core.model.ParticipationState;
import org.fmishare.core.model.PlatformAccount;
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

    private static final Map<String, BiConsumer<ShareInput, Evaluation>> SHARE = new LinkedHashMap<>();
    private static final Map<String, BiConsumer<MeetingInput, Evaluation>> MEETING = new LinkedHashMap<>();
    private static final Map<String, BiConsumer<BriefingInput, Evaluation>> BRIEFING = new LinkedHashMap<>();

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
    }

    /** Every built-in rule id. */
    public static final Set<String> IDS;

    static {
        Set<String> ids = new HashSet<>(SHARE.keySet());
        ids.addAll(MEETING.keySet());
        ids.addAll(BRIEFING.keySet());
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

    private static void factsCount(ShareInput in, Evaluation ev) {
        ThreatShare s = in.share();
        RuleSetDocument.Facts t = in.doc().facts();
        Set<String> refs = knownRefs(s);
        int good = 0;
        for (int i = 0; i < s.facts().size(); i++) {
            Fact f = s.facts().get(i);
            if (credible(f, t) && vagueness(f, i, s, t, refs, new ArrayList<>()).isEmpty()) {
                good++;
            }
        }
        if (good < t.minimumCount()) {
            ev.add(Severity.ERROR, "$.facts", good + " of " + s.facts().size()
                    + " facts are specific and credible; at least " + t.minimumCount() + " are required");
        }
    }

    private static void factsCredible(ShareInput in, Evaluation ev) {
        RuleSetDocument.Facts t = in.doc().facts();
        List<Fact> facts = in.share().facts();
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            if (!f.reliability().atLeast(t.minimumReliability())) {
                ev.add(Severity.ERROR, "$.facts[" + i + "].reliability", "fact '" + f.id() + "' comes from a source"
                        + " graded " + f.reliability() + "; the floor is " + t.minimumReliability());
            }
            if (!f.credibility().atLeast(t.minimumCredibility())) {
                ev.add(Severity.ERROR, "$.facts[" + i + "].credibility", "fact '" + f.id() + "' is graded "
                        + f.credibility().grade() + " (" + f.credibility() + "); the floor is "
                        + t.minimumCredibility().grade() + " (" + t.minimumCredibility() + ")");
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
        if (actor.proxyLink().isPresent()) {
            int words = words(actor.proxyLink().get().statement());
            if (words < t.minimumLinkStatementWords()) {
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
                    && f.about().contains(a.ref()) && credible(f, in.doc().facts()));
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

    private static void shareCoercion(ShareInput in, Evaluation ev) {
        ThreatShare s = in.share();
        lint(in.linter(), ev, "$.narrative", s.narrative());
        lint(in.linter(), ev, "$.assessment.rationale", s.assessment().rationale());
        lint(in.linter(), ev, "$.covertBasis.statement", s.covertBasis().statement());
        s.actor().proxyLink().ifPresent(p -> lint(in.linter(), ev, "$.actor.proxyLink.statement", p.statement()));
        for (int i = 0; i < s.operation().objectives().size(); i++) {
            lint(in.linter(), ev, "$.operation.objectives[" + i + "]", s.operation().objectives().get(i));
        }
        for (int i = 0; i < s.operation().targets().size(); i++) {
            lint(in.linter(), ev, "$.operation.targets[" + i + "].description",
                    s.operation().targets().get(i).description());
        }
        for (int i = 0; i < s.accounts().size(); i++) {
            int idx = i;
            s.accounts().get(i).actorLinkBasis().ifPresent(b -> lint(in.linter(), ev,
                    "$.accounts[" + idx + "].actorLinkBasis", b));
        }
        for (int i = 0; i < s.facts().size(); i++) {
            lint(in.linter(), ev, "$.facts[" + i + "].statement", s.facts().get(i).statement());
        }
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
            if (m.attendees().get(i).side() == AttendeeSide.OTHER_INDUSTRY) {
                ev.add(Severity.ERROR, "$.attendees[" + i + "].side", m.attendees().get(i).name() + " of "
                        + m.attendees().get(i).organisation() + " is another industry member");
            }
        }
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
        Meeting m = in.meeting();
        m.cadenceJustification().ifPresent(t -> lint(in.linter(), ev, "$.cadenceJustification", t));
        m.triggerDetail().ifPresent(t -> lint(in.linter(), ev, "$.triggerDetail", t));
        lintAll(in.linter(), ev, "$.agenda", m.agenda());
        lintAll(in.linter(), ev, "$.talkingPoints", m.talkingPoints());
        lintAll(in.linter(), ev, "$.minutes", m.minutes());
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
            } else if (m.triggerDetail().map(String::isBlank).orElse(true)) {
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
        lint(in.linter(), ev, "$.summary", in.briefing().summary());
    }

    // ---- shared --------------------------------------------------------------------------------------------

    private static void lintAll(CoercionLinter linter, Evaluation ev, String path, List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            lint(linter, ev, path + "[" + i + "]", texts.get(i));
        }
    }

    private static void lint(CoercionLinter linter, Evaluation ev, String path, String text) {
        for (CoercionLinter.Hit h : linter.lint(text)) {
            ev.add(h.severity(), path, (h.severity() == Severity.ERROR ? "directs or asks" : "suggests")
                    + " that the company act on content or accounts (frame " + h.frame() + ", action '" + h.action()
                    + "')", TextSpan.of(text, h.start(), h.end()));
        }
    }

    private static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}

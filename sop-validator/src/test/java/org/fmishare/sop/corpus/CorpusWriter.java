package org.fmishare.sop.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.model.ActorKind;
import org.fmishare.core.model.AdHocTrigger;
import org.fmishare.core.model.Attendee;
import org.fmishare.core.model.AttendeeSide;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.BriefingTopic;
import org.fmishare.core.model.ConfidenceAssessment;
import org.fmishare.core.model.ConfidenceLevel;
import org.fmishare.core.model.ConsentStatus;
import org.fmishare.core.model.CountryCode;
import org.fmishare.core.model.CovertBasis;
import org.fmishare.core.model.CovertIndicator;
import org.fmishare.core.model.ElectionLevel;
import org.fmishare.core.model.ElectionRef;
import org.fmishare.core.model.Fact;
import org.fmishare.core.model.FactKind;
import org.fmishare.core.model.FitfCoordination;
import org.fmishare.core.model.FitfInvolvement;
import org.fmishare.core.model.FitfRole;
import org.fmishare.core.model.FmiOperation;
import org.fmishare.core.model.ForeignActor;
import org.fmishare.core.model.InformationCredibility;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.MeetingKind;
import org.fmishare.core.model.OperationTarget;
import org.fmishare.core.model.Participation;
import org.fmishare.core.model.PlatformAccount;
import org.fmishare.core.model.ProxyBasis;
import org.fmishare.core.model.ProxyLink;
import org.fmishare.core.model.SocialMediaCompany;
import org.fmishare.core.model.SourceReliability;
import org.fmishare.core.model.SourceType;
import org.fmishare.core.model.TargetKind;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.core.model.UsPersonIndicator;
import org.fmishare.testkit.SampleData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the labelled corpus under {@code src/test/resources/corpus}. Each case derives a subject from
 * {@link SampleData} with one deliberate change and states, by hand, the verdict and rule ids a correct validator
 * must report; the expectations are labels, never computed by the validator. Run it from the module directory
 * after changing a case (see the module README); the files are committed.
 */
public final class CorpusWriter {
    private static final FmiJson JSON = FmiJson.standard();
    private final List<ObjectNode> cases = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    private CorpusWriter() {}

    /**
     * Writes every case file.
     *
     * @param args the output directory (default {@code src/test/resources/corpus})
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/corpus");
        CorpusWriter w = new CorpusWriter();
        w.shares();
        w.coercion();
        w.coercionFamilies();
        w.fieldsAndUnicode();
        w.substance();
        w.meetings();
        w.briefings();
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.delete(p);
            }
        }
        for (int i = 0; i < w.cases.size(); i++) {
            String file = String.format("%03d-%s.json", i + 1, w.names.get(i));
            Files.writeString(dir.resolve(file), JSON.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(w.cases.get(i)) + "\n", StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + w.cases.size() + " cases to " + dir);
    }

    // ---- case assembly ---------------------------------------------------------------------------------------

    private void share(String name, String description, ThreatShare share, String verdict, String... ruleIds) {
        shareWithMessage(name, description, share, Messages.render(share), verdict, ruleIds);
    }

    private void shareWithMessage(String name, String description, ThreatShare share, String message,
            String verdict, String... ruleIds) {
        ObjectNode c = head(description, "THREAT_SHARE", "FULL", verdict, ruleIds);
        c.put("renderedMessage", message);
        c.set("subject", tree(share));
        add(name, c);
    }

    private void contentOnly(String name, String description, ThreatShare share, String verdict, String... ids) {
        ObjectNode c = head(description, "THREAT_SHARE", "CONTENT_ONLY", verdict, ids);
        c.set("subject", tree(share));
        add(name, c);
    }

    private void meeting(String name, String description, Meeting meeting, String verdict, String... ruleIds) {
        ObjectNode c = head(description, "MEETING", "FULL", verdict, ruleIds);
        c.set("subject", tree(meeting));
        add(name, c);
    }

    private void briefing(String name, String description, Briefing briefing, String verdict, String... ids) {
        ObjectNode c = head(description, "BRIEFING", "FULL", verdict, ids);
        c.set("subject", tree(briefing));
        add(name, c);
    }

    private static ObjectNode head(String description, String kind, String check, String verdict, String[] ids) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("description", description);
        c.put("kind", kind);
        c.put("check", check);
        ObjectNode e = c.putObject("expected");
        e.put("verdict", verdict);
        ArrayNode a = e.putArray("ruleIds");
        Arrays.stream(ids).sorted().forEach(a::add);
        return c;
    }

    private static JsonNode tree(Object value) {
        return JSON.mapper().readTree(JSON.write(value));
    }

    private void add(String name, ObjectNode c) {
        names.add(name);
        cases.add(c);
    }

    // ---- share variants ----------------------------------------------------------------------------------------

    private static ThreatShare base() {
        return SampleData.passingShare();
    }

    private static ThreatShare facts(ThreatShare s, UnaryOperator<List<Fact>> change) {
        return s.toBuilder().facts(change.apply(new ArrayList<>(s.facts()))).build();
    }

    private static Fact fact(Fact f, String statement, SourceReliability r, InformationCredibility c, List<String> about,
            Optional<LocalDate> activity, FactKind kind) {
        return new Fact(f.id(), statement, kind, f.sourceType(), r, c, f.collectedOn(), about, activity);
    }

    private static Fact withReliability(Fact f, SourceReliability r) {
        return fact(f, f.statement(), r, f.credibility(), f.about(), f.activityDate(), f.kind());
    }

    private static SocialMediaCompany company(Participation sharing, Participation meetings) {
        SocialMediaCompany c = SampleData.company();
        return new SocialMediaCompany(c.id(), c.name(), c.platforms(), c.headquarters(), sharing, meetings,
                c.contacts(), c.preferredTransports(), c.certificates());
    }

    private static ThreatShare withActor(ThreatShare s, ForeignActor actor) {
        String old = s.actor().id();
        return facts(s.toBuilder().actor(actor).build(), fs -> fs.stream().map(f -> fact(f, f.statement(),
                f.reliability(), f.credibility(), f.about().stream().map(a -> a.equals(old) ? actor.id() : a).toList(),
                f.activityDate(), f.kind())).toList());
    }

    private static ThreatShare withAccount(ThreatShare s, int index, UnaryOperator<PlatformAccount> change) {
        List<PlatformAccount> accounts = new ArrayList<>(s.accounts());
        accounts.set(index, change.apply(accounts.get(index)));
        return s.toBuilder().accounts(accounts).build();
    }

    private static PlatformAccount account(PlatformAccount a, String platform, UsPersonIndicator us,
            Optional<String> linkBasis) {
        return new PlatformAccount(platform, a.accountId(), a.handle(), a.url(), a.firstObserved(), a.lastObserved(),
                us, linkBasis);
    }

    private void shares() {
        ThreatShare b = base();
        share("share-sample-passes", "SampleData.passingShare with its rendered message satisfies every rule", b,
                "PASS");
        contentOnly("share-content-only-needs-review", "a content-only check cannot verify disclosures and is "
                + "never PASS", b, "NEEDS_REVIEW", "P1-DISCLOSURES");
        share("share-sample-failing", "SampleData.failingShare breaks many rules at once", SampleData.failingShare(),
                "FAIL", "P1-CHANNEL", "P1-VOLUNTARY", "P1-FACTS-COUNT", "P1-FACTS-CREDIBLE", "P1-FACTS-SPECIFIC",
                "P1-CONFIDENCE-HIGH", "P1-ACTOR-DRIVEN", "P1-RECIPIENT-HOSTS", "P1-NO-COERCION");

        // P1-CHANNEL
        share("channel-field-office-coordinated", "a field office share coordinated with the FITF beforehand",
                b.toBuilder().sendingOffice(SampleData.westernFieldOffice())
                        .fitfCoordination(SampleData.coordination()).build(), "PASS");
        share("channel-field-office-uncoordinated", "a field office share with no FITF coordination record",
                b.toBuilder().sendingOffice(SampleData.westernFieldOffice()).build(), "FAIL", "P1-CHANNEL");
        share("channel-coordination-after-share", "FITF coordination recorded after the share was prepared",
                b.toBuilder().sendingOffice(SampleData.easternFieldOffice()).fitfCoordination(new FitfCoordination(
                        "FITF duty officer", Instant.parse("2026-10-02T09:00:00Z"), "FITF-COORD-2026-118")).build(),
                "FAIL", "P1-CHANNEL");

        // P1-VOLUNTARY
        Participation optedIn = SampleData.company().threatSharing();
        share("voluntary-declined", "the recipient declined prong-1 sharing",
                b.toBuilder().recipient(company(Participation.declined(Instant.parse("2025-01-10T00:00:00Z")),
                        optedIn)).build(), "FAIL", "P1-VOLUNTARY");
        share("voluntary-not-asked", "the recipient was never asked whether it wants prong-1 sharing",
                b.toBuilder().recipient(company(Participation.notAsked(), optedIn)).build(), "FAIL", "P1-VOLUNTARY");
        share("voluntary-opted-in-later", "the recipient opted in only after the share was prepared",
                b.toBuilder().recipient(company(Participation.optedIn(Instant.parse("2026-10-05T00:00:00Z")),
                        optedIn)).build(), "FAIL", "P1-VOLUNTARY");

        // P1-FACTS-COUNT
        share("facts-one-fact", "a single fact is below the minimum of two", SampleData.share(3, 1), "FAIL",
                "P1-FACTS-COUNT");
        share("facts-two-facts", "exactly the minimum of two specific, credible facts", SampleData.share(3, 2),
                "PASS");
        share("facts-two-one-vague", "two facts, one without an activity date: only one qualifies",
                facts(SampleData.share(3, 2), fs -> {
                    Fact f = fs.get(1);
                    fs.set(1, fact(f, f.statement(), f.reliability(), f.credibility(), f.about(), Optional.empty(),
                            f.kind()));
                    return fs;
                }), "FAIL", "P1-FACTS-SPECIFIC", "P1-FACTS-COUNT");

        // P1-FACTS-CREDIBLE
        // Issue 16: a fact below the floor is context (INFO); it does not count, and fails nothing by itself.
        share("facts-reliability-c", "one of four facts comes from a source graded C (floor B): INFO, three remain",
                facts(b, fs -> {
                    fs.set(2, withReliability(fs.get(2), SourceReliability.C));
                    return fs;
                }), "PASS", "P1-FACTS-CREDIBLE");
        share("facts-below-floor-not-counted", "two facts, one graded C: the C fact does not count, one remains",
                facts(b, fs -> {
                    List<Fact> out = new ArrayList<>(fs.subList(0, 2));
                    out.set(1, withReliability(out.get(1), SourceReliability.C));
                    return out;
                }), "FAIL", "P1-FACTS-CREDIBLE", "P1-FACTS-COUNT");
        share("facts-credibility-3", "one of four facts is only possibly true (3; floor 2): INFO, three remain",
                facts(b, fs -> {
                    Fact f = fs.get(0);
                    fs.set(0, fact(f, f.statement(), f.reliability(), InformationCredibility.POSSIBLY_TRUE, f.about(),
                            f.activityDate(), f.kind()));
                    return fs;
                }), "PASS", "P1-FACTS-CREDIBLE");
        share("facts-at-floor", "every fact graded exactly B2, the floor",
                facts(b, fs -> fs.stream().map(f -> fact(f, f.statement(), SourceReliability.B,
                        InformationCredibility.PROBABLY_TRUE, f.about(), f.activityDate(), f.kind())).toList()),
                "PASS");

        // P1-FACTS-SPECIFIC
        share("facts-no-date", "a fact without an activity date (no when)", facts(b, fs -> {
            Fact f = fs.get(3);
            fs.set(3, fact(f, f.statement(), f.reliability(), f.credibility(), f.about(), Optional.empty(), f.kind()));
            return fs;
        }), "FAIL", "P1-FACTS-SPECIFIC");
        share("facts-no-about", "a fact about nobody in particular (no who)", facts(b, fs -> {
            Fact f = fs.get(0);
            fs.set(0, fact(f, f.statement(), f.reliability(), f.credibility(), List.of(), f.activityDate(), f.kind()));
            return fs;
        }), "FAIL", "P1-FACTS-SPECIFIC");
        share("facts-unknown-ref", "a fact about an account that the share does not list", facts(b, fs -> {
            Fact f = fs.get(1);
            fs.set(1, fact(f, f.statement(), f.reliability(), f.credibility(), List.of("ExampleSocial:999"),
                    f.activityDate(), f.kind()));
            return fs;
        }), "FAIL", "P1-FACTS-SPECIFIC");
        share("facts-short-statement", "a fact whose statement says nothing specific (no what)", facts(b, fs -> {
            Fact f = fs.get(2);
            fs.set(2, fact(f, "Suspicious accounts.", f.reliability(), f.credibility(), f.about(), f.activityDate(),
                    f.kind()));
            return fs;
        }), "FAIL", "P1-FACTS-SPECIFIC");
        share("facts-future-date", "a fact dated after the share was prepared", facts(b, fs -> {
            Fact f = fs.get(2);
            fs.set(2, fact(f, f.statement(), f.reliability(), f.credibility(), f.about(),
                    Optional.of(LocalDate.parse("2026-12-01")), f.kind()));
            return fs;
        }), "FAIL", "P1-FACTS-SPECIFIC");

        // P1-CONFIDENCE-HIGH
        share("confidence-moderate", "moderate confidence", b.toBuilder().assessment(new ConfidenceAssessment(
                ConfidenceLevel.MODERATE, "Two sources agree, one of them indirect.")).build(), "FAIL",
                "P1-CONFIDENCE-HIGH");
        share("confidence-low", "low confidence", b.toBuilder().assessment(new ConfidenceAssessment(
                ConfidenceLevel.LOW, "A single uncorroborated report.")).build(), "FAIL", "P1-CONFIDENCE-HIGH");

        // P1-FOREIGN-NEXUS
        share("nexus-proxy-stated", "a proxy whose link to a foreign government is stated",
                withActor(b, SampleData.proxyActor()), "PASS");
        share("nexus-proxy-link-unstated", "a proxy whose link statement says nothing", withActor(b,
                new ForeignActor("actor-bluewave-media", ActorKind.PROXY, CountryCode.of("AE"),
                        "BlueWave Media Group (fictional)", List.of(), Optional.of(new ProxyLink(
                                ProxyBasis.ON_BEHALF_OF, "Directorate 9 (fictional)", ActorKind.FOREIGN_GOVERNMENT,
                                CountryCode.of("RU"), "Believed linked.")))), "FAIL", "P1-FOREIGN-NEXUS");
        share("nexus-us-actor", "activity attributed to the United States is not foreign", withActor(b,
                new ForeignActor("actor-us-pac", ActorKind.NON_STATE_ACTOR, CountryCode.US, "Domestic PAC (fictional)",
                        List.of(), Optional.empty())), "FAIL", "P1-FOREIGN-NEXUS");
        share("nexus-proxy-for-us-principal", "a proxy acting for a U.S. principal has no foreign nexus",
                withActor(b, new ForeignActor("actor-relay", ActorKind.PROXY, CountryCode.of("GB"), "Relay Ltd "
                        + "(fictional)", List.of(), Optional.of(new ProxyLink(ProxyBasis.AT_THE_DIRECTION_OF,
                                "Domestic campaign (fictional)", ActorKind.NON_STATE_ACTOR, CountryCode.US,
                                "Invoices show the campaign paid Relay for every post in 2026.")))), "FAIL",
                "P1-FOREIGN-NEXUS");
        share("nexus-uncovered-country", "a foreign government not on the covered-country list needs review",
                withActor(b, new ForeignActor("actor-vz-ministry", ActorKind.FOREIGN_GOVERNMENT,
                        CountryCode.of("VE"), "Ministry of Communication (fictional)", List.of(), Optional.empty())),
                "NEEDS_REVIEW", "P1-FOREIGN-NEXUS");
        share("nexus-non-state-covered", "a non-state actor based in a covered country", withActor(b,
                new ForeignActor("actor-iran-collective", ActorKind.NON_STATE_ACTOR, CountryCode.of("IR"),
                        "Persian Echo Collective (fictional)", List.of(), Optional.empty())), "PASS");

        // P1-COVERT
        share("covert-no-statement", "no basis for judging the activity covert is stated", b.toBuilder()
                .covertBasis(new CovertBasis(List.of(CovertIndicator.FALSE_PERSONA), "")).build(), "FAIL",
                "P1-COVERT");
        share("covert-no-indicator", "a covert statement without any named indicator", b.toBuilder()
                .covertBasis(new CovertBasis(List.of(), "The operators pose as U.S. voters and hide their sponsor."))
                .build(), "FAIL", "P1-COVERT");
        share("covert-undeclared-state-media", "undeclared state affiliation stated as the covert basis",
                b.toBuilder().covertBasis(new CovertBasis(List.of(CovertIndicator.UNDECLARED_STATE_AFFILIATION),
                        "The outlet never declares that Directorate 9 funds and edits it.")).build(), "PASS");

        // P1-FMI-OPERATION
        FmiOperation op = SampleData.operation();
        share("operation-placeholder-objective", "the operation's objective is a placeholder", b.toBuilder()
                .operation(new FmiOperation(op.id(), op.name(), List.of("TBD"), op.targets(), op.tactics(),
                        op.disarmTechniques())).build(), "FAIL", "P1-FMI-OPERATION");
        share("operation-election-nexus-mismatch", "an election nexus although no target is an election",
                b.toBuilder().operation(new FmiOperation(op.id(), op.name(), op.objectives(), List.of(
                        new OperationTarget(TargetKind.PUBLIC_OPINION, "Trust in election officials",
                                Optional.empty())), op.tactics(), op.disarmTechniques())).build(), "NEEDS_REVIEW",
                "P1-FMI-OPERATION");
        share("operation-policy-target", "an operation targeting policy, with no election nexus", b.toBuilder()
                .electionNexus(null).operation(new FmiOperation(op.id(), op.name(),
                        List.of("Steer U.S. sanctions policy in favour of the sponsor"), List.of(new OperationTarget(
                                TargetKind.POLICY, "Congressional sanctions debate", Optional.empty())), op.tactics(),
                        op.disarmTechniques())).build(), "PASS");

        // P1-ACTOR-DRIVEN
        share("actor-no-accounts", "a share naming no accounts at all", facts(b.toBuilder().accounts(List.of())
                .build(), fs -> fs), "FAIL", "P1-ACTOR-DRIVEN", "P1-FACTS-SPECIFIC");
        share("actor-account-without-link", "an account without a stated link to the actor",
                withAccount(b, 2, a -> account(a, a.platform(), a.usPersonIndicator(), Optional.empty())), "FAIL",
                "P1-ACTOR-DRIVEN");
        share("actor-content-only", "every fact is about the content of speech, none about the actor",
                facts(b, fs -> fs.stream().map(f -> fact(f, "The accounts repeatedly post claims that the election "
                        + "is rigged.", f.reliability(), f.credibility(), f.about(), f.activityDate(),
                        FactKind.CONTENT_OF_SPEECH)).toList()), "FAIL", "P1-ACTOR-DRIVEN", "P1-FACTS-COUNT");

        // P1-RECIPIENT-HOSTS
        share("recipient-wrong-platform", "an account on a platform the recipient does not host",
                withAccount(SampleData.share(4, 4), 3, a -> account(a, "OtherTube", a.usPersonIndicator(),
                        a.actorLinkBasis())), "FAIL", "P1-RECIPIENT-HOSTS");

        // P1-US-PERSON-GUARD
        share("usperson-possible-with-direction", "a possible U.S. person account with a credible fact of foreign "
                + "direction about it", withAccount(b, 1, a -> account(a, a.platform(),
                        UsPersonIndicator.POSSIBLE_US_PERSON, a.actorLinkBasis())), "PASS");
        share("usperson-possible-without-direction", "a possible U.S. person account that no fact ties to the actor",
                withAccount(SampleData.share(4, 4), 3, a -> account(a, a.platform(),
                        UsPersonIndicator.POSSIBLE_US_PERSON, a.actorLinkBasis())), "NEEDS_REVIEW",
                "P1-US-PERSON-GUARD");
        share("usperson-known-without-direction", "a known U.S. person account that no fact ties to the actor",
                withAccount(SampleData.share(4, 4), 3, a -> account(a, a.platform(),
                        UsPersonIndicator.KNOWN_US_PERSON, a.actorLinkBasis())), "FAIL", "P1-US-PERSON-GUARD");
        ThreatShare speech = withAccount(SampleData.share(4, 5), 3, a -> account(a, a.platform(),
                UsPersonIndicator.POSSIBLE_US_PERSON, a.actorLinkBasis()));
        share("usperson-speech-fact", "a fact describing a possible U.S. person's own speech", facts(speech, fs -> {
            Fact f = fs.get(4);
            fs.set(4, fact(f, "The account posted that mail-in ballots will be discarded in Arizona.", f.reliability(),
                    f.credibility(), List.of(speech.accounts().get(3).ref()), f.activityDate(),
                    FactKind.CONTENT_OF_SPEECH));
            return fs;
        }), "NEEDS_REVIEW", "P1-US-PERSON-GUARD");

        // P1-DISCLOSURES
        shareWithMessage("disclosure-missing-clause", "the rendered message omits the no-adverse-action clause", b,
                Messages.render(b, List.of("no-request-no-obligation", "voluntary-participation")), "FAIL",
                "P1-DISCLOSURES");
        shareWithMessage("disclosure-altered-clause", "the rendered message weakens a clause", b,
                Messages.render(b).replace("has no obligation to do so", "has no strict obligation to do so"),
                "FAIL", "P1-DISCLOSURES");
        shareWithMessage("disclosure-html", "an HTML rendering carrying every clause", b,
                "<!DOCTYPE html><html><body><p>" + b.narrative() + "</p>" + Messages.SHARE_CLAUSES.stream()
                        .map(id -> "<p>" + org.fmishare.disclosure.ClauseCatalog.english().clause(id).orElseThrow()
                                .text().replace("'", "&#39;") + "</p>").reduce("", String::concat)
                        + "</body></html>", "PASS");
        shareWithMessage("disclosure-reflowed", "line wrapping inside clauses is tolerated", b,
                Messages.render(b).replace(" the company has no", "\n  the company has no"), "PASS");

        // P1-RULE-SET
        share("ruleset-declared-other", "the share declares another rule set than the one in force",
                b.toBuilder().ruleSetId("sop-2023-draft").build(), "NEEDS_REVIEW", "P1-RULE-SET");
    }

    // ---- coercion linter ---------------------------------------------------------------------------------------

    private void narrative(String name, String sentence, String verdict) {
        ThreatShare s = base().toBuilder().narrative("The FBI is sharing information about accounts operated "
                + "covertly by Directorate 9. " + sentence).build();
        if ("PASS".equals(verdict)) {
            share("coercion-" + name, "clean: " + sentence, s, "PASS");
        } else {
            share("coercion-" + name, ("FAIL".equals(verdict) ? "coercive: " : "suggestive, disclaimed: ")
                    + sentence, s, verdict, "P1-NO-COERCION");
        }
    }

    private void coercion() {
        // Clean: negation, disclaimers, reported facts, benign politeness.
        narrative("not-asking", "We are not asking you to remove these accounts.", "PASS");
        narrative("sole-discretion", "Any action is at your sole discretion.", "PASS");
        narrative("whether-to-remove", "Whether to remove these accounts is entirely your decision.", "PASS");
        narrative("whether-should-be", "It is entirely your decision whether these accounts should be removed.",
                "PASS");
        narrative("nothing-requires", "Nothing in this message requires you to take down any content.", "PASS");
        narrative("never-ask", "We would never ask you to suspend an account.", "PASS");
        narrative("no-obligation", "You are under no obligation to remove, label or restrict any of these accounts.",
                "PASS");
        narrative("neither-nor", "Removal is neither requested nor expected.", "PASS");
        narrative("do-not-expect", "We do not expect you to take any action on these accounts.", "PASS");
        narrative("choose-yours", "If you choose to suspend the accounts, that decision is yours alone.", "PASS");
        narrative("not-direct-or-suggest", "We will not direct or suggest that you take any action concerning "
                + "content.", "PASS");
        narrative("reported-past", "These accounts were suspended by another platform last week.", "PASS");
        narrative("operators-deleted", "The operators deleted their earlier posts after journalists reported them.",
                "PASS");
        narrative("please-note", "Please note that ExampleSocial removed a related network in 2025.", "PASS");
        narrative("please-contact", "Please contact the FITF if you have questions about the accounts.", "PASS");
        narrative("dont-hesitate-contact", "Don't hesitate to contact us about the accounts you remove, if any.",
                "PASS");
        narrative("not-required", "You are not required to restrict these accounts.", "PASS");
        narrative("own-decisions", "This information is shared so that you can make your own decisions.", "PASS");

        // Coercive: politeness, imperatives, expectation, passive and nominal forms, indirection, threats.
        narrative("please-remove", "Please remove these accounts.", "FAIL");
        narrative("expect-suspend", "We expect you to suspend them by Friday.", "FAIL");
        narrative("should-consider", "You should consider taking down the listed accounts.", "FAIL");
        narrative("appreciate-if", "We'd appreciate it if these were removed.", "FAIL");
        narrative("kindly-label", "Kindly label the posts listed below as state-affiliated media.", "FAIL");
        narrative("passive-should-be", "These accounts should be removed.", "FAIL");
        narrative("nominal-requested", "The removal of these accounts is requested.", "FAIL");
        narrative("would-be-appreciated", "Removal of these accounts would be appreciated.", "FAIL");
        narrative("helpful-if", "It would be helpful if the accounts were taken down.", "FAIL");
        narrative("trust-appropriate-action", "We trust you will take appropriate action against these accounts.",
                "FAIL");
        narrative("imperative-delete", "Delete the posts before the election.", "FAIL");
        narrative("could-you", "Could you de-amplify the videos from these accounts?", "FAIL");
        narrative("asking-deplatform", "We are asking you to deplatform the operators.", "FAIL");
        narrative("negation-then-expect", "We are not asking you to remove these accounts, but we expect you to "
                + "suspend them.", "FAIL");
        narrative("warrant-removal", "These accounts clearly warrant removal.", "FAIL");
        narrative("threat-consequences", "If you do not take these accounts down, there will be consequences.",
                "FAIL");
        narrative("team-needs-to", "Your team needs to restrict these accounts.", "FAIL");
        narrative("please-discretion", "Please, at your sole discretion, remove these accounts.", "FAIL");
        narrative("recommend-ban", "We recommend that the company ban these accounts.", "FAIL");
        narrative("take-down-asap", "Take these accounts down as soon as possible.", "FAIL");
        narrative("urge-act-on", "We urge ExampleSocial to act on this information.", "FAIL");
        narrative("imperative-flagged", "It is imperative that these posts be flagged.", "FAIL");

        // Suggestions softened by a disclaimer: a person decides.
        narrative("suggest-yours", "We suggest removing these accounts, though the decision is entirely yours.",
                "NEEDS_REVIEW");
        narrative("may-wish-discretion", "You may wish to consider labelling these posts, at your sole discretion.",
                "NEEDS_REVIEW");
        narrative("worth-considering-policies", "It may be worth considering whether to suspend these accounts under "
                + "your own policies.", "NEEDS_REVIEW");

        // Other free-text fields are linted too.
        ThreatShare b = base();
        share("coercion-in-rationale", "coercion in the assessment rationale", b.toBuilder().assessment(
                new ConfidenceAssessment(ConfidenceLevel.HIGH, "Corroborated by three sources; please suspend the "
                        + "accounts promptly.")).build(), "FAIL", "P1-NO-COERCION");
        share("coercion-in-fact", "coercion inside a fact statement", facts(b, fs -> {
            Fact f = fs.get(0);
            fs.set(0, fact(f, "Directorate 9 officers operate the accounts, which you must block.", f.reliability(),
                    f.credibility(), f.about(), f.activityDate(), f.kind()));
            return fs;
        }), "FAIL", "P1-NO-COERCION");
        share("coercion-in-link-basis", "coercion inside an account's link basis", withAccount(b, 0,
                a -> account(a, a.platform(), a.usPersonIndicator(), Optional.of("Registered from Directorate 9 "
                        + "servers; we need you to disable it."))), "FAIL", "P1-NO-COERCION");
    }


    // ---- issue 16 families: paraphrases, splits, languages, Unicode ---------------------------------------

    /**
     * Speech-act families the lexicon did not cover, each both ways: the coercive sentences are new phrasings of a
     * family, the benign ones use the same words in factual, negated, quoted or actor-behaviour use; then text in
     * other languages (NEEDS_REVIEW: the linter reads English only) and spelling tricks (confusables, invisible
     * characters: FAIL as the words they hide; control and bidi characters: FAIL in any field).
     */
    private void coercionFamilies() {
        narrative("wish-unreachable", "Ideally the personas would stop being reachable on ExampleSocial.", "FAIL");
        narrative("wish-nice-gone", "It would be nice if this cluster of pages were gone by the weekend.", "FAIL");
        narrative("wish-no-longer-visible", "We would love for these videos to no longer be visible in search.", "FAIL");
        narrative("wish-disappear", "We hope the whole network simply disappears from your service.", "FAIL");
        narrative("wish-stop-showing", "Make sure the clips stop showing up in recommendations.", "FAIL");
        narrative("wish-vanish", "The sooner these personas vanish, the better.", "FAIL");
        narrative("wish-see-gone", "We'd like to see the accounts gone before voting begins.", "FAIL");
        narrative("wish-benign-went-offline", "The personas went offline on 3 May after the hosting provider failed.", "PASS");
        narrative("wish-benign-no-longer-reachable", "Two of the domains are no longer reachable, according to public DNS records.", "PASS");
        narrative("wish-benign-operators-hoped", "The operators hoped their pages would reach younger voters.", "PASS");
        narrative("wish-benign-disappeared", "Several posts disappeared from the network's feed in April.", "PASS");
        narrative("veiled-remembered", "How your company handles these accounts will be remembered.", "FAIL");
        narrative("veiled-renewal", "Keep in mind that your cooperation here may come up when your contract is reviewed.", "FAIL");
        narrative("veiled-think-carefully", "Think carefully about what happens if these pages stay up.", "FAIL");
        narrative("veiled-not-forget", "We will not forget how your team responds to this network.", "FAIL");
        narrative("veiled-regulators", "Regulators will take an interest in whether you leave these accounts up.", "FAIL");
        narrative("veiled-shame", "It would be a shame if your platform became known for hosting this network.", "FAIL");
        narrative("veiled-benign-no-adverse", "No adverse action will follow, whatever you decide.", "PASS");
        narrative("veiled-benign-actor-threat", "The persona threatened consequences for journalists who reported on it.", "PASS");
        narrative("veiled-benign-no-consequence", "There are no consequences of any kind for declining to act.", "PASS");
        narrative("need-gone", "We need this network gone.", "FAIL");
        narrative("need-go", "These accounts need to go.", "FAIL");
        narrative("need-down", "What we need is every one of these pages down.", "FAIL");
        narrative("need-benign-we-need-to-note", "We need to note that two of the accounts are dormant.", "PASS");
        narrative("need-benign-operators-needed", "The operators needed new accounts after their earlier ones were suspended.", "PASS");
        narrative("need-benign-no-need", "There is no need for you to do anything with this information.", "PASS");
        narrative("phrasal-shut-down", "Shut these pages down.", "FAIL");
        narrative("phrasal-pull-off", "Pull the videos off the platform.", "FAIL");
        narrative("phrasal-take-offline", "Go ahead and take the channels offline.", "FAIL");
        narrative("phrasal-kick-off", "Kick these bots off your service.", "FAIL");
        narrative("phrasal-get-rid", "Get rid of the listed personas.", "FAIL");
        narrative("phrasal-clean-up", "Clean up this mess of fake profiles.", "FAIL");
        narrative("phrasal-benign-shut-down", "The operators shut down their earlier site in 2025.", "PASS");
        narrative("phrasal-benign-took-down", "Another platform took the network down last year, according to its public report.", "PASS");
        narrative("phrasal-benign-set-up", "The actor set up the accounts within a single week.", "PASS");
        narrative("split-expectation", "Our expectation is clear. Deactivation of all listed profiles.", "FAIL");
        narrative("split-one-thing", "There is one thing we need from you. These accounts removed.", "FAIL");
        narrative("split-ask", "We have a simple ask. Take the pages offline.", "FAIL");
        narrative("split-benign-context", "Our assessment is clear. The accounts are run by Directorate 9.", "PASS");
        narrative("split-benign-history", "We have one more observation. Suspension of the earlier accounts did not stop the campaign.", "PASS");
        narrative("imperative-regardless", "Regardless of your policies, disable these profiles.", "FAIL");
        narrative("imperative-when-ready", "When your team has reviewed the list, suspend every account on it.", "FAIL");
        narrative("imperative-given", "Given the evidence above, deactivate the personas.", "FAIL");
        narrative("imperative-as-discussed", "As discussed, remove the videos.", "FAIL");
        narrative("imperative-benign-when-reviewed", "When your team has reviewed the list, you may contact the FITF with questions.", "PASS");
        narrative("imperative-benign-given", "Given the evidence above, we assess the accounts are coordinated.", "PASS");
        narrative("intensified-more-than", "This is more than a suggestion.", "FAIL");
        narrative("intensified-not-merely", "This is not merely a recommendation.", "FAIL");
        narrative("intensified-not-optional", "Acting on these accounts is not optional.", "FAIL");
        narrative("intensified-strongly", "We strongly encourage you to restrict the listed pages.", "FAIL");
        narrative("intensified-benign-not-request", "This is not a request of any kind; it is information for your awareness.", "PASS");
        narrative("intensified-benign-more-than", "The network posted more than a thousand times a day.", "PASS");
        narrative("polite-could-you", "Could you pull these posts off the platform?", "FAIL");
        narrative("polite-would-you-mind", "Would you mind suspending the handles below?", "FAIL");
        narrative("polite-grateful", "We would be grateful if you could deactivate the listed accounts.", "FAIL");
        narrative("polite-if-you-could", "If you could remove the videos, that would help a great deal.", "FAIL");
        narrative("polite-benign-could-you-confirm", "Could you confirm that you received this message?", "PASS");
        narrative("polite-benign-grateful", "We are grateful for the time your team has given us.", "PASS");
        narrative("deadline-within-hours", "These groups must be taken offline within 48 hours.", "FAIL");
        narrative("deadline-by-monday", "The profiles come down by Monday.", "FAIL");
        narrative("deadline-before-debate", "Remove the videos before the debate.", "FAIL");
        narrative("deadline-tonight", "Suspend the accounts tonight.", "FAIL");
        narrative("deadline-benign-within", "The posts reached 40,000 views within 72 hours.", "PASS");
        narrative("deadline-benign-before", "The network created the accounts before the debate.", "PASS");
        narrative("deadline-benign-by-monday", "We will send the technical annex by Monday.", "PASS");
        narrative("colloquial-nuke", "Per our call, go ahead and nuke the whole ring.", "FAIL");
        narrative("colloquial-do-something", "Do something about these bots.", "FAIL");
        narrative("appeal-right-thing", "We trust your team to do the right thing with these pages.", "NEEDS_REVIEW");
        narrative("appeal-counting", "We are counting on you to get these accounts off your platform.", "FAIL");
        narrative("colloquial-benign-ring", "The ring posted memes in three languages.", "PASS");
        narrative("quoted-persona", "The persona posted \"take these pages down now\" on 4 March.", "PASS");
        narrative("actor-deleted", "The operators deleted dozens of posts in March after journalists reported on them.", "PASS");
        narrative("actor-asked", "The operators asked followers to share the videos widely.", "PASS");
        narrative("negated-not-ask", "We are not asking you to shut anything down.", "PASS");
        narrative("negated-never-want", "We do not want you to remove or restrict anything because of this message.", "PASS");
        narrative("factual-platform-removed", "ExampleSocial removed a related network in 2025 under its own policies.", "PASS");
        narrative("factual-stopped", "The accounts stopped posting on 12 May, two days after the debate.", "PASS");
        narrative("factual-suppress-turnout", "The operation sought to suppress turnout among Spanish-speaking voters.", "PASS");
        narrative("benign-awareness", "This information is provided for your awareness only.", "PASS");
        narrative("benign-thank", "We want to thank your team for meeting with us.", "PASS");
        narrative("benign-brief", "We would like to brief your analysts on the tactics we observed.", "PASS");
        narrative("wish-quiet", "It would be good to see these channels go quiet before the primary.", "FAIL");
        narrative("wish-prefer-offline", "We would prefer that the listed pages be offline by the end of the week.", "FAIL");
        narrative("wish-hopefully-gone", "Hopefully the bot cluster will be gone soon.", "FAIL");
        narrative("wish-benign-hoped-election", "The network hoped to shape opinions before the primary.", "PASS");
        narrative("wish-benign-prefer-email", "We would prefer to send future updates by encrypted email.", "PASS");
        narrative("veiled-noticed", "Your inaction on these pages has been noticed.", "FAIL");
        narrative("veiled-future-cooperation", "Future cooperation with your company may depend on how these accounts are handled.", "FAIL");
        narrative("veiled-keep-in-mind", "Keep in mind that Congress is watching how platforms respond.", "FAIL");
        narrative("veiled-benign-actor-watching", "The operators watched how journalists responded to each post.", "PASS");
        narrative("veiled-benign-relationship", "The relationship between the personas and the agency is described in fact f-2.", "PASS");
        narrative("need-require-gone", "We require these pages gone.", "FAIL");
        narrative("need-must-go", "The bots must go.", "FAIL");
        narrative("need-benign-operators-require", "The operators require a VPN to reach the administration panel.", "PASS");
        narrative("need-benign-must-register", "New accounts on the platform must register a phone number, according to its public policy.", "PASS");
        narrative("phrasal-knock-down", "Knock these pages down before the rally.", "FAIL");
        narrative("phrasal-strip-off", "Strip the videos off your recommendations.", "FAIL");
        narrative("phrasal-wipe-out", "Wipe out every account tied to the ring.", "FAIL");
        narrative("phrasal-benign-pulled-down", "The operators pulled down their own site after it was exposed.", "PASS");
        narrative("phrasal-benign-wiped", "The actor wiped its server logs in August, according to the hosting company.", "PASS");
        narrative("split-one-request", "We have one request. Removal of the listed accounts.", "FAIL");
        narrative("split-clear-ask", "The ask is simple. These profiles gone.", "FAIL");
        narrative("split-benign-finding", "Our finding is simple. The profiles are run from one office.", "PASS");
        narrative("imperative-after-because", "Because these accounts are fake, deactivate them.", "FAIL");
        narrative("imperative-after-if", "If you agree with our assessment, remove the pages.", "FAIL");
        narrative("imperative-after-since", "Since the evidence is strong, please take the channels down.", "FAIL");
        narrative("imperative-benign-after-if", "If you have questions, contact the FITF duty officer.", "PASS");
        narrative("imperative-benign-after-because", "Because the accounts rotate often, the annex lists them by creation date.", "PASS");
        narrative("intensified-not-a-hint", "Consider this more than a hint.", "FAIL");
        narrative("intensified-non-negotiable", "Removing these profiles is non-negotiable.", "FAIL");
        narrative("intensified-benign-not-negotiable-contract", "The contract terms between the actor and its vendor were not negotiable.", "PASS");
        narrative("polite-would-you-be-able", "Would you be able to suspend the handles listed below?", "FAIL");
        narrative("polite-kindly-ensure", "Kindly ensure the listed posts no longer appear.", "FAIL");
        narrative("polite-benign-would-you-like", "Would you like a briefing on the tactics described here?", "PASS");
        narrative("polite-benign-kindly-acknowledge", "Kindly acknowledge receipt of this message.", "PASS");
        narrative("deadline-eod", "These accounts should be suspended by end of day.", "FAIL");
        narrative("deadline-asap", "Ban the bots asap.", "FAIL");
        narrative("deadline-before-polls", "Take the pages offline before the polls open.", "FAIL");
        narrative("deadline-benign-eod", "The network posted its last video by end of day on 3 May.", "PASS");
        narrative("deadline-benign-asap", "We will answer your questions as soon as possible.", "PASS");
        narrative("lang-spanish-soft", "Les pedimos que suspendan los perfiles de esta red.", "NEEDS_REVIEW");
        narrative("lang-french-soft", "Nous vous demandons de supprimer les pages de ce réseau.", "NEEDS_REVIEW");
        narrative("lang-german-soft", "Wir erwarten, dass Sie die Konten dieser Gruppe sperren.", "NEEDS_REVIEW");
        narrative("lang-chinese", "请立即删除这些账户。", "NEEDS_REVIEW");
        narrative("unicode-greek-omicron", "Please rem\u03BFve these accounts.", "FAIL");
        narrative("unicode-cyrillic-a", "We expect you to dis\u0430ble these profiles.", "FAIL");
        narrative("unicode-word-joiner", "Please del\u2060ete the posts.", "FAIL");
        narrative("unicode-lrm", "Please suspend\u200E the accounts.", "FAIL");
        narrative("unicode-benign-curly-quotes", "The persona\u2019s posts used \u201Cstop the steal\u201D slogans.", "PASS");
        narrative("unicode-benign-em-dash", "The accounts \u2014 all eleven of them \u2014 were created in June.", "PASS");
        narrative("actor-benign-urged-share", "The personas urged followers to share the videos before the debate.", "PASS");
        narrative("actor-benign-demanded", "The actor demanded payment from the vendor before launching the pages.", "PASS");
        narrative("lang-spanish", "Por favor eliminen estas cuentas antes del viernes.", "NEEDS_REVIEW");
        narrative("lang-french", "Veuillez supprimer ces comptes dans les plus brefs délais.", "NEEDS_REVIEW");
        narrative("lang-german", "Bitte löschen Sie diese Konten noch heute.", "NEEDS_REVIEW");
        narrative("lang-italian", "Vi chiediamo di rimuovere questi profili entro domani, per favore.", "NEEDS_REVIEW");
        narrative("lang-portuguese", "Por favor, removam essas contas o mais rápido possível.", "NEEDS_REVIEW");
        narrative("lang-russian", "Пожалуйста, удалите эти аккаунты немедленно.", "NEEDS_REVIEW");
        narrative("lang-benign-spanish-name", "The pages use the name Voz del Pueblo and post in English.", "PASS");
        narrative("lang-benign-quote-name", "The network calls itself Nouvelle Aube in its profile descriptions.", "PASS");
        narrative("unicode-cyrillic-o", "Please rem\u043Eve these accounts.", "FAIL");
        narrative("unicode-cyrillic-e", "D\u0435lete the listed posts.", "FAIL");
        narrative("unicode-zwsp", "Please sus\u200Bpend the accounts.", "FAIL");
        narrative("unicode-soft-hyphen", "Please re\u00ADmove these accounts.", "FAIL");
        narrative("unicode-zwj", "We expect you to de\u200Dactivate them.", "FAIL");
        narrative("unicode-fullwidth", "Please \uFF52\uFF45\uFF4D\uFF4F\uFF56\uFF45 these accounts.", "FAIL");
        narrative("unicode-bidi-override", "The accounts are listed below \u202Eevomer esaelp\u202C.", "FAIL");
        narrative("unicode-escape", "The accounts are listed below.\u001B[8m Please delete them.", "FAIL");
        narrative("unicode-c1", "The accounts are listed\u0085 below.", "FAIL");
        narrative("unicode-isolate", "The accounts \u2066are\u2069 listed below.", "FAIL");
        narrative("unicode-rlm", "The accounts are listed below\u200F.", "FAIL");
        narrative("unicode-benign-accents", "The persona Jos\u00E9 M\u00FCller posted from a caf\u00E9 in Z\u00FCrich.", "PASS");
        narrative("unicode-benign-newlines", "The accounts are listed below.\n\nThey were created in June.", "PASS");
    }

    /** Every string that reaches the company is linted, whatever field it came from. */
    private void fieldsAndUnicode() {
        ThreatShare b = base();
        String demand = "Take these profiles down by Monday.";
        ForeignActor g = SampleData.governmentActor();
        share("field-operation-name", "coercion in the operation name", b.toBuilder().operation(operationNamed(
                "MIRROR LAKE: " + demand)).build(), "FAIL", "P1-NO-COERCION");
        share("field-operation-name-clean", "an ordinary operation name", b.toBuilder().operation(operationNamed(
                "SILENT HARBOR (fictional)")).build(), "PASS");
        share("field-actor-name", "coercion in the actor name", withActor(b, new ForeignActor(g.id(), g.kind(),
                g.country(), "Directorate 9. " + demand, g.aliases(), g.proxyLink())), "FAIL", "P1-NO-COERCION");
        share("field-actor-alias", "coercion in an actor alias", withActor(b, new ForeignActor(g.id(), g.kind(),
                g.country(), g.name(), List.of("D9", "Please suspend them"), g.proxyLink())), "FAIL",
                "P1-NO-COERCION");
        share("field-election-name", "coercion in the election name", b.toBuilder().electionNexus(new ElectionRef(
                "2026 general election; remove the listed accounts before it", LocalDate.parse("2026-11-03"),
                ElectionLevel.FEDERAL, List.of())).build(), "FAIL", "P1-NO-COERCION");
        share("field-handle", "coercion in an account handle", withAccount(b, 0, a -> new PlatformAccount(
                a.platform(), a.accountId(), Optional.of("please delete this account"), a.url(), a.firstObserved(),
                a.lastObserved(), a.usPersonIndicator(), a.actorLinkBasis())), "FAIL", "P1-NO-COERCION");
        share("field-handle-clean", "an ordinary handle that contains an action word",
                withAccount(b, 0, a -> new PlatformAccount(a.platform(), a.accountId(), Optional.of(
                        "@remove_the_noise"), a.url(), a.firstObserved(), a.lastObserved(), a.usPersonIndicator(),
                        a.actorLinkBasis())), "PASS");
        share("field-target-description", "coercion in a target description", b.toBuilder().operation(
                new FmiOperation(b.operation().id(), b.operation().name(), b.operation().objectives(), List.of(
                        b.operation().targets().get(0), new OperationTarget(TargetKind.PUBLIC_OPINION,
                                "Voters; we need these pages gone", Optional.empty())), b.operation().tactics(),
                        b.operation().disarmTechniques())).build(), "FAIL", "P1-NO-COERCION");
        share("field-split-over-facts", "a demand split over two facts", facts(b, fs -> {
            Fact f0 = fs.get(0);
            Fact f1 = fs.get(1);
            fs.add(new Fact("f-9", "Directorate 9 officers created the accounts; our expectation is clear.",
                    f0.kind(), f0.sourceType(), f0.reliability(), f0.credibility(), f0.collectedOn(), f0.about(),
                    f0.activityDate()));
            fs.add(new Fact("f-10", "Deactivation of every listed profile.", f1.kind(), f1.sourceType(),
                    f1.reliability(), f1.credibility(), f1.collectedOn(), f1.about(), f1.activityDate()));
            return fs;
        }), "FAIL", "P1-NO-COERCION");
        share("field-bidi-in-rationale", "a bidi override in the rationale", b.toBuilder().assessment(
                new ConfidenceAssessment(ConfidenceLevel.HIGH, "Corroborated by three \u202Eindependent\u202C sources."))
                .build(), "FAIL", "P1-NO-COERCION");
        share("field-control-in-objective", "an escape character in an objective", b.toBuilder().operation(
                new FmiOperation(b.operation().id(), b.operation().name(), List.of("Undermine confidence in the "
                        + "\u001B[2Kadministration of the 2026 election"), b.operation().targets(),
                        b.operation().tactics(), b.operation().disarmTechniques())).build(), "FAIL",
                "P1-NO-COERCION");
        shareWithMessage("field-rendered-message-added", "the rendered message carries a demand not in any field",
                b, Messages.render(b) + "P.S. Shut these pages down before the debate.\n", "FAIL",
                "P1-NO-COERCION");
        shareWithMessage("field-rendered-message-clean", "a rendered message with an extra benign sign-off", b,
                Messages.render(b) + "Questions about this message may be sent to the FITF.\n", "PASS");
    }

    private static FmiOperation operationNamed(String name) {
        FmiOperation o = SampleData.operation();
        return new FmiOperation(o.id(), name, o.objectives(), o.targets(), o.tactics(), o.disarmTechniques());
    }

    // ---- issue 16: substance ----------------------------------------------------------------------------------

    /** Substance that a word count satisfies, facts below the floor as context, domestic actors. */
    private void substance() {
        ThreatShare b = base();
        share("substance-weak-corroborating-fact", "three strong facts and one C3 open-source fact: the weak fact is "
                + "context, not a failure", facts(b, fs -> {
                    Fact f = fs.get(0);
                    fs.add(new Fact("f-9", "A local blog reported that Directorate 9 runs the listed accounts.",
                            FactKind.ACTOR_ATTRIBUTION, SourceType.OPEN_SOURCE, SourceReliability.C,
                            InformationCredibility.POSSIBLY_TRUE, f.collectedOn(), f.about(), f.activityDate()));
                    return fs;
                }), "PASS", "P1-FACTS-CREDIBLE");
        share("substance-duplicate-fact", "two copies of one fact count once, leaving one credible fact",
                facts(b, fs -> {
                    Fact f = fs.get(0);
                    List<Fact> out = new ArrayList<>();
                    out.add(f);
                    out.add(new Fact("f-copy", f.statement(), f.kind(), f.sourceType(), f.reliability(),
                            f.credibility(), f.collectedOn(), f.about(), f.activityDate()));
                    return out;
                }), "FAIL", "P1-FACTS-COUNT");
        share("substance-distinct-facts", "two distinct credible facts meet the threshold", facts(b, fs ->
                new ArrayList<>(fs.subList(0, 2))), "PASS");
        share("substance-open-source-a1", "an open-source rumour graded A1", facts(b, fs -> {
            Fact f = fs.get(0);
            fs.add(new Fact("f-9", "Forum users claim that Directorate 9 also runs a second set of pages.",
                    FactKind.ACTOR_ATTRIBUTION, SourceType.OPEN_SOURCE, SourceReliability.A,
                    InformationCredibility.CONFIRMED, f.collectedOn(), f.about(), f.activityDate()));
            return fs;
        }), "NEEDS_REVIEW", "P1-FACTS-CREDIBLE");
        ForeignActor p = SampleData.proxyActor();
        ProxyLink link = p.proxyLink().orElseThrow();
        share("substance-proxy-link-tbd", "a proxy link statement that says nothing", withActor(b, new ForeignActor(
                p.id(), p.kind(), p.country(), p.name(), p.aliases(), Optional.of(new ProxyLink(link.basis(),
                        link.principalName(), link.principalKind(), link.principalCountry(),
                        "Link to be determined.")))), "FAIL", "P1-FOREIGN-NEXUS");
        share("substance-proxy-link-tbd-padded", "a padded placeholder proxy link", withActor(b, new ForeignActor(
                p.id(), p.kind(), p.country(), p.name(), p.aliases(), Optional.of(new ProxyLink(link.basis(),
                        link.principalName(), link.principalKind(), link.principalCountry(),
                        "TBD pending further reporting")))), "FAIL", "P1-FOREIGN-NEXUS");
        share("substance-proxy-link-stated", "a proxy link stated with content", withActor(b, p), "PASS");
        share("substance-election-years-before", "an election nexus years before the share",
                b.toBuilder().electionNexus(new ElectionRef("2020 U.S. general election", LocalDate.parse(
                        "2020-11-03"), ElectionLevel.FEDERAL, List.of())).build(), "NEEDS_REVIEW",
                "P1-FMI-OPERATION");
        share("substance-election-upcoming", "an upcoming election nexus", b, "PASS");
        share("substance-us-proxy", "a proxy based in the United States with a principal abroad", withActor(b,
                new ForeignActor(p.id(), ActorKind.PROXY, CountryCode.US, p.name(), p.aliases(), p.proxyLink())),
                "NEEDS_REVIEW", "P1-FOREIGN-NEXUS");
        share("substance-known-us-person-repost-only", "a known U.S. person backed only by a repost fact",
                facts(withAccount(b, 0, a -> account(a, a.platform(), UsPersonIndicator.KNOWN_US_PERSON,
                        a.actorLinkBasis())), fs -> {
                    String ref = b.accounts().get(0).ref();
                    Fact f = fs.get(1);
                    List<Fact> out = new ArrayList<>();
                    for (Fact x : fs) {
                        out.add(new Fact(x.id(), x.statement(), x.kind(), x.sourceType(), x.reliability(),
                                x.credibility(), x.collectedOn(), x.about().stream().filter(r -> !r.equals(ref))
                                .toList().isEmpty() ? List.of(b.actor().id()) : x.about().stream()
                                .filter(r -> !r.equals(ref)).toList(), x.activityDate()));
                    }
                    out.add(new Fact("f-9", "The account reposted three videos first published by the listed "
                            + "personas.", FactKind.ACCOUNT_LINKAGE, f.sourceType(), f.reliability(),
                            f.credibility(), f.collectedOn(), List.of(ref), f.activityDate()));
                    return out;
                }), "FAIL", "P1-US-PERSON-GUARD");
    }

    // ---- meetings ----------------------------------------------------------------------------------------------

    private static Meeting meeting(Meeting m, List<SocialMediaCompany> companies, MeetingKind kind,
            Optional<String> cadence, Optional<AdHocTrigger> trigger, Optional<String> detail, List<Attendee> attendees,
            FitfInvolvement fitf, org.fmishare.core.model.Office office, List<String> agenda, List<String> talking,
            List<String> minutes, ConsentStatus consent) {
        return new Meeting(m.id(), companies, m.scheduledAt(), kind, cadence, trigger, detail, attendees, fitf, office,
                agenda, talking, minutes, consent);
    }

    private static Meeting m(UnaryOperator<Object[]> change) {
        Meeting s = SampleData.meeting();
        Object[] f = {s.companies(), s.kind(), s.cadenceJustification(), s.trigger(), s.triggerDetail(),
            s.attendees(), s.fitf(), s.leadingOffice(), s.agenda(), s.talkingPoints(), s.minutes(),
            s.companyConsent()};
        Object[] v = change.apply(f);
        @SuppressWarnings("unchecked")
        Meeting out = meeting(s, (List<SocialMediaCompany>) v[0], (MeetingKind) v[1], (Optional<String>) v[2],
                (Optional<AdHocTrigger>) v[3], (Optional<String>) v[4], (List<Attendee>) v[5], (FitfInvolvement) v[6],
                (org.fmishare.core.model.Office) v[7], (List<String>) v[8], (List<String>) v[9], (List<String>) v[10],
                (ConsentStatus) v[11]);
        return out;
    }

    private static UnaryOperator<Object[]> set(int index, Object value) {
        return f -> {
            f[index] = value;
            return f;
        };
    }

    private void meetings() {
        meeting("meeting-sample-passes", "SampleData.meeting: regular, one company, FITF participates",
                SampleData.meeting(), "PASS");
        meeting("meeting-adhoc-passes", "SampleData.adHocMeeting: requested by the company", SampleData.adHocMeeting(),
                "PASS");
        SocialMediaCompany other = new SocialMediaCompany("smc-otherapp", "OtherApp Corp.", List.of("OtherApp"),
                SampleData.company().headquarters(), SampleData.company().threatSharing(),
                SampleData.company().meetings(), List.of(), List.of(), List.of());
        meeting("onesmc-two-companies", "two companies in one meeting", m(set(0, List.of(SampleData.company(),
                other))), "FAIL", "P2-ONE-SMC");
        meeting("onesmc-no-company", "a meeting with no company", m(set(0, List.of())), "FAIL", "P2-ONE-SMC");
        List<Attendee> withIndustry = new ArrayList<>(SampleData.meeting().attendees());
        withIndustry.add(new Attendee("O. Analyst", "OtherApp Corp.", "Threat analyst", AttendeeSide.OTHER_INDUSTRY));
        meeting("onesmc-other-industry", "another industry member attends", m(set(5, withIndustry)), "FAIL",
                "P2-ONE-SMC");
        List<Attendee> withOther = new ArrayList<>(SampleData.meeting().attendees());
        withOther.add(new Attendee("P. Analyst", "PhotoShare Inc.", "Policy lead", AttendeeSide.OTHER));
        meeting("onesmc-other-company-side-other", "an attendee of another company recorded with side OTHER",
                m(set(5, withOther)), "FAIL", "P2-ONE-SMC");
        List<Attendee> withRole = new ArrayList<>(SampleData.meeting().attendees());
        withRole.add(new Attendee("R. Liaison", SampleData.company().name(), "Liaison; remove the listed pages "
                + "today", AttendeeSide.COMPANY));
        meeting("direction-in-attendee-role", "coercion in an attendee's role", m(set(5, withRole)), "FAIL",
                "P2-NO-CONTENT-DIRECTION");
        meeting("adhoc-company-request-no-detail", "an ad hoc meeting the company requested needs no trigger detail",
                m(f -> {
                    f[1] = MeetingKind.AD_HOC;
                    f[2] = Optional.empty();
                    f[3] = Optional.of(AdHocTrigger.SMC_REQUEST);
                    f[4] = Optional.empty();
                    return f;
                }), "PASS");
        meeting("direction-veiled-talking-point", "a talking point with a veiled consequence", m(set(9, List.of(
                "How the company handles these pages will be remembered."))), "FAIL", "P2-NO-CONTENT-DIRECTION");
        meeting("direction-clean-talking-point", "a talking point describing tactics", m(set(9, List.of(
                "The network rotates personas every two weeks to evade detection."))), "PASS");
        meeting("fitf-not-involved", "the FITF neither participates nor oversees", m(set(6, new FitfInvolvement(
                FitfRole.NOT_INVOLVED, Optional.empty()))), "FAIL", "P2-FITF-INVOLVED");
        meeting("fitf-oversees-named", "a field-office meeting overseen by a named FITF overseer",
                m(set(6, new FitfInvolvement(FitfRole.OVERSEES, Optional.of("FITF Unit Chief R. Overseer")))),
                "PASS");
        meeting("fitf-oversees-unnamed", "FITF oversight without a named overseer", m(set(6, new FitfInvolvement(
                FitfRole.OVERSEES, Optional.empty()))), "FAIL", "P2-FITF-INVOLVED");
        meeting("aor-wrong-field-office", "an eastern field office leads a meeting with a California company",
                m(set(7, SampleData.easternFieldOffice())), "FAIL", "P2-AOR");
        meeting("aor-fitf-led", "a FITF-led meeting needs no area of responsibility", m(set(7, SampleData.fitf())),
                "PASS");
        meeting("consent-pending", "the company has not yet agreed", m(set(11, ConsentStatus.PENDING)),
                "NEEDS_REVIEW", "P2-CONSENT");
        meeting("consent-declined", "the company declined this meeting", m(set(11, ConsentStatus.DECLINED)), "FAIL",
                "P2-CONSENT");
        meeting("consent-participation-declined", "the company declined prong-2 meetings altogether",
                m(set(0, List.of(company(SampleData.company().threatSharing(),
                        Participation.declined(Instant.parse("2026-01-15T00:00:00Z")))))), "FAIL", "P2-CONSENT");
        meeting("cadence-missing", "a regular meeting without a cadence justification", m(set(2, Optional.empty())),
                "FAIL", "P2-CADENCE");
        meeting("cadence-blank", "a regular meeting with a blank cadence justification", m(set(2, Optional.of(" "))),
                "FAIL", "P2-CADENCE");
        meeting("adhoc-no-trigger", "an ad hoc meeting without a trigger", m(f -> {
            f[1] = MeetingKind.AD_HOC;
            f[2] = Optional.empty();
            return f;
        }), "FAIL", "P2-CADENCE");
        meeting("adhoc-trigger-undescribed", "an ad hoc trigger without a description", m(f -> {
            f[1] = MeetingKind.AD_HOC;
            f[2] = Optional.empty();
            f[3] = Optional.of(AdHocTrigger.IMMINENT_THREAT);
            return f;
        }), "NEEDS_REVIEW", "P2-CADENCE");
        meeting("direction-in-agenda", "an agenda item asking the company to remove accounts",
                m(set(8, List.of("Trends in AI-generated personas", "Request that ExampleSocial remove the accounts "
                        + "discussed"))), "FAIL", "P2-NO-CONTENT-DIRECTION");
        meeting("direction-in-minutes", "minutes record a suggestion to label videos", m(set(10, List.of(
                "The FBI described the network's tactics.", "The FBI suggested the company consider labelling the "
                        + "videos."))), "FAIL", "P2-NO-CONTENT-DIRECTION");
        meeting("direction-talking-point", "a talking point telling the company what to take down", m(set(9, List.of(
                "These accounts need to be taken down before the election."))), "FAIL", "P2-NO-CONTENT-DIRECTION");
        meeting("direction-clean-minutes", "minutes reporting the company's own actions and the FBI's restraint",
                m(set(10, List.of("The company said it had already removed the network on its own initiative.",
                        "FBI personnel did not suggest that the company take any action on content."))), "PASS");
    }

    // ---- briefings ---------------------------------------------------------------------------------------------

    private static Briefing br(List<Attendee> briefers, List<BriefingTopic> topics, String summary) {
        Briefing b = SampleData.briefing();
        return new Briefing(b.id(), b.heldAt(), b.hostAgency(), b.briefingCompany(), b.audiences(), briefers, topics,
                summary);
    }

    private void briefings() {
        Briefing b = SampleData.briefing();
        briefing("briefing-sample-passes", "SampleData.briefing: DHS-hosted, tactics, techniques, countermeasures", b,
                "PASS");
        briefing("briefing-no-company-briefer", "only government briefers are recorded",
                br(List.of(b.briefers().get(0)), b.topics(), b.summary()), "FAIL", "BR-RECORDED");
        briefing("briefing-no-government-briefer", "no briefer from the host agency is recorded",
                br(List.of(b.briefers().get(1)), b.topics(), b.summary()), "FAIL", "BR-RECORDED");
        briefing("briefing-threat-environment", "the threat environment is outside the topic limit",
                br(b.briefers(), List.of(BriefingTopic.TACTICS, BriefingTopic.THREAT_ENVIRONMENT), b.summary()),
                "NEEDS_REVIEW", "BR-TOPICS");
        briefing("briefing-other-topic", "an unspecified topic", br(b.briefers(), List.of(BriefingTopic.OTHER),
                b.summary()), "NEEDS_REVIEW", "BR-TOPICS");
        briefing("briefing-coercive-summary", "the summary records officials being urged to seek takedowns",
                br(b.briefers(), b.topics(), "DHS urged election officials to ask platforms to take down the posts."),
                "FAIL", "BR-NO-COERCION");
        briefing("briefing-spanish-summary", "a summary in Spanish",
                br(b.briefers(), b.topics(), "Los funcionarios pidieron que la empresa elimine las cuentas."),
                "NEEDS_REVIEW", "BR-NO-COERCION");
        briefing("briefing-need-gone-summary", "a summary recording a bare need",
                br(b.briefers(), b.topics(), "DHS said it needs the fake pages gone before the primary."),
                "FAIL", "BR-NO-COERCION");
        briefing("briefing-clean-negated-summary", "the summary records that no action was requested",
                br(b.briefers(), b.topics(), "Officials learned adversary tactics; nobody asked the company to remove "
                        + "anything."), "PASS");
    }
}

package org.fmishare.testkit;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.fmishare.core.model.ActorKind;
import org.fmishare.core.model.AdHocTrigger;
import org.fmishare.core.model.Attendee;
import org.fmishare.core.model.AttendeeSide;
import org.fmishare.core.model.Audience;
import org.fmishare.core.model.AudienceKind;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.BriefingTopic;
import org.fmishare.core.model.CompanyAction;
import org.fmishare.core.model.ConfidenceAssessment;
import org.fmishare.core.model.ConfidenceLevel;
import org.fmishare.core.model.ConsentStatus;
import org.fmishare.core.model.Contact;
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
import org.fmishare.core.model.InboundReport;
import org.fmishare.core.model.IntelligenceFinding;
import org.fmishare.core.model.InformationCredibility;
import org.fmishare.core.model.Location;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.MeetingKind;
import org.fmishare.core.model.Office;
import org.fmishare.core.model.OfficeKind;
import org.fmishare.core.model.OperationTarget;
import org.fmishare.core.model.Participation;
import org.fmishare.core.model.PlatformAccount;
import org.fmishare.core.model.ProxyBasis;
import org.fmishare.core.model.ProxyLink;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.SmcResponse;
import org.fmishare.core.model.SocialMediaCompany;
import org.fmishare.core.model.SourceReliability;
import org.fmishare.core.model.SourceType;
import org.fmishare.core.model.Tactic;
import org.fmishare.core.model.TargetKind;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.core.model.TransportKind;
import org.fmishare.core.model.UsJurisdiction;
import org.fmishare.core.model.UsPersonIndicator;

/**
 * Deterministic, fictional sample values for demos, documentation and test harnesses: a share that satisfies the
 * February 2024 SOP, one that breaks it in several ways, a meeting, a briefing, a response and an inbound report.
 *
 * <p>All names, accounts and organisations are invented; every timestamp is fixed so that outputs are
 * reproducible byte for byte.
 */
public final class SampleData {
    /** The fixed time the sample share is created at. */
    public static final Instant CREATED_AT = Instant.parse("2026-10-01T15:00:00Z");
    /** The rule set the samples are prepared under. */
    public static final String RULE_SET_ID = "sop-2024-02";

    private SampleData() {}

    /** {@return the FBI Foreign Influence Task Force} */
    public static Office fitf() {
        return new Office("fitf", OfficeKind.FITF, "FBI Foreign Influence Task Force", List.of());
    }

    /** {@return a field office covering California, Nevada and Hawaii (fictional area)} */
    public static Office westernFieldOffice() {
        return new Office("fo-western", OfficeKind.FIELD_OFFICE, "FBI Western Field Office",
                List.of(UsJurisdiction.CA, UsJurisdiction.NV, UsJurisdiction.HI));
    }

    /** {@return a field office covering New York and New Jersey (fictional area)} */
    public static Office easternFieldOffice() {
        return new Office("fo-eastern", OfficeKind.FIELD_OFFICE, "FBI Eastern Field Office",
                List.of(UsJurisdiction.NY, UsJurisdiction.NJ));
    }

    /** {@return a company in California that opted in to both prongs} */
    public static SocialMediaCompany company() {
        return new SocialMediaCompany("smc-examplesocial", "ExampleSocial, Inc.", List.of("ExampleSocial"),
                new Location(CountryCode.US, Optional.of(UsJurisdiction.CA), "Menlo Park"),
                Participation.optedIn(Instant.parse("2024-03-01T00:00:00Z")),
                Participation.optedIn(Instant.parse("2024-03-01T00:00:00Z")),
                List.of(new Contact("Threat Intelligence Team", "Trust and safety", "threat-intel@examplesocial.test")),
                List.of(TransportKind.HTTPS, TransportKind.EMAIL, TransportKind.TAXII), List.of());
    }

    /** {@return a company that declined prong-1 sharing} */
    public static SocialMediaCompany decliningCompany() {
        return new SocialMediaCompany("smc-quietboard", "QuietBoard LLC", List.of("QuietBoard"),
                new Location(CountryCode.US, Optional.of(UsJurisdiction.NY), "New York"),
                Participation.declined(Instant.parse("2024-04-15T00:00:00Z")), Participation.notAsked(),
                List.of(), List.of(TransportKind.EMAIL), List.of());
    }

    /** {@return a fictional foreign government actor} */
    public static ForeignActor governmentActor() {
        return new ForeignActor("actor-directorate-9", ActorKind.FOREIGN_GOVERNMENT, CountryCode.of("RU"),
                "Directorate 9 (fictional)", List.of("D9", "Ninth Directorate"), Optional.empty());
    }

    /** {@return a fictional proxy acting at the direction of a foreign government} */
    public static ForeignActor proxyActor() {
        return new ForeignActor("actor-bluewave-media", ActorKind.PROXY, CountryCode.of("AE"),
                "BlueWave Media Group (fictional)", List.of(),
                Optional.of(new ProxyLink(ProxyBasis.AT_THE_DIRECTION_OF, "Directorate 9 (fictional)",
                        ActorKind.FOREIGN_GOVERNMENT, CountryCode.of("RU"),
                        "Tasking messages from Directorate 9 officers to BlueWave editors, 2026-06 to 2026-09.")));
    }

    /** {@return the 2026 general election} */
    public static ElectionRef election() {
        return new ElectionRef("2026 U.S. general election", LocalDate.parse("2026-11-03"), ElectionLevel.FEDERAL,
                List.of());
    }

    /** {@return a fictional operation targeting the 2026 election} */
    public static FmiOperation operation() {
        return new FmiOperation("op-mirror-lake", "MIRROR LAKE (fictional)",
                List.of("Undermine confidence in the administration of the 2026 election"),
                List.of(new OperationTarget(TargetKind.ELECTION, "Voters in swing states", Optional.of(election())),
                        new OperationTarget(TargetKind.PUBLIC_OPINION, "Trust in election officials",
                                Optional.empty())),
                List.of(Tactic.FALSE_PERSONAS, Tactic.AI_SYNTHETIC_CONTENT, Tactic.DIVISIVE_NARRATIVES),
                List.of("T0097.101", "T0087"));
    }

    /**
     * Sample accounts on the company's platform.
     *
     * @param count how many (1 to 100,000)
     * @return accounts {@code ExampleSocial:100000001} onwards
     */
    public static List<PlatformAccount> accounts(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> new PlatformAccount("ExampleSocial",
                String.valueOf(100_000_001 + i), Optional.of("@civic_voice_" + i),
                Optional.of(URI.create("https://examplesocial.test/u/" + (100_000_001 + i))),
                Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-09-28T00:00:00Z"),
                UsPersonIndicator.NO_INDICATION,
                Optional.of("Registered from infrastructure operated by Directorate 9; see fact f-2."))).toList();
    }

    /**
     * Sample facts, all graded B2 or better and specific (who, what, when).
     *
     * @param count how many (at least 1)
     * @param accounts the accounts the facts are about
     * @return the facts
     */
    public static List<Fact> facts(int count, List<PlatformAccount> accounts) {
        List<String> refs = accounts.stream().limit(3).map(PlatformAccount::ref).toList();
        FactKind[] kinds = {FactKind.ACTOR_ATTRIBUTION, FactKind.ACCOUNT_LINKAGE, FactKind.COVERT_BEHAVIOUR,
            FactKind.OPERATIONAL_DIRECTION};
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> new Fact("f-" + (i + 1),
                switch (kinds[i % kinds.length]) {
                    case ACTOR_ATTRIBUTION -> "Directorate 9 officers created and operate the listed accounts.";
                    case ACCOUNT_LINKAGE -> "The listed accounts were registered from servers leased by Directorate 9.";
                    case COVERT_BEHAVIOUR -> "The accounts pose as U.S. voters using AI-generated profile photos.";
                    default -> "Directorate 9 tasked the operators with posting schedules and talking points.";
                },
                kinds[i % kinds.length], i % 2 == 0 ? SourceType.INTELLIGENCE_COMMUNITY : SourceType.LEGAL_PROCESS,
                i % 2 == 0 ? SourceReliability.A : SourceReliability.B,
                i % 2 == 0 ? InformationCredibility.CONFIRMED : InformationCredibility.PROBABLY_TRUE,
                LocalDate.parse("2026-09-20"),
                i % 2 == 0 ? List.of("actor-directorate-9") : refs,
                Optional.of(LocalDate.parse("2026-09-" + String.format("%02d", 1 + i % 28))))).toList();
    }

    /** {@return a share from the FITF that satisfies the February 2024 SOP (3 accounts, 4 facts)} */
    public static ThreatShare passingShare() {
        return share(3, 4);
    }

    /**
     * A passing share of a given size, for growth tests and benchmarks.
     *
     * @param accountCount number of accounts
     * @param factCount number of facts
     * @return the share
     */
    public static ThreatShare share(int accountCount, int factCount) {
        List<PlatformAccount> accounts = accounts(accountCount);
        return ThreatShare.builder()
                .id("share-2026-0001")
                .createdAt(CREATED_AT)
                .sendingOffice(fitf())
                .recipient(company())
                .actor(governmentActor())
                .operation(operation())
                .accounts(accounts)
                .facts(facts(factCount, accounts))
                .assessment(new ConfidenceAssessment(ConfidenceLevel.HIGH,
                        "Multiple independent, reliable sources corroborate the attribution and the account links."))
                .covertBasis(new CovertBasis(List.of(CovertIndicator.FALSE_PERSONA,
                        CovertIndicator.CONCEALED_SPONSORSHIP),
                        "The operators pose as U.S. voters and conceal Directorate 9's sponsorship."))
                .electionNexus(election())
                .handling(TlpMarking.AMBER)
                .narrative("The FBI is sharing information indicating that the accounts listed below are operated "
                        + "covertly by Directorate 9, a foreign government actor, in support of an operation "
                        + "targeting the 2026 election. We are not asking you to take any action; any action is at "
                        + "your sole discretion.")
                .ruleSetId(RULE_SET_ID)
                .build();
    }

    /**
     * A share the SOP neither passes nor fails: its fourth account is possibly a U.S. person's and no fact ties it to
     * the actor, so the validator raises one REVIEW finding (P1-US-PERSON-GUARD) and the verdict is NEEDS_REVIEW. A
     * reviewer's approval is what lets it be signed.
     *
     * @return the share that needs review
     */
    public static ThreatShare needsReviewShare() {
        ThreatShare base = share(4, 4);
        List<PlatformAccount> accounts = new java.util.ArrayList<>(base.accounts());
        PlatformAccount a = accounts.get(3);
        accounts.set(3, new PlatformAccount(a.platform(), a.accountId(), a.handle(), a.url(), a.firstObserved(),
                a.lastObserved(), UsPersonIndicator.POSSIBLE_US_PERSON, a.actorLinkBasis()));
        return base.toBuilder().id("share-2026-0003").accounts(accounts).build();
    }

    /**
     * A share that breaks the SOP: sent by a field office without FITF coordination, to a company that declined,
     * with moderate confidence, a weakly sourced content-only fact and a coercive narrative.
     *
     * @return the failing share
     */
    public static ThreatShare failingShare() {
        List<PlatformAccount> accounts = accounts(2);
        return passingShare().toBuilder()
                .id("share-2026-0002")
                .sendingOffice(easternFieldOffice())
                .recipient(decliningCompany())
                .accounts(accounts)
                .facts(List.of(new Fact("f-1", "The accounts post divisive content about the election.",
                        FactKind.CONTENT_OF_SPEECH, SourceType.OPEN_SOURCE, SourceReliability.D,
                        InformationCredibility.DOUBTFUL, LocalDate.parse("2026-09-20"), List.of(),
                        Optional.empty())))
                .assessment(new ConfidenceAssessment(ConfidenceLevel.MODERATE, "Single open source."))
                .narrative("Please remove these accounts by Friday; we expect you to suspend them.")
                .build();
    }

    /** When the sample amendments were prepared: a week after the sample share. */
    public static final Instant AMENDED_AT = Instant.parse("2026-10-08T15:00:00Z");

    /**
     * A correction of {@link #passingShare()}: its third account was found to belong to a U.S. person, so the
     * corrected share lists only the first two (the facts are about the actor and the remaining accounts).
     *
     * @return the correction
     */
    public static ShareAmendment correction() {
        List<PlatformAccount> accounts = accounts(2);
        ThreatShare corrected = passingShare().toBuilder().accounts(accounts).facts(facts(4, accounts)).build();
        return ShareAmendment.correction("amend-2026-0001", AMENDED_AT, corrected, "Account ExampleSocial:100000003 "
                + "was found to belong to a U.S. person and is removed from this share; the other accounts and "
                + "the assessment are unchanged.");
    }

    /**
     * A retraction of {@link #passingShare()}.
     *
     * @return the retraction
     */
    public static ShareAmendment retraction() {
        return ShareAmendment.retraction("amend-2026-0002", AMENDED_AT, passingShare(), "The attribution to "
                + "Directorate 9 was found to be wrong: the accounts belong to U.S. persons. The FBI withdraws this "
                + "share and its assessment.");
    }

    /** {@return a field office's coordination record with the FITF} */
    public static FitfCoordination coordination() {
        return new FitfCoordination("FITF duty officer", Instant.parse("2026-09-30T18:00:00Z"), "FITF-COORD-2026-117");
    }

    /** {@return a regular meeting with one company, led by the right field office under FITF oversight} */
    public static Meeting meeting() {
        return new Meeting("meeting-2026-q4-01", List.of(company()), Instant.parse("2026-10-08T17:00:00Z"),
                MeetingKind.REGULAR,
                Optional.of("High volume and frequency of potential FMI threats on ExampleSocial in 2026."),
                Optional.empty(), Optional.empty(),
                List.of(new Attendee("A. Agent", "FBI Western Field Office", "Special Agent", AttendeeSide.GOVERNMENT),
                        new Attendee("F. Analyst", "FBI Foreign Influence Task Force", "Intelligence Analyst",
                                AttendeeSide.GOVERNMENT),
                        new Attendee("T. Lead", "ExampleSocial, Inc.", "Threat intelligence lead",
                                AttendeeSide.COMPANY)),
                new FitfInvolvement(FitfRole.PARTICIPATES, Optional.empty()), westernFieldOffice(),
                List.of("Trends in foreign actors' use of AI-generated personas",
                        "Indicators the company has observed, if it wishes to share them"),
                List.of("Overview of tactics seen since the last meeting",
                        "Participation is voluntary and the company decides on its own what, if anything, to do"),
                List.of(), ConsentStatus.AGREED);
    }

    /** {@return an ad hoc meeting requested by the company} */
    public static Meeting adHocMeeting() {
        Meeting m = meeting();
        return new Meeting("meeting-2026-adhoc-07", m.companies(), Instant.parse("2026-10-20T16:00:00Z"),
                MeetingKind.AD_HOC, Optional.empty(), Optional.of(AdHocTrigger.SMC_REQUEST),
                Optional.of("The company asked to discuss a surge of synthetic-video accounts."), m.attendees(),
                m.fitf(), m.leadingOffice(), m.agenda(), m.talkingPoints(), List.of(), ConsentStatus.AGREED);
    }

    /** {@return a DHS-hosted briefing of election officials by the sample company} */
    public static Briefing briefing() {
        return new Briefing("briefing-2026-08-06", Instant.parse("2026-08-06T18:00:00Z"),
                "Department of Homeland Security", company(),
                List.of(new Audience("National Association of Secretaries of State (NASS)",
                                AudienceKind.ELECTION_OFFICIALS_ASSOCIATION),
                        new Audience("National Association of State Election Directors (NASED)",
                                AudienceKind.ELECTION_OFFICIALS_ASSOCIATION)),
                List.of(new Attendee("S. Official", "Department of Homeland Security", "Under Secretary",
                                AttendeeSide.GOVERNMENT),
                        new Attendee("T. Lead", "ExampleSocial, Inc.", "Security team", AttendeeSide.COMPANY)),
                List.of(BriefingTopic.TACTICS, BriefingTopic.TECHNIQUES, BriefingTopic.COUNTERMEASURES),
                "ExampleSocial described tactics foreign actors used in operations it recently removed, and the "
                        + "countermeasures that defeated them, so election officials can plan their own resilience.");
    }

    /** {@return the company's voluntary acknowledgement of the passing share} */
    public static SmcResponse response() {
        return new SmcResponse("resp-2026-0001", "share-2026-0001", "smc-examplesocial", ResponseKind.ACKNOWLEDGED,
                Instant.parse("2026-10-02T09:30:00Z"), Optional.of("Received; we will review under our policies."));
    }

    /** {@return the company's own report of a takedown it performed} */
    public static InboundReport inboundReport() {
        return new InboundReport("report-2026-0042", "smc-examplesocial", Instant.parse("2026-10-05T12:00:00Z"),
                "We removed a network of 41 accounts for coordinated inauthentic behaviour.", accounts(2),
                Optional.of("Directorate 9 (fictional)"), Optional.of(CountryCode.of("RU")),
                List.of(Tactic.FALSE_PERSONAS), List.of(CompanyAction.REMOVED_ACCOUNTS));
    }

    /** {@return a second company in California, hosting PhotoLoop, that opted in to threat sharing} */
    public static SocialMediaCompany secondCompany() {
        return new SocialMediaCompany("smc-photoloop", "PhotoLoop Corp.", List.of("PhotoLoop"),
                new Location(CountryCode.US, Optional.of(UsJurisdiction.CA), "San Jose"),
                Participation.optedIn(Instant.parse("2025-01-10T00:00:00Z")), Participation.notAsked(),
                List.of(new Contact("Integrity Team", "Threat disruption", "integrity@photoloop.test")),
                List.of(TransportKind.TAXII, TransportKind.EMAIL), List.of());
    }

    /**
     * A finding whose accounts sit on three companies' platforms and one platform no listed company hosts: three
     * accounts on ExampleSocial, two on PhotoLoop, one on QuietBoard (whose company declined) and one on
     * UnlistedTube. Facts f-1 and f-3 concern the actor, f-2 and f-4 the ExampleSocial accounts, f-5 and f-6 the
     * PhotoLoop accounts, and f-7 links one account of each (so it concerns both companies).
     *
     * @return the finding
     */
    public static IntelligenceFinding finding() {
        List<PlatformAccount> example = accounts(3);
        List<PlatformAccount> photo = java.util.stream.IntStream.range(0, 2).mapToObj(i -> new PlatformAccount(
                "PhotoLoop", "pl-" + (7001 + i), Optional.of("@lakeside_news_" + i),
                Optional.of(URI.create("https://photoloop.test/p/pl-" + (7001 + i))),
                Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2026-09-25T00:00:00Z"),
                UsPersonIndicator.NO_INDICATION, Optional.of("Same operator infrastructure; see fact f-5."))).toList();
        PlatformAccount quiet = new PlatformAccount("QuietBoard", "qb-55", Optional.empty(), Optional.empty(),
                Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-09-01T00:00:00Z"),
                UsPersonIndicator.NO_INDICATION, Optional.empty());
        PlatformAccount unlisted = new PlatformAccount("UnlistedTube", "ut-9", Optional.empty(), Optional.empty(),
                Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-09-01T00:00:00Z"),
                UsPersonIndicator.NO_INDICATION, Optional.empty());
        List<Fact> exampleFacts = facts(4, example);
        List<String> photoRefs = photo.stream().map(PlatformAccount::ref).toList();
        List<Fact> facts = new java.util.ArrayList<>(exampleFacts);
        facts.add(new Fact("f-5", "The PhotoLoop accounts were registered from servers leased by Directorate 9.",
                FactKind.ACCOUNT_LINKAGE, SourceType.LEGAL_PROCESS, SourceReliability.B,
                InformationCredibility.PROBABLY_TRUE, LocalDate.parse("2026-09-20"), photoRefs,
                Optional.of(LocalDate.parse("2026-09-05"))));
        facts.add(new Fact("f-6", "The PhotoLoop accounts pose as local news outlets using AI-generated images.",
                FactKind.COVERT_BEHAVIOUR, SourceType.INTELLIGENCE_COMMUNITY, SourceReliability.A,
                InformationCredibility.CONFIRMED, LocalDate.parse("2026-09-20"), photoRefs,
                Optional.of(LocalDate.parse("2026-09-06"))));
        facts.add(new Fact("f-7", "One operator ran both linked accounts from the same device.",
                FactKind.ACCOUNT_LINKAGE, SourceType.LEGAL_PROCESS, SourceReliability.B,
                InformationCredibility.PROBABLY_TRUE, LocalDate.parse("2026-09-20"),
                List.of(example.get(0).ref(), photo.get(0).ref()), Optional.of(LocalDate.parse("2026-09-07"))));
        List<PlatformAccount> accounts = new java.util.ArrayList<>(example);
        accounts.addAll(photo);
        accounts.add(quiet);
        accounts.add(unlisted);
        ThreatShare base = passingShare();
        return new IntelligenceFinding("finding-2026-0007", CREATED_AT, fitf(), Optional.empty(), base.actor(),
                base.operation(), accounts, facts, base.assessment(), base.covertBasis(), base.electionNexus(),
                TlpMarking.AMBER, base.narrative(), RULE_SET_ID,
                List.of(company(), secondCompany(), decliningCompany()));
    }
}

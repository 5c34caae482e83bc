package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.model.Fact;
import org.fmishare.core.model.IntelligenceFinding;
import org.fmishare.core.model.InvalidModelException;
import org.fmishare.core.model.Participation;
import org.fmishare.core.model.PlatformAccount;
import org.fmishare.core.model.SocialMediaCompany;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.core.model.UsPersonIndicator;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;

class FanOutTest {
    static final IntelligenceFinding FINDING = SampleData.finding();

    static List<String> refs(ThreatShare share) {
        return share.accounts().stream().map(PlatformAccount::ref).toList();
    }

    static List<String> factIds(ThreatShare share) {
        return share.facts().stream().map(Fact::id).toList();
    }

    @Test
    void eachHostingCompanyGetsOnlyItsAccountsAndTheFactsThatConcernThem() {
        FanOut.Plan plan = FanOut.plan(FINDING);

        assertThat(plan.shares()).extracting(s -> s.share().recipient().id())
                .containsExactly("smc-examplesocial", "smc-photoloop");
        ThreatShare example = plan.shares().get(0).share();
        assertThat(example.id()).isEqualTo("finding-2026-0007-smc-examplesocial");
        assertThat(refs(example)).containsExactly("ExampleSocial:100000001", "ExampleSocial:100000002",
                "ExampleSocial:100000003");
        assertThat(factIds(example)).containsExactly("f-1", "f-2", "f-3", "f-4");
        assertThat(plan.shares().get(0).withheldFactIds()).containsExactly("f-5", "f-6", "f-7");
        // f-1 and f-3 are about the actor alone and go to both companies.

        ThreatShare photo = plan.shares().get(1).share();
        assertThat(refs(photo)).containsExactly("PhotoLoop:pl-7001", "PhotoLoop:pl-7002");
        assertThat(factIds(photo)).containsExactly("f-1", "f-3", "f-5", "f-6");
        assertThat(plan.shares().get(1).withheldFactIds()).containsExactly("f-2", "f-4", "f-7");

        // Nothing of one company's accounts appears anywhere in another company's share.
        String exampleText = example.toString();
        for (String ref : refs(photo)) {
            assertThat(exampleText).doesNotContain(ref.substring(ref.indexOf(':') + 1));
        }
        assertThat(photo.toString()).doesNotContain("100000001").doesNotContain("civic_voice");
        for (ThreatShare s : List.of(example, photo)) {
            assertThat(s.actor()).isEqualTo(FINDING.actor());
            assertThat(s.handling()).isEqualTo(FINDING.handling());
            assertThat(s.createdAt()).isEqualTo(FINDING.createdAt());
        }
    }

    @Test
    void declinedCompaniesAndUnhostedAccountsAreListedNotSent() {
        FanOut.Plan plan = FanOut.plan(FINDING);

        assertThat(plan.skipped()).singleElement().satisfies(s -> {
            assertThat(s.company().id()).isEqualTo("smc-quietboard");
            assertThat(s.reason()).isEqualTo(FanOut.SkipReason.DECLINED);
            assertThat(s.accounts()).isEqualTo(1);
        });
        assertThat(plan.unhosted()).extracting(PlatformAccount::ref).containsExactly("UnlistedTube:ut-9");
        assertThat(plan.shares()).noneMatch(s -> refs(s.share()).contains("QuietBoard:qb-55"));
    }

    @Test
    void companiesNotOptedInOrHostingNothingAreSkippedWithTheirReason() {
        SocialMediaCompany notAsked = new SocialMediaCompany("smc-photoloop", "PhotoLoop Corp.",
                List.of("PhotoLoop"), SampleData.secondCompany().headquarters(), Participation.notAsked(),
                Participation.notAsked(), List.of(), List.of(), List.of());
        SocialMediaCompany idle = new SocialMediaCompany("smc-idle", "Idle Co.", List.of("IdleNet"),
                SampleData.secondCompany().headquarters(), SampleData.company().threatSharing(),
                Participation.notAsked(), List.of(), List.of(), List.of());
        FanOut.Plan plan = FanOut.plan(with(FINDING, List.of(SampleData.company(), notAsked, idle),
                FINDING.narrative()));

        assertThat(plan.shares()).extracting(s -> s.share().recipient().id()).containsExactly("smc-examplesocial");
        assertThat(plan.skipped()).extracting(s -> s.company().id() + " " + s.reason())
                .containsExactly("smc-photoloop NOT_OPTED_IN", "smc-idle HOSTS_NO_ACCOUNTS");
        assertThat(plan.unhosted()).extracting(PlatformAccount::ref)
                .containsExactly("QuietBoard:qb-55", "UnlistedTube:ut-9");
    }

    @Test
    void aNarrativeNamingAnotherCompanysAccountKeepsTheShareBack() {
        FanOut.Plan plan = FanOut.plan(with(FINDING, FINDING.companies(),
                FINDING.narrative() + " The account @lakeside_news_0 amplifies the same posts."));

        assertThat(plan.shares()).extracting(s -> s.share().recipient().id()).containsExactly("smc-photoloop");
        assertThat(plan.skipped()).extracting(s -> s.company().id() + " " + s.reason())
                .contains("smc-examplesocial NARRATIVE_NAMES_OTHER_ACCOUNTS");
    }

    @Test
    void aFactWhoseStatementNamesAnotherCompanysAccountIsWithheld() {
        List<Fact> facts = new ArrayList<>(FINDING.facts());
        facts.add(new Fact("f-8", "Directorate 9 officers also posted from pl-7002 on the same days.",
                facts.get(0).kind(), facts.get(0).sourceType(), facts.get(0).reliability(),
                facts.get(0).credibility(), facts.get(0).collectedOn(), List.of("actor-directorate-9"),
                Optional.empty()));
        // An account id inside a longer number is not a mention of the account.
        facts.add(new Fact("f-9", "Directorate 9 paid invoice 1000000012 for the servers.",
                facts.get(0).kind(), facts.get(0).sourceType(), facts.get(0).reliability(),
                facts.get(0).credibility(), facts.get(0).collectedOn(), List.of("actor-directorate-9"),
                Optional.empty()));
        IntelligenceFinding f = new IntelligenceFinding(FINDING.id(), FINDING.createdAt(), FINDING.sendingOffice(),
                FINDING.fitfCoordination(), FINDING.actor(), FINDING.operation(), FINDING.accounts(), facts,
                FINDING.assessment(), FINDING.covertBasis(), FINDING.electionNexus(), FINDING.handling(),
                FINDING.narrative(), FINDING.ruleSetId(), FINDING.companies());

        FanOut.Plan plan = FanOut.plan(f);

        assertThat(plan.shares().get(0).withheldFactIds()).contains("f-8").doesNotContain("f-9");
        assertThat(factIds(plan.shares().get(1).share())).contains("f-8", "f-9");
    }

    @Test
    void eachShareIsValidatedAndSignedOnItsOwn() {
        FanOut.Result result = FanOut.prepare(FINDING, PreparerTest.FITF_PREPARER);

        assertThat(result.refused()).isEmpty();
        assertThat(result.signed()).hasSize(2);
        EnvelopeVerifier verifier = EnvelopeVerifier.builder().trustAnchor(PreparerTest.CA.certificate())
                .anyRecipient().build();
        List<String> envelopeIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Preparer.Signed signed = result.signed().get(i);
            ThreatShare planned = result.plan().shares().get(i).share();
            assertThat(signed.report().verdict()).isEqualTo(Verdict.PASS);
            assertThat(signed.report().subjectId()).isEqualTo(planned.id());
            VerifiedEnvelope v = verifier.verify(signed.envelope().serialized());
            assertThat(v.recipientId()).isEqualTo(planned.recipient().id());
            assertThat(v.share()).contains(planned);
            envelopeIds.add(v.envelopeId());
        }
        assertThat(envelopeIds).doesNotHaveDuplicates();
    }

    @Test
    void aShareThatFailsTheSopIsRefusedWithoutStoppingTheOthers() {
        // A PhotoLoop account turns out to belong to a U.S. person, and no fact about it shows foreign direction:
        // PhotoLoop's share must not go, ExampleSocial's is unaffected.
        List<PlatformAccount> accounts = FINDING.accounts().stream().map(a -> !a.ref().equals("PhotoLoop:pl-7001") ? a
                : new PlatformAccount(a.platform(), a.accountId(), a.handle(), a.url(), a.firstObserved(),
                        a.lastObserved(), UsPersonIndicator.KNOWN_US_PERSON, Optional.empty())).toList();
        List<Fact> facts = FINDING.facts().stream().filter(x -> !List.of("f-5", "f-6", "f-7").contains(x.id()))
                .toList();
        IntelligenceFinding thin = new IntelligenceFinding(FINDING.id(), FINDING.createdAt(),
                FINDING.sendingOffice(), FINDING.fitfCoordination(), FINDING.actor(), FINDING.operation(),
                accounts, facts, FINDING.assessment(), FINDING.covertBasis(), FINDING.electionNexus(),
                FINDING.handling(), FINDING.narrative(), FINDING.ruleSetId(), FINDING.companies());

        FanOut.Result result = FanOut.prepare(thin, PreparerTest.FITF_PREPARER);

        assertThat(result.signed()).extracting(s -> s.report().subjectId())
                .containsExactly("finding-2026-0007-smc-examplesocial");
        assertThat(result.refused()).singleElement().satisfies(p -> {
            assertThat(p.planned().share().recipient().id()).isEqualTo("smc-photoloop");
            assertThat(p.outcome().report().verdict()).isNotEqualTo(Verdict.PASS);
        });
    }

    @Test
    void aPlatformClaimedByTwoCompaniesCannotBeSplit() {
        SocialMediaCompany twin = new SocialMediaCompany("smc-twin", "Twin Inc.", List.of("examplesocial"),
                SampleData.company().headquarters(), SampleData.company().threatSharing(), Participation.notAsked(),
                List.of(), List.of(), List.of());
        assertThatThrownBy(() -> with(FINDING, List.of(SampleData.company(), twin), FINDING.narrative()))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("one-host-per-platform")
                .hasMessageContaining("companies[1].platforms");
    }

    static IntelligenceFinding with(IntelligenceFinding f, List<SocialMediaCompany> companies, String narrative) {
        return new IntelligenceFinding(f.id(), f.createdAt(), f.sendingOffice(), f.fitfCoordination(), f.actor(),
                f.operation(), f.accounts(), f.facts(), f.assessment(), f.covertBasis(), f.electionNexus(),
                f.handling(), narrative, f.ruleSetId(), companies);
    }
}

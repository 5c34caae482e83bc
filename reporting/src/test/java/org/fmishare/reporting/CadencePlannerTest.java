package org.fmishare.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.model.AdHocTrigger;
import org.fmishare.core.model.CountryCode;
import org.fmishare.core.model.FitfRole;
import org.fmishare.core.model.InboundReport;
import org.fmishare.core.model.Location;
import org.fmishare.core.model.MeetingKind;
import org.fmishare.core.model.Participation;
import org.fmishare.core.model.SocialMediaCompany;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.core.model.UsJurisdiction;
import org.fmishare.testkit.SampleData;
import org.fmishare.sop.Finding;
import org.fmishare.sop.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each cadence trigger yields a proposal with its reason, led by the right office and checked by the SOP rules. */
class CadencePlannerTest {
    static final Instant NOW = Instant.parse("2026-10-20T12:00:00Z");
    static final SocialMediaCompany CA = SampleData.company();
    static final CadencePlanner PLANNER = CadencePlanner.builder(SampleData.fitf(),
            List.of(SampleData.westernFieldOffice(), SampleData.easternFieldOffice())).build();

    static ThreatShare share(int n, Instant at) {
        return SampleData.passingShare().toBuilder().id("share-" + n).createdAt(at).build();
    }

    static InboundReport report(int n, Instant at) {
        InboundReport r = SampleData.inboundReport();
        return new InboundReport("report-" + n, r.companyId(), at, r.summary(), r.accounts(), r.suspectedActor(),
                r.suspectedOrigin(), r.tactics(), r.actionsTaken());
    }

    static ThreatLandscape landscape(List<ThreatShare> shares, List<InboundReport> reports,
            List<MeetingRequest> requests, List<ImminentThreat> imminent) {
        return new ThreatLandscape(List.of(CA), shares, reports, requests, imminent);
    }

    /** Shares on one day a week for {@code weeks} weeks, ending 30 days ago (outside the burst window). */
    static List<ThreatShare> weekly(int weeks, int perWeek) {
        List<ThreatShare> out = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            for (int i = 0; i < perWeek; i++) {
                out.add(share(w * 10 + i, NOW.minus(Duration.ofDays(30 + 7L * w)).plusSeconds(i)));
            }
        }
        return out;
    }

    static Stream<Arguments> triggers() {
        return Stream.of(
                Arguments.of("volume", landscape(weekly(2, 3), List.of(), List.of(), List.of()),
                        MeetingKind.REGULAR, null, "6 in the last 90 days (6 shared, 0 reported by the company) "
                                + "across 2 weeks; proposed cadence monthly"),
                Arguments.of("frequency", landscape(weekly(3, 1), List.of(report(1, NOW.minus(Duration.ofDays(70)))),
                        List.of(), List.of()), MeetingKind.REGULAR, null,
                        "4 in the last 90 days (3 shared, 1 reported by the company) across 4 weeks"),
                Arguments.of("multiple threats", landscape(List.of(share(1, NOW.minus(Duration.ofDays(2))),
                        share(2, NOW.minus(Duration.ofDays(5)))), List.of(report(1, NOW.minus(Duration.ofDays(9)))),
                        List.of(), List.of()), MeetingKind.AD_HOC, AdHocTrigger.MULTIPLE_THREATS_EMERGING,
                        "3 potential FMI threats emerged on ExampleSocial in the 14 days"),
                Arguments.of("company request", landscape(List.of(), List.of(), List.of(new MeetingRequest(CA.id(),
                        NOW.minus(Duration.ofDays(1)), "a surge of synthetic-video accounts")), List.of()),
                        MeetingKind.AD_HOC, AdHocTrigger.SMC_REQUEST,
                        "to discuss: a surge of synthetic-video accounts"),
                Arguments.of("imminent threat", landscape(List.of(), List.of(), List.of(), List.of(
                        new ImminentThreat(CA.id(), "ExampleSocial", NOW.minus(Duration.ofHours(3)),
                                "a network prepared to post fabricated polling-place notices"))),
                        MeetingKind.AD_HOC, AdHocTrigger.IMMINENT_THREAT,
                        "poised imminently to leverage ExampleSocial"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("triggers")
    void eachTriggerYieldsOneProposalThatPassesEverySopRuleButConsent(String name, ThreatLandscape l,
            MeetingKind kind, AdHocTrigger trigger, String reason) {
        CadencePlan plan = PLANNER.plan(l, NOW);
        assertThat(plan.notes()).isEmpty();
        assertThat(plan.proposals()).hasSize(1);
        MeetingProposal p = plan.proposals().get(0);
        assertThat(p.meeting().kind()).isEqualTo(kind);
        assertThat(p.meeting().trigger()).isEqualTo(Optional.ofNullable(trigger));
        assertThat(p.reasons().get(0)).contains(reason);
        assertThat(p.meeting().companies()).containsExactly(CA);
        assertThat(p.meeting().scheduledAt()).isAfter(NOW);
        // Validated by the SOP: one company, FITF participating or overseeing, the office covering the company.
        assertThat(p.compliance().rulesEvaluated()).contains("P2-ONE-SMC", "P2-FITF-INVOLVED", "P2-AOR",
                "P2-NO-CONTENT-DIRECTION", "P2-CADENCE");
        assertThat(p.compliance().findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
        // Meetings are voluntary: the only open point is the company's agreement.
        assertThat(p.compliance().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(p.compliance().findings()).extracting(Finding::ruleId).containsExactly("P2-CONSENT");
        if (trigger == AdHocTrigger.IMMINENT_THREAT) {
            assertThat(p.meeting().leadingOffice().isFitf()).isTrue();
            assertThat(p.meeting().fitf().role()).isEqualTo(FitfRole.PARTICIPATES);
            assertThat(p.meeting().scheduledAt()).isBefore(NOW.plus(Duration.ofDays(2)));
        } else {
            assertThat(p.meeting().leadingOffice()).isEqualTo(SampleData.westernFieldOffice());
            assertThat(p.meeting().fitf().role()).isEqualTo(FitfRole.OVERSEES);
            assertThat(p.meeting().fitf().overseer()).contains("FITF duty supervisor");
        }
    }

    @Test
    void highVolumeMeansATighterCadence() {
        MeetingProposal p = PLANNER.plan(landscape(weekly(3, 4), List.of(), List.of(), List.of()), NOW)
                .proposals().get(0);
        assertThat(p.meeting().cadenceJustification().orElseThrow()).contains("12 in the last 90 days",
                "every two weeks");
    }

    @Test
    void quietCompanyAndOldThreatsYieldNothing() {
        List<ThreatShare> old = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            old.add(share(i, NOW.minus(Duration.ofDays(120 + i))));
        }
        assertThat(PLANNER.plan(landscape(old, List.of(), List.of(new MeetingRequest(CA.id(),
                NOW.minus(Duration.ofDays(40)), "stale request")), List.of()), NOW).proposals()).isEmpty();
        assertThat(PLANNER.plan(landscape(List.of(share(1, NOW.minus(Duration.ofDays(1)))), List.of(), List.of(),
                List.of()), NOW).proposals()).isEmpty();
    }

    @Test
    void companyThatDeclinedMeetingsIsNeverProposedOne() {
        SocialMediaCompany declined = new SocialMediaCompany(CA.id(), CA.name(), CA.platforms(), CA.headquarters(),
                CA.threatSharing(), Participation.declined(Instant.parse("2026-01-01T00:00:00Z")), CA.contacts(),
                CA.preferredTransports(), CA.certificates());
        CadencePlan plan = PLANNER.plan(new ThreatLandscape(List.of(declined), List.of(), List.of(),
                List.of(new MeetingRequest(CA.id(), NOW.minus(Duration.ofDays(1)), "anything")), List.of()), NOW);
        assertThat(plan.proposals()).isEmpty();
        assertThat(plan.notes()).singleElement().asString().contains(CA.id(), "declined prong-2 meetings");
    }

    @Test
    void companyOutsideEveryFieldOfficeIsMetByTheFitf() {
        SocialMediaCompany tx = new SocialMediaCompany("smc-lonestar", "LoneStar Social", List.of("LoneStar"),
                new Location(CountryCode.US, Optional.of(UsJurisdiction.TX), "Austin"), CA.threatSharing(),
                CA.meetings(), List.of(), CA.preferredTransports(), List.of());
        CadencePlan plan = PLANNER.plan(new ThreatLandscape(List.of(tx), List.of(), List.of(),
                List.of(new MeetingRequest(tx.id(), NOW.minus(Duration.ofDays(1)), "trends")), List.of()), NOW);
        MeetingProposal p = plan.proposals().get(0);
        assertThat(p.meeting().leadingOffice().isFitf()).isTrue();
        assertThat(p.reasons()).contains("No field office covers the company's headquarters, so the FITF leads.");
        assertThat(p.compliance().findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
    }

    @Test
    void severalTriggersForOneCompanyAreAllProposedSoonestFirst() {
        CadencePlan plan = PLANNER.plan(landscape(weekly(2, 3), List.of(), List.of(new MeetingRequest(CA.id(),
                NOW.minus(Duration.ofDays(1)), "trends")), List.of(new ImminentThreat(CA.id(), "ExampleSocial",
                NOW.minus(Duration.ofHours(1)), "imminent posting campaign"))), NOW);
        assertThat(plan.proposals()).extracting(p -> p.meeting().trigger().map(Enum::name).orElse("REGULAR"))
                .containsExactly("IMMINENT_THREAT", "SMC_REQUEST", "REGULAR");
        assertThat(plan.proposals()).extracting(p -> p.meeting().id()).doesNotHaveDuplicates();
    }

    @Test
    void builderRejectsConfusedOffices() {
        assertThatThrownBy(() -> CadencePlanner.builder(SampleData.westernFieldOffice(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FITF");
        assertThatThrownBy(() -> CadencePlanner.builder(SampleData.fitf(), List.of(SampleData.fitf())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field offices only");
        assertThatThrownBy(() -> CadencePlanner.builder(SampleData.fitf(), List.of()).burst(Duration.ofDays(3), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

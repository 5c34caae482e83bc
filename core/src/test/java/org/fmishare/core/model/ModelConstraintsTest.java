package org.fmishare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;

/** Constructors refuse invalid values with messages that name the type, the field and the rule. */
class ModelConstraintsTest {

    @Test
    void missingRequiredValuesAreAllReportedByField() {
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class,
                () -> ThreatShare.builder().id("s-1").build());
        assertThat(e.violations()).extracting(InvalidModelException.Violation::field)
                .contains("createdAt", "sendingOffice", "recipient", "actor", "operation", "assessment",
                        "covertBasis", "ruleSetId");
        assertThat(e.violations()).allSatisfy(v -> {
            assertThat(v.type()).isEqualTo("ThreatShare");
            assertThat(v.rule()).isEqualTo("NotNull");
        });
        assertThat(e.getMessage()).contains("ThreatShare.actor must not be null (rule NotNull)");
        assertThat(e.isInputRejection()).isTrue();
    }

    @Test
    void nullListElementIsNamedByIndex() {
        List<PlatformAccount> accounts = new ArrayList<>(SampleData.accounts(2));
        accounts.add(1, null);
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class,
                () -> SampleData.passingShare().toBuilder().accounts(accounts).build());
        assertThat(e.first().field()).isEqualTo("accounts[1]");
        assertThat(e.first().rule()).isEqualTo("NotNull");
    }

    @Test
    void containerElementConstraintsApply() {
        assertThatThrownBy(() -> new FmiOperation("op", "Op", List.of("goal"),
                SampleData.operation().targets(), List.of(), List.of("T0087", "TX")))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("FmiOperation.disarmTechniques[1]")
                .hasMessageContaining("rule Pattern");
        assertThatThrownBy(() -> new ForeignActor("a", ActorKind.FOREIGN_GOVERNMENT, CountryCode.of("IR"), "A",
                List.of("ok", " "), Optional.empty()))
                .hasMessageContaining("ForeignActor.aliases[1]").hasMessageContaining("NotBlank");
    }

    @Test
    void emptyOptionalTextIsAllowedButPresentBlankTextIsNot() {
        assertThat(new FitfInvolvement(FitfRole.PARTICIPATES, Optional.empty()).overseer()).isEmpty();
        assertThatThrownBy(() -> new FitfInvolvement(FitfRole.OVERSEES, Optional.of("  ")))
                .hasMessageContaining("FitfInvolvement.overseer must not be blank");
    }

    @Test
    void proxyMustStateItsLinkAndOthersMustNot() {
        assertThatThrownBy(() -> new ForeignActor("p", ActorKind.PROXY, CountryCode.of("AE"), "P", List.of(),
                Optional.empty())).hasMessageContaining("rule proxy-link-required");
        ProxyLink link = SampleData.proxyActor().proxyLink().orElseThrow();
        assertThatThrownBy(() -> new ForeignActor("g", ActorKind.FOREIGN_GOVERNMENT, CountryCode.of("RU"), "G",
                List.of(), Optional.of(link))).hasMessageContaining("rule proxy-link-only-for-proxy");
        assertThatThrownBy(() -> new ProxyLink(ProxyBasis.ON_BEHALF_OF, "X", ActorKind.PROXY, CountryCode.of("RU"),
                "basis")).hasMessageContaining("rule principal-not-proxy");
    }

    @Test
    void proxyIsAttributedToItsPrincipalsCountry() {
        ForeignActor proxy = SampleData.proxyActor();
        assertThat(proxy.country()).isEqualTo(CountryCode.of("AE"));
        assertThat(proxy.attributedCountry()).isEqualTo(CountryCode.of("RU"));
        assertThat(proxy.isCoveredBy(CoveredCountries.statutory())).isTrue();
        assertThat(new ForeignActor("x", ActorKind.NON_STATE_ACTOR, CountryCode.of("FR"), "X", List.of(),
                Optional.empty()).isCoveredBy(CoveredCountries.statutory())).isFalse();
    }

    @Test
    void countryCodesMustBeAssigned() {
        assertThatThrownBy(() -> CountryCode.of("XX")).hasMessageContaining("rule iso-3166-1-assigned");
        assertThatThrownBy(() -> CountryCode.of("usa")).hasMessageContaining("rule Pattern");
        assertThat(CountryCode.of("IR").value()).isEqualTo("IR");
    }

    @Test
    void officesCoverTheirAreaAndFitfCoversEverywhere() {
        Location ca = new Location(CountryCode.US, Optional.of(UsJurisdiction.CA), "San Jose");
        Location ny = new Location(CountryCode.US, Optional.of(UsJurisdiction.NY), "New York");
        Location dublin = new Location(CountryCode.of("IE"), Optional.empty(), "Dublin");
        assertThat(SampleData.westernFieldOffice().covers(ca)).isTrue();
        assertThat(SampleData.westernFieldOffice().covers(ny)).isFalse();
        assertThat(SampleData.westernFieldOffice().covers(dublin)).isFalse();
        assertThat(SampleData.fitf().covers(dublin)).isTrue();
        assertThatThrownBy(() -> new Office("fitf", OfficeKind.FITF, "FITF", List.of(UsJurisdiction.DC)))
                .hasMessageContaining("rule fitf-nationwide");
        assertThatThrownBy(() -> new Office("fo", OfficeKind.FIELD_OFFICE, "FO", List.of()))
                .hasMessageContaining("rule field-office-area-required");
    }

    @Test
    void locationsInTheUsNameTheirState() {
        assertThatThrownBy(() -> new Location(CountryCode.US, Optional.empty(), "Austin"))
                .hasMessageContaining("rule us-jurisdiction-required");
        assertThatThrownBy(() -> new Location(CountryCode.of("CA"), Optional.of(UsJurisdiction.WA), "Vancouver"))
                .hasMessageContaining("rule us-jurisdiction-only-in-us");
    }

    @Test
    void participationDecisionsCarryTheirDate() {
        Instant since = Instant.parse("2024-03-01T00:00:00Z");
        assertThat(Participation.optedIn(since).optedInAt(since.plusSeconds(1))).isTrue();
        assertThat(Participation.optedIn(since).optedInAt(since.minusSeconds(1))).isFalse();
        assertThat(Participation.declined(since).optedInAt(since.plusSeconds(1))).isFalse();
        assertThatThrownBy(() -> new Participation(ParticipationState.OPTED_IN, Optional.empty()))
                .hasMessageContaining("rule decision-date-required");
        assertThatThrownBy(() -> new Participation(ParticipationState.NOT_ASKED, Optional.of(since)))
                .hasMessageContaining("rule no-date-when-not-asked");
    }

    @Test
    void accountObservationWindowAndUrlAreChecked() {
        Instant t = Instant.parse("2026-06-01T00:00:00Z");
        assertThatThrownBy(() -> new PlatformAccount("P", "1", Optional.empty(), Optional.empty(), t,
                t.minusSeconds(1), UsPersonIndicator.NO_INDICATION, Optional.empty()))
                .hasMessageContaining("PlatformAccount.lastObserved").hasMessageContaining("observed-window-ordered");
        assertThatThrownBy(() -> new PlatformAccount("P", "1", Optional.empty(),
                Optional.of(URI.create("file:///etc/passwd")), t, t, UsPersonIndicator.NO_INDICATION,
                Optional.empty())).hasMessageContaining("rule web-url");
    }

    @Test
    void electionTargetsNameTheirElection() {
        assertThatThrownBy(() -> new OperationTarget(TargetKind.ELECTION, "voters", Optional.empty()))
                .hasMessageContaining("rule election-required");
        assertThatThrownBy(() -> new OperationTarget(TargetKind.POLICY, "tariffs",
                Optional.of(SampleData.election()))).hasMessageContaining("rule election-only-for-election-target");
    }

    @Test
    void sharesRejectDuplicateAccountsAndFactIds() {
        ThreatShare share = SampleData.passingShare();
        List<PlatformAccount> twice = List.of(share.accounts().get(0), share.accounts().get(0));
        assertThatThrownBy(() -> share.toBuilder().accounts(twice).build())
                .hasMessageContaining("ThreatShare.accounts[1]").hasMessageContaining("rule unique-account");
        Fact f = share.facts().get(0);
        assertThatThrownBy(() -> share.toBuilder().facts(List.of(f, f)).build())
                .hasMessageContaining("rule unique-fact-id");
    }

    @Test
    void listsAreCopiedSoCallersCannotMutateAValue() {
        List<String> aliases = new ArrayList<>(List.of("A"));
        ForeignActor actor = new ForeignActor("a", ActorKind.FOREIGN_GOVERNMENT, CountryCode.of("CN"), "A", aliases,
                Optional.empty());
        aliases.add("B");
        assertThat(actor.aliases()).containsExactly("A");
        assertThatThrownBy(() -> actor.aliases().add("C")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void admiraltyGradesCompareBestFirst() {
        assertThat(SourceReliability.A.atLeast(SourceReliability.B)).isTrue();
        assertThat(SourceReliability.C.atLeast(SourceReliability.B)).isFalse();
        assertThat(InformationCredibility.PROBABLY_TRUE.atLeast(InformationCredibility.PROBABLY_TRUE)).isTrue();
        assertThat(InformationCredibility.ofGrade(4)).isEqualTo(InformationCredibility.DOUBTFUL);
        assertThatThrownBy(() -> InformationCredibility.ofGrade(0)).hasMessageContaining("admiralty-1-to-6");
    }

    @Test
    void certificatesMustBeParseablePem() {
        assertThatThrownBy(() -> new SmcCertificate(CertificateUsage.ENCRYPTION, "not a certificate"))
                .hasMessageContaining("rule pem-certificate");
        assertThatThrownBy(() -> new SmcCertificate(CertificateUsage.ENCRYPTION,
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .hasMessageContaining("not a parseable X.509 certificate");
    }

    @Test
    void contactEmailMustBePlainAscii() {
        assertThatThrownBy(() -> new Contact("n", "r", "a@b.test\r\nBcc: x@evil.test"))
                .hasMessageContaining("Contact.email");
        assertThat(new Contact("n", "r", "a@b.test").email()).isEqualTo("a@b.test");
    }

    @Test
    void sampleFactsAreSpecific() {
        Fact f = SampleData.facts(1, SampleData.accounts(1)).get(0);
        assertThat(f.about()).isNotEmpty();
        assertThat(f.activityDate()).contains(LocalDate.parse("2026-09-01"));
    }
}

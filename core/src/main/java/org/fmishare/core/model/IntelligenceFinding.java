package org.fmishare.core.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fmishare.core.internal.ModelChecks;

/**
 * What an office knows about one FMI operation before deciding whom to tell: the actor, the operation, the accounts
 * on every platform involved and the facts, together with the companies that might receive a share. The SOP shares
 * with the companies hosting the relevant platforms, each about its own accounts only, so a finding is never sent as
 * it is: it is split into one {@link ThreatShare} per hosting company (the sop-validator module's {@code FanOut}).
 *
 * <p>Structure only, like {@link ThreatShare}: unique account references, fact ids and company ids, and no platform
 * claimed by two companies (a finding whose accounts could go to either company cannot be split safely).
 *
 * @param id stable identifier; each company's share is named {@code <id>-<companyId>}
 * @param createdAt when the finding was prepared (UTC); the shares carry it
 * @param sendingOffice the FITF, or a field office
 * @param fitfCoordination for a field office, the record of coordination with the FITF
 * @param actor the foreign actor behind the activity
 * @param operation the FMI operation the activity supports
 * @param accounts the accounts linked to the actor, on any platform
 * @param facts the specific, articulable facts (their {@code about} references say which accounts they concern)
 * @param assessment the confidence assessment
 * @param covertBasis why the activity is judged covert
 * @param electionNexus the election the activity targets, if any
 * @param handling the TLP 2.0 marking every share carries
 * @param narrative free text shown to each company (it must not name another company's accounts)
 * @param ruleSetId the SOP rule set the shares are prepared under
 * @param companies the companies that might receive a share, with their platforms and participation
 */
public record IntelligenceFinding(
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String id,
        @NotNull Instant createdAt,
        @NotNull Office sendingOffice,
        @NotNull Optional<FitfCoordination> fitfCoordination,
        @NotNull ForeignActor actor,
        @NotNull FmiOperation operation,
        @NotNull @Size(min = 1, max = Limits.ACCOUNTS) List<@NotNull PlatformAccount> accounts,
        @NotNull @Size(max = Limits.ACCOUNTS) List<@NotNull Fact> facts,
        @NotNull ConfidenceAssessment assessment,
        @NotNull CovertBasis covertBasis,
        @NotNull Optional<ElectionRef> electionNexus,
        @NotNull TlpMarking handling,
        @NotNull @Size(max = Limits.LONG_TEXT) String narrative,
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String ruleSetId,
        @NotNull @Size(min = 1, max = Limits.FEW) List<@NotNull SocialMediaCompany> companies) {

    /** Validates structure and copies lists; rejects repeated accounts, fact ids, companies and shared platforms. */
    public IntelligenceFinding {
        fitfCoordination = ModelChecks.optional(fitfCoordination);
        electionNexus = ModelChecks.optional(electionNexus);
        ModelChecks.validate(IntelligenceFinding.class, id, createdAt, sendingOffice, fitfCoordination, actor,
                operation, accounts, facts, assessment, covertBasis, electionNexus, handling, narrative, ruleSetId,
                companies);
        accounts = List.copyOf(accounts);
        facts = List.copyOf(facts);
        companies = List.copyOf(companies);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            if (!seen.add(accounts.get(i).ref())) {
                throw InvalidModelException.of("IntelligenceFinding", "accounts[" + i + "]", "unique-account",
                        "repeats account " + accounts.get(i).ref());
            }
        }
        seen.clear();
        for (int i = 0; i < facts.size(); i++) {
            if (!seen.add(facts.get(i).id())) {
                throw InvalidModelException.of("IntelligenceFinding", "facts[" + i + "].id", "unique-fact-id",
                        "repeats fact id " + facts.get(i).id());
            }
        }
        seen.clear();
        Map<String, String> hostOf = new HashMap<>();
        for (int i = 0; i < companies.size(); i++) {
            SocialMediaCompany c = companies.get(i);
            if (!seen.add(c.id())) {
                throw InvalidModelException.of("IntelligenceFinding", "companies[" + i + "].id", "unique-company",
                        "repeats company " + c.id());
            }
            for (String platform : c.platforms()) {
                String other = hostOf.putIfAbsent(platform.toLowerCase(Locale.ROOT), c.id());
                if (other != null && !other.equals(c.id())) {
                    throw InvalidModelException.of("IntelligenceFinding", "companies[" + i + "].platforms",
                            "one-host-per-platform", "platform " + platform + " is also claimed by " + other
                            + ", so its accounts could not be routed to one company");
                }
            }
        }
    }

    /**
     * The company hosting a platform, matched without regard to case.
     *
     * @param platform a platform name as accounts carry it
     * @return the company among {@link #companies()} that lists the platform
     */
    public Optional<SocialMediaCompany> hostOf(String platform) {
        return companies.stream().filter(c -> c.platforms().stream().anyMatch(p -> p.equalsIgnoreCase(platform)))
                .findFirst();
    }
}

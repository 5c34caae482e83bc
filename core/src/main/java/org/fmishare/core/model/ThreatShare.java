package org.fmishare.core.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fmishare.core.internal.ModelChecks;

/**
 * A prong-1 share: threat information about specific accounts linked to a foreign actor's FMI operation, sent to
 * one company.
 *
 * <p>The record enforces structure only (required fields, sizes, unique fact ids and account references). Whether
 * a share <em>may be sent</em> under the SOP (enough credible facts, high confidence, no coercion, the company opted
 * in) is the SOP validator's decision, so a share that fails the SOP can still be built and reported on.
 *
 * @param id stable identifier of the share
 * @param createdAt when the share was prepared (UTC)
 * @param sendingOffice the FITF, or a field office
 * @param fitfCoordination for a field office, the record of coordination with the FITF
 * @param recipient the company receiving the share
 * @param actor the foreign actor behind the activity
 * @param operation the FMI operation the activity supports
 * @param accounts the accounts linked to the actor
 * @param facts the specific, articulable facts
 * @param assessment the confidence assessment
 * @param covertBasis why the activity is judged covert
 * @param electionNexus the election the activity targets, if any
 * @param handling the TLP 2.0 marking
 * @param narrative free text shown to the company
 * @param ruleSetId the SOP rule set the sender prepared the share under, for example {@code sop-2024-02}
 */
public record ThreatShare(
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String id,
        @NotNull Instant createdAt,
        @NotNull Office sendingOffice,
        @NotNull Optional<FitfCoordination> fitfCoordination,
        @NotNull SocialMediaCompany recipient,
        @NotNull ForeignActor actor,
        @NotNull FmiOperation operation,
        @NotNull @Size(max = Limits.ACCOUNTS) List<@NotNull PlatformAccount> accounts,
        @NotNull @Size(max = Limits.ACCOUNTS) List<@NotNull Fact> facts,
        @NotNull ConfidenceAssessment assessment,
        @NotNull CovertBasis covertBasis,
        @NotNull Optional<ElectionRef> electionNexus,
        @NotNull TlpMarking handling,
        @NotNull @Size(max = Limits.LONG_TEXT) String narrative,
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String ruleSetId) {

    /** Validates structure, copies lists, and rejects duplicate fact ids and account references. */
    public ThreatShare {
        fitfCoordination = ModelChecks.optional(fitfCoordination);
        electionNexus = ModelChecks.optional(electionNexus);
        accounts = ModelChecks.optionalList(accounts);
        facts = ModelChecks.optionalList(facts);
        ModelChecks.validate(ThreatShare.class, id, createdAt, sendingOffice, fitfCoordination, recipient, actor,
                operation, accounts, facts, assessment, covertBasis, electionNexus, handling, narrative, ruleSetId);
        accounts = List.copyOf(accounts);
        facts = List.copyOf(facts);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            if (!seen.add(accounts.get(i).ref())) {
                throw InvalidModelException.of("ThreatShare", "accounts[" + i + "]", "unique-account",
                        "repeats account " + accounts.get(i).ref());
            }
        }
        seen.clear();
        for (int i = 0; i < facts.size(); i++) {
            if (!seen.add(facts.get(i).id())) {
                throw InvalidModelException.of("ThreatShare", "facts[" + i + "].id", "unique-fact-id",
                        "repeats fact id " + facts.get(i).id());
            }
        }
    }

    /**
     * Starts a builder, the readable way to assemble a share in Java.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder copied from this share, for deriving a changed copy.
     *
     * @return a builder holding this share's values
     */
    public Builder toBuilder() {
        Builder b = new Builder().id(id).createdAt(createdAt).sendingOffice(sendingOffice).recipient(recipient)
                .actor(actor).operation(operation).accounts(accounts).facts(facts).assessment(assessment)
                .covertBasis(covertBasis).handling(handling).narrative(narrative).ruleSetId(ruleSetId);
        fitfCoordination.ifPresent(b::fitfCoordination);
        electionNexus.ifPresent(b::electionNexus);
        return b;
    }

    /**
     * Mutable, single-use assembler of a {@link ThreatShare}; {@link #build()} runs every check of the record.
     * Not thread-safe.
     */
    public static final class Builder {
        private String id;
        private Instant createdAt;
        private Office sendingOffice;
        private FitfCoordination fitfCoordination;
        private SocialMediaCompany recipient;
        private ForeignActor actor;
        private FmiOperation operation;
        private final List<PlatformAccount> accounts = new ArrayList<>();
        private final List<Fact> facts = new ArrayList<>();
        private ConfidenceAssessment assessment;
        private CovertBasis covertBasis;
        private ElectionRef electionNexus;
        private TlpMarking handling = TlpMarking.AMBER;
        private String narrative = "";
        private String ruleSetId;

        private Builder() {}

        /** @param id the share id @return this builder */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** @param createdAt when prepared @return this builder */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** @param office the sending office @return this builder */
        public Builder sendingOffice(Office office) {
            this.sendingOffice = office;
            return this;
        }

        /** @param coordination the FITF coordination record @return this builder */
        public Builder fitfCoordination(FitfCoordination coordination) {
            this.fitfCoordination = coordination;
            return this;
        }

        /** @param recipient the receiving company @return this builder */
        public Builder recipient(SocialMediaCompany recipient) {
            this.recipient = recipient;
            return this;
        }

        /** @param actor the foreign actor @return this builder */
        public Builder actor(ForeignActor actor) {
            this.actor = actor;
            return this;
        }

        /** @param operation the FMI operation @return this builder */
        public Builder operation(FmiOperation operation) {
            this.operation = operation;
            return this;
        }

        /** @param account an account to add @return this builder */
        public Builder account(PlatformAccount account) {
            this.accounts.add(account);
            return this;
        }

        /** @param accounts accounts replacing any added so far @return this builder */
        public Builder accounts(List<PlatformAccount> accounts) {
            this.accounts.clear();
            this.accounts.addAll(accounts);
            return this;
        }

        /** @param fact a fact to add @return this builder */
        public Builder fact(Fact fact) {
            this.facts.add(fact);
            return this;
        }

        /** @param facts facts replacing any added so far @return this builder */
        public Builder facts(List<Fact> facts) {
            this.facts.clear();
            this.facts.addAll(facts);
            return this;
        }

        /** @param assessment the confidence assessment @return this builder */
        public Builder assessment(ConfidenceAssessment assessment) {
            this.assessment = assessment;
            return this;
        }

        /** @param covertBasis the covert basis @return this builder */
        public Builder covertBasis(CovertBasis covertBasis) {
            this.covertBasis = covertBasis;
            return this;
        }

        /** @param election the election nexus @return this builder */
        public Builder electionNexus(ElectionRef election) {
            this.electionNexus = election;
            return this;
        }

        /** @param handling the TLP marking (default AMBER) @return this builder */
        public Builder handling(TlpMarking handling) {
            this.handling = handling;
            return this;
        }

        /** @param narrative the free-text narrative (default empty) @return this builder */
        public Builder narrative(String narrative) {
            this.narrative = narrative;
            return this;
        }

        /** @param ruleSetId the SOP rule set id @return this builder */
        public Builder ruleSetId(String ruleSetId) {
            this.ruleSetId = ruleSetId;
            return this;
        }

        /**
         * Builds the share.
         *
         * @return the validated share
         * @throws InvalidModelException naming every missing or invalid field
         */
        public ThreatShare build() {
            // ArrayList may hold nulls added by the caller; pass it through so the constraint reports them by index.
            return new ThreatShare(id, createdAt, sendingOffice, Optional.ofNullable(fitfCoordination), recipient,
                    actor, operation, new ArrayList<>(accounts), new ArrayList<>(facts), assessment, covertBasis,
                    Optional.ofNullable(electionNexus), handling, narrative, ruleSetId);
        }
    }
}

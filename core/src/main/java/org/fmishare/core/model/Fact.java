package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.fmishare.core.internal.ModelChecks;

/**
 * One specific, articulable statement supporting a share, graded on the Admiralty scale.
 *
 * <p>A fact is specific when it says who ({@code about}: the actor id or account references
 * {@code platform:accountId}), what ({@code statement}) and when ({@code activityDate}). The model accepts a vague
 * fact so the SOP validator can report it; it does not decide sufficiency.
 *
 * @param id identifier, unique within the share
 * @param statement what was observed or established
 * @param kind what the fact establishes
 * @param sourceType where it comes from
 * @param reliability the source's reliability, A to F
 * @param credibility the information's credibility, 1 to 6
 * @param collectedOn when the information was collected
 * @param about references to the actor ({@code ForeignActor.id}) or accounts ({@code PlatformAccount.ref()})
 * @param activityDate when the described activity took place, if known
 */
public record Fact(
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String id,
        @NotBlank @Size(max = Limits.TEXT) String statement,
        @NotNull FactKind kind,
        @NotNull SourceType sourceType,
        @NotNull SourceReliability reliability,
        @NotNull InformationCredibility credibility,
        @NotNull LocalDate collectedOn,
        @NotNull @Size(max = Limits.FEW) List<@NotBlank @Size(max = 2 * Limits.NAME + 1) String> about,
        @NotNull Optional<LocalDate> activityDate) {

    /** Validates and copies. */
    public Fact {
        about = ModelChecks.optionalList(about);
        activityDate = ModelChecks.optional(activityDate);
        ModelChecks.validate(Fact.class, id, statement, kind, sourceType, reliability, credibility, collectedOn, about,
                activityDate);
        about = List.copyOf(about);
    }
}

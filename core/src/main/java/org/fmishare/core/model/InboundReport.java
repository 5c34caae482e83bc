package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fmishare.core.internal.ModelChecks;

/**
 * A company reporting to government its own takedown of inauthentic behaviour (the other direction of the
 * two-way dialogue).
 *
 * @param id stable identifier
 * @param companyId the reporting company
 * @param receivedAt when the report arrived
 * @param summary the company's summary
 * @param accounts accounts the company actioned (may be empty)
 * @param suspectedActor the actor the company attributes the activity to, if any
 * @param suspectedOrigin the country it attributes the activity to, if any
 * @param tactics tactics it observed (may be empty)
 * @param actionsTaken what the company did, of its own choosing (may be empty)
 */
public record InboundReport(
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String id,
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String companyId,
        @NotNull Instant receivedAt,
        @NotBlank @Size(max = Limits.LONG_TEXT) String summary,
        @NotNull @Size(max = Limits.ACCOUNTS) List<@NotNull PlatformAccount> accounts,
        @NotNull Optional<@Pattern(regexp = Limits.NOT_BLANK, message = "must not be blank") @Size(max = Limits.NAME) String> suspectedActor,
        @NotNull Optional<CountryCode> suspectedOrigin,
        @NotNull @Size(max = Limits.FEW) List<@NotNull Tactic> tactics,
        @NotNull @Size(max = Limits.FEW) List<@NotNull CompanyAction> actionsTaken) {

    /** Validates and copies. */
    public InboundReport {
        accounts = ModelChecks.optionalList(accounts);
        suspectedActor = ModelChecks.optional(suspectedActor);
        suspectedOrigin = ModelChecks.optional(suspectedOrigin);
        tactics = ModelChecks.optionalList(tactics);
        actionsTaken = ModelChecks.optionalList(actionsTaken);
        ModelChecks.validate(InboundReport.class, id, companyId, receivedAt, summary, accounts, suspectedActor,
                suspectedOrigin, tactics, actionsTaken);
        accounts = List.copyOf(accounts);
        tactics = List.copyOf(tactics);
        actionsTaken = List.copyOf(actionsTaken);
    }
}

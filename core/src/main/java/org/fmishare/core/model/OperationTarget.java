package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.fmishare.core.internal.ModelChecks;

/**
 * One target of an FMI operation.
 *
 * @param kind election, policy or public opinion
 * @param description what exactly is targeted
 * @param election the election, required when {@code kind} is {@link TargetKind#ELECTION} and absent otherwise
 */
public record OperationTarget(
        @NotNull TargetKind kind,
        @NotBlank @Size(max = Limits.SHORT_TEXT) String description,
        @NotNull Optional<ElectionRef> election) {

    /** Validates that election targets name their election. */
    public OperationTarget {
        election = ModelChecks.optional(election);
        ModelChecks.validate(OperationTarget.class, kind, description, election);
        if (kind == TargetKind.ELECTION && election.isEmpty()) {
            throw InvalidModelException.of("OperationTarget", "election", "election-required",
                    "an ELECTION target must name the election");
        }
        if (kind != TargetKind.ELECTION && election.isPresent()) {
            throw InvalidModelException.of("OperationTarget", "election", "election-only-for-election-target",
                    "only an ELECTION target names an election, this target is " + kind);
        }
    }
}

package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.fmishare.core.internal.ModelChecks;

/**
 * A foreign malign influence operation.
 *
 * @param id stable identifier
 * @param name the operation's name or designator
 * @param objectives what the operation seeks to achieve (at least one)
 * @param targets elections, policies or public opinion it targets (at least one)
 * @param tactics tactics observed (may be empty)
 * @param disarmTechniques DISARM technique ids such as {@code T0087} or {@code T0087.001} (may be empty)
 */
public record FmiOperation(
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String id,
        @NotBlank @Size(max = Limits.NAME) String name,
        @NotNull @Size(min = 1, max = Limits.FEW) List<@NotBlank @Size(max = Limits.SHORT_TEXT) String> objectives,
        @NotNull @Size(min = 1, max = Limits.FEW) List<@NotNull OperationTarget> targets,
        @NotNull @Size(max = Limits.FEW) List<@NotNull Tactic> tactics,
        @NotNull @Size(max = Limits.FEW) List<@NotNull @Pattern(regexp = "T[0-9]{4}(\\.[0-9]{3})?") String> disarmTechniques) {

    /** Validates and copies. */
    public FmiOperation {
        tactics = ModelChecks.optionalList(tactics);
        disarmTechniques = ModelChecks.optionalList(disarmTechniques);
        ModelChecks.validate(FmiOperation.class, id, name, objectives, targets, tactics, disarmTechniques);
        objectives = List.copyOf(objectives);
        targets = List.copyOf(targets);
        tactics = List.copyOf(tactics);
        disarmTechniques = List.copyOf(disarmTechniques);
    }
}

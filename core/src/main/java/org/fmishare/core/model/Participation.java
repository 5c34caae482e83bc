package org.fmishare.core.model;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Optional;
import org.fmishare.core.internal.ModelChecks;

/**
 * A company's participation status for one prong, and since when it holds.
 *
 * @param state opted in, declined or not asked
 * @param since when the company decided; required unless {@link ParticipationState#NOT_ASKED}
 */
public record Participation(@NotNull ParticipationState state, @NotNull Optional<Instant> since) {

    /** Validates that a decision carries its date and "not asked" does not. */
    public Participation {
        since = ModelChecks.optional(since);
        ModelChecks.validate(Participation.class, state, since);
        if (state == ParticipationState.NOT_ASKED && since.isPresent()) {
            throw InvalidModelException.of("Participation", "since", "no-date-when-not-asked",
                    "a company that was not asked has no decision date");
        }
        if (state != ParticipationState.NOT_ASKED && since.isEmpty()) {
            throw InvalidModelException.of("Participation", "since", "decision-date-required",
                    "a company's decision (" + state + ") must carry its date");
        }
    }

    /**
     * A company that opted in at the given time.
     *
     * @param since when
     * @return the participation
     */
    public static Participation optedIn(Instant since) {
        return new Participation(ParticipationState.OPTED_IN, Optional.of(since));
    }

    /**
     * A company that declined at the given time.
     *
     * @param since when
     * @return the participation
     */
    public static Participation declined(Instant since) {
        return new Participation(ParticipationState.DECLINED, Optional.of(since));
    }

    /**
     * A company that has not been asked.
     *
     * @return the participation
     */
    public static Participation notAsked() {
        return new Participation(ParticipationState.NOT_ASKED, Optional.empty());
    }

    /**
     * Whether the company had opted in at the given time.
     *
     * @param at the time of the share or meeting
     * @return true when opted in at or before {@code at}
     */
    public boolean optedInAt(Instant at) {
        return state == ParticipationState.OPTED_IN && since.map(s -> !s.isAfter(at)).orElse(false);
    }
}

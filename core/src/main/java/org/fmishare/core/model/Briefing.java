package org.fmishare.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.fmishare.core.internal.ModelChecks;

/**
 * A multi-party briefing of election officials in which a company briefs on foreign interference operations,
 * hosted by a government agency (as DHS hosted NASS and NASED in August 2018).
 *
 * @param id stable identifier
 * @param heldAt when the briefing takes place
 * @param hostAgency the hosting agency
 * @param briefingCompany the company that briefs
 * @param audiences who is briefed (at least one)
 * @param briefers who speaks, from every side (at least one)
 * @param topics what is covered (at least one)
 * @param summary the summary given to participants
 */
public record Briefing(
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String id,
        @NotNull Instant heldAt,
        @NotBlank @Size(max = Limits.NAME) String hostAgency,
        @NotNull SocialMediaCompany briefingCompany,
        @NotNull @Size(min = 1, max = Limits.FEW) List<@NotNull Audience> audiences,
        @NotNull @Size(min = 1, max = Limits.FEW) List<@NotNull Attendee> briefers,
        @NotNull @Size(min = 1, max = 16) List<@NotNull BriefingTopic> topics,
        @NotNull @Size(max = Limits.LONG_TEXT) String summary) {

    /** Validates and copies. */
    public Briefing {
        ModelChecks.validate(Briefing.class, id, heldAt, hostAgency, briefingCompany, audiences, briefers, topics,
                summary);
        audiences = List.copyOf(audiences);
        briefers = List.copyOf(briefers);
        topics = List.copyOf(topics);
    }
}

package org.fmishare.core.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fmishare.core.internal.ModelChecks;

/**
 * A prong-2 meeting with a company to discuss potential FMI threats.
 *
 * <p>The record captures the plan or the minutes as entered; whether it complies with the SOP (one company at a
 * time, FITF present or overseeing, the right field office, no direction about content) is the SOP validator's
 * decision.
 *
 * @param id stable identifier
 * @param companies the companies present (the SOP allows exactly one)
 * @param scheduledAt when the meeting takes place
 * @param kind regular or ad hoc
 * @param cadenceJustification for a regular meeting, why this cadence
 * @param trigger for an ad hoc meeting, what warranted it
 * @param triggerDetail the specifics of the trigger
 * @param attendees who attends, from every side
 * @param fitf the FITF's participation or oversight
 * @param leadingOffice the office conducting the meeting
 * @param agenda agenda items
 * @param talkingPoints the government's talking points
 * @param minutes minutes, once held (may be empty)
 * @param companyConsent whether the company agreed to meet
 */
public record Meeting(
        @NotNull @Pattern(regexp = Limits.ID_PATTERN) String id,
        @NotNull @Size(max = Limits.FEW) List<@NotNull SocialMediaCompany> companies,
        @NotNull Instant scheduledAt,
        @NotNull MeetingKind kind,
        @NotNull Optional<@Size(max = Limits.TEXT) String> cadenceJustification,
        @NotNull Optional<AdHocTrigger> trigger,
        @NotNull Optional<@Size(max = Limits.TEXT) String> triggerDetail,
        @NotNull @Size(max = Limits.FEW) List<@NotNull Attendee> attendees,
        @NotNull FitfInvolvement fitf,
        @NotNull Office leadingOffice,
        @NotNull @Size(max = Limits.FEW) List<@NotNull @Size(max = Limits.TEXT) String> agenda,
        @NotNull @Size(max = Limits.FEW) List<@NotNull @Size(max = Limits.TEXT) String> talkingPoints,
        @NotNull @Size(max = Limits.MANY) List<@NotNull @Size(max = Limits.TEXT) String> minutes,
        @NotNull ConsentStatus companyConsent) {

    /** Validates structure and copies lists. */
    public Meeting {
        companies = ModelChecks.optionalList(companies);
        cadenceJustification = ModelChecks.optional(cadenceJustification);
        trigger = ModelChecks.optional(trigger);
        triggerDetail = ModelChecks.optional(triggerDetail);
        attendees = ModelChecks.optionalList(attendees);
        agenda = ModelChecks.optionalList(agenda);
        talkingPoints = ModelChecks.optionalList(talkingPoints);
        minutes = ModelChecks.optionalList(minutes);
        ModelChecks.validate(Meeting.class, id, companies, scheduledAt, kind, cadenceJustification, trigger,
                triggerDetail, attendees, fitf, leadingOffice, agenda, talkingPoints, minutes, companyConsent);
        companies = List.copyOf(companies);
        attendees = List.copyOf(attendees);
        agenda = List.copyOf(agenda);
        talkingPoints = List.copyOf(talkingPoints);
        minutes = List.copyOf(minutes);
    }
}

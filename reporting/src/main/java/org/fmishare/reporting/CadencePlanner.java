package org.fmishare.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.fmishare.core.model.AdHocTrigger;
import org.fmishare.core.model.Attendee;
import org.fmishare.core.model.AttendeeSide;
import org.fmishare.core.model.ConsentStatus;
import org.fmishare.core.model.FitfInvolvement;
import org.fmishare.core.model.FitfRole;
import org.fmishare.core.model.InboundReport;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.MeetingKind;
import org.fmishare.core.model.Office;
import org.fmishare.core.model.ParticipationState;
import org.fmishare.core.model.PlatformAccount;
import org.fmishare.core.model.SocialMediaCompany;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.sop.SopValidator;

/**
 * Proposes prong-2 meetings from the threat landscape, as the principles describe the cadence: "the FBI may meet on
 * a regular, periodic basis with certain SMCs due to the volume and frequency of potential FMI threats involving
 * their platforms", and "at any time ... when multiple potential threats emerge on a particular company's platform,
 * a particular company affirmatively requests to discuss potential FMI threats with the FBI, or the FBI becomes
 * aware of information indicating that an FMI actor is poised imminently to leverage a particular company's
 * platform".
 *
 * <p>Rules, per company (a threat is a share sent to it or a report it sent):
 * <ul>
 *   <li>Regular: at least {@code regularVolume} threats in the {@code lookback} window, or threats in at least
 *   {@code regularActiveWeeks} distinct ISO weeks of it. Cadence every two weeks at twice the volume, else monthly.
 *   <li>Ad hoc, multiple threats: at least {@code burstThreats} threats on one platform within {@code burstWindow}.
 *   <li>Ad hoc, company request: each request within {@code burstWindow}.
 *   <li>Ad hoc, imminent threat: each imminent threat recorded within {@code burstWindow}, scheduled soonest.
 * </ul>
 * Every proposal meets one company, is led by the field office whose area covers the company's headquarters under
 * FITF oversight (or by the FITF itself, participating, for imminent threats and where no field office covers the
 * company), and is checked with the {@link SopValidator}. Companies that declined meetings get no proposal: meetings
 * are voluntary.
 *
 * <p>Immutable and thread-safe.
 */
public final class CadencePlanner {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final List<String> AGENDA = List.of(
            "Potential FMI threat actors, indicators and trends relevant to the company's platform",
            "Information the company has observed, if it wishes to share it");
    private static final List<String> TALKING_POINTS = List.of(
            "Participation is voluntary and the company decides on its own what, if anything, to do",
            "The FBI will not take any adverse action based on the company's decisions");
    private final Office fitf;
    private final List<Office> fieldOffices;
    private final SopValidator validator;
    private final Duration lookback;
    private final int regularVolume;
    private final int regularActiveWeeks;
    private final Duration burstWindow;
    private final int burstThreats;
    private final String fitfOverseer;

    private CadencePlanner(Builder b) {
        this.fitf = b.fitf;
        this.fieldOffices = List.copyOf(b.fieldOffices);
        this.validator = b.validator;
        this.lookback = b.lookback;
        this.regularVolume = b.regularVolume;
        this.regularActiveWeeks = b.regularActiveWeeks;
        this.burstWindow = b.burstWindow;
        this.burstThreats = b.burstThreats;
        this.fitfOverseer = b.fitfOverseer;
    }

    /**
     * Starts configuring a planner.
     *
     * @param fitf the FITF office
     * @param fieldOffices the field offices, each with its area of responsibility
     * @return a builder
     */
    public static Builder builder(Office fitf, List<Office> fieldOffices) {
        return new Builder(fitf, fieldOffices);
    }

    private record Threat(Instant at, String platform, boolean share) {}

    /**
     * Plans meetings.
     *
     * @param landscape what happened
     * @param now the time to plan from
     * @return the proposals, soonest first, and notes on companies left out
     */
    public CadencePlan plan(ThreatLandscape landscape, Instant now) {
        Objects.requireNonNull(landscape, "landscape");
        Objects.requireNonNull(now, "now");
        List<MeetingProposal> proposals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (SocialMediaCompany c : landscape.companies()) {
            List<Threat> threats = threats(c, landscape, now);
            List<Pending> pending = new ArrayList<>();
            regular(c, threats, now).ifPresent(pending::add);
            pending.addAll(bursts(c, threats, now));
            for (MeetingRequest r : landscape.requests()) {
                if (r.companyId().equals(c.id()) && within(r.at(), now, burstWindow)) {
                    pending.add(new Pending(MeetingKind.AD_HOC, Optional.of(AdHocTrigger.SMC_REQUEST),
                            "The company asked on " + r.at().truncatedTo(ChronoUnit.SECONDS) + " to discuss: "
                                    + r.topic(),
                            later(now, r.at()).plus(Duration.ofDays(2)), false, Optional.empty()));
                }
            }
            for (ImminentThreat t : landscape.imminentThreats()) {
                if (t.companyId().equals(c.id()) && within(t.recordedAt(), now, burstWindow)) {
                    pending.add(new Pending(MeetingKind.AD_HOC, Optional.of(AdHocTrigger.IMMINENT_THREAT),
                            "Information recorded on " + t.recordedAt().truncatedTo(ChronoUnit.SECONDS)
                                    + " indicates an FMI actor is poised imminently to leverage " + t.platform()
                                    + ": " + t.summary(),
                            later(now, t.recordedAt()).plus(Duration.ofDays(1)), true, Optional.empty()));
                }
            }
            if (pending.isEmpty()) {
                continue;
            }
            if (c.meetings().state() == ParticipationState.DECLINED) {
                notes.add(c.id() + ": " + pending.size() + " meeting(s) warranted by the threat landscape, none "
                        + "proposed because the company declined prong-2 meetings");
                continue;
            }
            for (Pending p : pending) {
                proposals.add(propose(c, p));
            }
        }
        proposals.sort(Comparator.comparing((MeetingProposal p) -> p.meeting().scheduledAt())
                .thenComparing(p -> p.meeting().id()));
        return new CadencePlan(now, proposals, notes);
    }

    private record Pending(MeetingKind kind, Optional<AdHocTrigger> trigger, String reason, Instant at,
            boolean fitfLeads, Optional<String> cadence) {}

    private List<Threat> threats(SocialMediaCompany c, ThreatLandscape l, Instant now) {
        List<Threat> out = new ArrayList<>();
        String fallback = c.platforms().get(0);
        for (ThreatShare s : l.shares()) {
            if (s.recipient().id().equals(c.id()) && within(s.createdAt(), now, lookback)) {
                for (String p : platforms(s.accounts(), fallback)) {
                    out.add(new Threat(s.createdAt(), p, true));
                }
            }
        }
        for (InboundReport r : l.reports()) {
            if (r.companyId().equals(c.id()) && within(r.receivedAt(), now, lookback)) {
                for (String p : platforms(r.accounts(), fallback)) {
                    out.add(new Threat(r.receivedAt(), p, false));
                }
            }
        }
        return out;
    }

    private static Set<String> platforms(List<PlatformAccount> accounts, String fallback) {
        Set<String> p = new HashSet<>();
        accounts.forEach(a -> p.add(a.platform()));
        if (p.isEmpty()) {
            p.add(fallback);
        }
        return p;
    }

    private static boolean within(Instant at, Instant now, Duration window) {
        return !at.isAfter(now) && at.isAfter(now.minus(window));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private Optional<Pending> regular(SocialMediaCompany c, List<Threat> threats, Instant now) {
        // Count each share or report once, however many platforms it touches.
        Set<Long> weeks = new HashSet<>();
        long shares = 0;
        long reports = 0;
        Set<String> seen = new HashSet<>();
        for (Threat t : threats) {
            if (seen.add(t.at() + "|" + t.share())) {
                if (t.share()) {
                    shares++;
                } else {
                    reports++;
                }
                var d = t.at().atZone(ZoneOffset.UTC);
                weeks.add(d.get(IsoFields.WEEK_BASED_YEAR) * 100L + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
        }
        long volume = shares + reports;
        boolean byVolume = volume >= regularVolume;
        boolean byFrequency = weeks.size() >= regularActiveWeeks;
        if (!byVolume && !byFrequency) {
            return Optional.empty();
        }
        String cadence = volume >= 2L * regularVolume ? "every two weeks" : "monthly";
        String reason = "Volume and frequency of potential FMI threats involving " + String.join(", ", c.platforms())
                + ": " + volume + " in the last " + lookback.toDays() + " days (" + shares + " shared, " + reports
                + " reported by the company) across " + weeks.size() + " weeks; proposed cadence " + cadence + ".";
        return Optional.of(new Pending(MeetingKind.REGULAR, Optional.empty(), reason, now.plus(Duration.ofDays(7)),
                false, Optional.of(cadence)));
    }

    private List<Pending> bursts(SocialMediaCompany c, List<Threat> threats, Instant now) {
        Map<String, List<Threat>> byPlatform = new TreeMap<>();
        for (Threat t : threats) {
            if (within(t.at(), now, burstWindow)) {
                byPlatform.computeIfAbsent(t.platform(), k -> new ArrayList<>()).add(t);
            }
        }
        List<Pending> out = new ArrayList<>();
        byPlatform.forEach((platform, ts) -> {
            if (ts.size() >= burstThreats) {
                long shared = ts.stream().filter(Threat::share).count();
                out.add(new Pending(MeetingKind.AD_HOC, Optional.of(AdHocTrigger.MULTIPLE_THREATS_EMERGING),
                        ts.size() + " potential FMI threats emerged on " + platform + " in the " + burstWindow.toDays()
                                + " days to " + now.truncatedTo(ChronoUnit.SECONDS) + " (" + shared + " shared, "
                                + (ts.size() - shared) + " reported by the company).",
                        now.plus(Duration.ofDays(3)), false, Optional.empty()));
            }
        });
        return out;
    }

    private MeetingProposal propose(SocialMediaCompany c, Pending p) {
        Optional<Office> local = fieldOffices.stream().filter(o -> o.covers(c.headquarters())).findFirst();
        boolean fitfLeads = p.fitfLeads() || local.isEmpty();
        Office leading = fitfLeads ? fitf : local.get();
        FitfInvolvement involvement = fitfLeads ? new FitfInvolvement(FitfRole.PARTICIPATES, Optional.empty())
                : new FitfInvolvement(FitfRole.OVERSEES, Optional.of(fitfOverseer));
        List<Attendee> attendees = new ArrayList<>();
        attendees.add(new Attendee("To be assigned", leading.name(), fitfLeads ? "FITF representative"
                : "Field office representative", AttendeeSide.GOVERNMENT));
        attendees.add(new Attendee("To be confirmed by the company", c.name(), "Company representative",
                AttendeeSide.COMPANY));
        Instant at = p.at().truncatedTo(ChronoUnit.HOURS);
        String id = "proposal-" + c.id() + "-" + (p.kind() == MeetingKind.REGULAR ? "regular"
                : p.trigger().orElseThrow().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                + "-" + DAY.format(at);
        Meeting m = new Meeting(id, List.of(c), at, p.kind(),
                p.kind() == MeetingKind.REGULAR ? Optional.of(p.reason()) : Optional.empty(), p.trigger(),
                p.kind() == MeetingKind.AD_HOC ? Optional.of(p.reason()) : Optional.empty(), attendees, involvement,
                leading, AGENDA, TALKING_POINTS, List.of(), ConsentStatus.PENDING);
        List<String> reasons = new ArrayList<>();
        reasons.add(p.reason());
        reasons.add(fitfLeads ? (local.isEmpty() ? "No field office covers the company's headquarters, so the FITF "
                + "leads." : "The FITF leads because the threat is imminent.")
                : local.get().name() + " covers the company's headquarters and leads, under FITF oversight.");
        return new MeetingProposal(m, reasons, validator.validate(m));
    }

    /** Configures a {@link CadencePlanner}. Not thread-safe; the planner it builds is. */
    public static final class Builder {
        private final Office fitf;
        private final List<Office> fieldOffices;
        private SopValidator validator;
        private Duration lookback = Duration.ofDays(90);
        private int regularVolume = 6;
        private int regularActiveWeeks = 4;
        private Duration burstWindow = Duration.ofDays(14);
        private int burstThreats = 3;
        private String fitfOverseer = "FITF duty supervisor";

        private Builder(Office fitf, List<Office> fieldOffices) {
            this.fitf = Objects.requireNonNull(fitf, "fitf");
            this.fieldOffices = List.copyOf(Objects.requireNonNull(fieldOffices, "fieldOffices"));
            if (!fitf.isFitf()) {
                throw new IllegalArgumentException("fitf must be the FITF office, was " + fitf.id());
            }
            for (Office o : this.fieldOffices) {
                if (o.isFitf()) {
                    throw new IllegalArgumentException("fieldOffices must hold field offices only, found " + o.id());
                }
            }
        }

        /**
         * Sets the validator proposals are checked with; {@link SopValidator#standard()} by default.
         *
         * @param validator the validator
         * @return this builder
         */
        public Builder validator(SopValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /**
         * Regular meetings: the window and the thresholds on volume and on distinct active weeks.
         *
         * @param lookback window, at least 7 days (default 90 days)
         * @param volume threats in the window (default 6)
         * @param activeWeeks distinct weeks with threats (default 4)
         * @return this builder
         */
        public Builder regular(Duration lookback, int volume, int activeWeeks) {
            Objects.requireNonNull(lookback, "lookback");
            if (lookback.compareTo(Duration.ofDays(7)) < 0 || volume < 1 || activeWeeks < 1) {
                throw new IllegalArgumentException("regular needs a lookback of at least 7 days and positive "
                        + "thresholds, was " + lookback + ", " + volume + ", " + activeWeeks);
            }
            this.lookback = lookback;
            this.regularVolume = volume;
            this.regularActiveWeeks = activeWeeks;
            return this;
        }

        /**
         * Ad hoc meetings: the recent window and how many threats on one platform within it trigger one.
         *
         * @param window at least one day (default 14 days); also how recent a request or imminent threat must be
         * @param threats at least 2 (default 3)
         * @return this builder
         */
        public Builder burst(Duration window, int threats) {
            Objects.requireNonNull(window, "window");
            if (window.compareTo(Duration.ofDays(1)) < 0 || threats < 2) {
                throw new IllegalArgumentException("burst needs a window of at least a day and at least 2 threats, "
                        + "was " + window + ", " + threats);
            }
            this.burstWindow = window;
            this.burstThreats = threats;
            return this;
        }

        /**
         * Names the FITF overseer of field-office-led meetings.
         *
         * @param overseer a name or role
         * @return this builder
         */
        public Builder fitfOverseer(String overseer) {
            Objects.requireNonNull(overseer, "overseer");
            if (overseer.isBlank()) {
                throw new IllegalArgumentException("overseer must not be blank");
            }
            this.fitfOverseer = overseer;
            return this;
        }

        /** {@return the planner} */
        public CadencePlanner build() {
            if (validator == null) {
                validator = SopValidator.standard();
            }
            return new CadencePlanner(this);
        }
    }
}

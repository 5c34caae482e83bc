package org.fmishare.reporting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.fmishare.audit.AuditEvent;
import org.fmishare.audit.AuditSubject;
import org.fmishare.audit.AuditVerification;
import org.fmishare.audit.Checkpoint;
import org.fmishare.audit.MeetingLeadership;
import org.fmishare.audit.Prong;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.model.AmendmentKind;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.model.TransportKind;
import org.fmishare.reporting.internal.Charts;
import org.fmishare.reporting.internal.Suppression;
import org.fmishare.reporting.internal.Tally;
import org.fmishare.reporting.internal.Writers;

/**
 * The public transparency report an agency can publish, computed from a verified audit log.
 *
 * <pre>{@code
 * AuditVerification verified = AuditVerifier.verify(store, trustAnchor, "fitf");
 * TransparencyReport.from(verified, ReportOptions.defaults()).writeTo(Path.of("report"));
 * }</pre>
 *
 * <p>Tables, per calendar quarter (UTC): shares sent by prong, by channel, by election nexus and by SOP rule set;
 * delivery outcomes; corrections and retractions of shares sent (each amendment id once); meetings by who led them
 * and how the FITF took part, and by regular or ad hoc trigger; SMC responses by kind (each response id once, and,
 * with {@link ReportOptions#withNoResponseAfter}, shares left unanswered for the period counted as "No response");
 * and the SOP rules whose failures blocked shares. Guarantees: only a verified log is accepted
 * (the type says so); company, account and operation identifiers never reach the report (the audit events carry
 * company ids for overseers, and the report never reads them); every count from 1 to {@code threshold - 1} is
 * withheld, with complementary suppression within a row (see {@link ReportOptions#suppressionThreshold()}); output
 * is deterministic for a given log and options, so it can be re-computed and compared by anyone holding the log.
 *
 * <p>Immutable and thread-safe. The raw counts are discarded once suppressed: nothing in this object holds them.
 */
public final class TransparencyReport {
    private final ReportOptions options;
    private final ReportSource source;
    private final List<ReportTable> tables;

    private TransparencyReport(ReportOptions options, ReportSource source, List<ReportTable> tables) {
        this.options = options;
        this.source = source;
        this.tables = List.copyOf(tables);
    }

    /**
     * Computes the report.
     *
     * @param verified a verified audit log
     * @param options publisher and suppression threshold
     * @return the report
     */
    public static TransparencyReport from(AuditVerification verified, ReportOptions options) {
        Objects.requireNonNull(verified, "verified");
        Objects.requireNonNull(options, "options");
        List<AuditEvent> events = verified.events();
        Tally prong = new Tally(names(Prong.values()), true);
        Tally channel = new Tally(names(TransportKind.values()), true);
        Tally nexus = new Tally(List.of("YES", "NO"), true);
        List<String> ruleSets = events.stream().filter(e -> e instanceof AuditEvent.Dispatched)
                .map(e -> ruleSet((AuditEvent.Dispatched) e)).distinct().sorted().toList();
        Tally ruleSet = new Tally(ruleSets, true);
        Tally review = new Tally(List.of("PASS", "REVIEWED"), true);
        Tally delivery = new Tally(List.of("DELIVERED", "DEAD_LETTERED"), true);
        Tally leadership = new Tally(names(MeetingLeadership.values()), true);
        Tally meetingKind = new Tally(List.of("REGULAR", "MULTIPLE_THREATS_EMERGING", "SMC_REQUEST",
                "IMMINENT_THREAT", "NO_TRIGGER"), true);
        Tally responses = new Tally(names(ResponseKind.values()), true);
        Tally amendments = new Tally(names(AmendmentKind.values()), true);
        List<String> ruleIds = events.stream().filter(TransparencyReport::blockedShare)
                .flatMap(e -> ((AuditEvent.Validated) e).failedRuleIds().stream()).distinct().sorted().toList();
        Tally blocked = new Tally(ruleIds, false);

        TreeSet<Quarter> quarters = new TreeSet<>();
        // A response reached the log twice (two recorders, a replayed import) is still one response.
        Set<String> responseIds = new HashSet<>();
        // An amendment sent over several channels is several envelopes but one correction or retraction.
        Set<String> amendmentIds = new HashSet<>();
        for (AuditEvent e : events) {
            Quarter q = Quarter.of(e.at());
            boolean counted = true;
            if (e instanceof AuditEvent.Dispatched d) {
                prong.add(q, d.prong().name(), d.envelopeId());
                channel.add(q, d.channel().name(), d.envelopeId());
                nexus.add(q, d.electionNexus() ? "YES" : "NO", d.envelopeId());
                ruleSet.add(q, ruleSet(d), d.envelopeId());
                review.add(q, d.reviewed() ? "REVIEWED" : "PASS", d.envelopeId());
            } else if (e instanceof AuditEvent.Delivered d) {
                delivery.add(q, "DELIVERED", d.envelopeId());
            } else if (e instanceof AuditEvent.DeadLettered d) {
                delivery.add(q, "DEAD_LETTERED", d.envelopeId());
            } else if (e instanceof AuditEvent.MeetingHeld m) {
                leadership.add(q, m.leadership().name(), m.meetingId());
                String kind = switch (m.kind()) {
                    case REGULAR -> "REGULAR";
                    case AD_HOC -> m.trigger().map(Enum::name).orElse("NO_TRIGGER");
                };
                meetingKind.add(q, kind, m.meetingId());
            } else if (e instanceof AuditEvent.ShareAmended a) {
                if (amendmentIds.add(a.amendmentId())) {
                    amendments.add(q, a.kind().name(), a.amendmentId());
                } else {
                    counted = false;
                }
            } else if (e instanceof AuditEvent.SmcResponded r) {
                if (responseIds.add(r.responseId())) {
                    responses.add(q, r.kind().name(), r.responseId());
                } else {
                    counted = false;
                }
            } else if (blockedShare(e) && !((AuditEvent.Validated) e).failedRuleIds().isEmpty()) {
                AuditEvent.Validated v = (AuditEvent.Validated) e;
                for (String rule : v.failedRuleIds()) {
                    blocked.add(q, rule, v.subjectId());
                }
            } else {
                counted = false;
            }
            if (counted) {
                quarters.add(q);
            }
        }
        options.noResponse().ifPresent(w -> unanswered(events, w).forEach(q -> {
            responses.add(q, ResponseKind.NO_RESPONSE.name(), "");
            quarters.add(q);
        }));
        List<Quarter> range = new ArrayList<>();
        if (!quarters.isEmpty()) {
            for (Quarter q = quarters.first(); q.compareTo(quarters.last()) <= 0; q = q.next()) {
                range.add(q);
            }
        }
        int k = options.suppressionThreshold();
        List<ReportTable> tables = new ArrayList<>();
        tables.add(table("shares-by-prong", "Shares sent, by strategic prong",
                "Envelopes sent to companies: prong 1 carries account-level threat information, prong 2 meeting "
                        + "notices.", prong, List.of("Prong 1: account sharing", "Prong 2: meeting notices"),
                "Total sent", range, k));
        tables.add(table("shares-by-channel", "Shares sent, by channel",
                "The transport each envelope was sent over.", channel,
                List.of("Email", "HTTPS", "TAXII"), "Total sent", range, k));
        tables.add(table("shares-by-election-nexus", "Shares sent, by election nexus",
                "Whether the shared activity targets a U.S. election.", nexus,
                List.of("Election nexus", "No election nexus"), "Total sent", range, k));
        tables.add(table("shares-by-rule-set", "Shares sent, by SOP rule set",
                "The version of the standard operating procedures each share was checked against before sending.",
                ruleSet, ruleSets, "Total sent", range, k));
        tables.add(table("shares-by-review", "Shares sent, by SOP verdict and review",
                "Shares that passed every SOP rule, and shares the validator sent to a person for review that a "
                        + "reviewer approved, finding by finding with written reasons, before they were signed.",
                review, List.of("SOP PASS", "Approved after review"), "Total sent", range, k));
        tables.add(table("delivery-outcomes", "Delivery outcomes",
                "Envelopes the company's endpoint accepted, and envelopes the sender gave up on.", delivery,
                List.of("Delivered", "Not delivered"), "Total", range, k));
        tables.add(table("amendments-by-kind", "Corrections and retractions",
                "Shares sent earlier that the office corrected (the company received the corrected share and the "
                        + "reason) or retracted (withdrew, with the reason). Each correction or retraction is counted "
                        + "once, whatever the number of channels it went over.", amendments,
                List.of("Corrections", "Retractions"), "Amendments sent", range, k));
        tables.add(table("meetings-by-leadership", "Meetings held, by FITF role",
                "Every meeting is led by the FITF, or by a field office with the FITF participating or overseeing; "
                        + "the last column should always read 0.", leadership,
                List.of("FITF-led", "Field office, FITF participating", "Field office, FITF oversight",
                        "Field office without FITF"), "Meetings held", range, k));
        tables.add(table("meetings-by-kind", "Meetings held, regular or ad hoc by trigger",
                "Regular meetings follow the volume and frequency of threats; ad hoc meetings answer a "
                        + "threat-specific development.", meetingKind,
                List.of("Regular", "Ad hoc: multiple threats emerging", "Ad hoc: company request",
                        "Ad hoc: imminent threat", "Ad hoc: no trigger recorded"), "Meetings held", range, k));
        tables.add(table("responses-by-kind", "Company responses, by kind",
                "Responses are voluntary; a company's choice has no consequence for it."
                        + options.noResponse().map(TransparencyReport::noResponseNote).orElse(""), responses,
                List.of("Acknowledged", "No response", "Took independent action", "Declined"), "Responses", range,
                k));
        tables.add(table("blocked-by-rule", "Shares blocked by SOP rules",
                "Findings of rules that failed when a share was checked, which stopped it from being sent. A share "
                        + "can fail several rules, so the total counts shares, not findings.", blocked, ruleIds,
                "Shares blocked", range, k));
        Optional<Checkpoint> last = verified.lastCheckpoint();
        ReportSource src = new ReportSource(verified.entries(), verified.records().size(), verified.checkpoints(),
                verified.head(), last.map(Checkpoint::sealedAt));
        return new TransparencyReport(options, src, tables);
    }

    /**
     * The quarters in which shares' no-response periods ended, one per share (by company and share id) first
     * dispatched at least the window's period before its date, with no response recorded by then and not retracted
     * by then. Only the date decides, never the clock of the machine computing the report.
     */
    private static List<Quarter> unanswered(List<AuditEvent> events, NoResponseWindow window) {
        Map<String, Instant> firstSent = new LinkedHashMap<>();
        Set<String> answered = new HashSet<>();
        Set<String> retracted = new HashSet<>();
        for (AuditEvent e : events) {
            if (e.at().isAfter(window.asOf())) {
                continue;
            }
            if (e instanceof AuditEvent.Dispatched d && d.subject() == AuditSubject.SHARE) {
                firstSent.merge(key(d.recipientId(), d.subjectId()), d.at(), (a, b) -> a.isBefore(b) ? a : b);
            } else if (e instanceof AuditEvent.SmcResponded r) {
                answered.add(key(r.companyId(), r.shareId()));
            } else if (e instanceof AuditEvent.ShareAmended a && a.kind() == AmendmentKind.RETRACTION) {
                retracted.add(key(a.recipientId(), a.shareId()));
            }
        }
        List<Quarter> out = new ArrayList<>();
        firstSent.forEach((share, sentAt) -> {
            if (!answered.contains(share) && !retracted.contains(share) && window.elapsed(sentAt)) {
                out.add(Quarter.of(sentAt.plus(window.period())));
            }
        });
        return out;
    }

    private static String key(String companyId, String shareId) {
        // Ids match [A-Za-z0-9][A-Za-z0-9._:@/+-]*, so a space cannot occur in either.
        return companyId + " " + shareId;
    }

    private static String noResponseNote(NoResponseWindow w) {
        return " \"No response\" also counts each share without a recorded response " + w.period().toDays()
                + " days after it was first sent, as of " + w.asOf() + ", in the quarter those days ended (shares "
                + "retracted by then are not counted); it is a count, never a consequence.";
    }

    private static boolean blockedShare(AuditEvent e) {
        return e instanceof AuditEvent.Validated v && v.subject() == AuditSubject.SHARE && v.verdict() == Verdict.FAIL;
    }

    private static String ruleSet(AuditEvent.Dispatched d) {
        return d.ruleSetId() + " v" + d.ruleSetVersion();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static ReportTable table(String id, String title, String description, Tally tally, List<String> labels,
            String totalLabel, List<Quarter> range, int k) {
        List<ReportRow> rows = new ArrayList<>();
        for (Quarter q : range) {
            Suppression.Row r = Suppression.apply(tally.counts(q), tally.total(q), tally.totalIsSum(), k);
            rows.add(new ReportRow(q, r.cells(), r.total()));
        }
        return new ReportTable(id, title, description, labels, totalLabel, rows);
    }

    /** {@return the options the report was computed with} */
    public ReportOptions options() {
        return options;
    }

    /** {@return the audit log the report rests on} */
    public ReportSource source() {
        return source;
    }

    /** {@return the published tables, in report order} */
    public List<ReportTable> tables() {
        return tables;
    }

    /**
     * Looks a table up by id.
     *
     * @param id e.g. {@code shares-by-prong}
     * @return the table
     * @throws IllegalArgumentException for an unknown id
     */
    public ReportTable table(String id) {
        Objects.requireNonNull(id, "id");
        return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no table '" + id + "'; tables are "
                        + tables.stream().map(ReportTable::id).collect(Collectors.joining(", "))));
    }

    /** {@return the report as Markdown, referring to the chart as {@code transparency-chart.svg}} */
    public String markdown() {
        return Writers.markdown(this);
    }

    /** {@return the report as CSV (RFC 4180): one line per table, quarter and column} */
    public String csv() {
        return Writers.csv(this);
    }

    /**
     * {@return the report as one self-contained HTML page with the chart inline as SVG}
     *
     * @throws ReportingException.ChartFailed if the chart cannot be rendered
     */
    public String html() {
        return Writers.html(this, chartSvg());
    }

    /**
     * {@return the chart of activity per quarter as an SVG document}
     *
     * @throws ReportingException.ChartFailed if it cannot be rendered
     */
    public String chartSvg() {
        return Charts.svg(this);
    }

    /**
     * {@return the chart as PNG bytes}
     *
     * @throws ReportingException.ChartFailed if it cannot be rendered
     */
    public byte[] chartPng() {
        return Charts.png(this);
    }

    /**
     * Writes every format into a directory (created if needed), replacing earlier files of the same names.
     *
     * @param dir the directory
     * @return the files written
     * @throws ReportingException.WriteFailed if a file cannot be written
     * @throws ReportingException.ChartFailed if the chart cannot be rendered
     */
    public ReportFiles writeTo(Path dir) {
        Objects.requireNonNull(dir, "dir");
        ReportFiles f = new ReportFiles(dir.resolve("transparency-report.md"), dir.resolve("transparency-report.html"),
                dir.resolve("transparency-report.csv"), dir.resolve("transparency-chart.svg"),
                dir.resolve("transparency-chart.png"));
        String svg = chartSvg();
        try {
            Files.createDirectories(dir);
            Files.writeString(f.markdown(), markdown(), StandardCharsets.UTF_8);
            Files.writeString(f.html(), Writers.html(this, svg), StandardCharsets.UTF_8);
            Files.writeString(f.csv(), csv(), StandardCharsets.UTF_8);
            Files.writeString(f.chartSvg(), svg, StandardCharsets.UTF_8);
            Files.write(f.chartPng(), chartPng());
        } catch (IOException e) {
            throw new ReportingException.WriteFailed("cannot write the transparency report to " + dir + ": "
                    + e.getMessage(), e);
        }
        return f;
    }
}

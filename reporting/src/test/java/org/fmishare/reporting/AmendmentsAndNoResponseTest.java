package org.fmishare.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.fmishare.audit.AuditEvent;
import org.fmishare.audit.AuditLog;
import org.fmishare.audit.AuditStore;
import org.fmishare.audit.AuditSubject;
import org.fmishare.audit.AuditVerification;
import org.fmishare.audit.AuditVerifier;
import org.fmishare.audit.FileAuditStore;
import org.fmishare.audit.Prong;
import org.fmishare.core.model.AmendmentKind;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.model.TransportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrections and retractions are counted once each, by kind; shares left without a recorded response for the
 * configured period, as of the report's date, count as "No response", and nothing else does.
 */
class AmendmentsAndNoResponseTest {
    private static final Instant JULY = Instant.parse("2026-07-01T12:00:00Z");
    private static final String DIGEST = "sha-256:" + "d".repeat(64);

    @TempDir
    Path dir;

    @Test
    void aLogWithAShareACorrectionAndARetractionCountsOneOfEach() {
        AuditVerification verified = log(log -> {
            log.append(dispatched("share-1", "smc-a", "env-1", JULY, TransportKind.HTTPS));
            // The correction went over two channels: two envelopes, one correction.
            log.append(amended("amd-1", AmendmentKind.CORRECTION, "share-1", "smc-a", "env-2", "env-1",
                    JULY.plusSeconds(60), TransportKind.HTTPS));
            log.append(amended("amd-1", AmendmentKind.CORRECTION, "share-1", "smc-a", "env-3", "env-1",
                    JULY.plusSeconds(61), TransportKind.EMAIL));
            log.append(amended("amd-2", AmendmentKind.RETRACTION, "share-1", "smc-a", "env-4", "env-1",
                    JULY.plusSeconds(120), TransportKind.HTTPS));
        });

        TransparencyReport report = TransparencyReport.from(verified, ReportOptions.defaults()
                .withSuppressionThreshold(1));

        ReportTable amendments = report.table("amendments-by-kind");
        assertThat(amendments.columns()).containsExactly("Corrections", "Retractions");
        assertThat(row(amendments, "2026-Q3")).isEqualTo("1 1 / 2");
        // Amendments are not shares: the shares tables still count the one share envelope.
        assertThat(row(report.table("shares-by-prong"), "2026-Q3")).isEqualTo("1 0 / 1");
        assertThat(report.markdown()).contains("## Corrections and retractions").doesNotContain("smc-a", "amd-");
        assertThat(report.csv()).contains("amendments-by-kind,2026-Q3,Corrections,1,false",
                "amendments-by-kind,2026-Q3,Retractions,1,false");
    }

    @Test
    void unansweredSharesCountAsNoResponseOnlyOnceTheirPeriodHasEndedByTheReportDate() {
        AuditVerification verified = log(log -> {
            // share-1 answered, share-2 never answered, share-3 answered late (after its period, before the date),
            // share-4 retracted, share-5 sent too recently, share-6 went to two companies and only smc-a answered.
            log.append(dispatched("share-1", "smc-a", "env-1", JULY, TransportKind.HTTPS));
            log.append(dispatched("share-1", "smc-a", "env-1b", JULY.plusSeconds(5), TransportKind.EMAIL));
            log.append(dispatched("share-2", "smc-a", "env-2", JULY, TransportKind.HTTPS));
            log.append(dispatched("share-3", "smc-b", "env-3", JULY, TransportKind.HTTPS));
            log.append(dispatched("share-4", "smc-b", "env-4", JULY, TransportKind.HTTPS));
            log.append(dispatched("share-6", "smc-a", "env-6a", JULY, TransportKind.HTTPS));
            log.append(dispatched("share-6", "smc-b", "env-6b", JULY, TransportKind.HTTPS));
            log.append(new AuditEvent.SmcResponded(JULY.plus(Duration.ofDays(2)), "resp-1", "share-1", "smc-a",
                    ResponseKind.ACKNOWLEDGED));
            log.append(new AuditEvent.SmcResponded(JULY.plus(Duration.ofDays(3)), "resp-6", "share-6", "smc-a",
                    ResponseKind.TOOK_INDEPENDENT_ACTION));
            log.append(amended("amd-4", AmendmentKind.RETRACTION, "share-4", "smc-b", "env-4r", "env-4",
                    JULY.plus(Duration.ofDays(4)), TransportKind.HTTPS));
            log.append(new AuditEvent.SmcResponded(JULY.plus(Duration.ofDays(40)), "resp-3", "share-3", "smc-b",
                    ResponseKind.DECLINED));
            log.append(dispatched("share-5", "smc-a", "env-5", JULY.plus(Duration.ofDays(50)), TransportKind.HTTPS));
        });
        Instant asOf = JULY.plus(Duration.ofDays(60));

        ReportTable explicitOnly = TransparencyReport.from(verified, ReportOptions.defaults()
                .withSuppressionThreshold(1)).table("responses-by-kind");
        ReportTable derived = TransparencyReport.from(verified, ReportOptions.defaults().withSuppressionThreshold(1)
                .withNoResponseAfter(Duration.ofDays(30), asOf)).table("responses-by-kind");

        // Columns: Acknowledged, No response, Took independent action, Declined.
        assertThat(row(explicitOnly, "2026-Q3")).isEqualTo("1 0 1 1 / 3");
        // share-2 and share-6 at smc-b: no response recorded in 30 days, by the report's date.
        assertThat(row(derived, "2026-Q3")).isEqualTo("1 2 1 1 / 5");
        assertThat(derived.description()).contains("30 days", asOf.toString());
    }

    @Test
    void aPeriodEndingInTheNextQuarterCountsThere() {
        AuditVerification verified = log(log -> log.append(dispatched("share-1", "smc-a", "env-1",
                Instant.parse("2026-09-20T00:00:00Z"), TransportKind.HTTPS)));

        ReportTable table = TransparencyReport.from(verified, ReportOptions.defaults().withSuppressionThreshold(1)
                .withNoResponseAfter(Duration.ofDays(30), Instant.parse("2026-12-31T00:00:00Z")))
                .table("responses-by-kind");

        assertThat(table.rows()).extracting(r -> r.quarter().toString()).containsExactly("2026-Q3", "2026-Q4");
        assertThat(row(table, "2026-Q3")).isEqualTo("0 0 0 0 / 0");
        assertThat(row(table, "2026-Q4")).isEqualTo("0 1 0 0 / 1");
    }

    @Test
    void aWindowShorterThanADayOrWithoutADateIsRefused() {
        assertThatThrownBy(() -> ReportOptions.defaults().withNoResponseAfter(Duration.ofHours(2), JULY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
        assertThatThrownBy(() -> new NoResponseWindow(Duration.ofDays(30), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("asOf");
        assertThat(ReportOptions.defaults().noResponse()).isEmpty();
        assertThat(ReportOptions.defaults().withNoResponseAfter(Duration.ofDays(30), JULY).withSuppressionThreshold(3)
                .noResponse()).contains(new NoResponseWindow(Duration.ofDays(30), JULY));
    }

    private static String row(ReportTable table, String quarter) {
        ReportRow row = table.rows().stream().filter(r -> r.quarter().toString().equals(quarter)).findFirst()
                .orElseThrow();
        return row.cells().stream().map(Cell::display).collect(Collectors.joining(" ")) + " / "
                + row.total().display();
    }

    private static AuditEvent.Dispatched dispatched(String shareId, String company, String envelopeId, Instant at,
            TransportKind channel) {
        return new AuditEvent.Dispatched(at, envelopeId, AuditSubject.SHARE, shareId, company, Prong.ACCOUNT_SHARING,
                channel, false, "sop-2024-02", "1.0.0", Optional.empty());
    }

    private static AuditEvent.ShareAmended amended(String id, AmendmentKind kind, String shareId, String company,
            String envelopeId, String original, Instant at, TransportKind channel) {
        return new AuditEvent.ShareAmended(at, id, kind, shareId, envelopeId, original, company, channel, DIGEST,
                "sop-2024-02", "1.0.0");
    }

    private AuditVerification log(Consumer<AuditLog> writes) {
        try (AuditStore store = FileAuditStore.open(dir.resolve("audit.jsonl"))) {
            try (AuditLog log = AuditLog.builder(store, Activity.SEALER)
                    .clock(Clock.fixed(Activity.SEALED_AT, ZoneOffset.UTC)).build()) {
                writes.accept(log);
            }
            return AuditVerifier.builder().trustAnchor(Activity.ROOT.certificate()).sealer("fitf")
                    .clock(Clock.fixed(Activity.SEALED_AT.plusSeconds(3600), ZoneOffset.UTC)).build().verify(store);
        }
    }
}

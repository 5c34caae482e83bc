package org.fmishare.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.fmishare.audit.AuditEvent;
import org.fmishare.audit.AuditLog;
import org.fmishare.audit.AuditStore;
import org.fmishare.audit.AuditVerification;
import org.fmishare.audit.AuditVerifier;
import org.fmishare.audit.FileAuditStore;
import org.fmishare.core.model.ResponseKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The responses table counts every recorded response once, by the kind the company chose. */
class ResponsesTableTest {
    @TempDir
    Path dir;

    @Test
    void aResponseRecordedTwiceInTheLogIsCountedOnce() {
        Instant q3 = Instant.parse("2026-07-15T12:00:00Z");
        AuditVerification verified;
        try (AuditStore store = FileAuditStore.open(dir.resolve("audit.jsonl"))) {
            try (AuditLog log = AuditLog.builder(store, Activity.SEALER)
                    .clock(Clock.fixed(Activity.SEALED_AT, ZoneOffset.UTC)).build()) {
                log.append(new AuditEvent.SmcResponded(q3, "resp-1", "share-1", "smc-a", ResponseKind.ACKNOWLEDGED));
                log.append(new AuditEvent.SmcResponded(q3.plusSeconds(5), "resp-1", "share-1", "smc-a",
                        ResponseKind.ACKNOWLEDGED));
                log.append(new AuditEvent.SmcResponded(q3.plusSeconds(9), "resp-2", "share-2", "smc-b",
                        ResponseKind.TOOK_INDEPENDENT_ACTION));
                log.append(new AuditEvent.SmcResponded(q3.plusSeconds(12), "resp-3", "share-3", "smc-b",
                        ResponseKind.DECLINED));
            }
            verified = AuditVerifier.builder().trustAnchor(Activity.ROOT.certificate()).sealer("fitf")
                    .clock(Clock.fixed(Activity.SEALED_AT.plusSeconds(3600), ZoneOffset.UTC)).build().verify(store);
        }

        ReportTable table = TransparencyReport.from(verified, ReportOptions.defaults().withSuppressionThreshold(1))
                .table("responses-by-kind");

        assertThat(table.columns()).containsExactly("Acknowledged", "No response", "Took independent action",
                "Declined");
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.quarter().toString()).isEqualTo("2026-Q3");
            assertThat(row.cells().stream().map(Cell::display).collect(Collectors.joining(" ")))
                    .isEqualTo("1 0 1 1");
            assertThat(row.total().display()).isEqualTo("3");
        });
    }
}

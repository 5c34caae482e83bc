package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.fmishare.audit.AuditEvent;
import org.fmishare.audit.AuditLog;
import org.fmishare.audit.FileAuditStore;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit verify} and {@code report} read the evidence and never rewrite it. */
class AuditEvidenceCliTest {
    private static final TestPki.Authority CA = TestPki.authority("audit evidence test CA", KeyAlgorithm.EC_P256,
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-12-31T00:00:00Z"));
    private static final SigningCredential SEALER = CA.issue("FITF audit sealer", KeyAlgorithm.EC_P256);
    private static final Instant T0 = Instant.parse("2026-10-01T15:00:00Z");

    @TempDir
    Path dir;

    Path log;
    Path ca;

    /** A valid log of five records sealed every two entries, ending in a checkpoint. */
    @BeforeEach
    void writeLog() throws Exception {
        log = dir.resolve("audit.log");
        ca = dir.resolve("ca.pem");
        Files.writeString(ca, Credentials.toPem(CA.certificate()));
        ComplianceSummary pass = new ComplianceSummary(Verdict.PASS, "sop-2024-02", "1.0.0",
                "sha-256:" + "a".repeat(64));
        try (FileAuditStore store = FileAuditStore.open(log);
                AuditLog audit = AuditLog.builder(store, SEALER).sealEvery(2)
                        .clock(Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC)).build()) {
            audit.append(AuditEvent.Validated.ofShare(SampleData.passingShare(), pass, List.of(), T0));
            audit.append(new AuditEvent.SendAttempted(T0.plusSeconds(1), "env-1", 1));
            audit.append(new AuditEvent.Delivered(T0.plusSeconds(2), "env-1", "sha-256:" + "b".repeat(64)));
            audit.append(new AuditEvent.SendAttempted(T0.plusSeconds(3), "env-2", 1));
            audit.seal();
        }
    }

    @Test
    void aValidLogMissingItsFinalNewlineVerifiesAndStaysByteIdentical() throws Exception {
        CliTest.Result intact = CliTest.run("audit", "verify", log.toString(), "--trust", ca.toString());
        assertThat(intact.code()).as(intact.err()).isZero();
        byte[] full = Files.readAllBytes(log);
        byte[] cut = Arrays.copyOf(full, full.length - 1);
        Files.write(log, cut);

        CliTest.Result r = CliTest.run("audit", "verify", log.toString(), "--trust", ca.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(intact.out());
        CliTest.Result report = CliTest.run("report", log.toString(), "--trust", ca.toString(), "--out",
                dir.resolve("report").toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(Files.readAllBytes(log)).isEqualTo(cut);
        assertNoDamagedCopies();
    }

    @Test
    void trailingNulBytesAreReportedWhereTheyStartAndNotCut() throws Exception {
        byte[] full = Files.readAllBytes(log);
        byte[] damaged = Arrays.copyOf(full, full.length + 100);
        Files.write(log, damaged);

        CliTest.Result r = CliTest.run("audit", "verify", log.toString(), "--trust", ca.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("audit log broken").contains("audit entry ")
                .contains("100 bytes without a line break, from byte offset " + full.length);
        assertThat(r.out()).isEmpty();
        CliTest.Result report = CliTest.run("report", log.toString(), "--trust", ca.toString(), "--out",
                dir.resolve("report").toString());
        assertThat(report.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(Files.readAllBytes(log)).isEqualTo(damaged);
        assertNoDamagedCopies();
    }

    private void assertNoDamagedCopies() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("damaged"));
        }
    }
}

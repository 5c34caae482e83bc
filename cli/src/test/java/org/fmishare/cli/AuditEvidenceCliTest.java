package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
    // The CLI verifies at the system clock, so the PKI and the seals are placed around it.
    private static final TestPki.Authority CA = TestPki.authority("audit evidence test CA");
    private static final SigningCredential SEALER = CA.issueAuditSealer("fitf", "FITF audit sealer",
            KeyAlgorithm.EC_P256);
    private static final SigningCredential RECEIPT_KEY = CA.issueReceiptSigner("smc-examplesocial",
            "ExampleSocial receipts", KeyAlgorithm.EC_P256);
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(7200);

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
        write(log, SEALER);
    }

    private static void write(Path log, SigningCredential sealer) {
        ComplianceSummary pass = new ComplianceSummary(Verdict.PASS, "sop-2024-02", "1.0.0",
                "sha-256:" + "a".repeat(64));
        try (FileAuditStore store = FileAuditStore.open(log);
                AuditLog audit = AuditLog.builder(store, sealer).sealEvery(2)
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
        CliTest.Result intact = CliTest.run("audit", "verify", log.toString(), "--signer-trust", ca.toString(), "--sealer", "fitf");
        assertThat(intact.code()).as(intact.err()).isZero();
        byte[] full = Files.readAllBytes(log);
        byte[] cut = Arrays.copyOf(full, full.length - 1);
        Files.write(log, cut);

        CliTest.Result r = CliTest.run("audit", "verify", log.toString(), "--signer-trust", ca.toString(), "--sealer", "fitf");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(intact.out());
        CliTest.Result report = CliTest.run("report", log.toString(), "--signer-trust", ca.toString(), "--sealer", "fitf", "--out",
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

        CliTest.Result r = CliTest.run("audit", "verify", log.toString(), "--signer-trust", ca.toString(), "--sealer", "fitf");
        assertThat(r.code()).as(r.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("audit log broken").contains("audit entry ")
                .contains("100 bytes without a line break, from byte offset " + full.length);
        assertThat(r.out()).isEmpty();
        CliTest.Result report = CliTest.run("report", log.toString(), "--signer-trust", ca.toString(), "--sealer", "fitf", "--out",
                dir.resolve("report").toString());
        assertThat(report.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(Files.readAllBytes(log)).isEqualTo(damaged);
        assertNoDamagedCopies();
    }

    @Test
    void aLogRewrittenAndSealedByTheCompanysReceiptKeyIsRefused() throws Exception {
        // Same records, re-hashed and re-sealed from scratch by another holder of a certificate under the CA.
        Path forged = dir.resolve("forged.log");
        write(forged, RECEIPT_KEY);
        CliTest.Result r = CliTest.run("audit", "verify", forged.toString(), "--signer-trust", ca.toString(),
                "--sealer", "fitf");
        assertThat(r.code()).as(r.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("forged.log: audit log broken: audit entry 2: sealer binding")
                .contains("lacks audit sealing");
        assertThat(r.out()).isEmpty();
        Path out = dir.resolve("forged-report");
        CliTest.Result report = CliTest.run("report", forged.toString(), "--signer-trust", ca.toString(),
                "--sealer", "fitf", "--out", out.toString());
        assertThat(report.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(report.err()).contains("sealer binding");
        assertThat(out).doesNotExist();
        // The genuine log names its sealer; a different office's id does not fit it.
        CliTest.Result otherSealer = CliTest.run("audit", "verify", log.toString(), "--signer-trust", ca.toString(),
                "--sealer", "other-office");
        assertThat(otherSealer.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(otherSealer.err()).contains("not bound to any configured sealer [other-office]");
    }

    @Test
    void anEmptyLogIsRefusedWithAClearLine() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.log"));
        CliTest.Result r = CliTest.run("audit", "verify", empty.toString(), "--signer-trust", ca.toString(),
                "--sealer", "fitf");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err().lines().findFirst().orElseThrow()).isEqualTo("fmi-share: " + empty
                + ": audit log not verified: it is empty (no record, no checkpoint); an empty log proves nothing");
        assertThat(r.out()).doesNotContain("verified:");
        Path out = dir.resolve("empty-report");
        CliTest.Result report = CliTest.run("report", empty.toString(), "--signer-trust", ca.toString(), "--sealer",
                "fitf", "--out", out.toString());
        assertThat(report.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(out).doesNotExist();
    }

    @Test
    void theOldTrustOptionIsRefusedByName() {
        CliTest.Result r = CliTest.run("audit", "verify", log.toString(), "--trust", ca.toString(), "--sealer",
                "fitf");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines().findFirst().orElseThrow()).contains("--trust was replaced by one option per purpose: --signer-trust");
    }

    private void assertNoDamagedCopies() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("damaged"));
        }
    }
}

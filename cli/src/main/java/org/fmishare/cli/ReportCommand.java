package org.fmishare.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.audit.AuditVerification;
import org.fmishare.reporting.ReportFiles;
import org.fmishare.reporting.ReportOptions;
import org.fmishare.reporting.ReportingException;
import org.fmishare.reporting.TransparencyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fmi-share report AUDIT-FILE --signer-trust CA.pem --sealer ID --out DIR}: verifies an audit log, then
 * writes the public transparency report computed from it. Nothing is written from a log that does not verify.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Verify an audit log, then write the transparency report (Markdown, HTML, CSV, chart) to "
                + "--out DIR. Counts below --threshold are withheld. Exit 1 if the log is broken.",
        footer = ExitCodes.HELP)
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "AUDIT-FILE", description = "The audit log file.")
    Path file;

    @picocli.CommandLine.Mixin
    AuditLogOptions log = new AuditLogOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write (created).")
    Path out;

    @Option(names = "--threshold", paramLabel = "K", defaultValue = "" + ReportOptions.DEFAULT_THRESHOLD,
            description = "Suppression threshold: counts below K are withheld, 1 to 1000 (default ${DEFAULT-VALUE}; "
                    + "below the default only for internal use, never for publication).")
    int threshold;

    @Option(names = "--no-response-after", paramLabel = "DAYS", description = "Count each share without a "
            + "recorded company response DAYS days after it was first sent as 'No response' (1 to 3653; needs "
            + "--as-of). Without it, 'No response' counts only companies' explicit no-response answers.")
    Optional<Integer> noResponseDays = Optional.empty();

    @Option(names = "--as-of", paramLabel = "DATE", description = "The report's date for --no-response-after: "
            + "an ISO instant (2026-12-31T00:00:00Z) or a UTC date (2026-12-31, its start). Stated in the report.")
    Optional<String> asOf = Optional.empty();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        ReportOptions options;
        try {
            options = ReportOptions.defaults().withSuppressionThreshold(threshold);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--threshold: " + e.getMessage(), e);
        }
        if (noResponseDays.isPresent() != asOf.isPresent()) {
            throw new CliException(ExitCodes.USAGE, "--no-response-after and --as-of go together: the period is "
                    + "counted as of an explicit date, never the machine's clock");
        }
        if (noResponseDays.isPresent()) {
            int days = noResponseDays.get();
            if (days < 1 || days > 3653) {
                throw new CliException(ExitCodes.USAGE, "--no-response-after must be 1 to 3653 days, was " + days);
            }
            options = options.withNoResponseAfter(Duration.ofDays(days), instant(asOf.get()));
        }
        AuditVerification verified = log.verify(file);
        o.println(verified);
        ReportFiles files;
        try {
            files = TransparencyReport.from(verified, options).writeTo(out);
        } catch (ReportingException e) {
            throw new CliException(e.isInputRejection() ? ExitCodes.UNREADABLE_INPUT : ExitCodes.IO_FAILURE,
                    out + ": " + e.getMessage(), e);
        }
        for (Path p : new Path[] {files.markdown(), files.html(), files.csv(), files.chartSvg(), files.chartPng()}) {
            o.println("wrote " + p);
        }
        return ExitCodes.OK;
    }

    private static Instant instant(String value) {
        try {
            return value.contains("T") ? Instant.parse(value)
                    : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new CliException(ExitCodes.USAGE, "--as-of must be an ISO instant such as 2026-12-31T00:00:00Z or "
                    + "a date such as 2026-12-31, was '" + value + "'", e);
        }
    }
}

package org.fmishare.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
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

    @Option(names = "--signer-trust", required = true, paramLabel = "CA.pem",
            description = "Trusted CA certificate(s) for the checkpoint signer (signer trust, as for envelopes "
                    + "and receipts).")
    Path signerTrust;

    @Option(names = "--sealer", required = true, paramLabel = "ID",
            description = "The office whose audit-sealing certificate may seal the log (repeatable while keys "
                    + "rotate). A seal by any other certificate under the CA is refused.")
    java.util.List<String> sealers;

    @Option(names = "--crl", paramLabel = "FILE", description = "Certificate revocation list(s) of the sealer's "
            + "CA (PEM or DER; repeatable); a revoked or uncovered sealer certificate breaks the log.")
    java.util.List<Path> crls = new java.util.ArrayList<>();

    @Option(names = "--senders", paramLabel = "FILE",
            description = "Sender directory binding the sealer id to a SAN URI, subject or pinned key (default: "
                    + "the certificate carries urn:fmishare:sender:<ID>).")
    Path senders;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write (created).")
    Path out;

    @Option(names = "--threshold", paramLabel = "K", defaultValue = "" + ReportOptions.DEFAULT_THRESHOLD,
            description = "Suppression threshold: counts below K are withheld, 1 to 1000 (default ${DEFAULT-VALUE}; "
                    + "below the default only for internal use, never for publication).")
    int threshold;

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
        AuditVerification verified = AuditFiles.verify(file, signerTrust, sealers, senders, crls);
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
}

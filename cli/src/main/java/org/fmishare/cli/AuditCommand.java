package org.fmishare.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fmishare.audit.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fmi-share audit verify FILE --signer-trust CA.pem --sealer ID}: checks an audit log's hash chain and signed
 * checkpoints.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit log tools.",
        subcommands = AuditCommand.Verify.class, footer = ExitCodes.HELP)
final class AuditCommand extends GroupCommand {

    /** Verifies every entry, the hash chain and the signed checkpoints; prints one line. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify an audit log file: every entry, the hash chain and the signed checkpoints, whose "
                    + "signer must chain to --signer-trust and be the --sealer's audit-sealing certificate. Prints one "
                    + "line; exit 0 valid, 1 broken or empty (the message names the entry index), 3 unreadable.",
            footer = ExitCodes.HELP)
    static final class Verify implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The audit log file.")
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

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            AuditVerification verified = AuditFiles.verify(file, signerTrust, sealers, senders, crls);
            spec.commandLine().getOut().println(verified);
            return ExitCodes.OK;
        }
    }
}

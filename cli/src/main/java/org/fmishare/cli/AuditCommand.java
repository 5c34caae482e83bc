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

        @picocli.CommandLine.Mixin
        AuditLogOptions log = new AuditLogOptions();

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            AuditVerification verified = log.verify(file);
            spec.commandLine().getOut().println(verified);
            return ExitCodes.OK;
        }
    }
}

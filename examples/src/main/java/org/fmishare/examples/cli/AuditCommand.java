package org.fmishare.examples.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fmi-share audit}: pending until the audit trail lands; exits 64 with a clear message. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "(pending: needs the audit trail)", footer = ExitCodes.HELP)
final class AuditCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> args = List.of();

    @Override
    public Integer call() {
        throw CliException.pending("audit", "the audit trail");
    }
}

package org.fmishare.examples.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fmi-share report}: pending until the transparency report lands; exits 64 with a clear message. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "(pending: needs the transparency report)", footer = ExitCodes.HELP)
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> args = List.of();

    @Override
    public Integer call() {
        throw CliException.pending("report", "the transparency report");
    }
}

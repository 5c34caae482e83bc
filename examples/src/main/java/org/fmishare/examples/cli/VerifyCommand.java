package org.fmishare.examples.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fmi-share verify}: pending until envelope verification lands; exits 64 with a clear message. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "(pending: needs envelope verification)", footer = ExitCodes.HELP)
final class VerifyCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> args = List.of();

    @Override
    public Integer call() {
        throw CliException.pending("verify", "envelope verification");
    }
}

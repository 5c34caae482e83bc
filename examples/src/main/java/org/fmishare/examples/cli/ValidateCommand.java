package org.fmishare.examples.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fmi-share validate}: pending until validateing of mandatory-disclosure messages lands; exits 64 with a clear message. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "(pending: needs validateing of mandatory-disclosure messages)", footer = ExitCodes.HELP)
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> args = List.of();

    @Override
    public Integer call() {
        throw CliException.pending("validate", "validateing of mandatory-disclosure messages");
    }
}

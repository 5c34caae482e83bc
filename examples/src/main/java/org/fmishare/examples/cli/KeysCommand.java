package org.fmishare.examples.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fmi-share keys}: pending until key and test-CA generation lands; exits 64 with a clear message. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "(pending: needs key and test-CA generation)", footer = ExitCodes.HELP)
final class KeysCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> args = List.of();

    @Override
    public Integer call() {
        throw CliException.pending("keys", "key and test-CA generation");
    }
}

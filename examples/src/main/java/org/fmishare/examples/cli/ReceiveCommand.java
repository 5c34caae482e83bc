package org.fmishare.examples.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fmi-share receive}: pending until the embeddable HTTPS receiver lands; exits 64 with a clear message. */
@Command(name = "receive", mixinStandardHelpOptions = true,
        description = "(pending: needs the embeddable HTTPS receiver)", footer = ExitCodes.HELP)
final class ReceiveCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> args = List.of();

    @Override
    public Integer call() {
        throw CliException.pending("receive", "the embeddable HTTPS receiver");
    }
}

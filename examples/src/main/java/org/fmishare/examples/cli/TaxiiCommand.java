package org.fmishare.examples.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fmi-share taxii}: pending until the TAXII 2.1 client lands; exits 64 with a clear message. */
@Command(name = "taxii", mixinStandardHelpOptions = true,
        description = "(pending: needs the TAXII 2.1 client)", footer = ExitCodes.HELP)
final class TaxiiCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> args = List.of();

    @Override
    public Integer call() {
        throw CliException.pending("taxii", "the TAXII 2.1 client");
    }
}

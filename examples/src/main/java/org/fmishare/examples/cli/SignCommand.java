package org.fmishare.examples.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fmi-share sign}: pending until signed envelopes lands; exits 64 with a clear message. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "(pending: needs signed envelopes)", footer = ExitCodes.HELP)
final class SignCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> args = List.of();

    @Override
    public Integer call() {
        throw CliException.pending("sign", "signed envelopes");
    }
}

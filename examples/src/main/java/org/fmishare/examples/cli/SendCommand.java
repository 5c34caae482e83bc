package org.fmishare.examples.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fmi-share send}: pending until the transports and durable outbox lands; exits 64 with a clear message. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "(pending: needs the transports and durable outbox)", footer = ExitCodes.HELP)
final class SendCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> args = List.of();

    @Override
    public Integer call() {
        throw CliException.pending("send", "the transports and durable outbox");
    }
}

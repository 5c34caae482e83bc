package org.fmishare.examples.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fmi-share render}: pending until rendering of mandatory-disclosure messages lands; exits 64 with a clear message. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "(pending: needs rendering of mandatory-disclosure messages)", footer = ExitCodes.HELP)
final class RenderCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> args = List.of();

    @Override
    public Integer call() {
        throw CliException.pending("render", "rendering of mandatory-disclosure messages");
    }
}

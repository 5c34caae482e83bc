package org.fmishare.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code keys}, {@code taxii}, {@code audit}): run on its own it prints its
 * usage to stderr and exits 64, like any other usage error.
 */
abstract class GroupCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}

package org.fmishare.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.fmishare.core.FmiShareException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code fmi-share} command line: every SDK capability as a scriptable command for agency systems, non-Java
 * integrators and test harnesses. Errors are one line on stderr; stack traces only with {@code --verbose}.
 */
@Command(name = "fmi-share", mixinStandardHelpOptions = true, version = "fmi-share 0.1.0-SNAPSHOT",
        description = "Share foreign-malign-influence threat information with social media companies lawfully, "
                + "verifiably and reliably.",
        footer = ExitCodes.HELP,
        subcommands = {ValidateCommand.class, RenderCommand.class, KeysCommand.class,
            SignCommand.class, ReviewCommand.class, SplitCommand.class, VerifyCommand.class, SendCommand.class,
            ReceiveCommand.class, SharesCommand.class, AmendCommand.Correct.class, AmendCommand.Retract.class,
            TaxiiCommand.class,
            RespondCommand.class, ResponsesCommand.class,
            AuditCommand.class, ReportCommand.class, OutboxCommand.class, CommandLine.HelpCommand.class})
public final class FmiShareCli implements Callable<Integer> {
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with the given output streams and returns the exit code instead of exiting, so tests
     * and embedding harnesses can drive it in-process.
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, List.of());
    }

    /**
     * Runs the command line with extra subcommands, so a distribution (such as the demo) can add commands of its
     * own without the CLI depending on it.
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @param extraCommands picocli command objects ({@code @Command}-annotated) added as subcommands
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, List<Object> extraCommands) {
        // Hibernate Validator logs through JBoss Logging; route it to SLF4J so the CLI's logger settings apply.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        FmiShareCli root = new FmiShareCli();
        CommandLine cl = new CommandLine(root);
        for (Object command : extraCommands) {
            cl.addSubcommand(command);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(FmiShareCli::exitCodeFor);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("fmi-share: " + Problems.clean(String.valueOf(ex.getMessage()))
                    + retiredTrustOption(a).map(h -> "; " + h).orElse(""));
            err.println("Try 'fmi-share " + commandPath(ex.getCommandLine()) + " --help'.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("fmi-share: " + message(ex));
            if (root.verbose) {
                ex.printStackTrace(err);
            }
            return exitCodeFor(ex);
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The old {@code --trust} meant different things per command (signer CAs, TLS server CAs, TLS client CAs); it is
     * gone rather than redefined, so a script written for it fails loudly instead of trusting the wrong thing.
     */
    private static java.util.Optional<String> retiredTrustOption(String[] args) {
        for (String a : args) {
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (name.equals("--trust") || name.equals("--receipt-trust")) {
                return java.util.Optional.of(name + " was replaced by one option per purpose: "
                        + "--signer-trust (envelope signers, receipts, audit seals), --tls-trust (servers we connect "
                        + "to) and --client-trust (TLS clients we accept); see the README's trust option table.");
            }
        }
        return java.util.Optional.empty();
    }

    static int exitCodeFor(Throwable ex) {
        if (ex instanceof CliException ce) {
            return ce.exitCode();
        }
        if (ex instanceof FmiShareException fe) {
            return fe.isInputRejection() ? ExitCodes.UNREADABLE_INPUT : ExitCodes.IO_FAILURE;
        }
        if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
            return ExitCodes.IO_FAILURE;
        }
        return ExitCodes.INTERNAL;
    }

    private static String message(Throwable ex) {
        return Problems.message(ex);
    }

    private static String commandPath(CommandLine cl) {
        String name = cl.getCommandSpec().qualifiedName(" ");
        return name.startsWith("fmi-share ") ? name.substring("fmi-share ".length()) : "";
    }
}

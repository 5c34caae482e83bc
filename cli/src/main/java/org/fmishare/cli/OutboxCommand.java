package org.fmishare.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.delivery.outbox.OutboxEntry;
import org.fmishare.delivery.outbox.OutboxException;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.delivery.outbox.OutboxStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fmi-share outbox list|show|retry}: looks into an outbox (a directory or a JDBC URL) and puts dead letters
 * back in the queue.
 */
@Command(name = "outbox", mixinStandardHelpOptions = true, description = "Inspect an outbox and retry dead letters.",
        subcommands = {OutboxCommand.ListEntries.class, OutboxCommand.Show.class, OutboxCommand.Retry.class},
        footer = ExitCodes.HELP)
final class OutboxCommand extends GroupCommand {

    /** The options every outbox subcommand shares. */
    abstract static class Base implements Callable<Integer> {
        @Option(names = "--outbox", required = true, paramLabel = "DIR|JDBC-URL",
                description = "Outbox directory (its outbox.journal) or a JDBC URL such as "
                        + "jdbc:postgresql://host/db.")
        String outbox;

        @Option(names = "--db-user", paramLabel = "USER",
                description = "Database user for a JDBC outbox (default: $" + Outboxes.USER_ENV + ").")
        Optional<String> dbUser;

        @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Database password for a JDBC "
                + "outbox (default: $" + Outboxes.PASSWORD_ENV + ", which keeps it out of the process list).")
        Optional<String> dbPassword;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (OutboxStore store = Outboxes.open(outbox, dbUser, dbPassword)) {
                return run(store, spec.commandLine().getOut());
            } catch (OutboxException.UnknownEnvelope | OutboxException.IllegalTransition e) {
                throw new CliException(ExitCodes.FAILED, e.getMessage(), e);
            } catch (OutboxException e) {
                throw new CliException(ExitCodes.IO_FAILURE, e.getMessage(), e);
            }
        }

        abstract int run(OutboxStore store, PrintWriter out);

        static String line(OutboxEntry e) {
            return e.envelopeId() + "  " + e.state() + "  " + e.destination() + "  attempts=" + e.attempts()
                    + e.lastError().map(x -> "  last error: " + x).orElse("");
        }
    }

    /** One line per entry. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the outbox's entries, one per "
            + "line: envelope id, state, destination, failed attempts, last error.", footer = ExitCodes.HELP)
    static final class ListEntries extends Base {
        @Option(names = "--state", paramLabel = "STATE", description = "Only QUEUED, DELIVERED or DEAD entries.")
        Optional<OutboxState> state;

        @Override
        int run(OutboxStore store, PrintWriter out) {
            List<OutboxState> states = state.map(List::of).orElse(List.of(OutboxState.values()));
            int n = 0;
            for (OutboxState s : states) {
                for (OutboxEntry e : store.list(s)) {
                    out.println(line(e));
                    n++;
                }
            }
            out.printf("%d entr%s%n", n, n == 1 ? "y" : "ies");
            return ExitCodes.OK;
        }
    }

    /** Every field of an envelope's deliveries. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show an envelope's outbox entries in "
            + "full, one per destination it was sent to (or only the one for --to).", footer = ExitCodes.HELP)
    static final class Show extends Base {
        @Parameters(index = "0", paramLabel = "ID", description = "The envelope id (or one delivery's id, as shown "
                + "by this command).")
        String id;

        @Option(names = "--to", paramLabel = "URI", description = "Only the delivery to this destination.")
        Optional<URI> to;

        @Override
        int run(OutboxStore store, PrintWriter out) {
            List<OutboxEntry> entries = deliveries(store, id, to);
            for (int i = 0; i < entries.size(); i++) {
                OutboxEntry e = entries.get(i);
                if (i > 0) {
                    out.println();
                }
                out.println("envelope:     " + e.envelopeId());
                out.println("delivery:     " + e.deliveryId());
                out.println("state:        " + e.state());
                out.println("destination:  " + e.destination());
                out.println("recipient:    " + e.recipientId());
                out.println("digest:       " + e.digest());
                out.println("enqueued:     " + e.enqueuedAt());
                out.println("expires:      " + e.expiresAt());
                out.println("attempts:     " + e.attempts() + " failed");
                if (e.state() == OutboxState.QUEUED) {
                    out.println("next attempt: " + e.nextAttemptAt());
                }
                e.finishedAt().ifPresent(t -> out.println("finished:     " + t));
                e.lastError().ifPresent(x -> out.println("last error:   " + x));
                out.println("envelope size: " + e.envelopeSize() + " bytes; receipt: " + e.receipt().length
                        + " bytes");
            }
            return ExitCodes.OK;
        }
    }

    /** Dead letters back to the queue. */
    @Command(name = "retry", mixinStandardHelpOptions = true, description = "Put an envelope's dead-lettered "
            + "deliveries (every destination where it is dead, or only --to) back in the queue with a fresh attempt "
            + "budget; the next 'send' from this outbox (or a dispatcher sharing it) delivers them. Exit 1 if the "
            + "envelope is unknown or dead nowhere.", footer = ExitCodes.HELP)
    static final class Retry extends Base {
        @Parameters(index = "0", paramLabel = "ID", description = "The envelope id (or one delivery's id).")
        String id;

        @Option(names = "--to", paramLabel = "URI", description = "Only the delivery to this destination.")
        Optional<URI> to;

        @Override
        int run(OutboxStore store, PrintWriter out) {
            List<OutboxEntry> entries = deliveries(store, id, to);
            List<OutboxEntry> dead = entries.stream().filter(e -> e.state() == OutboxState.DEAD).toList();
            if (dead.isEmpty()) {
                throw new OutboxException.IllegalTransition(id, entries.get(0).state(), "replayed");
            }
            for (OutboxEntry e : dead) {
                store.replay(e.deliveryId(), Instant.now());
                out.println("queued again: " + line(store.find(e.deliveryId()).orElseThrow()));
            }
            return ExitCodes.OK;
        }
    }

    /** The deliveries an id names: an envelope's (all, or the one to {@code to}), or one delivery by its own id. */
    static List<OutboxEntry> deliveries(OutboxStore store, String id, Optional<URI> to) {
        List<OutboxEntry> entries = store.deliveriesOf(id);
        if (entries.isEmpty()) {
            entries = store.find(id).map(List::of).orElse(List.of());
        }
        List<OutboxEntry> chosen = to.isEmpty() ? entries
                : entries.stream().filter(e -> e.destination().equals(to.get().toString())).toList();
        if (chosen.isEmpty()) {
            throw new OutboxException.UnknownEnvelope(id + to.map(u -> " to " + u).orElse(""));
        }
        return chosen;
    }
}

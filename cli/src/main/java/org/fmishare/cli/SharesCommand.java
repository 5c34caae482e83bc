package org.fmishare.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.ShareState;
import org.fmishare.core.envelope.ShareStates;
import org.fmishare.core.envelope.ShareStatus;
import org.fmishare.core.json.FmiJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fmi-share shares FILE}: the company's view of the shares a receiver kept with {@code receive
 * --share-states FILE}, each in its current state (active, corrected, retracted). Reads the file without opening it
 * for writing, so it can run beside the receiver.
 */
@Command(name = "shares", mixinStandardHelpOptions = true,
        description = {"List the shares a receiver recorded with 'receive --share-states FILE', one line per share: "
                + "sender/share id, state (ACTIVE, CORRECTED or RETRACTED), recipient, when it last changed and "
                + "the amendment envelope that changed it. Reads the file only; the receiver may be running.",
            "Exit 0, or 1 when --share names a share the file does not hold."},
        footer = ExitCodes.HELP)
final class SharesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The share states file (receive --share-states).")
    Path file;

    @Option(names = "--share", paramLabel = "ID", description = "Only this share id.")
    Optional<String> share = Optional.empty();

    @Option(names = "--state", paramLabel = "STATE", description = "Only shares in this state: ACTIVE, CORRECTED or "
            + "RETRACTED.")
    Optional<ShareState> state = Optional.empty();

    @Option(names = "--json", description = "One JSON object per line (the full status, with the reason of the last "
            + "amendment).")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, file + ": " + (Files.exists(file)
                    ? "not a regular file" : "no such file") + " (a share states file from receive --share-states)");
        }
        List<ShareStatus> all;
        try {
            all = ShareStates.read(file);
        } catch (EnvelopeException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, e.getMessage(), e);
        }
        List<ShareStatus> shown = all.stream().filter(s -> share.map(s.shareId()::equals).orElse(true))
                .filter(s -> state.map(st -> st == s.state()).orElse(true)).toList();
        for (ShareStatus s : shown) {
            if (json) {
                o.println(new String(FmiJson.standard().write(s), StandardCharsets.UTF_8));
            } else {
                o.printf("%s/%s %s to %s since %s%s%n", s.senderId(), s.shareId(), s.state(), s.recipientId(),
                        s.updatedAt(), s.lastAmendment().map(a -> " by amendment envelope " + a.envelopeId())
                                .orElse(""));
            }
        }
        if (share.isPresent() && shown.isEmpty() && all.stream().noneMatch(s -> s.shareId().equals(share.get()))) {
            throw new CliException(ExitCodes.FAILED, file + ": no share '" + share.get() + "' recorded");
        }
        return ExitCodes.OK;
    }
}

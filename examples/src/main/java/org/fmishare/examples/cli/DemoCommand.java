package org.fmishare.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.core.sample.SampleData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fmi-share demo}: the end-to-end flow on embedded defaults, printing each step. Every capability that has
 * landed in this build takes part; nothing needs an external server.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the end-to-end flow on embedded defaults (no external server).",
        footer = ExitCodes.HELP)
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "Keep every artifact the demo makes in DIR.")
    Optional<Path> out = Optional.empty();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private int step;
    private static final int STEPS = 3;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        if (out.isPresent()) {
            Files.createDirectories(out.get());
        }
        FmiJson json = FmiJson.standard();

        progress(o, "Building the sample share (fictional actor, 3 accounts, 4 facts)");
        ThreatShare share = SampleData.passingShare();
        o.printf("      share %s from %s to %s%n", share.id(), share.sendingOffice().name(), share.recipient().name());

        progress(o, "Checking its structure: strict JSON round trip through the model's constraints");
        byte[] bytes = json.write(share);
        ThreatShare back = json.read(bytes, ThreatShare.class);
        if (!back.equals(share)) {
            throw new CliException(ExitCodes.INTERNAL, "the share did not survive a JSON round trip");
        }
        o.printf("      structure ok: %d bytes of JSON, %d accounts, %d facts%n", bytes.length,
                back.accounts().size(), back.facts().size());

        progress(o, "Printing the share's JSON");
        String pretty = json.writePretty(share);
        o.println(pretty);
        if (out.isPresent()) {
            Files.writeString(out.get().resolve("share.json"), pretty);
        }

        o.println();
        o.printf("Demo complete: %d of %d steps succeeded.%s%n", step, STEPS,
                out.map(d -> " Artifacts in " + d.toAbsolutePath() + ".").orElse(""));
        return ExitCodes.OK;
    }

    private void progress(PrintWriter o, String what) {
        step++;
        o.printf("[%d/%d] %s%n", step, STEPS, what);
        o.flush();
    }
}

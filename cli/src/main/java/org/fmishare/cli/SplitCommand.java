package org.fmishare.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.json.JsonCodecException;
import org.fmishare.core.model.IntelligenceFinding;
import org.fmishare.core.model.PlatformAccount;
import org.fmishare.sop.FanOut;
import org.fmishare.sop.Preparer;
import org.fmishare.sop.ReportRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fmi-share split FINDING.json --out DIR}: splits an intelligence finding into one share per company hosting
 * its accounts ({@link FanOut}), writes each share, and with {@code --key} validates and signs each on its own.
 * Companies that receive nothing (declined, not opted in, hosting none of the accounts) and accounts no listed
 * company hosts are listed, never sent.
 */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = {"Split an intelligence finding into one share per company hosting its accounts, each with only "
                + "that company's accounts and the facts that concern them; with --key, validate and sign each "
                + "on its own. Exit 0 when every share was written (and signed), 1 when the SOP refused one.",
            "Writes DIR/<share-id>.json, and with --key DIR/<share-id>.jws.json."}, footer = ExitCodes.HELP)
final class SplitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FINDING", description = "The finding (JSON), or - for standard input.")
    String file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the shares and "
            + "envelopes (created if needed).")
    Path out;

    @Option(names = "--key", paramLabel = "P12", description = "Sender's PKCS#12 keystore: validate and sign each "
            + "share (without it the shares are only written).")
    Optional<Path> key = Optional.empty();

    @Option(names = "--password", paramLabel = "P",
            description = "Keystore password (else the environment variable " + Secrets.PASSWORD_ENV + ").")
    Optional<String> password = Optional.empty();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        IntelligenceFinding finding;
        try {
            finding = FmiJson.standard().read(Documents.readBytes(file, System.in), IntelligenceFinding.class);
        } catch (JsonCodecException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, file + ": " + e.getMessage(), e);
        }
        Optional<Preparer> preparer = key.map(k -> Preparer.builder(EnvelopeSigner.builder(
                Secrets.credential(k, Secrets.password(password)), finding.sendingOffice().id()).build()).build());
        FanOut.Plan plan = FanOut.plan(finding);
        Files.createDirectories(out);
        int refused = 0;
        for (FanOut.CompanyShare planned : plan.shares()) {
            var share = planned.share();
            Path shareFile = out.resolve(share.id() + ".json");
            Files.writeString(shareFile, FmiJson.standard().writePretty(share));
            o.printf("share %s for %s: %d account(s), %d fact(s)%s: %s%n", share.id(), share.recipient().id(),
                    share.accounts().size(), share.facts().size(), planned.withheldFactIds().isEmpty() ? ""
                            : "; withheld (about other companies' accounts): "
                            + String.join(", ", planned.withheldFactIds()), shareFile);
            if (preparer.isEmpty()) {
                continue;
            }
            Preparer.Outcome outcome = preparer.get().prepare(share);
            if (outcome instanceof Preparer.Signed signed) {
                Path envelopeFile = out.resolve(share.id() + ".jws.json");
                Files.write(envelopeFile, signed.envelope().serialized());
                o.printf("  signed %s %s under %s %s: %s%n", signed.envelope().kind(),
                        signed.envelope().envelopeId(), signed.report().ruleSetId(),
                        signed.report().ruleSetVersion(), envelopeFile);
            } else {
                refused++;
                err.println(ReportRenderer.text(outcome.report()));
                o.printf("  refused: SOP verdict is %s (%s); nothing signed for %s%n", outcome.report().verdict(),
                        String.join(", ", outcome.report().failedRuleIds()), share.recipient().id());
            }
        }
        for (FanOut.Skipped s : plan.skipped()) {
            o.printf("skipped %s (%s): %d account(s) not shared%n", s.company().id(), s.reason(), s.accounts());
        }
        for (PlatformAccount a : plan.unhosted()) {
            o.printf("unhosted %s: no listed company hosts %s; not shared%n", a.ref(), a.platform());
        }
        o.printf("%d share(s) from finding %s, %d company(ies) skipped, %d account(s) unhosted%n",
                plan.shares().size(), finding.id(), plan.skipped().size(), plan.unhosted().size());
        if (refused > 0) {
            throw new CliException(ExitCodes.FAILED, refused + " of " + plan.shares().size()
                    + " share(s) refused by the SOP; the others are signed in " + out);
        }
        return ExitCodes.OK;
    }
}

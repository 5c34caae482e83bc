package org.fmishare.cli;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.core.FmiShareException;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.Meeting;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.sop.ComplianceReport;
import org.fmishare.sop.Preparer;
import org.fmishare.sop.ReportRenderer;
import org.fmishare.sop.RuleSet;
import org.fmishare.sop.RuleSetIoException;
import org.fmishare.sop.RuleSets;
import org.fmishare.sop.SopValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code fmi-share validate FILE...}: checks shares, meetings and briefings against the SOP rule set in force on
 * their date (the highest bundled version in force), a bundled version pinned with {@code --rule-set ID@VERSION},
 * or a document given with {@code --rules FILE}. The report names the rule set and version it used. A share is checked in full, as {@link Preparer} checks it before signing:
 * including the mandatory disclosures of the message the SDK would send, or, with {@code --message}, of a message
 * written or edited outside the SDK. Every file is reported; a file that cannot be read or judged is named in its
 * error and never hides the others.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check shares, meetings and briefings against the SOP. Every file is reported, each error "
                + "names its file. Exit 0 PASS, 1 FAIL, 2 NEEDS_REVIEW, 3 unreadable or invalid input (the worst "
                + "result across all files).",
            "With --message FILE, one share is checked with that message (plain text or HTML, exactly as the "
                + "company will read it) instead of the one the SDK renders: its mandatory disclosures and the "
                + "coercion linter apply to that text."},
        footer = ExitCodes.HELP)
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Documents (JSON), or - for standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object per file and line: {\"file\", \"verdict\", "
            + "\"report\"}, or {\"file\", \"error\", \"exitCode\"} for a file that could not be judged.")
    boolean json;

    @Option(names = "--rules", paramLabel = "FILE", description = "Use this rule set instead of the one in force.")
    Optional<Path> rules = Optional.empty();

    @Option(names = "--rule-set", paramLabel = "ID@VERSION", description = "Use this bundled rule set version "
            + "instead of the one in force on each document's date, for example sop-2024-02@1.0.0 (bundled: "
            + "sop-2024-02@1.0.0, sop-2024-02@1.1.0).")
    Optional<String> ruleSet = Optional.empty();

    @Option(names = "--message", paramLabel = "FILE", description = "The message as the company will read it "
            + "(UTF-8 plain text or HTML), written or edited outside the SDK; needs exactly one share FILE.")
    Optional<String> message = Optional.empty();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (message.isPresent() && files.size() != 1) {
            throw new CliException(ExitCodes.USAGE, "--message goes with exactly one share FILE, got "
                    + files.size() + " files");
        }
        if (rules.isPresent() && ruleSet.isPresent()) {
            throw new CliException(ExitCodes.USAGE, "--rules and --rule-set each choose the rule set; give one");
        }
        SopValidator validator = rules.map(p -> SopValidator.standard().withRuleSet(loadRules(p)))
                .or(() -> ruleSet.map(v -> SopValidator.standard().withRuleSet(bundled(v))))
                .orElse(SopValidator.standard());
        int worst = ExitCodes.OK;
        for (String file : files) {
            ComplianceReport report;
            try {
                report = check(validator, Documents.read(file, System.in), message);
            } catch (CliException e) {
                if (!SEVERITY.contains(e.exitCode())) {
                    throw e;
                }
                worst = worse(worst, e.exitCode());
                problem(out, err, file, Problems.clean(e.getMessage()), e.exitCode());
                continue;
            } catch (FmiShareException e) {
                if (!e.isInputRejection()) {
                    throw e;
                }
                // Judging failed on this file's content (no rule set in force on its date): name the file, go on.
                worst = worse(worst, ExitCodes.UNREADABLE_INPUT);
                problem(out, err, file, file + ": " + Problems.clean(e.getMessage()), ExitCodes.UNREADABLE_INPUT);
                continue;
            }
            if (json) {
                ObjectNode line = FmiJson.standard().mapper().createObjectNode();
                line.put("file", file);
                message.ifPresent(m -> line.put("message", m));
                line.put("verdict", report.verdict().name());
                line.set("report", FmiJson.standard().mapper().readTree(ReportRenderer.json(report)));
                out.println(FmiJson.standard().mapper().writeValueAsString(line));
            } else {
                out.println("== " + file + message.map(m -> " with message " + m).orElse(""));
                out.println(ReportRenderer.text(report));
            }
            worst = worse(worst, code(report.verdict()));
        }
        return worst;
    }

    /** The error goes to stderr; with --json also to stdout, so a reader of the JSON lines sees every file. */
    private void problem(PrintWriter out, PrintWriter err, String file, String text, int exitCode) {
        err.println("fmi-share: " + text);
        if (json) {
            ObjectNode line = FmiJson.standard().mapper().createObjectNode();
            line.put("file", file);
            line.put("error", text);
            line.put("exitCode", exitCode);
            out.println(FmiJson.standard().mapper().writeValueAsString(line));
        }
    }

    /** A bundled version by {@code id@version}; anything else is a usage error naming the versions there are. */
    private static RuleSet bundled(String idAtVersion) {
        RuleSets known = RuleSets.standard();
        String listed = known.all().stream().map(r -> r.id() + "@" + r.version())
                .collect(java.util.stream.Collectors.joining(", "));
        int at = idAtVersion.indexOf('@');
        if (at <= 0 || at == idAtVersion.length() - 1) {
            throw new CliException(ExitCodes.USAGE, "--rule-set must be ID@VERSION, for example sop-2024-02@1.0.0; "
                    + "was '" + idAtVersion + "' (bundled: " + listed + ")");
        }
        return known.find(idAtVersion.substring(0, at), idAtVersion.substring(at + 1))
                .orElseThrow(() -> new CliException(ExitCodes.USAGE, "--rule-set " + idAtVersion
                        + ": no such bundled rule set version (bundled: " + listed + ")"));
    }

    /** A rule set that cannot be read is bad input named by its option, like any other unreadable file. */
    private static RuleSet loadRules(Path p) {
        try {
            return RuleSet.load(p);
        } catch (RuleSetIoException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, "--rules " + p + ": cannot read: "
                    + Problems.reason(e.getCause() == null ? e : e.getCause()), e);
        }
    }

    private static ComplianceReport check(SopValidator validator, Documents.Document doc,
            Optional<String> messageFile) {
        if (messageFile.isPresent()) {
            if (doc.kind() != Documents.Kind.SHARE) {
                throw new CliException(ExitCodes.USAGE, "--message goes with a share; " + doc.source() + " is a "
                        + doc.kind().name().toLowerCase(java.util.Locale.ROOT));
            }
            return validator.validate(doc.share(), readText(messageFile.get()));
        }
        return switch (doc.kind()) {
            case SHARE -> Preparer.report(doc.share(), validator, DisclosureRenderer.standard());
            case MEETING -> validator.validate((Meeting) doc.value());
            case BRIEFING -> validator.validate((Briefing) doc.value());
        };
    }

    /** The message exactly as written: strict UTF-8, so no byte the company would see is guessed at. */
    private static String readText(String file) {
        byte[] bytes = Documents.readBytes(file, System.in);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, "--message " + file + ": " + Problems.reason(e), e);
        }
    }

    static int code(Verdict verdict) {
        return switch (verdict) {
            case PASS -> ExitCodes.OK;
            case FAIL -> ExitCodes.FAILED;
            case NEEDS_REVIEW -> ExitCodes.NEEDS_REVIEW;
        };
    }

    /** Unreadable input outranks FAIL, which outranks NEEDS_REVIEW, which outranks PASS. */
    private static final List<Integer> SEVERITY = List.of(ExitCodes.OK, ExitCodes.NEEDS_REVIEW, ExitCodes.FAILED,
            ExitCodes.UNREADABLE_INPUT);

    private static int worse(int a, int b) {
        return SEVERITY.indexOf(a) >= SEVERITY.indexOf(b) ? a : b;
    }
}

package org.fmishare.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.Meeting;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.disclosure.Format;
import org.fmishare.sop.ComplianceReport;
import org.fmishare.sop.ReportRenderer;
import org.fmishare.sop.RuleSet;
import org.fmishare.sop.RuleSetIoException;
import org.fmishare.sop.SopValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fmi-share validate FILE...}: checks shares, meetings and briefings against the SOP rule set in force on
 * their date (or {@code --rules FILE}). A share is checked in full, including its mandatory disclosures in the
 * message the SDK would send (rendered with the standard templates).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check shares, meetings and briefings against the SOP. Exit 0 PASS, 1 FAIL, 2 NEEDS_REVIEW, "
                + "3 unreadable input (the worst result across all files).", footer = ExitCodes.HELP)
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Documents (JSON), or - for standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = "--json", description = "Print each report as JSON (one document per line).")
    boolean json;

    @Option(names = "--rules", paramLabel = "FILE", description = "Use this rule set instead of the one in force.")
    Optional<Path> rules = Optional.empty();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SopValidator validator = rules.map(p -> SopValidator.standard().withRuleSet(loadRules(p)))
                .orElse(SopValidator.standard());
        int worst = ExitCodes.OK;
        for (String file : files) {
            ComplianceReport report;
            try {
                report = check(validator, Documents.read(file, System.in));
            } catch (CliException e) {
                err.println("fmi-share: " + Problems.clean(e.getMessage()));
                worst = ExitCodes.UNREADABLE_INPUT;
                continue;
            }
            if (json) {
                out.println(ReportRenderer.canonicalJson(report));
            } else {
                out.println("== " + file);
                out.println(ReportRenderer.text(report));
            }
            worst = worse(worst, code(report.verdict()));
        }
        return worst;
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

    static ComplianceReport check(SopValidator validator, Documents.Document doc) {
        return switch (doc.kind()) {
            case SHARE -> validator.validate(doc.share(),
                    DisclosureRenderer.standard().renderShare(doc.share(), Format.TEXT).body());
            case MEETING -> validator.validate((Meeting) doc.value());
            case BRIEFING -> validator.validate((Briefing) doc.value());
        };
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

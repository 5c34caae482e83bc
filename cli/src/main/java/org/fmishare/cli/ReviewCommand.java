package org.fmishare.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.core.compliance.ReviewApproval;
import org.fmishare.core.compliance.ReviewDecision;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.ReviewSigner;
import org.fmishare.core.jose.KeyPurposes;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.Meeting;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.sop.ComplianceReport;
import org.fmishare.sop.Preparer;
import org.fmishare.sop.ReviewException;
import org.fmishare.sop.Reviews;
import org.fmishare.sop.SopValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code fmi-share review FILE --key P12 --decide ID=approve:REASON ... -o OUT}: a reviewer's signed decision on the
 * REVIEW findings of a NEEDS_REVIEW share (or meeting notice, briefing summary), for {@code sign --approval OUT}.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Record a reviewer's signed decision on the REVIEW findings of a NEEDS_REVIEW share, meeting "
                + "notice or briefing summary, for 'sign --approval'. The document is validated as 'sign' validates "
                + "it; every REVIEW finding needs a decision with a written reason; ERROR findings and FAIL reports "
                + "can never be approved. The decision is bound to the document's content and the report's digest: "
                + "any later edit voids it.",
            "Name a finding by its id (validate and sign print it: 'finding id: RULE@PATH#START-END') or by its rule "
                + "id (every REVIEW finding of that rule)."},
        footer = ExitCodes.HELP)
final class ReviewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The document (JSON) as it will be signed, or - for "
            + "standard input.")
    String file;

    @Option(names = "--key", required = true, paramLabel = "P12", description = "The reviewer's PKCS#12 keystore "
            + "(review-approval purpose; keys init writes reviewer.p12).")
    Path key;

    @Option(names = "--password", paramLabel = "P",
            description = "Keystore password (else the environment variable " + Secrets.PASSWORD_ENV + ").")
    Optional<String> password = Optional.empty();

    @Option(names = "--reviewer-id", paramLabel = "ID", description = "The reviewer id the certificate is bound to "
            + "(default: from its subjectAltName URI urn:fmishare:sender:<id>).")
    Optional<String> reviewerId = Optional.empty();

    @Option(names = "--decide", paramLabel = "ID=approve:REASON|ID=reject:REASON", description = "A decision: a "
            + "finding id or rule id, then approve or reject and the written reason (repeatable).")
    List<String> decide = new ArrayList<>();

    @Option(names = "--decisions", paramLabel = "FILE", description = "Decisions, one ID=approve:REASON or "
            + "ID=reject:REASON per line (blank lines and lines starting with # are ignored), for scripts.")
    Optional<Path> decisions = Optional.empty();

    @Option(names = "--report", paramLabel = "REPORT.json", description = "The report the reviewer read (validate "
            + "--json, or the report JSON): refused unless it is the report of FILE as it is now.")
    Optional<Path> report = Optional.empty();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "Decision file to write (the "
            + "signed decision, a compact JWS).")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        Map<String, Reviews.Choice> choices = new LinkedHashMap<>();
        for (String d : decide) {
            parse(d, "--decide", choices);
        }
        if (decisions.isPresent()) {
            List<String> lines;
            try {
                lines = Files.readAllLines(decisions.get(), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new CliException(ExitCodes.UNREADABLE_INPUT, decisions.get() + ": no such file");
            } catch (IOException e) {
                throw new CliException(ExitCodes.UNREADABLE_INPUT, decisions.get() + ": cannot read: "
                        + Problems.reason(e), e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    parse(l, decisions.get() + " line " + (i + 1), choices);
                }
            }
        }
        if (choices.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "no decisions: give --decide ID=approve:REASON (or "
                    + "ID=reject:REASON) for every REVIEW finding, or --decisions FILE");
        }
        Documents.Document doc = Documents.read(file, System.in);
        EnvelopeBody.Subject subject;
        ComplianceReport r;
        switch (doc.kind()) {
            case SHARE -> {
                subject = new EnvelopeBody.Share(doc.share());
                r = Preparer.report(doc.share(), SopValidator.standard(), DisclosureRenderer.standard());
            }
            case MEETING -> {
                Meeting meeting = (Meeting) doc.value();
                if (meeting.companies().size() != 1) {
                    throw new CliException(ExitCodes.FAILED, "a meeting notice goes to exactly one company");
                }
                subject = new EnvelopeBody.MeetingNotice(meeting, meeting.companies().get(0).id());
                r = SopValidator.standard().validate(meeting);
            }
            case BRIEFING -> {
                Briefing briefing = (Briefing) doc.value();
                subject = new EnvelopeBody.BriefingSummary(briefing, briefing.briefingCompany().id());
                r = SopValidator.standard().validate(briefing);
            }
            default -> throw new IllegalStateException(doc.kind().toString());
        }
        if (report.isPresent()) {
            String read = reportDigest(report.get());
            if (!read.equals(r.digest())) {
                throw new CliException(ExitCodes.FAILED, report.get() + ": report digest " + read + " is not the "
                        + "digest of " + file + "'s report as it is now (" + r.digest() + "): the document or the "
                        + "rules changed since; validate again and review the new report");
            }
        }
        SigningCredential credential = Secrets.credential(key, Secrets.password(password));
        ReviewSigner signer;
        try {
            signer = ReviewSigner.of(credential);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, "--key " + key + ": " + e.getMessage(), e);
        }
        String reviewer = reviewerId.orElseGet(() -> reviewerIdOf(credential));
        ReviewDecision decision;
        try {
            decision = Reviews.decide(subject, r, choices, reviewer, Instant.now());
        } catch (ReviewException e) {
            throw new CliException(ExitCodes.FAILED, file + ": cannot review: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        ReviewApproval approval = signer.sign(decision);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, approval.decision() + "\n", StandardCharsets.US_ASCII);
        int rejected = decision.rejected().size();
        o.printf("review of %s %s by %s: %d finding(s) approved, %d rejected; report %s: %s%n", r.subjectKind(),
                r.subjectId(), reviewer, decision.findings().size() - rejected, rejected, r.digest(), out);
        o.println(rejected == 0 ? "sign it with: sign " + file + " --approval " + out
                : "rejected findings stand: the document cannot be signed with this decision");
        return ExitCodes.OK;
    }

    private static void parse(String d, String where, Map<String, Reviews.Choice> choices) {
        int eq = d.indexOf('=');
        int colon = eq < 0 ? -1 : d.indexOf(':', eq);
        String verb = colon < 0 ? "" : d.substring(eq + 1, colon).strip();
        if (eq <= 0 || colon < 0 || !(verb.equals("approve") || verb.equals("reject"))) {
            throw new CliException(ExitCodes.USAGE, where + ": '" + d + "' must be ID=approve:REASON or "
                    + "ID=reject:REASON");
        }
        String selector = d.substring(0, eq).strip();
        String reason = d.substring(colon + 1).strip();
        if (reason.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, where + ": '" + selector + "' has no reason: every decision "
                    + "needs a written reason");
        }
        if (choices.containsKey(selector)) {
            throw new CliException(ExitCodes.USAGE, where + ": '" + selector + "' is decided twice");
        }
        choices.put(selector, verb.equals("approve") ? Reviews.Choice.approve(reason) : Reviews.Choice.reject(reason));
    }

    private String reviewerIdOf(SigningCredential credential) {
        List<String> ids = KeyPurposes.sanUris(credential.certificate()).stream()
                .filter(u -> u.startsWith(KeyPurposes.SENDER_URI_PREFIX))
                .map(u -> u.substring(KeyPurposes.SENDER_URI_PREFIX.length())).toList();
        if (ids.size() != 1) {
            throw new CliException(ExitCodes.USAGE, "--key " + key + ": the certificate names " + ids.size()
                    + " party ids; give --reviewer-id");
        }
        return ids.get(0);
    }

    private static String reportDigest(Path p) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, p + ": no such file");
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, p + ": cannot read: " + Problems.reason(e), e);
        }
        JsonNode n;
        try {
            n = FmiJson.standard().mapper().readTree(bytes);
        } catch (tools.jackson.core.JacksonException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, p + ": not a JSON report: " + e.getOriginalMessage(),
                    e);
        }
        // validate --json prints {"file", "verdict", "report": {...}}; the report alone has its digest on top.
        JsonNode r = n != null && n.has("report") ? n.get("report") : n;
        if (r == null || !r.isObject() || !r.has("digest") || !r.get("digest").isString()) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, p + ": not a compliance report (no string 'digest')");
        }
        return r.get("digest").stringValue();
    }
}

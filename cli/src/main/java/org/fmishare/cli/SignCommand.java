package org.fmishare.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.compliance.ReviewApproval;
import org.fmishare.core.envelope.EnvelopeAlgorithm;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.ReviewerTrust;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.model.Briefing;
import org.fmishare.core.model.Meeting;
import org.fmishare.sop.ComplianceReport;
import org.fmishare.sop.ReportRenderer;
import org.fmishare.sop.Preparer;
import org.fmishare.sop.ReviewException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fmi-share sign FILE}: validates a share (or meeting notice, briefing summary) against the SOP, refuses to
 * sign unless it passes (or a trusted reviewer's {@code --approval} covers every REVIEW finding of a NEEDS_REVIEW
 * report), and writes the signed envelope (JWS JSON) carrying its disclosures and compliance summary.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Validate, then sign a share, meeting notice or briefing summary into an envelope. Refuses "
                + "unless the SOP verdict is PASS (exit 1 for FAIL), or NEEDS_REVIEW with a reviewer's approval "
                + "(--approval) covering every REVIEW finding (exit 2 without one).", footer = ExitCodes.HELP)
final class SignCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The document (JSON), or - for standard input.")
    String file;

    @Option(names = "--key", required = true, paramLabel = "P12", description = "Sender's PKCS#12 keystore.")
    Path key;

    @Option(names = "--password", paramLabel = "P",
            description = "Keystore password (else the environment variable " + Secrets.PASSWORD_ENV + ").")
    Optional<String> password = Optional.empty();

    @Option(names = "--alg", paramLabel = "ES256|ES384|EdDSA|PS256",
            description = "Signature algorithm; must suit the key (default: the key's natural algorithm).")
    Optional<String> alg = Optional.empty();

    @Option(names = "--encrypt-to", paramLabel = "CERT", description = "Encrypt the signed envelope to this "
            + "recipient certificate (PEM): JWE ECDH-ES+A256KW or RSA-OAEP-256 with A256GCM.")
    Optional<Path> encryptTo = Optional.empty();

    @Option(names = "--cms", description = "Also write the detached CMS signature to OUT.p7s.")
    boolean cms;

    @Option(names = "--approval", paramLabel = "FILE", description = "A reviewer's decision file (written by "
            + "'review') approving every REVIEW finding of a NEEDS_REVIEW document; needs --reviewer-trust and "
            + "--reviewers, against which it is verified before signing. The envelope carries it.")
    Optional<Path> approval = Optional.empty();

    @picocli.CommandLine.Mixin
    ReviewerTrustOptions reviewerTrust = new ReviewerTrustOptions();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "Envelope file to write.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ReviewerTrust> trust = reviewerTrust.read(java.util.List.of());
        if (approval.isPresent() && trust.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "--approval needs --reviewer-trust CA.pem and --reviewers FILE: "
                    + "the approval is verified before signing, as receivers will verify it");
        }
        Optional<ReviewApproval> approved = approval.map(SignCommand::readApproval);
        Documents.Document doc = Documents.read(file, System.in);
        SigningCredential credential = Secrets.credential(key, Secrets.password(password));
        EnvelopeSigner.Builder builder = EnvelopeSigner.builder(credential, senderId(doc));
        trust.ifPresent(builder::reviewerTrust);
        alg.ifPresent(a -> builder.algorithm(EnvelopeAlgorithm.fromJwsName(a).orElseThrow(() ->
                new CliException(ExitCodes.USAGE, "--alg must be ES256, ES384, EdDSA or PS256, was '" + a + "'"))));
        EnvelopeSigner signer;
        try {
            signer = builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        Preparer preparer = Preparer.builder(signer).build();
        Preparer.Outcome outcome;
        try {
            outcome = switch (doc.kind()) {
                case SHARE -> approved.isPresent() ? preparer.prepare(doc.share(), approved.get())
                        : preparer.prepare(doc.share());
                case MEETING -> {
                    Meeting meeting = (Meeting) doc.value();
                    if (meeting.companies().size() != 1) {
                        throw new CliException(ExitCodes.FAILED, "a meeting notice goes to exactly one company");
                    }
                    String to = meeting.companies().get(0).id();
                    yield approved.isPresent() ? preparer.prepare(meeting, to, approved.get())
                            : preparer.prepare(meeting, to);
                }
                case BRIEFING -> {
                    Briefing briefing = (Briefing) doc.value();
                    String to = briefing.briefingCompany().id();
                    yield approved.isPresent() ? preparer.prepare(briefing, to, approved.get())
                            : preparer.prepare(briefing, to);
                }
                default -> throw new IllegalStateException(doc.kind().toString());
            };
        } catch (ReviewException e) {
            throw new CliException(ExitCodes.FAILED, "refusing to sign: the approval " + approval.orElseThrow()
                    + " does not fit " + file + "'s report: " + e.getMessage(), e);
        } catch (EnvelopeException e) {
            if (e.check() != EnvelopeException.Check.REVIEW) {
                throw e;
            }
            throw new CliException(ExitCodes.FAILED, "refusing to sign: the approval " + approval.orElseThrow()
                    + " is not valid for " + file + ": " + e.getMessage(), e);
        }
        ComplianceReport report = outcome.report();
        if (!(outcome instanceof Preparer.Signed signed)) {
            err.println(ReportRenderer.text(report));
            throw new CliException(report.verdict() == Verdict.FAIL ? ExitCodes.FAILED : ExitCodes.NEEDS_REVIEW,
                    "refusing to sign: SOP verdict is " + report.verdict() + " (" + String.join(", ",
                            report.failedRuleIds()) + ")" + (report.verdict() == Verdict.NEEDS_REVIEW
                            ? "; a reviewer's approval is required: 'review', then 'sign --approval FILE'" : ""));
        }
        SignedEnvelope envelope = signed.envelope();
        OutboundEnvelope written = envelope;
        if (encryptTo.isPresent()) {
            X509Certificate cert = Secrets.certificates(encryptTo.get()).get(0);
            try {
                written = envelope.encryptFor(cert);
            } catch (IllegalArgumentException e) {
                // A certificate whose key cannot receive encrypted envelopes (Ed25519) is an input error, not a bug.
                throw new CliException(ExitCodes.UNREADABLE_INPUT, "--encrypt-to " + encryptTo.get() + ": "
                        + e.getMessage(), e);
            }
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, written.serialized());
        o.printf("signed %s %s (%s) under %s %s: %s%n", envelope.kind(), envelope.envelopeId(),
                envelope.algorithm().jwsName(), report.ruleSetId(), report.ruleSetVersion(), out);
        if (signed.reviewed()) {
            ReviewApproval a = envelope.content().compliance().orElseThrow().review().orElseThrow();
            o.printf("NEEDS_REVIEW approved by %s at %s (reasons %s)%n", a.reviewerId(), a.decidedAt(),
                    a.reasonsDigest());
        }
        if (encryptTo.isPresent()) {
            o.printf("encrypted to %s%n", encryptTo.get());
        }
        if (cms) {
            Path p7s = out.resolveSibling(out.getFileName() + ".p7s");
            Files.write(p7s, signer.detachedCms(envelope));
            Files.write(out.resolveSibling(out.getFileName() + ".payload.json"), envelope.canonicalPayload());
            o.printf("detached CMS over the canonical payload: %s (content: %s)%n", p7s,
                    out.getFileName() + ".payload.json");
        }
        return ExitCodes.OK;
    }

    private static ReviewApproval readApproval(Path file) {
        String text;
        try {
            if (Files.size(file) > ReviewApproval.MAX_DECISION_CHARS + 2) {
                throw new CliException(ExitCodes.UNREADABLE_INPUT, "--approval " + file + ": larger than a decision "
                        + "file can be (" + ReviewApproval.MAX_DECISION_CHARS + " characters)");
            }
            text = Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII).strip();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, "--approval " + file + ": no such file");
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, "--approval " + file + ": cannot read: "
                    + Problems.reason(e), e);
        }
        try {
            return ReviewerTrust.approvalOf(text);
        } catch (EnvelopeException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, "--approval " + file + ": not a review decision "
                    + "file: " + e.getMessage(), e);
        }
    }

    private static String senderId(Documents.Document doc) {
        return switch (doc.kind()) {
            case SHARE -> doc.share().sendingOffice().id();
            case MEETING -> ((Meeting) doc.value()).leadingOffice().id();
            case BRIEFING -> "fitf";
        };
    }
}

package org.fmishare.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeAlgorithm;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.model.InvalidModelException;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.sop.ComplianceReport;
import org.fmishare.sop.Preparer;
import org.fmishare.sop.ReportRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fmi-share correct} and {@code fmi-share retract}: sign a correction or retraction of a share this office
 * sent, referencing the original share envelope by id and digest, after the SOP check of the amendment passes. The
 * original is verified against {@code --signer-trust} first, so only a genuine share envelope can be amended.
 */
abstract class AmendCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ORIGINAL", description = "The signed share envelope amended (JWS JSON).")
    Path original;

    @Option(names = "--reason", required = true, paramLabel = "TEXT",
            description = "What changed and why, in words the company reads (required; linted for coercion).")
    String reason;

    @Option(names = "--id", paramLabel = "ID", description = "The amendment's id (default: amend- and a random UUID).")
    Optional<String> id = Optional.empty();

    @Option(names = "--key", required = true, paramLabel = "P12", description = "Sender's PKCS#12 keystore.")
    Path key;

    @Option(names = "--password", paramLabel = "P",
            description = "Keystore password (else the environment variable " + Secrets.PASSWORD_ENV + ").")
    Optional<String> password = Optional.empty();

    @Option(names = "--alg", paramLabel = "ES256|ES384|EdDSA|PS256",
            description = "Signature algorithm; must suit the key (default: the key's natural algorithm).")
    Optional<String> alg = Optional.empty();

    @Option(names = "--signer-trust", required = true, paramLabel = "CA.pem",
            description = "Trusted CA certificate(s) the original share envelope is verified against.")
    Path signerTrust;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "Envelope file to write.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The amendment of the original's share. */
    abstract ShareAmendment amendment(String amendmentId, Instant now, ThreatShare original);

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        byte[] bytes = Documents.readBytes(original.toString(), System.in);
        VerifiedEnvelope v;
        try {
            v = EnvelopeVerifier.builder().trustAnchors(Secrets.certificates(signerTrust)).anyRecipient().build()
                    .verify(bytes);
        } catch (EnvelopeException e) {
            throw new CliException(ExitCodes.FAILED, "refusing to amend " + original + ": the envelope does not "
                    + "verify: " + e.getMessage(), e);
        }
        if (!(v.body() instanceof EnvelopeBody.Share share)) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, original + " carries a " + v.kind()
                    + "; only a share envelope can be corrected or retracted");
        }
        ShareAmendment amendment;
        try {
            amendment = amendment(id.orElse("amend-" + UUID.randomUUID()), Instant.now(), share.share());
        } catch (InvalidModelException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, e.getMessage(), e);
        }
        SigningCredential credential = Secrets.credential(key, Secrets.password(password));
        EnvelopeSigner.Builder builder = EnvelopeSigner.builder(credential, v.sender().id());
        alg.ifPresent(a -> builder.algorithm(EnvelopeAlgorithm.fromJwsName(a).orElseThrow(() ->
                new CliException(ExitCodes.USAGE, "--alg must be ES256, ES384, EdDSA or PS256, was '" + a + "'"))));
        EnvelopeSigner signer;
        try {
            signer = builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        SignedEnvelope.Stored stored = new SignedEnvelope.Stored(v.envelopeId(), v.recipientId(), v.expiresAt(),
                v.digest(), bytes);
        Preparer.Outcome outcome;
        try {
            outcome = Preparer.builder(signer).build().prepare(amendment, stored);
        } catch (EnvelopeException e) {
            throw new CliException(ExitCodes.FAILED, "refusing to sign: " + e.getMessage(), e);
        }
        ComplianceReport report = outcome.report();
        if (!(outcome instanceof Preparer.Signed signed)) {
            spec.commandLine().getErr().println(ReportRenderer.text(report));
            throw new CliException(report.verdict() == Verdict.FAIL ? ExitCodes.FAILED : ExitCodes.NEEDS_REVIEW,
                    "refusing to sign: SOP verdict is " + report.verdict() + " (" + String.join(", ",
                            report.failedRuleIds()) + ")");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, signed.envelope().serialized());
        o.printf("signed %s %s of share %s (amends envelope %s) under %s %s: %s%n",
                amendment.kind().name().toLowerCase(java.util.Locale.ROOT), signed.envelope().envelopeId(),
                amendment.shareId(), v.envelopeId(), report.ruleSetId(), report.ruleSetVersion(), out);
        return ExitCodes.OK;
    }

    /** {@code fmi-share correct}. */
    @Command(name = "correct", mixinStandardHelpOptions = true,
            description = "Sign a correction of a share: the corrected share (same id) replaces the original at the "
                    + "company. Refuses (exit 1) unless the SOP verdict is PASS.", footer = ExitCodes.HELP)
    static final class Correct extends AmendCommand {
        @Option(names = "--share", required = true, paramLabel = "FILE",
                description = "The corrected share (JSON); same id, sending office and recipient as the original.")
        Path corrected;

        @Override
        ShareAmendment amendment(String amendmentId, Instant now, ThreatShare original) {
            Documents.Document doc = Documents.read(corrected.toString(), System.in);
            if (doc.kind() != Documents.Kind.SHARE) {
                throw new CliException(ExitCodes.UNREADABLE_INPUT, "--share " + corrected + " is a " + doc.kind()
                        + ", not a share");
            }
            return ShareAmendment.correction(amendmentId, now, doc.share(), reason);
        }
    }

    /** {@code fmi-share retract}. */
    @Command(name = "retract", mixinStandardHelpOptions = true,
            description = "Sign a retraction of a share: the office withdraws it. Refuses (exit 1) unless the SOP "
                    + "verdict is PASS (a retraction needs a reason).", footer = ExitCodes.HELP)
    static final class Retract extends AmendCommand {
        @Override
        ShareAmendment amendment(String amendmentId, Instant now, ThreatShare original) {
            return ShareAmendment.retraction(amendmentId, now, original, reason);
        }
    }
}

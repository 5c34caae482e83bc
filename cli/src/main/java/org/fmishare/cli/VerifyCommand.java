package org.fmishare.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.disclosure.DisclosureReport;
import org.fmishare.disclosure.DisclosureVerifier;
import org.fmishare.disclosure.MessageKind;
import org.fmishare.sop.SopRechecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fmi-share verify ENVELOPE --signer-trust CA.pem}: runs every receiver-side check (size, strict JSON, header
 * and algorithm allow-list, signature, certificate chain to the trust anchors, validity, expiry, disclosures against
 * the canonical clause texts, SOP verdict, and this party's own SOP check of the subject under the rule set the
 * envelope names, which must reproduce the claimed verdict and report digest) and exits 0 only when all pass.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a signed envelope. Exit 0 only when every check passes; otherwise print the failed "
                + "check and exit 1.", footer = ExitCodes.HELP)
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ENVELOPE", description = "Envelope file, or - for standard input.")
    String file;

    @Option(names = "--signer-trust", required = true, paramLabel = "CA.pem",
            description = "Trusted CA certificate(s) for envelope and receipt signers.")
    Path signerTrust;

    @picocli.CommandLine.Mixin
    CrlOptions crls = new CrlOptions();

    @picocli.CommandLine.Mixin
    OcspOptions ocsp = new OcspOptions();

    @Option(names = "--recipient", paramLabel = "ID",
            description = "Require this recipient id (default: accept any recipient).")
    Optional<String> recipient = Optional.empty();

    @Option(names = "--decrypt-key", paramLabel = "P12", description = "Recipient keystore for encrypted envelopes.")
    Optional<Path> decryptKey = Optional.empty();

    @Option(names = "--password", paramLabel = "P",
            description = "Keystore password (else the environment variable " + Secrets.PASSWORD_ENV + ").")
    Optional<String> password = Optional.empty();

    @Option(names = "--senders", paramLabel = "FILE", description = "Sender directory (JSON, as keys init writes "
            + "it): which certificate may speak for which sender id. Without it the signing certificate must carry "
            + "the subjectAltName URI urn:fmishare:sender:<sender id>.")
    Optional<Path> senders = Optional.empty();

    @picocli.CommandLine.Mixin
    ReviewerTrustOptions reviewerTrust = new ReviewerTrustOptions();

    @Option(names = "--json", description = "Print the verified payload's canonical JSON instead of a summary.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        byte[] bytes = Documents.readBytes(file, System.in);
        EnvelopeVerifier.Builder b = EnvelopeVerifier.builder().trustAnchors(Secrets.certificates(signerTrust))
                .crls(crls.crls()).complianceRechecker(SopRechecker.standard());
        ocsp.settings().ifPresent(b::ocsp);
        recipient.ifPresentOrElse(b::expectedRecipient, b::anyRecipient);
        senders.ifPresent(f -> b.senderDirectory(SenderDirectories.read(f)));
        reviewerTrust.read(crls.files).ifPresent(b::reviewerTrust);
        decryptKey.ifPresent(k -> b.decryptionKey(Secrets.credential(k, Secrets.password(password)).privateKey()));
        VerifiedEnvelope v;
        try {
            v = b.build().verify(bytes);
        } catch (EnvelopeException e) {
            throw new CliException(ExitCodes.FAILED, file + ": envelope rejected: " + e.getMessage()
                    + (e.check() == EnvelopeException.Check.REVIEW && !reviewerTrust.given()
                    ? "; to accept reviewed envelopes give --reviewer-trust CA.pem and --reviewers FILE" : ""), e);
        }
        MessageKind kind = switch (v.kind()) {
            case THREAT_SHARE -> MessageKind.THREAT_SHARE;
            case MEETING_NOTICE -> MessageKind.MEETING;
            case BRIEFING_SUMMARY -> MessageKind.BRIEFING;
            default -> null;
        };
        if (kind != null) {
            DisclosureReport clauses = DisclosureVerifier.standard().verifyMachineReadable(v.disclosures(), kind);
            if (!clauses.allPresent()) {
                throw new CliException(ExitCodes.FAILED, "envelope rejected: disclosures differ from the canonical "
                        + "clauses: " + clauses.problems());
            }
        }
        if (json) {
            out.println(new String(v.canonicalPayload(), java.nio.charset.StandardCharsets.UTF_8));
        } else {
            out.println(v.summary());
            out.println("verified: every check passed");
        }
        return ExitCodes.OK;
    }
}

package org.fmishare.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.sop.SopRechecker;
import org.fmishare.transport.taxii.ObjectQuery;
import org.fmishare.transport.taxii.TaxiiClient;
import org.fmishare.transport.taxii.TaxiiCollection;
import org.fmishare.transport.taxii.TaxiiException;
import org.fmishare.transport.taxii.TaxiiShares;
import org.fmishare.transport.taxii.stix.FmiStixExtension;
import org.fmishare.transport.taxii.stix.StixIds;
import org.fmishare.transport.taxii.stix.StixMappingException;
import org.fmishare.transport.https.TlsContexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fmi-share taxii pull API-ROOT --collection ID}: reads shares back from TAXII and verifies each. */
@Command(name = "taxii", mixinStandardHelpOptions = true, description = "TAXII 2.1 tools.",
        subcommands = TaxiiCommand.Pull.class, footer = ExitCodes.HELP)
final class TaxiiCommand extends GroupCommand {

    /** Pulls every share (or one) from a collection and verifies its envelope and STIX content. */
    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = "Read shares back from a TAXII collection and verify each (signature, chain, "
                    + "disclosures, SOP verdict, STIX content equal to the signed share). Reports of other "
                    + "producers are skipped; a share that fails is reported and the others still checked. Prints "
                    + "how many were pulled, verified, rejected and skipped. Exit 0 only if none was rejected.",
            footer = ExitCodes.HELP)
    static final class Pull implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "API-ROOT", description = "The TAXII API root URL (https, or http on "
                + "loopback only).")
        URI apiRoot;

        @Option(names = "--collection", required = true, paramLabel = "ID", description = "Collection id.")
        String collection;

        @Option(names = "--signer-trust", required = true, paramLabel = "CA.pem",
                description = "Trusted CA certificate(s) for the shares' envelope signers.")
        Path signerTrust;

        @Option(names = "--crl", paramLabel = "FILE", description = "Certificate revocation list(s) of the signer "
                + "and reviewer CAs (PEM or DER; repeatable). With any given, every signer and reviewer certificate "
                + "must be covered by a current CRL from its issuer and not revoked.")
        java.util.List<Path> crls = new java.util.ArrayList<>();

        @Option(names = "--tls-trust", paramLabel = "CA.pem",
                description = "Trusted CA certificate(s) for the TAXII server's TLS certificate (default: the "
                        + "Java runtime's CAs). Needed for a server with a private CA.")
        Optional<Path> tlsTrust = Optional.empty();

        @Option(names = "--senders", paramLabel = "FILE", description = "Sender directory (JSON, as keys init "
                + "writes it): which certificate may speak as which sender id. Default: the signer's certificate "
                + "carries urn:fmishare:sender:<sender.id>.")
        Optional<Path> senders = Optional.empty();

        @Option(names = "--reviewer-trust", paramLabel = "CA.pem", description = ReviewerTrusts.TRUST_HELP)
        Optional<Path> reviewerTrust = Optional.empty();

        @Option(names = "--reviewers", paramLabel = "FILE", description = ReviewerTrusts.REVIEWERS_HELP)
        Optional<Path> reviewers = Optional.empty();

        @Option(names = "--share", paramLabel = "ID", description = "Pull only this share.")
        Optional<String> share = Optional.empty();

        @Option(names = "--user", paramLabel = "USER", description = "HTTP Basic user.")
        Optional<String> user = Optional.empty();

        @Option(names = "--password", paramLabel = "P",
                description = "HTTP Basic password (else the environment variable " + Secrets.PASSWORD_ENV + ").")
        Optional<String> password = Optional.empty();

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            URI discovery = apiRoot.resolve("/taxii2/");
            TaxiiClient.Builder b = TaxiiClient.builder(discovery);
            user.ifPresent(u -> b.basicAuth(u, Secrets.password(password)));
            tlsTrust.ifPresent(t -> b.sslContext(TlsContexts.trusting(Secrets.certificates(t))));
            EnvelopeVerifier.Builder vb = EnvelopeVerifier.builder().trustAnchors(Secrets.certificates(signerTrust))
                    .crls(Secrets.crls(crls)).complianceRechecker(SopRechecker.standard()).anyRecipient();
            senders.ifPresent(f -> vb.senderDirectory(SenderDirectories.read(f)));
            ReviewerTrusts.read(reviewerTrust, reviewers, crls).ifPresent(vb::reviewerTrust);
            EnvelopeVerifier verifier = vb.build();
            try {
                TaxiiClient client = b.build();
                TaxiiCollection col = client.collection(apiRoot, collection);
                // A set: a share listed twice (several report versions, or a copy at another id) is pulled and
                // verified once; verifying the same envelope twice would read as a replay.
                Set<String> ids = new LinkedHashSet<>();
                int[] skipped = {0};
                if (share.isPresent()) {
                    ids.add(share.get());
                } else {
                    client.forEachObject(col, ObjectQuery.builder().matchType("report").build(), o -> {
                        String id = o.tree().path("extensions").path(FmiStixExtension.ID).path("share_id")
                                .asString("");
                        if (id.isEmpty()) {
                            // Not an fmi-share report: collections are shared with other producers.
                            skipped[0]++;
                        } else if (!o.id().equals(StixIds.reportId(id))) {
                            // A share is always read from the report id its share id derives; a report claiming the
                            // share elsewhere is foreign, and must not stop the others from being checked.
                            skipped[0]++;
                            err.println("fmi-share: skipped " + o.id() + ": claims share " + id + " but is not its "
                                    + "report (" + StixIds.reportId(id) + ")");
                        } else {
                            ids.add(id);
                        }
                    });
                }
                int failed = 0;
                for (String id : ids) {
                    try {
                        VerifiedEnvelope v = TaxiiShares.pullVerified(client, col, id, verifier);
                        out.println(v.summary());
                        out.println("verified: " + id);
                    } catch (EnvelopeException | StixMappingException | TaxiiException e) {
                        // One bad share never hides the others: report it, count it, go on.
                        failed++;
                        err.println("fmi-share: " + id + " rejected: " + e.getMessage());
                    }
                }
                out.printf("%d share(s) pulled, %d verified, %d rejected, %d skipped%n", ids.size(),
                        ids.size() - failed, failed, skipped[0]);
                return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
            } catch (TaxiiException e) {
                throw new CliException(e.isInputRejection() ? ExitCodes.UNREADABLE_INPUT : ExitCodes.IO_FAILURE,
                        e.getMessage(), e);
            }
        }
    }
}

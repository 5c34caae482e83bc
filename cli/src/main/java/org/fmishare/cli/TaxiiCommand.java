package org.fmishare.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.ShareStates;
import org.fmishare.sop.SopRechecker;
import org.fmishare.transport.taxii.TaxiiClient;
import org.fmishare.transport.taxii.TaxiiCollection;
import org.fmishare.transport.taxii.TaxiiException;
import org.fmishare.transport.taxii.TaxiiPull;
import org.fmishare.transport.taxii.TaxiiPuller;
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
                    + "disclosures, SOP verdict, STIX content equal to the signed share), with their corrections "
                    + "and retractions (every version of a share's report), applied to the share states. Reports of "
                    + "other producers are skipped; a share that fails is reported and the others still checked. "
                    + "Prints how many were pulled, verified, rejected and skipped, and the corrections, retractions "
                    + "and orphaned amendments (amending a share envelope the states do not hold). Exit 0 only if "
                    + "none was rejected or orphaned.",
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

        @picocli.CommandLine.Mixin
        CrlOptions crls = new CrlOptions();

        @Option(names = "--tls-trust", paramLabel = "CA.pem",
                description = "Trusted CA certificate(s) for the TAXII server's TLS certificate (default: the "
                        + "Java runtime's CAs). Needed for a server with a private CA.")
        Optional<Path> tlsTrust = Optional.empty();

        @Option(names = "--senders", paramLabel = "FILE", description = "Sender directory (JSON, as keys init "
                + "writes it): which certificate may speak as which sender id. Default: the signer's certificate "
                + "carries urn:fmishare:sender:<sender.id>.")
        Optional<Path> senders = Optional.empty();

        @picocli.CommandLine.Mixin
        ReviewerTrustOptions reviewerTrust = new ReviewerTrustOptions();

        @Option(names = "--share", paramLabel = "ID", description = "Pull only this share.")
        Optional<String> share = Optional.empty();

        @Option(names = "--states", paramLabel = "FILE", description = "Share states file (created if missing): "
                + "each share's state (active, corrected, retracted) after the corrections and retractions pulled, "
                + "kept across pulls. Default: in memory for this pull only.")
        Optional<Path> states = Optional.empty();

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
                    .crls(crls.crls()).complianceRechecker(SopRechecker.standard()).anyRecipient();
            senders.ifPresent(f -> vb.senderDirectory(SenderDirectories.read(f)));
            reviewerTrust.read(crls.files).ifPresent(vb::reviewerTrust);
            EnvelopeVerifier verifier = vb.build();
            ShareStates shareStates;
            try {
                shareStates = states.map(ShareStates::file).orElseGet(ShareStates::inMemory);
            } catch (EnvelopeException e) {
                throw new CliException(ExitCodes.UNREADABLE_INPUT, "--states " + states.orElseThrow() + ": "
                        + e.getMessage(), e);
            }
            try {
                TaxiiClient client = b.build();
                TaxiiCollection col = client.collection(apiRoot, collection);
                TaxiiPuller puller = TaxiiPuller.builder(client, col, verifier).shareStates(shareStates).build();
                TaxiiPull pulled = share.map(puller::pull).orElseGet(puller::pull);
                for (TaxiiPull.Skipped s : pulled.skipped()) {
                    if (s.reason().startsWith("claims share")) {
                        err.println("fmi-share: skipped " + s.objectId() + ": " + s.reason());
                    }
                }
                List<String> rejectedShares = pulled.rejectedShares();
                for (String id : pulled.shareIds()) {
                    TaxiiPull.Entry last = null;
                    for (TaxiiPull.Entry e : pulled.entries()) {
                        if (!e.shareId().equals(id)) {
                            continue;
                        }
                        String what = e.step() == TaxiiPull.Step.SHARE ? id : id + " " + e.step().name()
                                .toLowerCase(Locale.ROOT) + " (version " + e.version() + ")";
                        if (e.outcome() == TaxiiPull.Outcome.REJECTED) {
                            // One bad share never hides the others: report it, count it, go on.
                            err.println("fmi-share: " + what + " rejected: " + e.problem().orElseThrow());
                        } else if (e.outcome() == TaxiiPull.Outcome.ORPHANED) {
                            err.println("fmi-share: " + what + " orphaned: " + e.problem().orElseThrow());
                        } else {
                            last = e;
                        }
                    }
                    if (last != null) {
                        out.println(last.envelope().orElseThrow().summary());
                    }
                    if (!rejectedShares.contains(id)) {
                        out.println("verified: " + id);
                    }
                    shareStates.find(last == null ? "" : last.envelope().orElseThrow().sender().id(), id)
                            .ifPresent(st -> out.println("state: " + id + " " + st.state()
                                    + st.lastAmendment().map(a -> " by envelope " + a.envelopeId()).orElse("")
                                    + st.reason().map(r -> " (" + r + ")").orElse("")));
                }
                int shares = pulled.shareIds().size();
                out.printf("%d share(s) pulled, %d verified, %d rejected, %d skipped%n", shares,
                        shares - rejectedShares.size(), rejectedShares.size(), pulled.skipped().size());
                out.printf("%d correction(s), %d retraction(s), %d orphaned, %d change(s) applied%n",
                        pulled.corrections(), pulled.retractions(), pulled.orphaned(), pulled.applied());
                return rejectedShares.isEmpty() && pulled.orphaned() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
            } catch (TaxiiException e) {
                throw new CliException(e.isInputRejection() ? ExitCodes.UNREADABLE_INPUT : ExitCodes.IO_FAILURE,
                        e.getMessage(), e);
            }
        }
    }
}

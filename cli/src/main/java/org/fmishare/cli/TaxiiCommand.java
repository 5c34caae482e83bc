package org.fmishare.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.transport.taxii.ObjectQuery;
import org.fmishare.transport.taxii.TaxiiClient;
import org.fmishare.transport.taxii.TaxiiCollection;
import org.fmishare.transport.taxii.TaxiiException;
import org.fmishare.transport.taxii.TaxiiShares;
import org.fmishare.transport.taxii.stix.FmiStixExtension;
import org.fmishare.transport.taxii.stix.StixMappingException;
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
                    + "disclosures, SOP verdict, STIX content equal to the signed share). Exit 0 only if all verify.",
            footer = ExitCodes.HELP)
    static final class Pull implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "API-ROOT", description = "The TAXII API root URL (https, or http on "
                + "loopback only).")
        URI apiRoot;

        @Option(names = "--collection", required = true, paramLabel = "ID", description = "Collection id.")
        String collection;

        @Option(names = "--trust", required = true, paramLabel = "CA.pem", description = "Trusted signer CA(s).")
        Path trust;

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
            EnvelopeVerifier verifier = EnvelopeVerifier.builder().trustAnchors(Secrets.certificates(trust))
                    .anyRecipient().build();
            try {
                TaxiiClient client = b.build();
                TaxiiCollection col = client.collection(apiRoot, collection);
                List<String> ids = new ArrayList<>();
                if (share.isPresent()) {
                    ids.add(share.get());
                } else {
                    client.forEachObject(col, ObjectQuery.builder().matchType("report").build(), o -> {
                        String id = o.tree().path("extensions").path(FmiStixExtension.ID).path("share_id")
                                .asString("");
                        if (!id.isEmpty()) {
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
                    } catch (EnvelopeException | StixMappingException e) {
                        failed++;
                        err.println("fmi-share: " + id + " rejected: " + e.getMessage());
                    }
                }
                out.printf("%d share(s) pulled, %d verified, %d rejected%n", ids.size(), ids.size() - failed,
                        failed);
                return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
            } catch (TaxiiException e) {
                throw new CliException(e.isInputRejection() ? ExitCodes.UNREADABLE_INPUT : ExitCodes.IO_FAILURE,
                        e.getMessage(), e);
            }
        }
    }
}

package org.fmishare.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of the commands that record company responses in the office's audit log ({@code responses record},
 * {@code responses pull}); {@link ResponseRecorders#prepare} turns them into a recorder.
 */
final class ResponseRecorderOptions {
    @Option(names = "--office", required = true, paramLabel = "ID",
            description = "The office's id: responses must be addressed to it, and it seals the audit log.")
    String office;

    @Option(names = "--signer-trust", required = true, paramLabel = "CA.pem",
            description = "Trusted CA certificate(s) of the companies' receipt signers and the audit sealer.")
    Path signerTrust;

    @Option(names = "--senders", paramLabel = "FILE", description = "Sender directory (JSON): which "
            + "certificate may speak for which company.")
    Optional<Path> senders = Optional.empty();

    @Option(names = "--sent", paramLabel = "ENVELOPE", description = "Envelope(s) the office sent, as signed "
            + "(repeatable); the audit log's signed events count too.")
    List<Path> sent = new ArrayList<>();

    @Option(names = "--audit", required = true, paramLabel = "LOG", description = "The office's audit log "
            + "file; created if missing, verified first if not empty.")
    Path audit;

    @Option(names = "--sealer-key", required = true, paramLabel = "P12",
            description = "The office's audit-sealing keystore (keys init writes audit-sealer.p12).")
    Path sealerKey;

    @Option(names = "--password", paramLabel = "P",
            description = "Keystore password (else the environment variable " + Secrets.PASSWORD_ENV + ").")
    Optional<String> password = Optional.empty();
}

package org.fmishare.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fmishare.audit.AuditVerification;
import picocli.CommandLine.Option;

/**
 * The options that say whose seals an existing audit log must carry ({@code audit verify}, {@code report}):
 * the signer trust, the sealer ids, the sealer CA's revocation lists and the sender directory.
 */
final class AuditLogOptions {
    @Option(names = "--signer-trust", required = true, paramLabel = "CA.pem",
            description = "Trusted CA certificate(s) for the checkpoint signer (signer trust, as for envelopes "
                    + "and receipts).")
    Path signerTrust;

    @Option(names = "--sealer", required = true, paramLabel = "ID",
            description = "The office whose audit-sealing certificate may seal the log (repeatable while keys "
                    + "rotate). A seal by any other certificate under the CA is refused.")
    List<String> sealers;

    @Option(names = "--crl", paramLabel = "FILE", description = "Certificate revocation list(s) of the sealer's "
            + "CA (PEM or DER; repeatable); a revoked or uncovered sealer certificate breaks the log.")
    List<Path> crls = new ArrayList<>();

    @Option(names = "--senders", paramLabel = "FILE",
            description = "Sender directory binding the sealer id to a SAN URI, subject or pinned key (default: "
                    + "the certificate carries urn:fmishare:sender:<ID>).")
    Optional<Path> senders = Optional.empty();

    /** Opens {@code file} read-only and verifies it, as {@link AuditFiles#verify} does (its exit codes too). */
    AuditVerification verify(Path file) {
        return AuditFiles.verify(file, signerTrust, sealers, senders, crls);
    }
}

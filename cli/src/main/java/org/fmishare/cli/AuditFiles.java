package org.fmishare.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.fmishare.audit.AuditException;
import org.fmishare.audit.AuditVerification;
import org.fmishare.audit.AuditVerifier;
import org.fmishare.audit.ReadOnlyFileAuditStore;

/**
 * Opens and verifies an existing audit log file for {@code audit verify} and {@code report}. The file is opened
 * read-only: verifying evidence must never repair, truncate or otherwise rewrite it. Checkpoints must be signed by an
 * audit-sealing certificate under {@code --signer-trust} bound to one of the {@code --sealer} ids.
 */
final class AuditFiles {
    private AuditFiles() {}

    /**
     * Verifies the log, mapping failures to exit codes: integrity failures exit 1 with the message that names the
     * entry, an unreadable file exits 3.
     */
    static AuditVerification verify(Path file, Path signerTrust, List<String> sealers, Optional<Path> senders,
            List<Path> crls) {
        List<X509Certificate> anchors = Secrets.certificates(signerTrust);
        AuditVerifier.Builder builder = AuditVerifier.builder().trustAnchors(anchors).crls(Secrets.crls(crls));
        for (String sealer : sealers) {
            try {
                builder.sealer(sealer);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, "--sealer: " + e.getMessage(), e);
            }
        }
        senders.ifPresent(f -> builder.senderDirectory(SenderDirectories.read(f)));
        // Checked here too so the messages match the other commands' for unreadable input.
        if (!Files.exists(file)) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, file + ": not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, file + ": cannot read (permission denied)");
        }
        try (ReadOnlyFileAuditStore store = ReadOnlyFileAuditStore.open(file)) {
            try {
                return builder.build().verify(store);
            } catch (AuditException.LogEmpty e) {
                throw new CliException(ExitCodes.FAILED, file + ": audit log not verified: it is empty (no record, "
                        + "no checkpoint); an empty log proves nothing", e);
            } catch (AuditException.Integrity e) {
                String where = store.unterminatedTailOffset().isPresent() && e.recordIndex() == store.size() - 1
                        ? " (the file ends in " + (fileSize(file) - store.unterminatedTailOffset().getAsLong())
                                + " bytes without a line break, from byte offset "
                                + store.unterminatedTailOffset().getAsLong() + ")"
                        : "";
                throw new CliException(ExitCodes.FAILED, file + ": audit log broken: " + e.getMessage() + where, e);
            }
        } catch (AuditException.StorageFailed e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, file + ": " + e.getMessage(), e);
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, file + ": " + e.getMessage(), e);
        }
    }
}

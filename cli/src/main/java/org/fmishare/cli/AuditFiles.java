package org.fmishare.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.fmishare.audit.AuditException;
import org.fmishare.audit.AuditVerification;
import org.fmishare.audit.AuditVerifier;
import org.fmishare.audit.FileAuditStore;

/** Opens and verifies an existing audit log file for {@code audit verify} and {@code report}. */
final class AuditFiles {
    private AuditFiles() {}

    /**
     * Verifies the log, mapping failures to exit codes: integrity failures exit 1 with the message that names the
     * entry, an unreadable file exits 3.
     */
    static AuditVerification verify(Path file, Path trust) {
        List<X509Certificate> anchors = Secrets.certificates(trust);
        // FileAuditStore.open creates missing files; a verifier must never create the log it is asked to check.
        if (!Files.exists(file)) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, file + ": not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, file + ": cannot read (permission denied)");
        }
        try (FileAuditStore store = FileAuditStore.open(file)) {
            return AuditVerifier.builder().trustAnchors(anchors).build().verify(store);
        } catch (AuditException.Integrity e) {
            throw new CliException(ExitCodes.FAILED, file + ": audit log broken: " + e.getMessage(), e);
        } catch (AuditException.StorageFailed e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, file + ": " + e.getMessage(), e);
        }
    }
}

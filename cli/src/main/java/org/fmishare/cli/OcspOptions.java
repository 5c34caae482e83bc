package org.fmishare.cli;

import java.net.URI;
import java.util.Optional;
import org.fmishare.core.jose.OcspSettings;
import picocli.CommandLine.Option;

/** The OCSP options of the verifying commands ({@code --ocsp}, {@code --ocsp-responder}, {@code --ocsp-soft-fail}). */
final class OcspOptions {
    @Option(names = "--ocsp", description = "Check every signer certificate's revocation status with OCSP at the "
            + "responder its Authority Information Access extension names (hard fail: no status, no acceptance).")
    boolean fromCertificates;

    @Option(names = "--ocsp-responder", paramLabel = "URI", description = "Check every signer certificate's "
            + "revocation status with OCSP at this http(s) responder (implies --ocsp).")
    Optional<String> responder = Optional.empty();

    @Option(names = "--ocsp-soft-fail", description = "With OCSP, accept when the responder cannot be reached "
            + "(a revoked or unknown status is still refused).")
    boolean softFail;

    /** {@return the settings the options ask for; empty when OCSP is not asked for} */
    Optional<OcspSettings> settings() {
        Optional<OcspSettings> s;
        try {
            s = responder.map(u -> OcspSettings.responder(URI.create(u)))
                    .or(() -> fromCertificates ? Optional.of(OcspSettings.fromCertificates()) : Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--ocsp-responder: " + e.getMessage());
        }
        if (softFail && s.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "--ocsp-soft-fail needs --ocsp or --ocsp-responder");
        }
        return softFail ? s.map(OcspSettings::withSoftFail) : s;
    }
}

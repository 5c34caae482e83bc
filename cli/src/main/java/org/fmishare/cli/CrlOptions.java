package org.fmishare.cli;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --crl FILE...} of the commands that verify envelopes: the revocation lists cover the envelope signers and,
 * through {@link ReviewerTrustOptions#read}, the reviewers too.
 */
final class CrlOptions {
    @Option(names = "--crl", paramLabel = "FILE", description = "Certificate revocation list(s) of the signer "
            + "and reviewer CAs (PEM or DER; repeatable). With any given, every signer and reviewer certificate must "
            + "be covered by a current CRL from its issuer and not revoked.")
    List<Path> files = new ArrayList<>();

    /** {@return the lists read from the files; empty when none was given} */
    List<X509CRL> crls() {
        return Secrets.crls(files);
    }
}

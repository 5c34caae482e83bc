package org.fmishare.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.KeyMaterialException;
import org.fmishare.core.keys.SigningCredential;

/** Keystore passwords and key material for commands that read them. */
final class Secrets {
    /** Environment variable read when {@code --password} is not given. */
    static final String PASSWORD_ENV = "FMI_SHARE_PASSWORD";

    private Secrets() {}

    static char[] password(Optional<String> option) {
        String p = option.orElseGet(() -> System.getenv(PASSWORD_ENV));
        if (p == null || p.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "a keystore password is needed: pass --password P or set "
                    + PASSWORD_ENV);
        }
        return p.toCharArray();
    }

    static SigningCredential credential(Path p12, char[] password) {
        try {
            return Credentials.fromPkcs12(Files.readAllBytes(p12), password);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, p12 + ": no such file");
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, p12 + ": cannot read: " + Problems.reason(e), e);
        } catch (KeyMaterialException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, p12 + ": " + e.getMessage(), e);
        }
    }

    static List<java.security.cert.X509Certificate> certificates(Path pem) {
        try {
            List<java.security.cert.X509Certificate> certs = Credentials.certificatesFromPem(Files.readString(pem));
            if (certs.isEmpty()) {
                throw new CliException(ExitCodes.UNREADABLE_INPUT, pem + ": no certificate in the file");
            }
            return certs;
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, pem + ": no such file");
        } catch (java.nio.charset.CharacterCodingException e) {
            // A PKCS#12 keystore (or other binary file) where PEM certificates belong: say which option wants what.
            throw new CliException(ExitCodes.UNREADABLE_INPUT, pem + ": not a PEM certificate file (binary content; "
                    + "a .p12 keystore belongs to --key, certificates here are PEM text)", e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, pem + ": cannot read: " + Problems.reason(e), e);
        } catch (KeyMaterialException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, pem + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code --crl} files: each holds one or more CRLs, PEM ({@code X509 CRL} blocks) or DER. Parsed with
     * the SDK's provider; an empty, unreadable or malformed file is unreadable input, never skipped.
     */
    static List<java.security.cert.X509CRL> crls(List<Path> files) {
        List<java.security.cert.X509CRL> out = new java.util.ArrayList<>();
        for (Path f : files) {
            try (java.io.InputStream in = Files.newInputStream(f)) {
                java.util.Collection<? extends java.security.cert.CRL> read = java.security.cert.CertificateFactory
                        .getInstance("X.509", org.fmishare.core.jose.JwsKeys.provider()).generateCRLs(in);
                if (read.isEmpty()) {
                    throw new CliException(ExitCodes.UNREADABLE_INPUT, f + ": no CRL in the file (PEM 'X509 CRL' "
                            + "or DER)");
                }
                for (java.security.cert.CRL c : read) {
                    out.add((java.security.cert.X509CRL) c);
                }
            } catch (NoSuchFileException e) {
                throw new CliException(ExitCodes.UNREADABLE_INPUT, f + ": no such file");
            } catch (IOException e) {
                throw new CliException(ExitCodes.UNREADABLE_INPUT, f + ": cannot read: " + Problems.reason(e), e);
            } catch (java.security.cert.CRLException | java.security.cert.CertificateException
                    | RuntimeException e) {
                if (e instanceof CliException ce) {
                    throw ce;
                }
                throw new CliException(ExitCodes.UNREADABLE_INPUT, f + ": not a CRL (PEM 'X509 CRL' or DER)", e);
            }
        }
        return out;
    }
}

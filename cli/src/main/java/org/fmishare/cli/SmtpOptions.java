package org.fmishare.cli;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fmishare.transport.email.SmtpSecurity;
import org.fmishare.transport.email.SmtpSettings;
import picocli.CommandLine.Option;

/**
 * The SMTP options of the commands that mail envelopes ({@code send}, {@code respond}): port, TLS mode and login.
 * The server ({@code --smtp-host}) and sender address stay with each command, whose help says whose they are.
 */
final class SmtpOptions {
    /** Environment variable read when {@code --smtp-password} is not given. */
    static final String PASSWORD_ENV = "FMI_SHARE_SMTP_PASSWORD";

    @Option(names = "--smtp-port", paramLabel = "N", description = "mailto: SMTP port (default 465 for smtps, 587 "
            + "for starttls).")
    Optional<Integer> port = Optional.empty();

    @Option(names = "--smtp-security", defaultValue = "smtps", paramLabel = "starttls|smtps",
            description = "mailto: implicit TLS (smtps, default) or STARTTLS required (starttls).")
    String security;

    @Option(names = "--smtp-user", paramLabel = "U", description = "mailto: SMTP user.")
    Optional<String> user = Optional.empty();

    @Option(names = "--smtp-password", paramLabel = "P", description = "mailto: SMTP password (else the "
            + "environment variable " + PASSWORD_ENV + ").")
    Optional<String> password = Optional.empty();

    /** {@return the TLS mode {@code --smtp-security} names} */
    SmtpSecurity security() {
        return switch (security.toLowerCase(Locale.ROOT)) {
            case "smtps" -> SmtpSecurity.SMTPS;
            case "starttls" -> SmtpSecurity.STARTTLS_REQUIRED;
            default -> throw new CliException(ExitCodes.USAGE, "--smtp-security must be starttls or smtps, was '"
                    + security + "'");
        };
    }

    /**
     * The SMTP settings for {@code host}, still to be built, with the port defaulting by TLS mode and the login when {@code --smtp-user}
     * is given (its password from {@code --smtp-password} or {@value #PASSWORD_ENV}).
     *
     * @throws IllegalArgumentException if the settings refuse the host or port (the caller names it as a usage error)
     */
    SmtpSettings.Builder settings(String host, SmtpSecurity mode, List<X509Certificate> anchors) {
        SmtpSettings.Builder smtp = SmtpSettings.builder(host, port.orElse(mode == SmtpSecurity.SMTPS ? 465 : 587),
                mode).trustAnchors(anchors);
        if (user.isPresent()) {
            String pw = password.orElseGet(() -> System.getenv(PASSWORD_ENV));
            if (pw == null || pw.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, "--smtp-user needs a password: pass --smtp-password P "
                        + "or set " + PASSWORD_ENV);
            }
            smtp.credentials(user.get(), pw);
        }
        return smtp;
    }
}

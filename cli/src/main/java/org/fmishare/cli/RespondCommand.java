package org.fmishare.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.model.InvalidModelException;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.sop.SopRechecker;
import org.fmishare.core.transport.Transport;
import org.fmishare.transport.email.BodyRenderer;
import org.fmishare.transport.email.EmailAddress;
import org.fmishare.transport.email.EmailTransport;
import org.fmishare.transport.email.SmtpSecurity;
import org.fmishare.transport.email.SmtpSettings;
import org.fmishare.transport.https.HttpsTransport;
import org.fmishare.transport.https.TlsContexts;
import org.fmishare.transport.taxii.TaxiiTransport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fmi-share respond ENVELOPE --kind KIND --key P12 --signer-trust CA.pem}: the company's side of a response.
 * Verifies the envelope it received, signs its chosen response with its receipt-signing key and writes it to a file,
 * posts it to the office's HTTPS response endpoint, or mails it to the office S/MIME-signed (as the email transport
 * sends shares). Every kind of response is voluntary and has no consequence.
 */
@Command(name = "respond", mixinStandardHelpOptions = true,
        description = "Company side: sign a response (acknowledged, took-independent-action, declined, no-response) "
                + "to a received envelope with the company's receipt key, and write it (-o) or send it to the "
                + "office (--to https://..., mailto:... or taxii://...). Responding is voluntary and has no consequence.",
        footer = ExitCodes.HELP)
final class RespondCommand implements Callable<Integer> {
    static final String TAXII_PASSWORD_ENV = "FMI_SHARE_TAXII_PASSWORD";
    private static final java.util.Set<String> TAXII_SCHEMES = java.util.Set.of("taxii", "taxii+http");

    @Parameters(index = "0", paramLabel = "ENVELOPE", description = "The envelope the company received, or - for "
            + "standard input.")
    String file;

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "acknowledged, "
            + "took-independent-action, declined or no-response.")
    String kind;

    @Option(names = "--note", paramLabel = "TEXT", description = "The company's own words (at most 4000 "
            + "characters).")
    Optional<String> note = Optional.empty();

    @Option(names = "--key", required = true, paramLabel = "P12",
            description = "The company's receipt-signing keystore (keys init writes recipient.p12).")
    Path key;

    @Option(names = "--password", paramLabel = "P",
            description = "Keystore password (else the environment variable " + Secrets.PASSWORD_ENV + ").")
    Optional<String> password = Optional.empty();

    @Option(names = "--signer-trust", required = true, paramLabel = "CA.pem",
            description = "Trusted CA certificate(s) of the office's envelope signers.")
    Path signerTrust;

    @Option(names = "--recipient", paramLabel = "ID", description = "The company's id; the envelope must be "
            + "addressed to it (default: the envelope's recipient).")
    Optional<String> recipient = Optional.empty();

    @Option(names = "--senders", paramLabel = "FILE", description = "Sender directory (JSON) for the office's "
            + "signers, as for verify.")
    Optional<Path> senders = Optional.empty();

    @Option(names = {"-o", "--out"}, paramLabel = "OUT", description = "Write the signed response here.")
    Optional<Path> out = Optional.empty();

    @Option(names = "--to", paramLabel = "URI", description = "Send the response to the office: its response "
            + "endpoint https://host/path (mutual TLS with --tls-key, server trusted with --tls-trust), its "
            + "mailbox mailto:address (S/MIME-signed email through --smtp-host, server trusted with --tls-trust), or "
            + "a TAXII collection, as a note on the share's report: taxii://host/<api-root>/collections/<id>/ "
            + "(taxii+http:// on loopback; --taxii-user, --taxii-password; --tls-trust for a private CA).")
    Optional<URI> to = Optional.empty();

    @Option(names = "--tls-trust", paramLabel = "CA.pem", description = "Trusted CA certificate(s) for the "
            + "office's TLS server, or for mailto: the SMTP server's (required with --to).")
    Optional<Path> tlsTrust = Optional.empty();

    @Option(names = "--tls-key", paramLabel = "P12", description = "The company's TLS client credential for "
            + "mutual TLS (required with --to https://...; same password as --key).")
    Optional<Path> tlsKey = Optional.empty();

    @Option(names = "--smtp-host", paramLabel = "H", description = "mailto: the company's SMTP submission server.")
    Optional<String> smtpHost = Optional.empty();

    @picocli.CommandLine.Mixin
    SmtpOptions smtp = new SmtpOptions();

    @Option(names = "--from", paramLabel = "ADDRESS", description = "mailto: the company's sender address.")
    Optional<String> from = Optional.empty();

    @Option(names = "--smime-key", paramLabel = "P12", description = "mailto: the S/MIME signing credential "
            + "(emailProtection purpose; same password as --key). Default --key, the receipt key the response is "
            + "signed with, so the office's email receiver verifies the mail against the company's receipt "
            + "certificate; a separate mail certificate must be bound to the company in the office's sender "
            + "directory.")
    Optional<Path> smimeKey = Optional.empty();

    @Option(names = "--taxii-user", paramLabel = "USER", description = "HTTP Basic user for a taxii:// --to.")
    Optional<String> taxiiUser = Optional.empty();

    @Option(names = "--taxii-password", paramLabel = "P", description = "HTTP Basic password for a taxii:// --to "
            + "(else the environment variable " + TAXII_PASSWORD_ENV + ").")
    Optional<String> taxiiPassword = Optional.empty();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        if (out.isEmpty() && to.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "respond needs -o OUT or --to URI (or both)");
        }
        ResponseKind responseKind = kind(kind);
        String scheme = to.map(u -> Optional.ofNullable(u.getScheme()).orElse("")).orElse("")
                .toLowerCase(Locale.ROOT);
        boolean taxii = TAXII_SCHEMES.contains(scheme);
        if (to.isPresent() && !scheme.equals("https") && !scheme.equals("mailto") && !taxii) {
            throw new CliException(ExitCodes.USAGE, "--to must be an https:// URI of the office's response "
                    + "endpoint, a mailto: address of its mailbox or a taxii://host/<api-root>/collections/<id>/ "
                    + "collection (taxii+http:// on loopback), was '" + to.get() + "'");
        }
        // Missing delivery options are usage errors before anything is verified, signed or written.
        if (scheme.equals("https") && tlsKey.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "--to needs --tls-key P12: the company's TLS client credential "
                    + "for mutual TLS");
        }
        if (to.isPresent() && !taxii && tlsTrust.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "--to needs --tls-trust CA.pem: the CA of the "
                    + (scheme.equals("mailto") ? "SMTP server's" : "office's") + " TLS server certificate");
        }
        if (scheme.equals("mailto") && (smtpHost.isEmpty() || from.isEmpty())) {
            throw new CliException(ExitCodes.USAGE, "--to mailto: needs --smtp-host H and --from ADDRESS (the "
                    + "company's SMTP submission server and sender address)");
        }
        byte[] bytes = Documents.readBytes(file, System.in);
        EnvelopeVerifier.Builder b = EnvelopeVerifier.builder().trustAnchors(Secrets.certificates(signerTrust))
                .complianceRechecker(SopRechecker.standard());
        recipient.ifPresentOrElse(b::expectedRecipient, b::anyRecipient);
        senders.ifPresent(f -> b.senderDirectory(SenderDirectories.read(f)));
        VerifiedEnvelope received;
        try {
            received = b.build().verify(bytes);
        } catch (EnvelopeException e) {
            throw new CliException(ExitCodes.FAILED, file + ": envelope rejected: " + e.getMessage(), e);
        }
        char[] pw = Secrets.password(password);
        SigningCredential credential = Secrets.credential(key, pw);
        SignedEnvelope response;
        try {
            response = EnvelopeSigner.builder(credential, received.recipientId()).build()
                    .signResponse(received, responseKind, note);
        } catch (EnvelopeException e) {
            throw new CliException(ExitCodes.FAILED, file + ": cannot respond: " + e.getMessage(), e);
        } catch (InvalidModelException e) {
            throw new CliException(ExitCodes.USAGE, "--note: " + e.getMessage(), e);
        }
        EnvelopeBody.Receipt body = (EnvelopeBody.Receipt) response.content().body();
        o.printf("signed response %s (%s) from %s to envelope %s, envelope %s%n", body.response().id(),
                responseKind, received.recipientId(), received.envelopeId(), response.envelopeId());
        if (out.isPresent()) {
            Path parent = out.get().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(out.get(), response.serialized());
            o.printf("written to %s%n", out.get());
        }
        if (taxii) {
            // The response goes to the collection as a note on the share's report; the office pulls it from there.
            TaxiiTransport.Builder tb = TaxiiTransport.builder();
            if (taxiiUser.isPresent()) {
                String tp = taxiiPassword.orElseGet(() -> System.getenv(TAXII_PASSWORD_ENV));
                if (tp == null || tp.isEmpty()) {
                    throw new CliException(ExitCodes.USAGE, "--taxii-user needs a password: pass --taxii-password P "
                            + "or set " + TAXII_PASSWORD_ENV);
                }
                tb.basicAuth(taxiiUser.get(), tp.toCharArray());
            }
            if (tlsTrust.isPresent()) {
                tb.sslContext(tlsKey.isPresent() ? TlsContexts.of(Secrets.credential(tlsKey.get(), pw),
                        Secrets.certificates(tlsTrust.get())) : TlsContexts.trusting(Secrets.certificates(
                        tlsTrust.get())));
            }
            deliver(tb.build(), response, o);
        } else if (to.isPresent()) {
            Path trust = tlsTrust.orElseThrow(() -> new CliException(ExitCodes.USAGE, "--to needs --tls-trust "
                    + "CA.pem: the CA of the " + (scheme.equals("mailto") ? "SMTP server's" : "office's")
                    + " TLS server certificate"));
            DeliveryResult result;
            if (scheme.equals("mailto")) {
                result = email(Secrets.certificates(trust), pw).deliver(new Delivery(response, to.get()));
            } else {
                Path tlsKeyFile = tlsKey.orElseThrow(() -> new CliException(ExitCodes.USAGE, "--to needs --tls-key "
                        + "P12: the company's TLS client credential for mutual TLS"));
                try (HttpsTransport transport = HttpsTransport.builder().sslContext(TlsContexts.of(
                        Secrets.credential(tlsKeyFile, pw), Secrets.certificates(trust))).build()) {
                    result = transport.deliver(new Delivery(response, to.get()));
                }
            }
            if (!(result instanceof DeliveryResult.Delivered d)) {
                String reason = result instanceof DeliveryResult.PermanentFailure p ? p.reason()
                        : ((DeliveryResult.RetryableFailure) result).reason();
                throw new CliException(ExitCodes.IO_FAILURE, "response not delivered to " + to.get() + ": "
                        + reason);
            }
            o.printf("delivered to %s: %s%n", to.get(), d.detail());
        }
        return ExitCodes.OK;
    }

    /**
     * The company's mail transport: S/MIME-signed with its receipt key by default, so the mail's signer is the
     * response's signer and the office needs no extra binding.
     */
    private Transport email(List<java.security.cert.X509Certificate> smtpAnchors, char[] pw) {
        SmtpSecurity security = smtp.security();
        String host = smtpHost.orElseThrow(() -> new CliException(ExitCodes.USAGE, "--to mailto: needs --smtp-host "
                + "H: the company's SMTP submission server"));
        String sender = from.orElseThrow(() -> new CliException(ExitCodes.USAGE, "--to mailto: needs --from "
                + "ADDRESS: the company's sender address"));
        try {
            EmailAddress.fromMailto(to.orElseThrow());
            EmailAddress fromAddress = EmailAddress.parse("--from", sender);
            SmtpSettings.Builder settings = smtp.settings(host, security, smtpAnchors);
            SigningCredential smime = Secrets.credential(smimeKey.orElse(key), pw);
            return EmailTransport.builder(settings.build(), fromAddress, smime, BodyRenderer.standard()).build();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        } catch (org.fmishare.core.FmiShareException e) {
            if (e.isInputRejection()) {
                throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
            }
            throw e;
        }
    }

    private void deliver(org.fmishare.core.transport.Transport transport, SignedEnvelope response, PrintWriter o) {
        DeliveryResult result = transport.deliver(new Delivery(response, to.orElseThrow()));
        if (!(result instanceof DeliveryResult.Delivered d)) {
            String reason = result instanceof DeliveryResult.PermanentFailure p ? p.reason()
                    : ((DeliveryResult.RetryableFailure) result).reason();
            throw new CliException(ExitCodes.IO_FAILURE, "response not delivered to " + to.get() + ": " + reason);
        }
        o.printf("delivered to %s: %s%n", to.get(), d.detail());
    }

    static ResponseKind kind(String value) {
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ResponseKind k : ResponseKind.values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        throw new CliException(ExitCodes.USAGE, "--kind must be one of " + List.of("acknowledged",
                "took-independent-action", "declined", "no-response") + ", was '" + value + "'");
    }
}

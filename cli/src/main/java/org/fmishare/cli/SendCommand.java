package org.fmishare.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.OutboxEntry;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.delivery.outbox.OutboxStore;
import org.fmishare.delivery.outbox.RecoveryReport;
import org.fmishare.delivery.CompanyRecord;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.delivery.HandlingException;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.core.transport.Loopback;
import org.fmishare.core.transport.Transport;
import org.fmishare.core.transport.TransportException;
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
 * {@code fmi-share send ENVELOPE --to URI --outbox DIR --signer-trust CA.pem --tls-trust CA.pem}: verifies a
 * signed envelope file as its sender, queues it in a durable outbox ({@code DIR/outbox.journal}) and delivers it
 * with the transport the URI's scheme selects, waiting for the outcome. The envelope stays in the outbox whatever
 * happens, so a later {@code send} of the same file to the same destination reports the recorded outcome instead of
 * delivering twice (or, if it was dead-lettered, queues it again); to another destination it is a new delivery,
 * tracked on its own.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Deliver a signed envelope (as written by 'sign') through a durable outbox and wait for the "
                + "outcome. Exit 0 delivered, 1 the envelope does not verify or its TLP marking is above "
                + "--clearance, 4 not delivered (dead-lettered, or "
                + "still queued at --timeout).",
            "Destinations: https://host/path (mutual TLS with --key; http:// only to loopback), "
                + "mailto:address (S/MIME email: --smtp-host, --from, --key), "
                + "taxii://host/<api-root>/collections/<id>/ (taxii+http:// only to loopback; --user)."},
        footer = ExitCodes.HELP)
final class SendCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ENVELOPE", description = "Signed envelope file (JWS JSON), or - for "
            + "standard input.")
    String file;

    @Option(names = "--to", required = true, paramLabel = "URI", description = "Destination; its scheme selects "
            + "the transport (https, http to loopback, mailto, taxii, taxii+http to loopback).")
    URI to;

    @Option(names = "--outbox", required = true, paramLabel = "DIR|JDBC-URL", description = "Outbox directory (the "
            + "journal is DIR/outbox.journal, created if needed) or a JDBC URL such as jdbc:postgresql://host/db "
            + "(table fmi_share_outbox, created if needed).")
    String outbox;

    @Option(names = "--db-user", paramLabel = "USER",
            description = "Database user for a JDBC outbox (default: $" + Outboxes.USER_ENV + ").")
    Optional<String> dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Database password for a JDBC outbox "
            + "(default: $" + Outboxes.PASSWORD_ENV + ", which keeps it out of the process list).")
    Optional<String> dbPassword;

    @Option(names = "--signer-trust", required = true, paramLabel = "CA.pem", description = "Trusted CA "
            + "certificate(s) for signers: the envelope's signer before it is queued, and the receiver's signed "
            + "receipt (https; a receipt that does not verify dead-letters the envelope).")
    Path signerTrust;

    @picocli.CommandLine.Mixin
    ReviewerTrustOptions reviewerTrust = new ReviewerTrustOptions();

    @picocli.CommandLine.Mixin
    CrlOptions crls = new CrlOptions();

    @Option(names = "--tls-trust", paramLabel = "CA.pem", description = "Trusted CA certificate(s) for the server we "
            + "connect to (https, smtps/starttls, taxii); required for those, not used for http:// or taxii+http:// "
            + "to loopback.")
    Optional<Path> tlsTrust = Optional.empty();

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "How long to wait for delivery (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    // 15 attempts with 0.5-10 s back-off (jitter 0.2) wait at least 84 s in all before giving up, so a receiver
    // restart or an outage of a minute does not dead-letter the envelope; 5 gave up after 6 s.
    @Option(names = "--max-attempts", defaultValue = "15", paramLabel = "N",
            description = "Delivery attempts before the envelope is dead-lettered (default ${DEFAULT-VALUE}: "
                    + "together at least 84 s of back-off, so an outage of a minute is ridden out).")
    int maxAttempts;

    @Option(names = "--key", paramLabel = "P12", description = "https: the TLS client credential for mutual TLS; "
            + "mailto: the S/MIME signing credential.")
    Optional<Path> key = Optional.empty();

    @Option(names = "--password", paramLabel = "P", description = "Keystore password for --key; for taxii the "
            + "HTTP Basic password (else the environment variable " + Secrets.PASSWORD_ENV + ").")
    Optional<String> password = Optional.empty();

    @Option(names = "--smtp-host", paramLabel = "H", description = "mailto: SMTP submission server.")
    Optional<String> smtpHost = Optional.empty();

    @picocli.CommandLine.Mixin
    SmtpOptions smtp = new SmtpOptions();

    @Option(names = "--from", paramLabel = "ADDRESS", description = "mailto: sender address.")
    Optional<String> from = Optional.empty();

    @Option(names = "--user", paramLabel = "U", description = "taxii: HTTP Basic user.")
    Optional<String> user = Optional.empty();

    @Option(names = "--clearance", defaultValue = "AMBER", paramLabel = "TLP", description = "The highest TLP "
            + "marking the recipient company may receive: CLEAR, GREEN, AMBER, AMBER+STRICT or RED (default "
            + "${DEFAULT-VALUE}). A share marked above it is refused before anything is queued or sent.")
    String clearance;

    @Option(names = "--red-recipient", paramLabel = "URI", description = "With --clearance RED: a destination "
            + "named to receive TLP:RED (repeatable); a TLP:RED share goes only to a named destination.")
    List<URI> redRecipients = new java.util.ArrayList<>();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (timeoutSeconds < 1) {
            throw new CliException(ExitCodes.USAGE, "--timeout must be at least 1 second, was " + timeoutSeconds);
        }
        if (maxAttempts < 1) {
            throw new CliException(ExitCodes.USAGE, "--max-attempts must be at least 1, was " + maxAttempts);
        }
        String scheme = Optional.ofNullable(to.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        List<X509Certificate> anchors = Secrets.certificates(signerTrust);
        byte[] bytes = Documents.readBytes(file, System.in);
        VerifiedEnvelope verified;
        try {
            // The file is input to this command, not something it signed, so it is checked in full before it is
            // queued. A fresh verifier sees this nonce for the first time; the transports then use the content the
            // outbox reads from the stored bytes and never verify it again.
            EnvelopeVerifier.Builder vb = EnvelopeVerifier.builder().trustAnchors(anchors).crls(crls.crls())
                    .anyRecipient();
            reviewerTrust.read(crls.files).ifPresent(vb::reviewerTrust);
            verified = vb.build().verify(bytes);
        } catch (EnvelopeException e) {
            throw new CliException(ExitCodes.FAILED, "refusing to send " + file + ": the envelope does not verify: "
                    + e.getMessage(), e);
        }
        SignedEnvelope.Stored envelope = new SignedEnvelope.Stored(verified.envelopeId(), verified.recipientId(),
                verified.expiresAt(), verified.digest(), bytes);
        Transport transport = switch (scheme) {
            case "https", "http" -> https(scheme, anchors, verified);
            case "mailto" -> email(tlsAnchors("mailto"));
            case "taxii", "taxii+http" -> taxii(scheme);
            default -> throw new CliException(ExitCodes.USAGE, "--to: unsupported scheme '" + scheme + "' in " + to
                    + " (use https, mailto or taxii)");
        };
        CompanyRecord company = companyRecord(verified.recipientId());
        OutboxEntry entry = deliver(envelope, transport, company);
        int code = report(out, entry, envelope, verified);
        // Delivered, but the journal lost other envelopes on recovery: that must not look like success.
        lostOnRecovery.ifPresent(lost -> {
            throw new CliException(ExitCodes.IO_FAILURE, lost);
        });
        return code;
    }

    /** Set when opening the journal found envelopes it could not recover; reported on stderr and in the exit. */
    private Optional<String> lostOnRecovery = Optional.empty();

    private void checkRecovery(FileJournalStore store) {
        RecoveryReport r = store.recovery();
        if (r.nothingLost()) {
            return;
        }
        String lost = "outbox journal " + store.file() + " was damaged and recovery lost "
                + (r.lostEnvelopeIds().isEmpty() ? "" : "envelope(s) " + String.join(", ", r.lostEnvelopeIds()))
                + (r.unidentifiedDamagedRegions() == 0 ? "" : (r.lostEnvelopeIds().isEmpty() ? "" : " and ")
                        + r.unidentifiedDamagedRegions() + " record(s) that could not be identified")
                + ": send them again from their signed files"
                + r.damagedCopy().map(c -> "; the damaged original is kept in " + c).orElse("");
        spec.commandLine().getErr().println("fmi-share: " + lost);
        lostOnRecovery = Optional.of(lost);
    }

    /**
     * Sending a dead-lettered envelope again to the same destination is the operator's retry: that delivery goes back
     * to the queue. (A new destination is a new delivery, which {@code submit} queued.)
     */
    private void requeueIfDead(Dispatcher dispatcher, String envelopeId) {
        OutboxEntry existing = dispatcher.status(envelopeId, to).orElseThrow();
        if (existing.state() != OutboxState.DEAD) {
            return;
        }
        dispatcher.replay(envelopeId, to);
        spec.commandLine().getOut().printf("re-queued dead letter %s to %s (it failed before: %s)%n", envelopeId, to,
                existing.lastError().orElse("no reason recorded"));
    }

    /** The recipient's handling record from --clearance and --red-recipient. */
    private CompanyRecord companyRecord(String recipientId) {
        TlpMarking highest = java.util.Arrays.stream(TlpMarking.values())
                .filter(t -> t.name().equalsIgnoreCase(clearance.replace('+', '_'))
                        || t.label().equalsIgnoreCase(clearance))
                .findFirst().orElseThrow(() -> new CliException(ExitCodes.USAGE, "--clearance must be CLEAR, GREEN, "
                        + "AMBER, AMBER+STRICT or RED, was '" + clearance + "'"));
        try {
            return new CompanyRecord(recipientId, highest, java.util.Set.copyOf(redRecipients));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--clearance " + highest.label() + ": " + e.getMessage()
                    + (highest == TlpMarking.RED ? "; pass --red-recipient URI" : "; --red-recipient needs "
                    + "--clearance RED"), e);
        }
    }

    private OutboxEntry deliver(SignedEnvelope.Stored envelope, Transport transport, CompanyRecord company)
            throws InterruptedException {
        try (OutboxStore store = Outboxes.open(outbox, dbUser, dbPassword);
                Dispatcher dispatcher = Dispatcher.builder().store(store).transport(transport).company(company)
                        .maxAttempts(maxAttempts).backoff(Duration.ofMillis(500), Duration.ofSeconds(10))
                        .build().start()) {
            if (store instanceof FileJournalStore journal) {
                checkRecovery(journal);
            }
            try {
                if (!dispatcher.submit(envelope, to)) {
                    requeueIfDead(dispatcher, envelope.envelopeId());
                }
            } catch (TransportException e) {
                throw new CliException(ExitCodes.USAGE, "--to: " + e.getMessage(), e);
            } catch (HandlingException e) {
                throw new CliException(ExitCodes.FAILED, "refusing to send " + file + ": " + e.getMessage(), e);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
            while (true) {
                OutboxEntry entry = dispatcher.status(envelope.envelopeId(), to).orElseThrow();
                if (entry.state() != OutboxState.QUEUED || System.nanoTime() > deadline) {
                    return entry;
                }
                Thread.sleep(20);
            }
        }
    }

    private int report(PrintWriter out, OutboxEntry entry, SignedEnvelope.Stored envelope, VerifiedEnvelope sent) {
        switch (entry.state()) {
            case DELIVERED -> {
                out.printf("delivered %s to %s after %d failed attempt(s)%n", entry.envelopeId(),
                        entry.destination(), entry.attempts());
                byte[] receipt = entry.receipt();
                if (receipt.length > 0) {
                    List<X509Certificate> roots = Secrets.certificates(signerTrust);
                    try {
                        VerifiedEnvelope r = EnvelopeVerifier.builder().trustAnchors(roots).crls(crls.crls())
                                .expectedRecipient(sent.sender().id()).build().verifyReceipt(receipt, envelope);
                        out.println("signed receipt verified:");
                        out.println(r.summary());
                    } catch (EnvelopeException e) {
                        out.printf("receipt: %d bytes, not verified (%s)%n", receipt.length, e.getMessage());
                    }
                }
                return ExitCodes.OK;
            }
            case DEAD -> {
                String reason = entry.lastError().orElse("no reason recorded");
                out.printf("dead-lettered %s to %s: %s%n", entry.envelopeId(), entry.destination(), reason);
                throw new CliException(ExitCodes.IO_FAILURE, "not delivered: " + reason);
            }
            default -> {
                out.printf("queued %s to %s: %d failed attempt(s) so far%s%n", entry.envelopeId(), entry.destination(),
                        entry.attempts(), entry.lastError().map(e -> ", last error: " + e).orElse(""));
                throw new CliException(ExitCodes.IO_FAILURE, "not delivered within " + timeoutSeconds
                        + " s; the envelope stays in " + (Outboxes.isJdbc(outbox) ? Outboxes.redact(outbox)
                                : Path.of(outbox).resolve("outbox.journal")) + " and is retried by the next send from this outbox");
            }
        }
    }

    /** The server's CA: required for every TLS connection, never borrowed from the signer trust. */
    private List<X509Certificate> tlsAnchors(String what) {
        return Secrets.certificates(tlsTrust.orElseThrow(() -> new CliException(ExitCodes.USAGE, what
                + " needs --tls-trust CA.pem: the CA of the server's TLS certificate")));
    }

    private Transport https(String scheme, List<X509Certificate> signerAnchors, VerifiedEnvelope verified) {
        HttpsTransport.Builder b = HttpsTransport.builder();
        if (scheme.equals("http")) {
            if (!isLoopback(to.getHost())) {
                throw new CliException(ExitCodes.USAGE, "--to: plain http:// is allowed only to a loopback address "
                        + "(localhost, 127.0.0.1, [::1]); use https:// for " + to.getHost());
            }
            b.allowPlainHttpToLoopback();
        }
        if (scheme.equals("https")) {
            if (key.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, "https needs --key P12: the TLS client credential for mutual "
                        + "TLS");
            }
            b.sslContext(TlsContexts.of(Secrets.credential(key.get(), Secrets.password(password)),
                    tlsAnchors("https")));
        }
        // Receipts are signed artefacts: verified against the signer trust, bound to the company's receipt key.
        b.receiptVerifier(EnvelopeVerifier.builder().trustAnchors(signerAnchors).crls(crls.crls())
                .expectedRecipient(verified.sender().id()).build());
        return b.build();
    }

    private Transport email(List<X509Certificate> anchors) {
        SmtpSecurity security = smtp.security();
        String host = smtpHost.orElseThrow(() -> new CliException(ExitCodes.USAGE, "mailto needs --smtp-host H"));
        String sender = from.orElseThrow(() -> new CliException(ExitCodes.USAGE, "mailto needs --from ADDRESS"));
        Path p12 = key.orElseThrow(() -> new CliException(ExitCodes.USAGE, "mailto needs --key P12: the S/MIME "
                + "signing credential"));
        try {
            EmailAddress.fromMailto(to);
            EmailAddress fromAddress = EmailAddress.parse("--from", sender);
            SmtpSettings.Builder settings = smtp.settings(host, security, anchors);
            SigningCredential smime = Secrets.credential(p12, Secrets.password(password));
            return EmailTransport.builder(settings.build(), fromAddress, smime, BodyRenderer.standard())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        } catch (org.fmishare.core.FmiShareException e) {
            if (e.isInputRejection()) {
                throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
            }
            throw e;
        }
    }

    private Transport taxii(String scheme) {
        if (scheme.equals("taxii+http") && !isLoopback(to.getHost())) {
            throw new CliException(ExitCodes.USAGE, "--to: taxii+http:// is allowed only to a loopback address; use "
                    + "taxii:// (HTTPS) for " + to.getHost());
        }
        TaxiiTransport.Builder b = TaxiiTransport.builder();
        user.ifPresent(u -> b.basicAuth(u, Secrets.password(password)));
        if (scheme.equals("taxii")) {
            b.sslContext(TlsContexts.trusting(tlsAnchors("taxii")));
        }
        return b.build();
    }

    /** The SDK's loopback rule ({@link Loopback}); a URI without a host is not loopback. */
    private static boolean isLoopback(String host) {
        return host != null && Loopback.isLoopbackHost(host);
    }
}

package org.fmishare.transport.email;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.core.transport.Transport;
import org.fmishare.transport.email.internal.MessageIds;
import org.fmishare.transport.email.internal.SmimeComposer;
import org.fmishare.transport.email.internal.SmtpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers envelopes by S/MIME-signed email to {@code mailto:} destinations: the {@link Transport} for the
 * {@code org.fmishare.delivery.Dispatcher}, and a direct {@link #send} for callers without an outbox.
 *
 * <p>Each message carries a human-readable body (plain text and HTML, from the configured {@link BodyRenderer}),
 * the envelope attached as {@code application/jose+json}, and is signed as a whole ({@code multipart/signed},
 * detached CMS, RFC 8551); when a certificate is registered for the recipient it is then encrypted to it
 * ({@code application/pkcs7-mime}). The Message-ID is {@code <fmi-share.<envelope id>@<sender domain>>} on every
 * attempt, so a retry is recognisable; {@link EmailReceiver} dedupes by envelope id.
 *
 * <p>Header safety: the recipient comes only from the {@code mailto:} URI's single address (URI header fields such
 * as {@code ?bcc=} are refused), the subject from the body renderer, and every value is validated before it
 * reaches a header or an SMTP command ({@link EmailTransportException.HeaderRejected}; nothing is sent).
 *
 * <p>Outcomes in {@link #deliver}: SMTP 4xx replies and connection failures are retryable; SMTP 5xx replies,
 * missing STARTTLS, TLS failures, authentication failures, rejected headers and unrenderable bodies are permanent
 * (retrying cannot help until the configuration changes; the dispatcher's replay resends after the fix). The
 * {@code Delivered} result has an empty receipt: email receipts arrive later as their own messages.
 *
 * <pre>{@code
 * EmailTransport email = EmailTransport.builder(
 *                 SmtpSettings.builder("smtp.agency.example", 587, SmtpSecurity.STARTTLS_REQUIRED)
 *                         .credentials("fitf-mailer", password).build(),
 *                 EmailAddress.parse("fitf-shares@agency.example"), smimeCredential,
 *                 BodyRenderer.standard())
 *         .recipientCertificate(EmailAddress.parse("trust-safety@smc.example"), smcCertificate)
 *         .build();
 * Dispatcher dispatcher = Dispatcher.builder().store(store).transport(email).build().start();
 * dispatcher.submit(envelope, URI.create("mailto:trust-safety@smc.example"));
 * }</pre>
 *
 * <p>Immutable and thread-safe; one connection per message.
 */
public final class EmailTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(EmailTransport.class);

    private final SmtpClient smtp;
    private final SmimeComposer composer;
    private final EmailAddress from;
    private final BodyRenderer bodyRenderer;
    private final Map<EmailAddress, X509Certificate> recipientCertificates;
    private final boolean requireEncryption;
    private final Clock clock;
    private final SmtpSettings settings;

    private EmailTransport(Builder b) {
        this.settings = b.settings;
        this.smtp = new SmtpClient(b.settings, b.from);
        this.composer = new SmimeComposer(b.smimeSigner);
        this.from = b.from;
        this.bodyRenderer = b.bodyRenderer;
        this.recipientCertificates = Map.copyOf(b.recipientCertificates);
        this.requireEncryption = b.requireEncryption;
        this.clock = b.clock;
    }

    /**
     * Starts a builder with everything required.
     *
     * @param smtp the submission server
     * @param from the sender address (From and MAIL FROM)
     * @param smimeSigner the key and chain that sign each message (EC P-256/P-384 or RSA)
     * @param bodyRenderer produces the readable body; usually {@link BodyRenderer#standard()}
     * @return a builder
     * @throws IllegalArgumentException when the S/MIME key is Ed25519
     */
    public static Builder builder(SmtpSettings smtp, EmailAddress from, SigningCredential smimeSigner,
            BodyRenderer bodyRenderer) {
        return new Builder(smtp, from, smimeSigner, bodyRenderer);
    }

    /** {@return {@code mailto}} */
    @Override
    public Set<String> schemes() {
        return Set.of("mailto");
    }

    /**
     * One delivery attempt; never throws for delivery problems (see the type's outcome table).
     *
     * @param delivery the envelope (its content renders the body) and a {@code mailto:} URI with exactly one
     *     address
     * @return delivered (empty receipt), retryable or permanent failure
     */
    @Override
    public DeliveryResult deliver(Delivery delivery) {
        Objects.requireNonNull(delivery, "delivery");
        try {
            EmailAddress to = EmailAddress.fromMailto(delivery.destination());
            send(delivery.envelope(), to);
            return new DeliveryResult.Delivered(new byte[0], "accepted by " + settings.host() + " for " + to);
        } catch (EmailTransportException.DeliveryFailed e) {
            if (e.retryable()) {
                return DeliveryResult.retry(e.getMessage());
            }
            return new DeliveryResult.PermanentFailure(e.getMessage());
        } catch (EmailTransportException e) {
            return new DeliveryResult.PermanentFailure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * Sends an envelope now, without an outbox.
     *
     * @param envelope the envelope
     * @param to the recipient
     * @return the Message-ID used
     * @throws EmailTransportException.HeaderRejected when a header value is unsafe
     * @throws EmailTransportException.BodyUnavailable when no body can be rendered
     * @throws EmailTransportException.SmimeFailed when signing or encrypting fails, or encryption is required and
     *     no certificate is registered for {@code to}
     * @throws EmailTransportException.DeliveryFailed when the server does not take it
     */
    public String send(OutboundEnvelope envelope, EmailAddress to) {
        MimeMessage message = compose(envelope, to);
        smtp.send(message, to);
        String id = MessageIds.of(envelope.envelopeId(), from);
        LOG.info("email: envelope {} accepted by {}:{} for {}", envelope.envelopeId(), settings.host(),
                settings.port(), to.domain());
        return id;
    }

    /**
     * The exact message {@link #send} would transmit (RFC 5322 bytes), for archiving or inspection. The signature
     * and the Date header differ between calls; the Message-ID does not.
     *
     * @param envelope the envelope
     * @param to the recipient
     * @return the message bytes
     * @throws EmailTransportException as for {@link #send}, except {@code DeliveryFailed}
     */
    public byte[] render(OutboundEnvelope envelope, EmailAddress to) {
        MimeMessage m = compose(envelope, to);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new EmailTransportException.SmimeFailed("cannot serialise message: " + e.getMessage(), e);
        }
    }

    private MimeMessage compose(OutboundEnvelope envelope, EmailAddress to) {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(to, "to");
        X509Certificate encryptTo = recipientCertificates.get(to);
        if (encryptTo == null && requireEncryption) {
            throw new EmailTransportException.SmimeFailed("encryption is required but no S/MIME certificate is "
                    + "registered for " + to, null);
        }
        EmailBody body = bodyRenderer.render(envelope.content());
        return composer.compose(smtp.session(), envelope, body, from, to, encryptTo, clock.instant());
    }

    @Override
    public String toString() {
        return "EmailTransport[" + settings + ", from " + from + "]";
    }

    /** Configures an {@link EmailTransport}. Not thread-safe. */
    public static final class Builder {
        private final SmtpSettings settings;
        private final EmailAddress from;
        private final SigningCredential smimeSigner;
        private final BodyRenderer bodyRenderer;
        private final Map<EmailAddress, X509Certificate> recipientCertificates = new HashMap<>();
        private boolean requireEncryption;
        private Clock clock = Clock.systemUTC();

        private Builder(SmtpSettings settings, EmailAddress from, SigningCredential smimeSigner,
                BodyRenderer bodyRenderer) {
            this.settings = Objects.requireNonNull(settings, "smtp");
            this.from = Objects.requireNonNull(from, "from");
            this.smimeSigner = Objects.requireNonNull(smimeSigner, "smimeSigner");
            this.bodyRenderer = Objects.requireNonNull(bodyRenderer, "bodyRenderer");
            new SmimeComposer(smimeSigner); // fail fast on an unsuitable key
        }

        /**
         * Encrypts every message to this address with this certificate (S/MIME, after signing).
         *
         * @param recipient the address
         * @param certificate its RSA or EC encryption certificate
         * @return this builder
         * @throws IllegalStateException when a certificate was already registered for the address
         * @throws IllegalArgumentException when the certificate's key cannot receive S/MIME encryption
         */
        public Builder recipientCertificate(EmailAddress recipient, X509Certificate certificate) {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(certificate, "certificate");
            String alg = certificate.getPublicKey().getAlgorithm();
            if (!alg.equals("RSA") && !alg.equals("EC")) {
                throw new IllegalArgumentException("S/MIME encryption needs an RSA or EC certificate, got " + alg);
            }
            X509Certificate previous = recipientCertificates.putIfAbsent(recipient, certificate);
            if (previous != null) {
                throw new IllegalStateException("a certificate is already registered for " + recipient);
            }
            return this;
        }

        /**
         * Refuses to send to an address without a registered certificate (permanent failure), so nothing leaves
         * unencrypted by mistake.
         *
         * @return this builder
         */
        public Builder requireEncryption() {
            this.requireEncryption = true;
            return this;
        }

        /** @param clock the clock for the Date header (default UTC system clock) @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** {@return the transport} */
        public EmailTransport build() {
            return new EmailTransport(this);
        }
    }
}

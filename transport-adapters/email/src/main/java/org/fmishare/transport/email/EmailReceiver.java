package org.fmishare.transport.email;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.fmishare.core.envelope.EnvelopeContent;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.transport.LogContext;
import org.fmishare.core.envelope.EnvelopeKind;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.core.envelope.SenderDirectory;
import org.fmishare.core.envelope.ShareStates;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.jose.Digests;
import org.fmishare.disclosure.DisclosureException;
import org.fmishare.disclosure.DisclosureReport;
import org.fmishare.disclosure.DisclosureVerifier;
import org.fmishare.disclosure.MessageKind;
import org.fmishare.transport.email.internal.SmimeReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies received fmi-share email and returns the verified payload, or throws the {@link EmailTransportException}
 * subtype of the first failed check.
 *
 * <p>Checks, in order: size; decryption when the message is S/MIME-encrypted (or refusal when encryption is
 * required and absent); exactly one S/MIME signer, SHA-2 digest, signature valid, signer certificate chaining
 * (PKIX, now) to a configured S/MIME trust anchor with a signing key usage; the fixed structure (one
 * {@code multipart/alternative} with {@code text/plain} and optional {@code text/html}, one
 * {@code application/jose+json} envelope); the envelope through the configured {@link EnvelopeVerifier}; for
 * shares, meeting notices and briefing summaries the mandatory disclosures in the text body, the HTML body and
 * the envelope's machine-readable list ({@link DisclosureVerifier}).
 *
 * <p>Binding the mail to the envelope: the S/MIME signer must be the envelope's signer certificate, or a certificate
 * the configured {@link SenderDirectory} binds to the envelope's sender id (a separate mail certificate of the same
 * party); otherwise {@link EmailTransportException.SignerMismatch}. The readable text and HTML handed out by
 * {@link ReceivedEmail#text()} and {@link ReceivedEmail#html()} are rendered from the verified envelope with the
 * configured {@link BodyRenderer} (the sender's standard renderer by default), never taken from the MIME parts; a
 * text part that differs from that rendering is refused ({@link EmailTransportException.BodyMismatch}), so words
 * added by whoever composed the mail (an order to act "within 24 hours") never reach a reader.
 *
 * <p>Deduplication by envelope id: a message whose attached envelope is byte-identical to one this receiver
 * already accepted (a retry, or the same message fetched twice) is S/MIME- and disclosure-checked again and
 * returned with {@link ReceivedEmail#duplicate()} true, instead of failing the envelope verifier's replay check.
 * A different envelope reusing a known id is rejected. Entries are kept until the envelope expires (plus a day) in
 * the {@link EmailDedupeStore}: in memory by default, so a receiver restarted between two copies would report the
 * second as new. Give the receiver a
 * {@link FileEmailDedupeStore} (one machine) or a {@link JdbcEmailDedupeStore} (receivers sharing PostgreSQL) to
 * recognise repeats across restarts and instances; a repeat the store knows but this instance has not verified is
 * verified again without the replay check ({@link EnvelopeVerifier#verifyRepeat}). Pair it with a persistent
 * replay cache in the envelope verifier ({@code FileReplayCache}, {@code JdbcReplayCache}) so that a different
 * envelope reusing a nonce is refused after a restart too. The replay cache keeps each nonce with its envelope's
 * digest, so the same envelope verified again is a repeat, not a replay ({@link VerifiedEnvelope#repeated()}): a
 * receiver that lost the race for the nonce to another sharing the stores, or that died after verifying a message
 * and before recording it, reports the message as a duplicate or as new, never refuses it.
 *
 * <pre>{@code
 * EmailReceiver receiver = EmailReceiver.builder()
 *         .smimeTrustAnchors(List.of(agencyRoot))
 *         .envelopeVerifier(EnvelopeVerifier.builder().trustAnchor(agencyRoot)
 *                 .expectedRecipient("smc-examplesocial").build())
 *         .build();
 * ReceivedEmail mail = receiver.receive(rawMessageBytes); // or throws EmailTransportException
 * if (!mail.duplicate()) {
 *     process(mail.envelope().share().orElseThrow());
 * }
 * }</pre>
 *
 * <p>Thread-safe; build once and reuse (the dedupe memory lives in the instance).
 */
public final class EmailReceiver {
    /** Default largest accepted message: 32 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(EmailReceiver.class);
    private static final Duration RETAIN_AFTER_EXPIRY = Duration.ofDays(1);

    private final SmimeReader reader;
    private final EnvelopeVerifier envelopeVerifier;
    private final DisclosureVerifier disclosureVerifier;
    private final int maxBytes;
    private final Clock clock;
    private final SenderDirectory senderDirectory;
    private final BodyRenderer bodyRenderer;
    private final Optional<ShareStates> shareStates;
    private final EmailDedupeStore dedupe;
    /** Envelopes this instance verified, by digest: a repeat within its lifetime needs no second verification. */
    private final Map<String, Seen> byDigest = new ConcurrentHashMap<>();

    private record Seen(VerifiedEnvelope envelope, Instant forgetAfter) {}

    private EmailReceiver(Builder b) {
        this.reader = new SmimeReader(b.anchors, b.decryptionKey, b.decryptionCertificate, b.requireEncryption);
        this.envelopeVerifier = b.envelopeVerifier;
        this.disclosureVerifier = b.disclosureVerifier;
        this.maxBytes = b.maxBytes;
        this.clock = b.clock;
        this.senderDirectory = b.senderDirectory;
        this.bodyRenderer = b.bodyRenderer;
        this.shareStates = b.shareStates;
        this.dedupe = b.dedupe != null ? b.dedupe : EmailDedupeStore.inMemory();
    }

    /** {@return a builder; S/MIME trust anchors and an envelope verifier are required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a received message (a share, meeting notice, briefing summary, share amendment or receipt).
     *
     * @param rawMessage the RFC 5322 bytes as fetched (for example IMAP {@code BODY[]})
     * @return the verified message
     * @throws EmailTransportException the subtype naming the failed check
     */
    public ReceivedEmail receive(byte[] rawMessage) {
        return receive(rawMessage, envelopeVerifier::verify, envelopeVerifier::verifyRepeat);
    }

    /**
     * Verifies a received receipt and that it answers an envelope this party sent.
     *
     * @param rawMessage the RFC 5322 bytes
     * @param original the envelope the receipt should answer
     * @return the verified message; {@code envelope().kind()} is {@link EnvelopeKind#RECEIPT}
     * @throws EmailTransportException.EnvelopeRejected wrapping an {@link EnvelopeException} with check
     *     {@code RECEIPT_REFERENCE} when it answers another envelope; other subtypes as for {@link #receive(byte[])}
     */
    public ReceivedEmail receiveReceipt(byte[] rawMessage, OutboundEnvelope original) {
        Objects.requireNonNull(original, "original");
        return receive(rawMessage, bytes -> envelopeVerifier.verifyReceipt(bytes, original),
                bytes -> envelopeVerifier.verifyRepeatedReceipt(bytes, original));
    }

    private ReceivedEmail receive(byte[] raw, Function<byte[], VerifiedEnvelope> verify,
            Function<byte[], VerifiedEnvelope> verifyRepeat) {
        Objects.requireNonNull(raw, "rawMessage");
        if (raw.length > maxBytes) {
            throw new EmailTransportException.MessageMalformed("message of " + raw.length + " bytes exceeds the "
                    + "limit of " + maxBytes);
        }
        Instant now = clock.instant();
        forgetExpired(now);
        SmimeReader.Opened opened = reader.open(raw, now);
        String digest = Digests.sha256Hex(opened.envelope());
        Seen seen = byDigest.get(digest);
        boolean duplicate = seen != null;
        VerifiedEnvelope envelope;
        if (duplicate) {
            envelope = seen.envelope();
        } else {
            // Accepted before, by this receiver before a restart or by another sharing the store: its nonce is
            // recorded, so it is verified again without the replay check and reported as a duplicate.
            duplicate = dedupe.envelopeIdOf(digest, now).isPresent();
            try {
                envelope = (duplicate ? verifyRepeat : verify).apply(opened.envelope());
            } catch (EnvelopeException e) {
                throw new EmailTransportException.EnvelopeRejected(e);
            }
        }
        // The rest of the receipt (signer binding, disclosure and body checks, the duplicate notice) logs with the
        // envelope and share ids in the MDC, as dispatch and the HTTPS receiver do.
        try (LogContext.Scope ignored = LogContext.open(envelope.envelopeId(), shareId(envelope))) {
            return accept(opened, digest, duplicate, envelope, now);
        }
    }

    private static Optional<String> shareId(VerifiedEnvelope envelope) {
        return envelope.body() instanceof EnvelopeBody.Share s ? Optional.of(s.share().id()) : Optional.empty();
    }

    private ReceivedEmail accept(SmimeReader.Opened opened, String digest, boolean repeat,
            VerifiedEnvelope envelope, Instant now) {
        boolean duplicate = repeat;
        checkSigner(opened.signer(), envelope);
        // The received parts are checked for the clauses first, so a mail that lacks them says so; then they must
        // be exactly the rendering of the verified envelope, which is what the reader gets.
        Optional<DisclosureReport> report = checkDisclosures(envelope, opened.text(), opened.html());
        EmailBody rendered = render(envelope);
        String text = rendered.text();
        Optional<String> html = opened.html().isPresent() ? Optional.of(rendered.html()) : Optional.empty();
        requireSame("text/plain", opened.text(), text);
        if (opened.html().isPresent()) {
            requireSame("text/html", opened.html().get(), html.get());
        }
        if (!duplicate && shareStates.isPresent() && (envelope.kind() == EnvelopeKind.THREAT_SHARE
                || envelope.kind() == EnvelopeKind.SHARE_AMENDMENT)) {
            // Before the message counts as received: an amendment of a share this receiver does not hold is refused.
            try {
                shareStates.get().record(envelope);
            } catch (EnvelopeException e) {
                throw new EmailTransportException.EnvelopeRejected(e);
            }
        }
        Instant forgetAfter = envelope.expiresAt().plus(RETAIN_AFTER_EXPIRY);
        if (!duplicate) {
            Optional<String> previous = dedupe.record(envelope.envelopeId(), digest, forgetAfter, now);
            if (previous.isPresent() && !previous.get().equals(digest)) {
                throw new EmailTransportException.MessageMalformed("envelope id " + envelope.envelopeId()
                        + " was already received with different content");
            }
            // The same envelope recorded first by another receiver (or thread) sharing the store: not new here.
            duplicate = previous.isPresent();
        }
        byDigest.putIfAbsent(digest, new Seen(envelope, forgetAfter));
        if (duplicate) {
            LOG.info("email: envelope {} received again (duplicate delivery); not new", envelope.envelopeId());
        }
        return new ReceivedEmail(envelope, opened.signer(), opened.messageId(), opened.encrypted(), duplicate,
                text, html, report);
    }

    /**
     * The mail must be signed by the party the envelope speaks for: its envelope-signing certificate, or a mail
     * certificate the directory binds to the same sender id.
     */
    private void checkSigner(X509Certificate smimeSigner, VerifiedEnvelope envelope) {
        if (smimeSigner.equals(envelope.signerCertificate())
                || senderDirectory.isBound(envelope.sender().id(), smimeSigner)) {
            return;
        }
        throw new EmailTransportException.SignerMismatch("the S/MIME signer "
                + smimeSigner.getSubjectX500Principal().getName() + " is not the envelope's signer "
                + envelope.signerCertificate().getSubjectX500Principal().getName() + " and the sender directory does "
                + "not bind it to sender '" + envelope.sender().id() + "'");
    }

    private EmailBody render(VerifiedEnvelope v) {
        EnvelopeContent content = new EnvelopeContent(v.envelopeId(), v.sender(), v.recipientId(), v.issuedAt(),
                v.expiresAt(), v.body(), v.disclosures(), v.compliance(), v.digest());
        try {
            return bodyRenderer.render(content);
        } catch (EmailTransportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EmailTransportException.BodyUnavailable("the verified envelope " + v.envelopeId()
                    + " cannot be rendered: " + e.getMessage(), e);
        }
    }

    /**
     * Compares a received part with the rendering, ignoring only what MIME transport may change: line breaks (CRLF
     * for LF) and trailing white space at the end of lines and of the part.
     */
    private static void requireSame(String part, String received, String rendered) {
        String a = normalise(received);
        String b = normalise(rendered);
        if (a.equals(b)) {
            return;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        long line = b.substring(0, i).chars().filter(c -> c == '\n').count() + 1;
        throw new EmailTransportException.BodyMismatch(part, "first difference at line " + line + " (character "
                + i + "); received " + a.length() + " characters, rendered " + b.length());
    }

    private static String normalise(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[ \t]+\n", "\n").stripTrailing();
    }

    private Optional<DisclosureReport> checkDisclosures(VerifiedEnvelope envelope, String text,
            Optional<String> html) {
        MessageKind kind = switch (envelope.kind()) {
            case THREAT_SHARE, SHARE_AMENDMENT -> MessageKind.THREAT_SHARE;
            case MEETING_NOTICE -> MessageKind.MEETING;
            case BRIEFING_SUMMARY -> MessageKind.BRIEFING;
            case RECEIPT -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        DisclosureReport report = require("text/plain", disclosureVerifier.verifyRendered(text, kind));
        if (html.isPresent()) {
            require("text/html", disclosureVerifier.verifyRendered(html.get(), kind));
        }
        require("envelope", disclosureVerifier.verifyMachineReadable(envelope.disclosures(), kind));
        return Optional.of(report);
    }

    private static DisclosureReport require(String part, DisclosureReport report) {
        try {
            return report.requireAllPresent();
        } catch (DisclosureException.DisclosuresMissing e) {
            throw new EmailTransportException.DisclosuresRejected(part, report);
        }
    }

    private void forgetExpired(Instant now) {
        byDigest.values().removeIf(s -> s.forgetAfter().isBefore(now));
    }

    /** Configures an {@link EmailReceiver}. Not thread-safe. */
    public static final class Builder {
        private final List<X509Certificate> anchors = new ArrayList<>();
        private EnvelopeVerifier envelopeVerifier;
        private DisclosureVerifier disclosureVerifier = DisclosureVerifier.standard();
        private Optional<PrivateKey> decryptionKey = Optional.empty();
        private Optional<X509Certificate> decryptionCertificate = Optional.empty();
        private boolean requireEncryption;
        private int maxBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private Clock clock = Clock.systemUTC();
        private SenderDirectory senderDirectory = SenderDirectory.sanUriDefault();
        private BodyRenderer bodyRenderer = BodyRenderer.standard();
        private Optional<ShareStates> shareStates = Optional.empty();
        private EmailDedupeStore dedupe;

        private Builder() {}

        /**
         * Sets where the receiver remembers the envelopes it accepted, so a repeated message is reported as a
         * {@link ReceivedEmail#duplicate() duplicate}; default {@link EmailDedupeStore#inMemory()}, forgotten on
         * restart. Across restarts: {@link FileEmailDedupeStore}; receivers sharing PostgreSQL:
         * {@link JdbcEmailDedupeStore}.
         *
         * @param store the store
         * @return this builder
         */
        public Builder dedupeStore(EmailDedupeStore store) {
            this.dedupe = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Keeps the state of every share received (active, corrected, retracted) in a store: each share and share
         * amendment is recorded before it counts as received, and an amendment of a share the store does not hold
         * (or holds with another digest) is refused with {@link EmailTransportException.EnvelopeRejected} wrapping
         * check {@code AMENDMENT_REFERENCE}. Without a store, amendments are verified but not matched to shares.
         *
         * @param states the store, for example {@link ShareStates#file(java.nio.file.Path)}
         * @return this builder
         */
        public Builder shareStates(ShareStates states) {
            this.shareStates = Optional.of(Objects.requireNonNull(states, "states"));
            return this;
        }

        /**
         * Sets which mail certificates may sign for a sender besides its envelope-signing certificate; default
         * {@link SenderDirectory#sanUriDefault()} (a mail certificate carrying {@code urn:fmishare:sender:<id>}). A
         * company or office signing its mail with a separate S/MIME certificate is bound here, by subject or
         * pinned key.
         *
         * @param directory the directory
         * @return this builder
         */
        public Builder senderDirectory(SenderDirectory directory) {
            this.senderDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Sets the renderer the readable text is produced with from the verified envelope; default
         * {@link BodyRenderer#standard()}. It must be the renderer the sender's transport uses, since a text part
         * that differs from its rendering is refused.
         *
         * @param renderer the renderer
         * @return this builder
         */
        public Builder bodyRenderer(BodyRenderer renderer) {
            this.bodyRenderer = Objects.requireNonNull(renderer, "renderer");
            return this;
        }

        /**
         * Adds the roots S/MIME signer certificates must chain to; at least one is required.
         *
         * @param roots the roots
         * @return this builder
         */
        public Builder smimeTrustAnchors(Collection<X509Certificate> roots) {
            for (X509Certificate r : Objects.requireNonNull(roots, "roots")) {
                anchors.add(Objects.requireNonNull(r, "root"));
            }
            return this;
        }

        /**
         * Sets the verifier for the attached envelope (trust anchors, recipient, replay cache); required.
         *
         * @param verifier the envelope verifier
         * @return this builder
         */
        public Builder envelopeVerifier(EnvelopeVerifier verifier) {
            if (this.envelopeVerifier != null) {
                throw new IllegalStateException("the envelope verifier was already set");
            }
            this.envelopeVerifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /**
         * Sets the disclosure verifier (default {@link DisclosureVerifier#standard()}, English clauses).
         *
         * @param verifier the verifier
         * @return this builder
         */
        public Builder disclosureVerifier(DisclosureVerifier verifier) {
            this.disclosureVerifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /**
         * Sets the key and certificate that decrypt S/MIME-encrypted messages addressed to this receiver.
         *
         * @param key an RSA or EC private key
         * @param certificate its certificate (identifies the recipient info to use)
         * @return this builder
         */
        public Builder decryption(PrivateKey key, X509Certificate certificate) {
            this.decryptionKey = Optional.of(Objects.requireNonNull(key, "key"));
            this.decryptionCertificate = Optional.of(Objects.requireNonNull(certificate, "certificate"));
            return this;
        }

        /**
         * Refuses messages that are not S/MIME-encrypted ({@link EmailTransportException.DecryptionFailed}).
         *
         * @return this builder
         */
        public Builder requireEncryption() {
            this.requireEncryption = true;
            return this;
        }

        /**
         * Sets the largest accepted message (default {@link #DEFAULT_MAX_MESSAGE_BYTES}).
         *
         * @param bytes at least 4096
         * @return this builder
         */
        public Builder maxMessageBytes(int bytes) {
            if (bytes < 4096) {
                throw new IllegalArgumentException("maxMessageBytes must be at least 4096, was " + bytes);
            }
            this.maxBytes = bytes;
            return this;
        }

        /** @param clock the clock for certificate validation and dedupe expiry @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the receiver.
         *
         * @return the receiver
         * @throws IllegalStateException without S/MIME trust anchors or envelope verifier, or when encryption is
         *     required without a decryption key
         */
        public EmailReceiver build() {
            if (anchors.isEmpty()) {
                throw new IllegalStateException("at least one S/MIME trust anchor is required: "
                        + "call smimeTrustAnchors(...)");
            }
            if (envelopeVerifier == null) {
                throw new IllegalStateException("an envelope verifier is required: call envelopeVerifier(...)");
            }
            if (requireEncryption && decryptionKey.isEmpty()) {
                throw new IllegalStateException("requireEncryption() needs decryption(key, certificate)");
            }
            return new EmailReceiver(this);
        }
    }
}

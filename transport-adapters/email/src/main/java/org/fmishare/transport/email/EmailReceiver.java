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
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeKind;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.OutboundEnvelope;
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
 * <p>Deduplication by envelope id: a message whose attached envelope is byte-identical to one this receiver
 * already verified (a retry, or the same message fetched twice) is S/MIME- and disclosure-checked again and
 * returned with {@link ReceivedEmail#duplicate()} true, instead of failing the envelope verifier's replay check.
 * A different envelope reusing a known id is rejected. Entries are kept until the envelope expires (plus a day)
 * and are in memory only: a receiver restarted between two copies relies on the envelope verifier's replay cache.
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
    private final Map<String, Seen> byDigest = new ConcurrentHashMap<>();
    private final Map<String, String> digestById = new ConcurrentHashMap<>();

    private record Seen(VerifiedEnvelope envelope, Instant forgetAfter) {}

    private EmailReceiver(Builder b) {
        this.reader = new SmimeReader(b.anchors, b.decryptionKey, b.decryptionCertificate, b.requireEncryption);
        this.envelopeVerifier = b.envelopeVerifier;
        this.disclosureVerifier = b.disclosureVerifier;
        this.maxBytes = b.maxBytes;
        this.clock = b.clock;
    }

    /** {@return a builder; S/MIME trust anchors and an envelope verifier are required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a received message (a share, meeting notice, briefing summary or receipt).
     *
     * @param rawMessage the RFC 5322 bytes as fetched (for example IMAP {@code BODY[]})
     * @return the verified message
     * @throws EmailTransportException the subtype naming the failed check
     */
    public ReceivedEmail receive(byte[] rawMessage) {
        return receive(rawMessage, envelopeVerifier::verify);
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
        return receive(rawMessage, bytes -> envelopeVerifier.verifyReceipt(bytes, original));
    }

    private ReceivedEmail receive(byte[] raw, Function<byte[], VerifiedEnvelope> verify) {
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
            try {
                envelope = verify.apply(opened.envelope());
            } catch (EnvelopeException e) {
                throw new EmailTransportException.EnvelopeRejected(e);
            }
        }
        Optional<DisclosureReport> report = checkDisclosures(envelope, opened);
        if (!duplicate) {
            String previous = digestById.putIfAbsent(envelope.envelopeId(), digest);
            if (previous != null && !previous.equals(digest)) {
                throw new EmailTransportException.MessageMalformed("envelope id " + envelope.envelopeId()
                        + " was already received with different content");
            }
            byDigest.putIfAbsent(digest, new Seen(envelope, envelope.expiresAt().plus(RETAIN_AFTER_EXPIRY)));
        } else {
            LOG.info("email: envelope {} received again (duplicate delivery); not new", envelope.envelopeId());
        }
        return new ReceivedEmail(envelope, opened.signer(), opened.messageId(), opened.encrypted(), duplicate,
                opened.text(), opened.html(), report);
    }

    private Optional<DisclosureReport> checkDisclosures(VerifiedEnvelope envelope, SmimeReader.Opened opened) {
        MessageKind kind = switch (envelope.kind()) {
            case THREAT_SHARE -> MessageKind.THREAT_SHARE;
            case MEETING_NOTICE -> MessageKind.MEETING;
            case BRIEFING_SUMMARY -> MessageKind.BRIEFING;
            case RECEIPT -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        DisclosureReport text = require("text/plain", disclosureVerifier.verifyRendered(opened.text(), kind));
        if (opened.html().isPresent()) {
            require("text/html", disclosureVerifier.verifyRendered(opened.html().get(), kind));
        }
        require("envelope", disclosureVerifier.verifyMachineReadable(envelope.disclosures(), kind));
        return Optional.of(text);
    }

    private static DisclosureReport require(String part, DisclosureReport report) {
        try {
            return report.requireAllPresent();
        } catch (DisclosureException.DisclosuresMissing e) {
            throw new EmailTransportException.DisclosuresRejected(part, report);
        }
    }

    private void forgetExpired(Instant now) {
        byDigest.entrySet().removeIf(e -> {
            if (e.getValue().forgetAfter().isBefore(now)) {
                digestById.remove(e.getValue().envelope().envelopeId(), e.getKey());
                return true;
            }
            return false;
        });
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

        private Builder() {}

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

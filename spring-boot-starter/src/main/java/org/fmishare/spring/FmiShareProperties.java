package org.fmishare.spring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.model.TlpMarking;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code fmishare.*} configuration properties, bound once at start-up and validated: a wrong value stops the
 * application with an error naming the property and the rule.
 *
 * <p>An absent optional setting is an empty {@link Optional}, never null; absent groups take their defaults. Files
 * are given as paths (absolute, or relative to the working directory) and read once, at start-up.
 *
 * @param senderId the office's sender id (the envelope signer's {@code urn:fmishare:sender:<id>}); with
 *     {@code keys} it enables the envelope signer, the preparer and the dispatcher
 * @param keys the office's envelope-signing key
 * @param trust the certificate authorities trusted, one PEM file per purpose
 * @param senderDirectory the sender directory (JSON, see SECURITY.md); absent: senders are bound by their SAN URI
 * @param outbox the dispatcher's durable outbox
 * @param companies the receiving companies' handling records (highest TLP marking, TLP:RED recipients)
 * @param transports the transports the dispatcher delivers with
 * @param receiver the company-side envelope receiver endpoint (Spring MVC servlet applications)
 * @param health the outbox health indicator's thresholds
 */
@ConfigurationProperties("fmishare")
@Validated
public record FmiShareProperties(
        @DefaultValue Optional<@Pattern(regexp = "[A-Za-z0-9._:-]{1,128}",
                message = "must be 1 to 128 letters, digits or . _ : -") String> senderId,
        @DefaultValue @Valid Keys keys,
        @DefaultValue @Valid Trust trust,
        @DefaultValue Optional<String> senderDirectory,
        @DefaultValue @Valid Outbox outbox,
        @DefaultValue List<@Valid Company> companies,
        @DefaultValue @Valid Transports transports,
        @DefaultValue @Valid Receiver receiver,
        @DefaultValue @Valid Health health) {

    /** Fills absent values with their defaults. */
    public FmiShareProperties {
        senderId = orEmpty(senderId);
        keys = keys == null ? Keys.none() : keys;
        trust = trust == null ? new Trust(Optional.empty(), Optional.empty()) : trust;
        senderDirectory = orEmpty(senderDirectory);
        outbox = outbox == null ? Outbox.defaults() : outbox;
        companies = companies == null ? List.of() : List.copyOf(companies);
        transports = transports == null ? new Transports(Https.defaults(), Email.disabled()) : transports;
        receiver = receiver == null ? Receiver.disabled() : receiver;
        health = health == null ? Health.defaults() : health;
    }

    /**
     * {@code fmishare.sender-id} and {@code fmishare.keys} come together: a signer needs both.
     *
     * @return whether they are both set or both absent
     */
    @AssertTrue(message = "fmishare.sender-id and fmishare.keys (pkcs12 or pkcs11-config) must be set together")
    public boolean isSenderIdGivenWithKeys() {
        return senderId.isPresent() == keys.isConfigured();
    }

    /**
     * The office's file outbox needs its directory (a receiver-only application needs no outbox).
     *
     * @return whether the directory is given, or not needed
     */
    @AssertTrue(message = "fmishare.outbox.directory is required with fmishare.sender-id when fmishare.outbox.store "
            + "is file")
    public boolean isOutboxDirectoryGiven() {
        return senderId.isEmpty() || outbox.store() != StoreKind.FILE || outbox.directory().isPresent();
    }

    /**
     * A key: a PKCS#12 file with its password, or a PKCS#11 token (SunPKCS11 configuration file) with its PIN; the
     * alias picks the entry when the store holds several.
     *
     * @param pkcs12 the PKCS#12 file
     * @param password the PKCS#12 password
     * @param pkcs11Config the SunPKCS11 configuration file (library, slot)
     * @param pin the token's PIN
     * @param alias the key entry's alias; required for PKCS#11
     */
    public record Keys(@DefaultValue Optional<String> pkcs12, @DefaultValue Optional<String> password,
            @DefaultValue Optional<String> pkcs11Config, @DefaultValue Optional<String> pin,
            @DefaultValue Optional<String> alias) {

        /** Fills absent values with empty ones. */
        public Keys {
            pkcs12 = orEmpty(pkcs12);
            password = orEmpty(password);
            pkcs11Config = orEmpty(pkcs11Config);
            pin = orEmpty(pin);
            alias = orEmpty(alias);
        }

        /** {@return no key configured} */
        public static Keys none() {
            return new Keys(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** {@return whether a PKCS#12 file or a PKCS#11 token is configured} */
        public boolean isConfigured() {
            return pkcs12.isPresent() || pkcs11Config.isPresent();
        }

        /**
         * One source of keys, with its secret.
         *
         * @return whether exactly one of pkcs12 (with password) and pkcs11-config (with pin and alias) is set, or none
         */
        @AssertTrue(message = "set either pkcs12 with password, or pkcs11-config with pin and alias, not both")
        public boolean isOneCompleteSource() {
            if (pkcs12.isPresent() && pkcs11Config.isPresent()) {
                return false;
            }
            if (pkcs12.isPresent()) {
                return password.isPresent();
            }
            if (pkcs11Config.isPresent()) {
                return pin.isPresent() && alias.isPresent();
            }
            return password.isEmpty() && pin.isEmpty();
        }

        @Override
        public String toString() {
            // Never the password or PIN: property objects end up in logs and actuator output.
            return "Keys[pkcs12=" + pkcs12 + ", pkcs11Config=" + pkcs11Config + ", alias=" + alias + "]";
        }
    }

    /**
     * The certificate authorities trusted, one PEM file (one or more certificates) per purpose. TLS clients that a
     * receiver accepts are the servlet container's business ({@code server.ssl.client-auth: need} with a trust
     * store or an SSL bundle).
     *
     * @param signerTrust authorities for envelope and receipt signers; required by the receiver and to verify the
     *     receipts HTTPS deliveries bring back
     * @param tlsTrust authorities for the TLS servers the transports connect to; absent: the Java runtime's
     */
    public record Trust(@DefaultValue Optional<String> signerTrust, @DefaultValue Optional<String> tlsTrust) {
        /** Fills absent values with empty ones. */
        public Trust {
            signerTrust = orEmpty(signerTrust);
            tlsTrust = orEmpty(tlsTrust);
        }
    }

    /** Where the outbox keeps envelopes. */
    public enum StoreKind {
        /** An append-only journal file ({@code outbox.journal}) in {@code fmishare.outbox.directory}. */
        FILE,
        /** The application's JDBC {@code DataSource} (a table created if missing). */
        JDBC
    }

    /**
     * The dispatcher's durable outbox and delivery settings.
     *
     * @param store the store kind
     * @param directory the directory of the journal file, for {@code store: file}
     * @param maxAttempts attempts before an envelope goes to the dead letters
     * @param workers concurrent delivery threads
     */
    public record Outbox(@DefaultValue("file") @NotNull StoreKind store, @DefaultValue Optional<String> directory,
            @DefaultValue("10") @Min(1) @Max(1000) int maxAttempts, @DefaultValue("2") @Min(1) @Max(64) int workers) {

        /** Fills absent values with their defaults. */
        public Outbox {
            store = store == null ? StoreKind.FILE : store;
            directory = orEmpty(directory);
        }

        static Outbox defaults() {
            return new Outbox(StoreKind.FILE, Optional.empty(), 10, 2);
        }

    }

    /**
     * A receiving company's handling record.
     *
     * @param id the company id envelopes are addressed to
     * @param clearance the highest TLP marking it may receive
     * @param redRecipients for {@code clearance: red}, the destinations named to receive TLP:RED
     */
    public record Company(@NotBlank String id, @NotNull TlpMarking clearance,
            @DefaultValue List<URI> redRecipients) {
        /** Copies the list. */
        public Company {
            redRecipients = redRecipients == null ? List.of() : List.copyOf(redRecipients);
        }

        /**
         * TLP:RED goes only to named destinations.
         *
         * @return whether red recipients are given exactly when the clearance is RED
         */
        @AssertTrue(message = "clearance RED needs red-recipients, and only RED takes them")
        public boolean isRedRecipientsMatchClearance() {
            return (clearance == TlpMarking.RED) == !redRecipients.isEmpty();
        }
    }

    /**
     * The transports.
     *
     * @param https mutual-TLS HTTPS ({@code https:} destinations)
     * @param email S/MIME over SMTP ({@code mailto:} destinations)
     */
    public record Transports(@DefaultValue @Valid Https https, @DefaultValue @Valid Email email) {
        /** Fills absent values with their defaults. */
        public Transports {
            https = https == null ? Https.defaults() : https;
            email = email == null ? Email.disabled() : email;
        }
    }

    /**
     * The HTTPS transport.
     *
     * @param enabled whether the dispatcher gets it
     * @param clientKey the TLS client key for mutual TLS
     * @param connectTimeout the connect timeout
     * @param requestTimeout the whole request's timeout, response body included
     * @param allowPlainHttpToLoopback allow {@code http:} to loopback addresses (tests and harnesses only)
     */
    public record Https(@DefaultValue("true") boolean enabled, @DefaultValue @Valid Keys clientKey,
            @DefaultValue("10s") @NotNull Duration connectTimeout, @DefaultValue("30s") @NotNull Duration requestTimeout,
            @DefaultValue("false") boolean allowPlainHttpToLoopback) {
        /** Fills absent values with their defaults. */
        public Https {
            clientKey = clientKey == null ? Keys.none() : clientKey;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
            requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        }

        static Https defaults() {
            return new Https(true, Keys.none(), Duration.ofSeconds(10), Duration.ofSeconds(30), false);
        }

        /**
         * Timeouts must be positive.
         *
         * @return whether both are
         */
        @AssertTrue(message = "connect-timeout and request-timeout must be positive")
        public boolean isTimeoutsPositive() {
            return !connectTimeout.isNegative() && !connectTimeout.isZero() && !requestTimeout.isNegative()
                    && !requestTimeout.isZero();
        }
    }

    /** How the SMTP connection is secured. */
    public enum SmtpSecurityMode {
        /** TLS from the first byte (port 465). */
        SMTPS,
        /** STARTTLS, required (port 587). */
        STARTTLS
    }

    /**
     * The S/MIME email transport.
     *
     * @param enabled whether the dispatcher gets it
     * @param host the SMTP server
     * @param port its port
     * @param security how the connection is secured
     * @param username the SMTP user, if the server asks
     * @param password the SMTP password
     * @param from the sending address
     * @param smime the S/MIME signing key (a mail certificate the receiver binds to the office, or the envelope key)
     */
    public record Email(@DefaultValue("false") boolean enabled, @DefaultValue Optional<String> host,
            @DefaultValue("465") @Min(1) @Max(65535) int port, @DefaultValue("smtps") @NotNull SmtpSecurityMode security,
            @DefaultValue Optional<String> username, @DefaultValue Optional<String> password,
            @DefaultValue Optional<String> from, @DefaultValue @Valid Keys smime) {
        /** Fills absent values with their defaults. */
        public Email {
            host = orEmpty(host);
            security = security == null ? SmtpSecurityMode.SMTPS : security;
            username = orEmpty(username);
            password = orEmpty(password);
            from = orEmpty(from);
            smime = smime == null ? Keys.none() : smime;
        }

        static Email disabled() {
            return new Email(false, Optional.empty(), 465, SmtpSecurityMode.SMTPS, Optional.empty(), Optional.empty(),
                    Optional.empty(), Keys.none());
        }

        /**
         * An enabled email transport needs a server, a sender and an S/MIME key.
         *
         * @return whether they are given or the transport is off
         */
        @AssertTrue(message = "enabled email needs host, from and smime (pkcs12 or pkcs11-config)")
        public boolean isCompleteWhenEnabled() {
            return !enabled || (host.isPresent() && from.isPresent() && smime.isConfigured());
        }

        @Override
        public String toString() {
            return "Email[enabled=" + enabled + ", host=" + host + ", port=" + port + ", security=" + security
                    + ", username=" + username + ", from=" + from + ", smime=" + smime + "]";
        }
    }

    /**
     * The company-side receiver endpoint: a servlet at {@code path} that verifies each envelope for
     * {@code recipient-id}, re-runs the SOP check, accepts each envelope id once, hands it to the application's
     * {@link org.fmishare.transport.https.EnvelopeConsumer} bean and answers a receipt signed with {@code keys}.
     *
     * @param enabled whether to serve it
     * @param path the servlet path senders post to
     * @param recipientId the company's id, which envelopes must be addressed to
     * @param keys the company's receipt-signing key
     * @param receiptDirectory where receipts and accepted replay nonces are kept across restarts
     *     ({@code receipts.log}, {@code nonces.log}); absent: in memory
     */
    public record Receiver(@DefaultValue("false") boolean enabled,
            @DefaultValue("/fmi-share/envelopes") @Pattern(regexp = "/[A-Za-z0-9._~/-]*",
                    message = "must start with / and hold only URL path characters") String path,
            @DefaultValue Optional<String> recipientId, @DefaultValue @Valid Keys keys,
            @DefaultValue Optional<String> receiptDirectory) {
        /** Fills absent values with their defaults. */
        public Receiver {
            path = path == null ? "/fmi-share/envelopes" : path;
            recipientId = orEmpty(recipientId);
            keys = keys == null ? Keys.none() : keys;
            receiptDirectory = orEmpty(receiptDirectory);
        }

        static Receiver disabled() {
            return new Receiver(false, "/fmi-share/envelopes", Optional.empty(), Keys.none(), Optional.empty());
        }

        /**
         * An enabled receiver needs its company's id and receipt key.
         *
         * @return whether they are given or the receiver is off
         */
        @AssertTrue(message = "enabled receiver needs recipient-id and keys (pkcs12 or pkcs11-config)")
        public boolean isCompleteWhenEnabled() {
            return !enabled || (recipientId.isPresent() && keys.isConfigured());
        }
    }

    /**
     * When the outbox health indicator reports DOWN.
     *
     * @param maxBacklog the most queued envelopes that are still healthy
     * @param maxOldestQueuedAge the longest an envelope may wait in the queue and still be healthy
     */
    public record Health(@DefaultValue("1000") @Min(0) int maxBacklog,
            @DefaultValue("1h") @NotNull Duration maxOldestQueuedAge) {
        /** Fills absent values with their defaults. */
        public Health {
            maxOldestQueuedAge = maxOldestQueuedAge == null ? Duration.ofHours(1) : maxOldestQueuedAge;
        }

        static Health defaults() {
            return new Health(1000, Duration.ofHours(1));
        }

        /**
         * The age threshold must be positive.
         *
         * @return whether it is
         */
        @AssertTrue(message = "max-oldest-queued-age must be positive")
        public boolean isAgePositive() {
            return !maxOldestQueuedAge.isNegative() && !maxOldestQueuedAge.isZero();
        }
    }

    private static <T> Optional<T> orEmpty(Optional<T> value) {
        return Objects.requireNonNullElse(value, Optional.empty());
    }
}

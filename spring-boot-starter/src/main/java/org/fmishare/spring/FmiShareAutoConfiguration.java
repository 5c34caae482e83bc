package org.fmishare.spring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.FileReplayCache;
import org.fmishare.core.envelope.InMemoryReplayCache;
import org.fmishare.core.envelope.ReplayCache;
import org.fmishare.core.envelope.SenderDirectory;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.transport.Transport;
import org.fmishare.delivery.CompanyRecord;
import org.fmishare.delivery.DispatchListener;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.JdbcOutboxStore;
import org.fmishare.delivery.outbox.OutboxStore;
import org.fmishare.sop.Preparer;
import org.fmishare.sop.SopRechecker;
import org.fmishare.sop.SopValidator;
import org.fmishare.spring.internal.CompositeDispatchListener;
import org.fmishare.spring.internal.ConfiguredFiles;
import org.fmishare.spring.internal.DispatcherLifecycle;
import org.fmishare.transport.email.EmailAddress;
import org.fmishare.transport.email.EmailTransport;
import org.fmishare.transport.email.SmtpSecurity;
import org.fmishare.transport.email.SmtpSettings;
import org.fmishare.transport.https.EnvelopeConsumer;
import org.fmishare.transport.https.EnvelopeReceiver;
import org.fmishare.transport.https.FileReceiptStore;
import org.fmishare.transport.https.HttpsTransport;
import org.fmishare.transport.https.InMemoryReceiptStore;
import org.fmishare.transport.https.ReceiptStore;
import org.fmishare.transport.https.TlsContexts;
import org.fmishare.transport.https.servlet.EnvelopeServlet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of fmi-share from the {@code fmishare.*} properties ({@link FmiShareProperties}). Every bean
 * backs off when the application defines its own of the same type.
 *
 * <ul>
 *   <li>always: the {@link SopValidator} and the {@link SenderDirectory} (the file of
 *       {@code fmishare.sender-directory}, else binding by SAN URI);
 *   <li>with {@code fmishare.sender-id} and {@code fmishare.keys}: the office's {@link EnvelopeSigner}, a
 *       {@link Preparer}, the {@link OutboxStore} ({@code fmishare.outbox}), the transports
 *       ({@code fmishare.transports}) and a {@link Dispatcher} holding the {@code fmishare.companies} records and
 *       every {@link DispatchListener} bean, started when the context starts and closed when it stops; with
 *       Micrometer, {@link DispatchMeters}; with the actuator, the {@link OutboxHealthIndicator} (Spring Boot 3) or
 *       the {@link Boot4OutboxHealthIndicator} (Spring Boot 4);
 *   <li>with {@code fmishare.receiver.enabled: true}: an {@link EnvelopeReceiver} handing verified envelopes to the
 *       application's {@link EnvelopeConsumer} bean, served by an {@link EnvelopeServlet} at
 *       {@code fmishare.receiver.path} in a servlet web application.
 * </ul>
 */
@AutoConfiguration
@EnableConfigurationProperties(FmiShareProperties.class)
public class FmiShareAutoConfiguration {
    /** Spring Boot 4's health indicator interface, named so that Spring Boot 3 never loads it. */
    static final String BOOT4_HEALTH_INDICATOR = "org.springframework.boot.health.contributor.HealthIndicator";

    /** Created by Spring. */
    public FmiShareAutoConfiguration() {}

    /**
     * The SOP validator with the built-in rule sets.
     *
     * @return the validator
     */
    @Bean
    @ConditionalOnMissingBean
    public SopValidator fmishareSopValidator() {
        return SopValidator.standard();
    }

    /**
     * The sender directory.
     *
     * @param properties the properties
     * @return the file's directory, or binding by SAN URI
     */
    @Bean
    @ConditionalOnMissingBean
    public SenderDirectory fmishareSenderDirectory(FmiShareProperties properties) {
        return properties.senderDirectory()
                .map(f -> ConfiguredFiles.senderDirectory(f, "fmishare.sender-directory"))
                .orElseGet(SenderDirectory::sanUriDefault);
    }

    private static List<X509Certificate> signerTrust(FmiShareProperties p, String needed) {
        String file = p.trust().signerTrust().orElseThrow(() -> new FmiShareConfigurationException(
                "fmishare.trust.signer-trust", "required " + needed, null));
        return ConfiguredFiles.certificates(file, "fmishare.trust.signer-trust");
    }

    /** The office side: signer, outbox, transports, dispatcher, and their meters and health. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "fmishare", name = "sender-id")
    public static class SenderConfiguration {

        /** Created by Spring. */
        public SenderConfiguration() {}

        /**
         * The office's envelope signer.
         *
         * @param p the properties
         * @return the signer for {@code fmishare.sender-id} with the key of {@code fmishare.keys}
         */
        @Bean
        @ConditionalOnMissingBean
        public EnvelopeSigner fmishareEnvelopeSigner(FmiShareProperties p) {
            SigningCredential credential = ConfiguredFiles.credential(p.keys(), "fmishare.keys");
            String senderId = p.senderId().orElseThrow();
            try {
                return EnvelopeSigner.builder(credential, senderId).build();
            } catch (RuntimeException e) {
                throw new FmiShareConfigurationException("fmishare.keys", "the key cannot sign envelopes for sender '"
                        + senderId + "' (" + e.getMessage() + ")", e);
            }
        }

        /**
         * Renders, validates and signs shares.
         *
         * @param signer the office's signer
         * @param validator the SOP validator
         * @return the preparer
         */
        @Bean
        @ConditionalOnMissingBean
        public Preparer fmisharePreparer(EnvelopeSigner signer, SopValidator validator) {
            return Preparer.builder(signer).validator(validator).build();
        }

        /**
         * The durable outbox.
         *
         * @param p the properties
         * @param dataSource the application's data source, for {@code store: jdbc}
         * @return the store (closed with the context)
         */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        public OutboxStore fmishareOutboxStore(FmiShareProperties p, ObjectProvider<DataSource> dataSource) {
            if (p.outbox().store() == FmiShareProperties.StoreKind.JDBC) {
                DataSource ds = dataSource.getIfAvailable();
                if (ds == null) {
                    throw new FmiShareConfigurationException("fmishare.outbox.store",
                            "jdbc needs a DataSource bean (spring.datasource.* or your own)", null);
                }
                return JdbcOutboxStore.open(ds);
            }
            Path dir = ConfiguredFiles.path(p.outbox().directory().orElseThrow(() -> new FmiShareConfigurationException(
                    "fmishare.outbox.directory", "required for store: file", null)), "fmishare.outbox.directory");
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new FmiShareConfigurationException("fmishare.outbox.directory", dir + ": cannot create ("
                        + e.getClass().getSimpleName() + ")", e);
            }
            return FileJournalStore.open(dir.resolve("outbox.journal"));
        }

        /**
         * The HTTPS transport: TLS trust from {@code fmishare.trust.tls-trust}, the client key for mutual TLS from
         * {@code fmishare.transports.https.client-key}; receipts verified against {@code fmishare.trust.signer-trust}.
         *
         * @param p the properties
         * @return the transport (closed by the dispatcher)
         */
        @Bean(destroyMethod = "")
        @ConditionalOnMissingBean
        @ConditionalOnProperty(prefix = "fmishare.transports.https", name = "enabled", matchIfMissing = true)
        public HttpsTransport fmishareHttpsTransport(FmiShareProperties p) {
            FmiShareProperties.Https h = p.transports().https();
            HttpsTransport.Builder b = HttpsTransport.builder().connectTimeout(h.connectTimeout())
                    .requestTimeout(h.requestTimeout());
            Optional<List<X509Certificate>> tlsTrust = p.trust().tlsTrust()
                    .map(f -> ConfiguredFiles.certificates(f, "fmishare.trust.tls-trust"));
            if (h.clientKey().isConfigured()) {
                SigningCredential client = ConfiguredFiles.credential(h.clientKey(),
                        "fmishare.transports.https.client-key");
                List<X509Certificate> anchors = tlsTrust.orElseThrow(() -> new FmiShareConfigurationException(
                        "fmishare.trust.tls-trust", "required with fmishare.transports.https.client-key", null));
                b.sslContext(TlsContexts.of(client, anchors));
            } else if (tlsTrust.isPresent()) {
                b.sslContext(TlsContexts.trusting(tlsTrust.get()));
            }
            if (h.allowPlainHttpToLoopback()) {
                b.allowPlainHttpToLoopback();
            }
            b.receiptVerifier(EnvelopeVerifier.builder()
                    .trustAnchors(signerTrust(p, "to verify the receipts of HTTPS deliveries"))
                    .expectedRecipient(p.senderId().orElseThrow()).build());
            return b.build();
        }

        /**
         * The dispatcher, not yet started (see {@link #fmishareDispatcherLifecycle}).
         *
         * @param p the properties
         * @param store the outbox
         * @param transports every transport bean
         * @param listeners every dispatch listener bean
         * @param clock the application's clock bean, if any
         * @return the dispatcher
         */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        public Dispatcher fmishareDispatcher(FmiShareProperties p, OutboxStore store,
                ObjectProvider<Transport> transports, ObjectProvider<DispatchListener> listeners,
                ObjectProvider<Clock> clock) {
            Dispatcher.Builder b = Dispatcher.builder().store(store).maxAttempts(p.outbox().maxAttempts())
                    .workers(p.outbox().workers()).listener(new CompositeDispatchListener(
                            listeners.orderedStream().toList()));
            clock.ifAvailable(b::clock);
            transports.orderedStream().forEach(b::transport);
            for (FmiShareProperties.Company c : p.companies()) {
                b.company(c.clearance() == org.fmishare.core.model.TlpMarking.RED
                        ? CompanyRecord.red(c.id(), Set.copyOf(c.redRecipients()))
                        : CompanyRecord.upTo(c.id(), c.clearance()));
            }
            try {
                return b.build();
            } catch (IllegalStateException e) {
                throw new FmiShareConfigurationException("fmishare.transports", e.getMessage(), e);
            }
        }

        /**
         * Starts and stops the dispatcher with the context.
         *
         * @param dispatcher the dispatcher
         * @return the lifecycle
         */
        @Bean
        @ConditionalOnBean(Dispatcher.class)
        public DispatcherLifecycle fmishareDispatcherLifecycle(Dispatcher dispatcher) {
            return new DispatcherLifecycle(dispatcher);
        }
    }

    /** Micrometer meters for the dispatcher, when Micrometer is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    @ConditionalOnProperty(prefix = "fmishare", name = "sender-id")
    public static class MetricsConfiguration {

        /** Created by Spring. */
        public MetricsConfiguration() {}

        /**
         * The dispatcher's meters; the dispatcher gets them as a listener, the registry binds them.
         *
         * @param store the outbox
         * @param dispatcher the dispatcher, looked up when the in-flight gauge is sampled (it is built with these
         *     meters as its listener, so it cannot be a constructor argument)
         * @return the meters
         */
        @Bean
        @ConditionalOnMissingBean
        public DispatchMeters fmishareDispatchMeters(OutboxStore store, ObjectProvider<Dispatcher> dispatcher) {
            return new DispatchMeters(store, () -> dispatcher.getObject().inFlight());
        }
    }

    /**
     * The outbox's judge, which both Spring Boot generations' health indicators report ({@link HealthConfiguration},
     * {@link Boot4HealthConfiguration}); it uses no Spring Boot health API, so one definition serves both.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "fmishare", name = "sender-id")
    public static class OutboxHealthConfiguration {

        /** Created by Spring. */
        public OutboxHealthConfiguration() {}

        /**
         * Judges the outbox by the {@code fmishare.health} thresholds.
         *
         * @param p the properties
         * @param store the outbox
         * @param clock the application's clock bean, if any
         * @return the judge
         */
        @Bean
        @ConditionalOnMissingBean
        public OutboxHealth fmishareOutboxHealth(FmiShareProperties p, OutboxStore store,
                ObjectProvider<Clock> clock) {
            return new OutboxHealth(store, clock.getIfAvailable(Clock::systemUTC), p.health().maxBacklog(),
                    p.health().maxOldestQueuedAge());
        }
    }

    /**
     * The outbox health indicator, with Spring Boot 3's actuator. Only class names appear in the conditions, so
     * nothing of Spring Boot 4's health API is loaded here (see {@link Boot4HealthConfiguration}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnMissingClass(BOOT4_HEALTH_INDICATOR)
    @ConditionalOnProperty(prefix = "fmishare", name = "sender-id")
    public static class HealthConfiguration {

        /** Created by Spring. */
        public HealthConfiguration() {}

        /**
         * The indicator, component {@code fmishareOutbox} of {@code /actuator/health}.
         *
         * @param health the judge
         * @return the indicator
         */
        @Bean
        @ConditionalOnMissingBean
        public OutboxHealthIndicator fmishareOutboxHealthIndicator(OutboxHealth health) {
            return new OutboxHealthIndicator(health);
        }
    }

    /**
     * The outbox health indicator, with Spring Boot 4's health API ({@code spring-boot-health}, which Boot 4's
     * actuator brings). Only class names appear in the conditions, so nothing of Spring Boot 3's actuator is loaded
     * here (see {@link HealthConfiguration}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = BOOT4_HEALTH_INDICATOR)
    @ConditionalOnProperty(prefix = "fmishare", name = "sender-id")
    public static class Boot4HealthConfiguration {

        /** Created by Spring. */
        public Boot4HealthConfiguration() {}

        /**
         * The indicator, component {@code fmishareOutbox} of {@code /actuator/health}.
         *
         * @param health the judge
         * @return the indicator
         */
        @Bean
        @ConditionalOnMissingBean
        public Boot4OutboxHealthIndicator fmishareOutboxHealthIndicator(OutboxHealth health) {
            return new Boot4OutboxHealthIndicator(health);
        }
    }

    /** The email transport, when its module is present and {@code fmishare.transports.email.enabled} is true. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.fmishare.transport.email.EmailTransport")
    @ConditionalOnProperty(prefix = "fmishare", name = {"sender-id", "transports.email.enabled"})
    public static class EmailConfiguration {

        /** Created by Spring. */
        public EmailConfiguration() {}

        /**
         * The S/MIME email transport.
         *
         * @param p the properties
         * @return the transport (closed by the dispatcher)
         */
        @Bean(destroyMethod = "")
        @ConditionalOnMissingBean
        @ConditionalOnProperty(prefix = "fmishare.transports.email", name = "enabled", havingValue = "true")
        public EmailTransport fmishareEmailTransport(FmiShareProperties p) {
            FmiShareProperties.Email e = p.transports().email();
            SmtpSettings.Builder smtp = SmtpSettings.builder(e.host().orElseThrow(), e.port(),
                    e.security() == FmiShareProperties.SmtpSecurityMode.SMTPS ? SmtpSecurity.SMTPS
                            : SmtpSecurity.STARTTLS_REQUIRED);
            if (e.username().isPresent()) {
                smtp.credentials(e.username().get(), e.password().orElse(""));
            }
            p.trust().tlsTrust().ifPresent(f -> smtp.trustAnchors(ConfiguredFiles.certificates(f,
                    "fmishare.trust.tls-trust")));
            EmailAddress from;
            try {
                from = EmailAddress.parse(e.from().orElseThrow());
            } catch (RuntimeException ex) {
                throw new FmiShareConfigurationException("fmishare.transports.email.from", ex.getMessage(), ex);
            }
            SigningCredential smime = ConfiguredFiles.credential(e.smime(), "fmishare.transports.email.smime");
            return EmailTransport.builder(smtp.build(), from, smime,
                    org.fmishare.transport.email.BodyRenderer.standard()).build();
        }
    }

    /** The company side: the envelope receiver. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "fmishare.receiver", name = "enabled", havingValue = "true")
    public static class ReceiverConfiguration {

        /** Created by Spring. */
        public ReceiverConfiguration() {}

        /**
         * Where receipts are kept so a repeat gets the original receipt.
         *
         * @param p the properties
         * @return a file store in {@code fmishare.receiver.receipt-directory}, else an in-memory one
         */
        @Bean
        @ConditionalOnMissingBean
        public ReceiptStore fmishareReceiptStore(FmiShareProperties p) {
            Optional<Path> dir = p.receiver().receiptDirectory()
                    .map(d -> ConfiguredFiles.path(d, "fmishare.receiver.receipt-directory"));
            if (dir.isEmpty()) {
                return InMemoryReceiptStore.create();
            }
            try {
                Files.createDirectories(dir.get());
            } catch (IOException e) {
                throw new FmiShareConfigurationException("fmishare.receiver.receipt-directory", dir.get()
                        + ": cannot create (" + e.getClass().getSimpleName() + ")", e);
            }
            return FileReceiptStore.open(dir.get().resolve("receipts.log"), Instant.now());
        }

        /**
         * Where the receiver's verifier remembers accepted nonces, so a different envelope reusing one is refused as
         * a replay after a restart too.
         *
         * @param p the properties
         * @return a file cache ({@code nonces.log}) in {@code fmishare.receiver.receipt-directory}, else an in-memory
         *     one
         */
        @Bean
        @ConditionalOnMissingBean
        public ReplayCache fmishareReplayCache(FmiShareProperties p) {
            Optional<Path> dir = p.receiver().receiptDirectory()
                    .map(d -> ConfiguredFiles.path(d, "fmishare.receiver.receipt-directory"));
            if (dir.isEmpty()) {
                return InMemoryReplayCache.create();
            }
            try {
                Files.createDirectories(dir.get());
            } catch (IOException e) {
                throw new FmiShareConfigurationException("fmishare.receiver.receipt-directory", dir.get()
                        + ": cannot create (" + e.getClass().getSimpleName() + ")", e);
            }
            return FileReplayCache.open(dir.get().resolve("nonces.log"), Instant.now());
        }

        /**
         * The receiver: verifies for {@code fmishare.receiver.recipient-id} against
         * {@code fmishare.trust.signer-trust} and the sender directory, re-runs the SOP check, answers receipts
         * signed with {@code fmishare.receiver.keys}.
         *
         * @param p the properties
         * @param senders the sender directory
         * @param receipts the receipt store
         * @param nonces the verifier's replay cache
         * @param consumer the application's consumer of verified envelopes
         * @return the receiver
         */
        @Bean
        @ConditionalOnMissingBean
        public EnvelopeReceiver fmishareEnvelopeReceiver(FmiShareProperties p, SenderDirectory senders,
                ReceiptStore receipts, ReplayCache nonces, ObjectProvider<EnvelopeConsumer> consumer) {
            EnvelopeConsumer onEnvelope = consumer.getIfUnique(() -> {
                throw new FmiShareConfigurationException("fmishare.receiver.enabled",
                        "the receiver needs exactly one EnvelopeConsumer bean to hand verified envelopes to", null);
            });
            String recipient = p.receiver().recipientId().orElseThrow();
            EnvelopeVerifier.Builder verifier = EnvelopeVerifier.builder()
                    .trustAnchors(signerTrust(p, "by the receiver")).expectedRecipient(recipient)
                    .complianceRechecker(SopRechecker.standard()).replayCache(nonces);
            if (p.senderDirectory().isPresent()) {
                verifier.senderDirectory(senders);
            }
            SigningCredential key = ConfiguredFiles.credential(p.receiver().keys(), "fmishare.receiver.keys");
            EnvelopeSigner receiptSigner;
            try {
                receiptSigner = EnvelopeSigner.builder(key, recipient).build();
            } catch (RuntimeException e) {
                throw new FmiShareConfigurationException("fmishare.receiver.keys", "the key cannot sign receipts "
                        + "for '" + recipient + "' (" + e.getMessage() + ")", e);
            }
            return EnvelopeReceiver.builder().verifier(verifier.build()).signer(receiptSigner)
                    .receiptStore(receipts).onEnvelope(onEnvelope).build();
        }

        /** The servlet serving the receiver in a servlet web application. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        @ConditionalOnClass(name = {"jakarta.servlet.http.HttpServlet",
                "org.springframework.boot.web.servlet.ServletRegistrationBean"})
        public static class ServletConfiguration {

            /** Created by Spring. */
            public ServletConfiguration() {}

            /**
             * Registers the {@link EnvelopeServlet} at {@code fmishare.receiver.path}.
             *
             * @param p the properties
             * @param receiver the receiver
             * @return the registration
             */
            @Bean
            @ConditionalOnMissingBean(name = "fmishareEnvelopeServlet")
            public ServletRegistrationBean<EnvelopeServlet> fmishareEnvelopeServlet(FmiShareProperties p,
                    EnvelopeReceiver receiver) {
                ServletRegistrationBean<EnvelopeServlet> r = new ServletRegistrationBean<>(
                        new EnvelopeServlet(receiver), p.receiver().path());
                r.setName("fmishareEnvelopeServlet");
                return r;
            }
        }
    }
}

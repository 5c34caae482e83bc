package org.fmishare.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.FileReplayCache;
import org.fmishare.core.envelope.InMemoryReplayCache;
import org.fmishare.core.envelope.ReplayCache;
import org.fmishare.core.envelope.SenderDirectory;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.delivery.outbox.OutboxStore;
import org.fmishare.sop.Preparer;
import org.fmishare.sop.SopValidator;
import org.fmishare.spring.internal.DispatcherLifecycle;
import org.fmishare.transport.https.EnvelopeConsumer;
import org.fmishare.transport.https.EnvelopeReceiver;
import org.fmishare.transport.https.HttpsTransport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/** Which beans the starter makes from which properties, how it refuses bad ones, and that user beans win. */
class FmiShareAutoConfigurationTest {
    @TempDir
    Path dir;
    StarterFiles files;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FmiShareAutoConfiguration.class));

    @BeforeEach
    void files() {
        files = new StarterFiles(dir);
    }

    private static String[] props(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Every message in the cause chain, so a test can find the one that names the property. */
    private static String messages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append('\n');
        }
        return b.toString();
    }

    @Test
    void withoutPropertiesOnlyTheValidatorAndTheSenderDirectoryExist() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(SopValidator.class).hasSingleBean(SenderDirectory.class)
                    .doesNotHaveBean(EnvelopeSigner.class).doesNotHaveBean(Dispatcher.class)
                    .doesNotHaveBean(OutboxStore.class).doesNotHaveBean(EnvelopeReceiver.class);
        });
    }

    @Test
    void theOfficesPropertiesMakeASignerPreparerDispatcherMetersAndHealthAndStartTheDispatcher() {
        runner.withPropertyValues(props(files.sender())).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EnvelopeSigner.class).hasSingleBean(Preparer.class)
                    .hasSingleBean(HttpsTransport.class).hasSingleBean(Dispatcher.class)
                    .hasSingleBean(DispatchMeters.class).hasSingleBean(OutboxHealthIndicator.class);
            assertThat(context.getBean(EnvelopeSigner.class).sender().id()).isEqualTo("fitf");
            assertThat(context.getBean(DispatcherLifecycle.class).isRunning()).isTrue();
            assertThat(Files.exists(files.file("outbox").resolve("outbox.journal"))).isTrue();
            FmiShareProperties p = context.getBean(FmiShareProperties.class);
            assertThat(p.companies()).singleElement().satisfies(c -> {
                assertThat(c.id()).isEqualTo(files.parties.companyId());
                assertThat(c.clearance()).isEqualTo(TlpMarking.AMBER_STRICT);
            });
            assertThat(p.outbox().maxAttempts()).isEqualTo(10);
            assertThat(p.keys().toString()).doesNotContain(StarterFiles.PASSWORD);
        });
    }

    @Test
    void aValueBreakingARuleStopsTheStartWithTheFieldAndTheRule() {
        runner.withPropertyValues(props(files.sender(), "fmishare.outbox.max-attempts=0")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("fmishare")
                    .contains("outbox.maxAttempts").contains("must be greater than or equal to 1");
        });
    }

    @Test
    void aKeyFileWithoutItsPasswordIsRefusedNamingTheKeys() {
        List<String> p = files.sender();
        p.removeIf(s -> s.startsWith("fmishare.keys.password"));
        runner.withPropertyValues(props(p)).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("keys.oneCompleteSource")
                    .contains("set either pkcs12 with password");
        });
    }

    @Test
    void aWrongPasswordNamesThePropertyAndTheFileButNotThePassword() {
        runner.withPropertyValues(props(files.sender(), "fmishare.keys.password=not-the-password")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(Exception.class);
            String m = messages(context.getStartupFailure());
            assertThat(m).contains("fmishare.keys.pkcs12: " + files.file("sender.p12") + ": cannot load the key")
                    .doesNotContain("not-the-password");
        });
    }

    @Test
    void aMissingTrustFileIsNamed() {
        runner.withPropertyValues(props(files.sender(), "fmishare.trust.signer-trust=" + dir.resolve("nope.pem")))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("fmishare.trust.signer-trust: " + dir.resolve("nope.pem") + ": cannot read");
                });
    }

    @Test
    void aSenderWithoutAnOutboxDirectoryIsRefused() {
        List<String> p = files.sender();
        p.removeIf(s -> s.startsWith("fmishare.outbox.directory"));
        runner.withPropertyValues(props(p)).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("outboxDirectoryGiven")
                    .contains("fmishare.outbox.directory is required with fmishare.sender-id");
        });
    }

    @Test
    void aRedClearanceWithoutNamedRecipientsIsRefused() {
        runner.withPropertyValues(props(files.sender(), "fmishare.companies[0].clearance=red")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("companies[0].redRecipientsMatchClearance")
                    .contains("clearance RED needs red-recipients");
        });
    }

    @Test
    void theApplicationsOwnBeansWin() {
        SopValidator own = SopValidator.standard();
        EnvelopeSigner ownSigner = files.parties.officeSigner();
        runner.withPropertyValues(props(files.sender()))
                .withBean("mySopValidator", SopValidator.class, () -> own)
                .withBean("mySigner", EnvelopeSigner.class, () -> ownSigner)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(SopValidator.class)
                            .hasSingleBean(EnvelopeSigner.class);
                    assertThat(context.getBean(SopValidator.class)).isSameAs(own);
                    assertThat(context.getBean(EnvelopeSigner.class)).isSameAs(ownSigner);
                    assertThat(context).doesNotHaveBean("fmishareEnvelopeSigner");
                });
    }

    @Test
    void anEnabledReceiverWithoutAConsumerBeanSaysSo() {
        runner.withPropertyValues(props(files.receiver())).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("fmishare.receiver.enabled: the receiver "
                    + "needs exactly one EnvelopeConsumer bean");
        });
    }

    @Test
    void anEnabledReceiverWithoutItsRecipientIdIsRefused() {
        List<String> p = files.receiver();
        p.removeIf(s -> s.startsWith("fmishare.receiver.recipient-id"));
        runner.withPropertyValues(props(p)).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("receiver.completeWhenEnabled")
                    .contains("enabled receiver needs recipient-id and keys");
        });
    }

    @Test
    void theReceiverIsServedOnlyInAServletWebApplicationAtItsPath() {
        EnvelopeConsumer consumer = v -> { };
        runner.withPropertyValues(props(files.receiver())).withBean(EnvelopeConsumer.class, () -> consumer)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(EnvelopeReceiver.class)
                        .doesNotHaveBean(ServletRegistrationBean.class).doesNotHaveBean(Dispatcher.class));
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(FmiShareAutoConfiguration.class))
                .withPropertyValues(props(files.receiver(), "fmishare.receiver.path=/inbound/fmi"))
                .withBean(EnvelopeConsumer.class, () -> consumer)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ServletRegistrationBean.class);
                    assertThat(context.getBean(ServletRegistrationBean.class).getUrlMappings())
                            .containsExactly("/inbound/fmi");
                });
    }

    @Test
    void aReceiverWithAReceiptDirectoryKeepsItsReplayNoncesThereAcrossRestarts() {
        EnvelopeConsumer consumer = v -> { };
        String receipts = "fmishare.receiver.receipt-directory=" + dir.resolve("receiver-state");
        Instant now = Instant.now();
        runner.withPropertyValues(props(files.receiver(), receipts)).withBean(EnvelopeConsumer.class, () -> consumer)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(FileReplayCache.class);
                    assertThat(context.getBean(ReplayCache.class).recordUse("nonce-1", "sha-256:d1", now,
                            now.plusSeconds(60))).isEqualTo(ReplayCache.Use.FIRST_USE);
                });
        assertThat(dir.resolve("receiver-state").resolve("nonces.log")).exists();
        runner.withPropertyValues(props(files.receiver(), receipts)).withBean(EnvelopeConsumer.class, () -> consumer)
                .run(context -> assertThat(context.getBean(ReplayCache.class)
                        .recordUse("nonce-1", "sha-256:d2", now, now.plusSeconds(60)))
                        .as("remembered after the restart").isEqualTo(ReplayCache.Use.REUSED));
        runner.withPropertyValues(props(files.receiver())).withBean(EnvelopeConsumer.class, () -> consumer)
                .run(context -> assertThat(context).hasSingleBean(InMemoryReplayCache.class));
    }

    @Test
    void aReceiverPathThatIsNotAPathIsRefused() {
        runner.withPropertyValues(props(files.receiver(), "fmishare.receiver.path=inbound")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("receiver.path")
                    .contains("must start with /");
        });
    }

    @Test
    void aSenderIdWithCharactersOutsideTheRuleIsRefused() {
        runner.withPropertyValues(props(files.sender(), "fmishare.sender-id=fitf office!")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("senderId")
                    .contains("must be 1 to 128 letters, digits or . _ : -");
        });
    }

    @Test
    void anEnabledEmailTransportIsBuiltFromItsPropertiesAndGivenToTheDispatcher() {
        runner.withPropertyValues(props(files.sender(),
                "fmishare.transports.email.enabled=true",
                "fmishare.transports.email.host=smtp.agency.example",
                "fmishare.transports.email.from=fitf-shares@agency.example",
                "fmishare.transports.email.smime.pkcs12=" + files.file("sender.p12"),
                "fmishare.transports.email.smime.password=" + StarterFiles.PASSWORD)).run(context -> {
                    assertThat(context).hasNotFailed()
                            .hasSingleBean(org.fmishare.transport.email.EmailTransport.class)
                            .hasSingleBean(HttpsTransport.class);
                    assertThat(context.getBean(org.fmishare.transport.email.EmailTransport.class).schemes())
                            .contains("mailto");
                });
    }

    @Test
    void anEnabledEmailTransportWithoutItsServerIsRefused() {
        runner.withPropertyValues(props(files.sender(), "fmishare.transports.email.enabled=true")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("transports.email.completeWhenEnabled")
                    .contains("enabled email needs host, from and smime");
        });
    }
}

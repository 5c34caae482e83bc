package org.fmishare.transport.email;

import org.fmishare.core.model.TlpMarking;
import org.fmishare.testkit.SampleData;
import org.fmishare.delivery.CompanyRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fmishare.transport.email.MailFixture.*;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.OutboxState;
import org.fmishare.delivery.DispatchListener;
import org.fmishare.delivery.Dispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery through the core dispatcher and its durable outbox. */
class EmailDispatchTest {
    @TempDir
    Path dir;

    @Test
    void serverDownThenUpDeliversExactlyOnce() throws Exception {
        int port = freePort();
        SmtpSettings settings = SmtpSettings.builder("localhost", port, SmtpSecurity.SMTPS)
                .credentials(MAILER_USER, MAILER_PASSWORD).trustAnchors(List.of(TLS_CA.certificate()))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).build();
        CountDownLatch twoFailures = new CountDownLatch(2);
        AtomicInteger delivered = new AtomicInteger();
        DispatchListener listener = new DispatchListener() {
            @Override
            public void retrying(String id, int attempt, Instant next, String reason) {
                twoFailures.countDown();
            }

            @Override
            public void delivered(String id, org.fmishare.core.transport.DeliveryResult.Delivered r) {
                delivered.incrementAndGet();
            }
        };
        SignedEnvelope envelope = share();
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("outbox"));
                Dispatcher dispatcher = Dispatcher.builder().store(store).company(CompanyRecord.upTo(SampleData.company().id(), TlpMarking.AMBER)).transport(transport(settings).build())
                        .backoff(Duration.ofMillis(100), Duration.ofMillis(400)).maxAttempts(50).listener(listener)
                        .build().start()) {
            assertThat(dispatcher.submit(envelope, SMC_INBOX.toMailto())).isTrue();
            assertThat(twoFailures.await(20, TimeUnit.SECONDS)).as("two failed attempts while the server is down")
                    .isTrue();
            assertThat(dispatcher.status(envelope.envelopeId()).orElseThrow().state()).isEqualTo(OutboxState.QUEUED);

            GreenMail mail = smtpsAndImap(port);
            try {
                assertThat(dispatcher.awaitIdle(Duration.ofSeconds(120))).isTrue();
                assertThat(dispatcher.status(envelope.envelopeId()).orElseThrow().state())
                        .isEqualTo(OutboxState.DELIVERED);
                // Submitting the same envelope again is refused by the outbox: no second message.
                assertThat(dispatcher.submit(envelope, SMC_INBOX.toMailto())).isFalse();
                List<byte[]> inbox = fetchOverImap(mail, SMC_INBOX.address(), "inbox-pw");
                assertThat(inbox).hasSize(1);
                assertThat(delivered).hasValue(1);
                assertThat(receiver().build().receive(inbox.get(0)).envelopeId()).isEqualTo(envelope.envelopeId());
            } finally {
                mail.stop();
            }
        }
    }

    @Test
    void injectedMailtoDestinationIsDeadLetteredWithoutSending() throws Exception {
        GreenMail mail = smtpsAndImap();
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("outbox2"));
                Dispatcher dispatcher = Dispatcher.builder().store(store).company(CompanyRecord.upTo(SampleData.company().id(), TlpMarking.AMBER)).transport(transport(smtps(mail)).build())
                        .build().start()) {
            SignedEnvelope envelope = share();
            dispatcher.submit(envelope, java.net.URI.create("mailto:trust-safety@smc.example?bcc=leak@evil.example"));
            assertThat(dispatcher.awaitIdle(Duration.ofSeconds(120))).isTrue();
            assertThat(dispatcher.deadLetters()).singleElement().satisfies(e -> {
                assertThat(e.envelopeId()).isEqualTo(envelope.envelopeId());
                assertThat(e.lastError().orElseThrow()).contains("HeaderRejected").contains("mailto");
            });
            assertThat(mail.getReceivedMessages()).isEmpty();
        } finally {
            mail.stop();
        }
    }
}

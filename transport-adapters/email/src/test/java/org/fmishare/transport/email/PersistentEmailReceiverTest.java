package org.fmishare.transport.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fmishare.transport.email.MailFixture.CA;
import static org.fmishare.transport.email.MailFixture.FITF_ENVELOPE;
import static org.fmishare.transport.email.MailFixture.MAIL_SIGNERS;
import static org.fmishare.transport.email.MailFixture.SMC_INBOX;
import static org.fmishare.transport.email.MailFixture.fetchOverImap;
import static org.fmishare.transport.email.MailFixture.recipientId;
import static org.fmishare.transport.email.MailFixture.share;
import static org.fmishare.transport.email.MailFixture.smtps;
import static org.fmishare.transport.email.MailFixture.smtpsAndImap;
import static org.fmishare.transport.email.MailFixture.transport;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.FileReplayCache;
import org.fmishare.core.envelope.JdbcReplayCache;
import org.fmishare.core.envelope.ReplayCache;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.disclosure.Format;
import org.fmishare.testkit.RepeatingNonceRandom;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Email receivers that remember: a message delivered again (over SMTPS to GreenMail, fetched over IMAP) after the
 * receiver restarted on the same store is reported as a duplicate and not as new, a different envelope reusing an
 * accepted nonce is refused as a replay, and receivers sharing PostgreSQL report one message new exactly once.
 */
class PersistentEmailReceiverTest {
    GreenMail mail;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        mail = smtpsAndImap();
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    List<byte[]> inbox() throws Exception {
        return fetchOverImap(mail, SMC_INBOX.address(), "inbox-pw");
    }

    /** A receiver as a freshly started process has it: new verifier and receiver objects on the given stores. */
    static EmailReceiver receiver(EmailDedupeStore dedupe, ReplayCache nonces) {
        return EmailReceiver.builder().smimeTrustAnchors(List.of(CA.certificate())).senderDirectory(MAIL_SIGNERS)
                .envelopeVerifier(EnvelopeVerifier.builder().trustAnchor(CA.certificate())
                        .expectedRecipient(recipientId()).replayCache(nonces).build())
                .dedupeStore(dedupe).build();
    }

    /** Two different envelopes (each its own id) signed by the office with one and the same nonce. */
    static List<SignedEnvelope> twoEnvelopesWithOneNonce() {
        EnvelopeSigner signer = EnvelopeSigner.builder(FITF_ENVELOPE, "fitf")
                .secureRandom(RepeatingNonceRandom.withRandomNonce()).build();
        var share = SampleData.passingShare();
        List<Disclosure> disclosures = DisclosureRenderer.standard().renderShare(share, Format.TEXT).disclosures();
        ComplianceSummary pass = new ComplianceSummary(Verdict.PASS, SampleData.RULE_SET_ID, "1.0.0",
                Disclosure.digestOf("report"));
        return List.of(signer.sign(new EnvelopeBody.Share(share), pass, disclosures),
                signer.sign(new EnvelopeBody.Share(share), pass, disclosures));
    }

    static void assertRefusedAsReplay(EmailReceiver receiver, byte[] message) {
        assertThatThrownBy(() -> receiver.receive(message))
                .isInstanceOfSatisfying(EmailTransportException.EnvelopeRejected.class,
                        e -> assertThat(e.envelopeFailure().check()).isEqualTo(EnvelopeException.Check.REPLAY));
    }

    @Test
    void aMessageDeliveredAgainAfterARestartIsADuplicateWithTheFileStores() throws Exception {
        SignedEnvelope envelope = share();
        EmailTransport t = transport(smtps(mail)).build();
        t.send(envelope, SMC_INBOX);
        t.send(envelope, SMC_INBOX);
        List<byte[]> received = inbox();
        assertThat(received).hasSize(2);
        Path dedupeFile = dir.resolve("email-dedupe");
        Path noncesFile = dir.resolve("nonces");
        ReceivedEmail first;
        try (FileEmailDedupeStore dedupe = FileEmailDedupeStore.open(dedupeFile, Instant.now());
                FileReplayCache nonces = FileReplayCache.open(noncesFile, Instant.now())) {
            first = receiver(dedupe, nonces).receive(received.get(0));
        }
        try (FileEmailDedupeStore dedupe = FileEmailDedupeStore.open(dedupeFile, Instant.now());
                FileReplayCache nonces = FileReplayCache.open(noncesFile, Instant.now())) {
            EmailReceiver restarted = receiver(dedupe, nonces);
            ReceivedEmail again = restarted.receive(received.get(1));
            ReceivedEmail sameMessageFetchedAgain = restarted.receive(received.get(0));
            assertThat(first.duplicate()).isFalse();
            assertThat(again.duplicate()).as("the copy delivered after the restart").isTrue();
            assertThat(again.envelopeId()).isEqualTo(first.envelopeId()).isEqualTo(envelope.envelopeId());
            assertThat(sameMessageFetchedAgain.duplicate()).isTrue();
        }
    }

    @Test
    void aDifferentEnvelopeReusingAnAcceptedNonceIsRefusedAfterARestartWithTheFileStores() throws Exception {
        List<SignedEnvelope> pair = twoEnvelopesWithOneNonce();
        EmailTransport t = transport(smtps(mail)).build();
        t.send(pair.get(0), SMC_INBOX);
        List<byte[]> firstMail = inbox();
        t.send(pair.get(1), SMC_INBOX);
        List<byte[]> received = inbox();
        assertThat(received).hasSize(2);
        byte[] reuse = received.stream().filter(m -> !java.util.Arrays.equals(m, firstMail.get(0))).findFirst()
                .orElseThrow();
        Path dedupeFile = dir.resolve("email-dedupe");
        Path noncesFile = dir.resolve("nonces");
        try (FileEmailDedupeStore dedupe = FileEmailDedupeStore.open(dedupeFile, Instant.now());
                FileReplayCache nonces = FileReplayCache.open(noncesFile, Instant.now())) {
            assertThat(receiver(dedupe, nonces).receive(firstMail.get(0)).duplicate()).isFalse();
        }
        try (FileEmailDedupeStore dedupe = FileEmailDedupeStore.open(dedupeFile, Instant.now());
                FileReplayCache nonces = FileReplayCache.open(noncesFile, Instant.now())) {
            assertRefusedAsReplay(receiver(dedupe, nonces), reuse);
        }
    }

    @Test
    void aMessageDeliveredAgainAfterARestartIsADuplicateWithPostgresql() throws Exception {
        DataSource db = TestPostgres.freshDatabase();
        List<SignedEnvelope> pair = twoEnvelopesWithOneNonce();
        EmailTransport t = transport(smtps(mail)).build();
        t.send(pair.get(0), SMC_INBOX);
        t.send(pair.get(0), SMC_INBOX);
        List<byte[]> copies = inbox();
        assertThat(copies).hasSize(2);
        ReceivedEmail first = receiver(JdbcEmailDedupeStore.open(db), JdbcReplayCache.open(db)).receive(copies.get(0));
        EmailReceiver restarted = receiver(JdbcEmailDedupeStore.open(db), JdbcReplayCache.open(db));
        ReceivedEmail again = restarted.receive(copies.get(1));
        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.envelopeId()).isEqualTo(first.envelopeId());

        t.send(pair.get(1), SMC_INBOX);
        byte[] reuse = inbox().get(2);
        assertRefusedAsReplay(restarted, reuse);
    }

    /**
     * The race made deterministic: receiver A has verified the message (its nonce is in the shared replay cache) and
     * is held just before it records the envelope in the shared de-duplication store; receiver B then receives the
     * same message. B must not refuse it as a replay: one of the two reports it new, the other a duplicate.
     */
    @Test
    void aReceiverThatLosesTheRaceForTheNonceReportsADuplicateNotAReplay() throws Exception {
        DataSource db = TestPostgres.freshDatabase();
        CountDownLatch aVerified = new CountDownLatch(1);
        CountDownLatch bDone = new CountDownLatch(1);
        EmailDedupeStore shared = JdbcEmailDedupeStore.open(db);
        EmailDedupeStore heldBeforeRecording = new EmailDedupeStore() {
            @Override
            public Optional<String> envelopeIdOf(String digest, Instant now) {
                return shared.envelopeIdOf(digest, now);
            }

            @Override
            public Optional<String> record(String envelopeId, String digest, Instant forgetAfter, Instant now) {
                aVerified.countDown();
                try {
                    if (!bDone.await(3, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("receiver B did not finish");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return shared.record(envelopeId, digest, forgetAfter, now);
            }
        };
        EmailReceiver a = receiver(heldBeforeRecording, JdbcReplayCache.open(db));
        EmailReceiver b = receiver(JdbcEmailDedupeStore.open(db), JdbcReplayCache.open(db));
        transport(smtps(mail)).build().send(share(), SMC_INBOX);
        byte[] message = inbox().get(0);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ReceivedEmail> onA = pool.submit(() -> a.receive(message));
            assertThat(aVerified.await(3, TimeUnit.MINUTES)).as("receiver A verified the message").isTrue();
            ReceivedEmail onB;
            try {
                onB = b.receive(message);
            } finally {
                bDone.countDown();
            }
            ReceivedEmail fromA = onA.get(3, TimeUnit.MINUTES);
            assertThat(onB.duplicate()).as("B came first to the de-duplication store").isFalse();
            assertThat(fromA.duplicate()).as("A lost the race").isTrue();
            assertThat(fromA.envelopeId()).isEqualTo(onB.envelopeId());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The same message given to two receivers sharing PostgreSQL (de-duplication store and replay cache) from many
     * threads at once: exactly one reports it new and every other answer is a duplicate, also one that reached the
     * replay cache after the winner recorded the nonce but before it recorded the envelope (the cache knows the
     * envelope's digest, so that is a repeat, not a replay). Never new twice, never refused.
     */
    @Test
    void twoReceiversSharingPostgresqlReportOneMessageNewExactlyOnce() throws Exception {
        DataSource db = TestPostgres.freshDatabase();
        EmailReceiver a = receiver(JdbcEmailDedupeStore.open(db), JdbcReplayCache.open(db));
        EmailReceiver b = receiver(JdbcEmailDedupeStore.open(db), JdbcReplayCache.open(db));
        EmailTransport t = transport(smtps(mail)).build();
        int messages = 3;
        for (int i = 0; i < messages; i++) {
            t.send(share(), SMC_INBOX);
        }
        List<byte[]> received = inbox();
        assertThat(received).hasSize(messages);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (byte[] message : received) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<ReceivedEmail>> answers = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    EmailReceiver r = i % 2 == 0 ? a : b;
                    answers.add(pool.submit(() -> {
                        go.await();
                        return r.receive(message);
                    }));
                }
                go.countDown();
                int fresh = 0;
                for (Future<ReceivedEmail> f : answers) {
                    // Any refusal (a REPLAY for the loser of the race on the nonce) fails the test here.
                    fresh += f.get(3, TimeUnit.MINUTES).duplicate() ? 0 : 1;
                }
                assertThat(fresh).as("receivers that reported the message new").isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        // Afterwards every copy, on either receiver, is a duplicate.
        for (byte[] message : received) {
            assertThat(a.receive(message).duplicate()).isTrue();
            assertThat(b.receive(message).duplicate()).isTrue();
        }
    }
}

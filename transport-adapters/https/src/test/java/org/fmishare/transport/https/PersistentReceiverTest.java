package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.FileReplayCache;
import org.fmishare.core.envelope.JdbcReplayCache;
import org.fmishare.core.envelope.ReplayCache;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.testkit.RepeatingNonceRandom;
import org.fmishare.testkit.SampleData;
import org.fmishare.testkit.TestPostgres;
import org.fmishare.transport.https.ReceiverResponse.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receivers that remember: an envelope delivered again after a receiver restart gets the original receipt and does
 * not reach the callback again, and two receivers sharing PostgreSQL given the same envelope at the same moment call
 * back once and answer the same receipt. With a persistent replay cache a different envelope reusing an accepted
 * nonce is refused as a replay after a restart too, and by every receiver sharing the cache.
 */
class PersistentReceiverTest {
    static final Optional<String> JOSE = Optional.of("application/jose+json");

    @TempDir
    Path dir;

    final AtomicInteger calls = new AtomicInteger();

    /** A receiver as a freshly started process has it: new verifier (empty replay cache), the given store. */
    EnvelopeReceiver restartedReceiver(ReceiptStore store) {
        return EnvelopeReceiver.builder().verifier(Pki.companyVerifier()).signer(Pki.SMC)
                .onEnvelope(v -> calls.incrementAndGet()).receiptStore(store).build();
    }

    /** A receiver as a freshly started process has it, with persistent receipts and replay nonces. */
    EnvelopeReceiver restartedReceiver(ReceiptStore store, ReplayCache nonces) {
        EnvelopeVerifier verifier = EnvelopeVerifier.builder().trustAnchor(Pki.CA.certificate())
                .expectedRecipient(Pki.COMPANY).replayCache(nonces).build();
        return EnvelopeReceiver.builder().verifier(verifier).signer(Pki.SMC).onEnvelope(v -> calls.incrementAndGet())
                .receiptStore(store).inProgressWait(Duration.ofMinutes(2)).build();
    }

    /** Two different envelopes (each its own id) signed by the office with one and the same nonce. */
    static List<SignedEnvelope> twoEnvelopesWithOneNonce() {
        EnvelopeSigner signer = EnvelopeSigner.builder(Pki.FITF_SIGNING, Pki.OFFICE)
                .secureRandom(RepeatingNonceRandom.withRandomNonce()).build();
        SignedEnvelope first = signer.sign(new EnvelopeBody.Share(SampleData.passingShare()), Pki.PASS,
                Pki.DISCLOSURES);
        SignedEnvelope second = signer.sign(new EnvelopeBody.Share(SampleData.passingShare()), Pki.PASS,
                Pki.DISCLOSURES);
        assertThat(second.envelopeId()).isNotEqualTo(first.envelopeId());
        assertThat(second.digest()).isNotEqualTo(first.digest());
        return List.of(first, second);
    }

    static void assertRefusedAsReplay(ReceiverResponse r) {
        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(r.failure()).get().isInstanceOfSatisfying(EnvelopeException.class,
                e -> assertThat(e.check()).isEqualTo(EnvelopeException.Check.REPLAY));
    }

    @Test
    void aDifferentEnvelopeReusingAnAcceptedNonceIsRefusedAsAReplayAfterARestartOnTheFileStores() {
        List<SignedEnvelope> pair = twoEnvelopesWithOneNonce();
        Path receipts = dir.resolve("receipts");
        Path nonces = dir.resolve("nonces");
        ReceiverResponse first;
        try (FileReceiptStore store = FileReceiptStore.open(receipts, Instant.now());
                FileReplayCache cache = FileReplayCache.open(nonces, Instant.now())) {
            first = restartedReceiver(store, cache).handle("POST", JOSE, pair.get(0).serialized());
        }
        ReceiverResponse again;
        ReceiverResponse replay;
        try (FileReceiptStore store = FileReceiptStore.open(receipts, Instant.now());
                FileReplayCache cache = FileReplayCache.open(nonces, Instant.now())) {
            EnvelopeReceiver restarted = restartedReceiver(store, cache);
            again = restarted.handle("POST", JOSE, pair.get(0).serialized());
            replay = restarted.handle("POST", JOSE, pair.get(1).serialized());
        }
        assertThat(first.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(again.body()).isEqualTo(first.body());
        assertRefusedAsReplay(replay);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aDifferentEnvelopeReusingAnAcceptedNonceIsRefusedAsAReplayAfterARestartOnPostgresql() {
        DataSource db = TestPostgres.freshDatabase();
        List<SignedEnvelope> pair = twoEnvelopesWithOneNonce();
        ReceiverResponse first = restartedReceiver(JdbcReceiptStore.open(db), JdbcReplayCache.open(db))
                .handle("POST", JOSE, pair.get(0).serialized());
        EnvelopeReceiver restarted = restartedReceiver(JdbcReceiptStore.open(db), JdbcReplayCache.open(db));
        ReceiverResponse again = restarted.handle("POST", JOSE, pair.get(0).serialized());
        ReceiverResponse replay = restarted.handle("POST", JOSE, pair.get(1).serialized());
        assertThat(first.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(again.body()).isEqualTo(first.body());
        assertRefusedAsReplay(replay);
        assertThat(calls).hasValue(1);
    }

    /**
     * Two receiver servers, each with its own store objects on one PostgreSQL database, given the same envelope from
     * many client threads at the same moment: one acceptance, one callback, and every answer is the same receipt.
     * The envelope's nonce reused in a different envelope is then refused by either server.
     */
    @Test
    void twoReceiverServersSharingPostgresqlAcceptAnEnvelopePostedToBothFromManyThreadsOnce() throws Exception {
        DataSource db = TestPostgres.freshDatabase();
        EnvelopeReceiver a = restartedReceiver(JdbcReceiptStore.open(db), JdbcReplayCache.open(db));
        EnvelopeReceiver b = restartedReceiver(JdbcReceiptStore.open(db), JdbcReplayCache.open(db));
        int threadsPerServer = 4;
        int envelopes = 3;
        ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerServer);
        try (HttpsReceiverServer serverA = server(a); HttpsReceiverServer serverB = server(b)) {
            HttpClient client = HttpClient.newBuilder().sslContext(Pki.clientTls())
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMinutes(1)).build();
            List<SignedEnvelope> pair = twoEnvelopesWithOneNonce();
            for (int i = 0; i < envelopes; i++) {
                byte[] body = i == 0 ? pair.get(0).serialized() : Pki.share().serialized();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
                for (int t = 0; t < 2 * threadsPerServer; t++) {
                    URI uri = (t % 2 == 0 ? serverA : serverB).uri();
                    answers.add(pool.submit(() -> {
                        go.await();
                        return post(client, uri, body);
                    }));
                }
                go.countDown();
                List<byte[]> receipts = new ArrayList<>();
                for (Future<HttpResponse<byte[]>> f : answers) {
                    HttpResponse<byte[]> r = f.get(3, TimeUnit.MINUTES);
                    assertThat(r.statusCode()).as(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                            .isEqualTo(200);
                    receipts.add(r.body());
                }
                assertThat(receipts).allSatisfy(r -> assertThat(r).isEqualTo(receipts.get(0)));
                assertThat(calls).as("callbacks after envelope " + (i + 1)).hasValue(i + 1);
            }
            assertThat(post(client, serverA.uri(), pair.get(1).serialized()).statusCode()).isEqualTo(400);
            assertThat(post(client, serverB.uri(), pair.get(1).serialized()).statusCode()).isEqualTo(400);
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls).hasValue(envelopes);
    }

    /** A receiver process whose callback fails for every envelope, as an application whose database is down. */
    static EnvelopeReceiver failingReceiver(ReceiptStore store, ReplayCache nonces, AtomicInteger attempts) {
        EnvelopeVerifier verifier = EnvelopeVerifier.builder().trustAnchor(Pki.CA.certificate())
                .expectedRecipient(Pki.COMPANY).replayCache(nonces).build();
        return EnvelopeReceiver.builder().verifier(verifier).signer(Pki.SMC).onEnvelope(v -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("the application's store is down");
        }).receiptStore(store).inProgressWait(Duration.ofMinutes(2)).build();
    }

    static HttpClient client() {
        return HttpClient.newBuilder().sslContext(Pki.clientTls()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMinutes(1)).build();
    }

    /**
     * Issue 17: the callback fails on the first delivery (after the nonce was recorded), the receiver restarts on
     * the same files, and the sender's retry of the identical envelope is accepted (not refused as a replay): one
     * successful callback, a stored receipt, and a further retry answered with that receipt.
     */
    @Test
    void aRetryAfterAFailedCallbackIsAcceptedOnceByTheRestartedReceiverOnTheFileStores() throws Exception {
        SignedEnvelope e = Pki.share();
        Path receipts = dir.resolve("receipts");
        Path nonces = dir.resolve("nonces");
        HttpClient client = client();
        AtomicInteger failed = new AtomicInteger();
        try (FileReceiptStore store = FileReceiptStore.open(receipts, Instant.now());
                FileReplayCache cache = FileReplayCache.open(nonces, Instant.now());
                HttpsReceiverServer server = server(failingReceiver(store, cache, failed))) {
            assertThat(post(client, server.uri(), e.serialized()).statusCode()).isEqualTo(500);
            assertThat(store.size()).isZero();
        }
        HttpResponse<byte[]> accepted;
        HttpResponse<byte[]> again;
        try (FileReceiptStore store = FileReceiptStore.open(receipts, Instant.now());
                FileReplayCache cache = FileReplayCache.open(nonces, Instant.now());
                HttpsReceiverServer server = server(restartedReceiver(store, cache))) {
            accepted = post(client, server.uri(), e.serialized());
            again = post(client, server.uri(), e.serialized());
            assertThat(store.findByEnvelopeId(e.envelopeId(), Instant.now())).isPresent();
        }
        assertThat(failed).hasValue(1);
        assertThat(accepted.statusCode()).as(new String(accepted.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).as("the stored receipt, answered again").isEqualTo(accepted.body());
        assertThat(calls).as("successful callbacks").hasValue(1);
        Pki.receiptVerifier().verifyReceipt(accepted.body(), e);
    }

    /**
     * Issue 17 with two instances on one PostgreSQL database: instance A's callback fails, the sender's retry lands
     * on instance B, which accepts it once; a further retry on either instance gets B's receipt.
     */
    @Test
    void aRetryAfterAFailedCallbackOnOneInstanceIsAcceptedOnceByAnotherOnPostgresql() throws Exception {
        DataSource db = TestPostgres.freshDatabase();
        SignedEnvelope e = Pki.share();
        HttpClient client = client();
        AtomicInteger failed = new AtomicInteger();
        EnvelopeReceiver a = failingReceiver(JdbcReceiptStore.open(db), JdbcReplayCache.open(db), failed);
        EnvelopeReceiver b = restartedReceiver(JdbcReceiptStore.open(db), JdbcReplayCache.open(db));
        try (HttpsReceiverServer serverA = server(a); HttpsReceiverServer serverB = server(b)) {
            assertThat(post(client, serverA.uri(), e.serialized()).statusCode()).isEqualTo(500);
            HttpResponse<byte[]> accepted = post(client, serverB.uri(), e.serialized());
            assertThat(accepted.statusCode())
                    .as(new String(accepted.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
            HttpResponse<byte[]> onA = post(client, serverA.uri(), e.serialized());
            HttpResponse<byte[]> onB = post(client, serverB.uri(), e.serialized());
            assertThat(onA.statusCode()).isEqualTo(200);
            assertThat(onB.statusCode()).isEqualTo(200);
            assertThat(onA.body()).isEqualTo(accepted.body());
            assertThat(onB.body()).isEqualTo(accepted.body());
            Pki.receiptVerifier().verifyReceipt(accepted.body(), e);
        }
        assertThat(failed).hasValue(1);
        assertThat(calls).as("successful callbacks").hasValue(1);
        assertThat(JdbcReceiptStore.open(db).findByEnvelopeId(e.envelopeId(), Instant.now())).isPresent();
    }

    static HttpsReceiverServer server(EnvelopeReceiver receiver) {
        return HttpsReceiverServer.builder().sslContext(Pki.serverTls()).requireClientCertificate(true)
                .handler(receiver).port(0).handshakeTimeout(Duration.ofMinutes(1)).readTimeout(Duration.ofMinutes(2))
                .start();
    }

    static HttpResponse<byte[]> post(HttpClient client, URI uri, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/jose+json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anEnvelopeRepeatedAfterARestartGetsTheOriginalReceiptFromTheFileStore() {
        SignedEnvelope e = Pki.share();
        Path file = dir.resolve("receipts");
        ReceiverResponse first;
        try (FileReceiptStore store = FileReceiptStore.open(file, Instant.now())) {
            first = restartedReceiver(store).handle("POST", JOSE, e.serialized());
        }
        ReceiverResponse again;
        try (FileReceiptStore store = FileReceiptStore.open(file, Instant.now())) {
            again = restartedReceiver(store).handle("POST", JOSE, e.serialized());
        }
        assertThat(first.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(calls).hasValue(1);
    }

    @Test
    void anEnvelopeRepeatedAfterARestartGetsTheOriginalReceiptFromPostgresql() {
        DataSource db = TestPostgres.freshDatabase();
        SignedEnvelope e = Pki.share();
        ReceiverResponse first = restartedReceiver(JdbcReceiptStore.open(db)).handle("POST", JOSE, e.serialized());
        ReceiverResponse again = restartedReceiver(JdbcReceiptStore.open(db)).handle("POST", JOSE, e.serialized());
        assertThat(first.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(calls).hasValue(1);
    }

    @Test
    void twoReceiversSharingPostgresqlAcceptTheSameEnvelopeOnceAndAnswerTheSameReceipt() throws Exception {
        DataSource db = TestPostgres.freshDatabase();
        EnvelopeReceiver a = restartedReceiver(JdbcReceiptStore.open(db));
        EnvelopeReceiver b = restartedReceiver(JdbcReceiptStore.open(db));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int envelopes = 10;
        try {
            for (int i = 0; i < envelopes; i++) {
                byte[] body = Pki.share().serialized();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<ReceiverResponse>> answers = new ArrayList<>();
                for (EnvelopeReceiver r : List.of(a, b)) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return r.handle("POST", JOSE, body);
                    }));
                }
                go.countDown();
                ReceiverResponse one = answers.get(0).get(2, TimeUnit.MINUTES);
                ReceiverResponse two = answers.get(1).get(2, TimeUnit.MINUTES);
                assertThat(List.of(one.outcome(), two.outcome()))
                        .containsExactlyInAnyOrder(Outcome.ACCEPTED, Outcome.DUPLICATE);
                assertThat(one.body()).isEqualTo(two.body());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls).hasValue(envelopes);
    }
}

package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.testkit.TestPostgres;
import org.fmishare.transport.https.ReceiverResponse.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receivers that remember: an envelope delivered again after a receiver restart gets the original receipt and does
 * not reach the callback again, and two receivers sharing PostgreSQL given the same envelope at the same moment call
 * back once and answer the same receipt.
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

package org.fmishare.transport.https;

import static org.assertj.core.api.Assertions.assertThat;
import org.fmishare.core.envelope.EnvelopeBody;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.testkit.SampleData;
import org.fmishare.transport.https.ReceiverResponse.Outcome;
import org.junit.jupiter.api.Test;

/** The framework-neutral receiver: answers by category, dedupes repeated deliveries, retries failed callbacks. */
class EnvelopeReceiverTest {
    static final Optional<String> JOSE = Optional.of("application/jose+json");
    final AtomicInteger calls = new AtomicInteger();

    EnvelopeReceiver receiver(EnvelopeConsumer consumer) {
        return EnvelopeReceiver.builder().verifier(Pki.companyVerifier()).signer(Pki.SMC).onEnvelope(consumer)
                .maxEnvelopeBytes(64 * 1024).build();
    }

    EnvelopeReceiver counting() {
        return receiver(v -> calls.incrementAndGet());
    }

    static String body(ReceiverResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void wrongMethodMediaTypeOrSizeIsAnsweredByCategoryOnly() {
        EnvelopeReceiver r = counting();
        byte[] ok = Pki.share().serialized();
        ReceiverResponse get = r.handle("GET", JOSE, ok);
        assertThat(get.status()).isEqualTo(405);
        assertThat(r.handle("POST", Optional.of("application/json"), ok).status()).isEqualTo(415);
        assertThat(r.handle("POST", Optional.empty(), ok).status()).isEqualTo(415);
        assertThat(r.handle("POST", Optional.of("Application/JOSE+JSON; charset=utf-8"), ok).status())
                .isEqualTo(200);
        ReceiverResponse big = r.handle("POST", JOSE, new ByteArrayInputStream(new byte[64 * 1024 + 1]));
        assertThat(big.status()).isEqualTo(413);
        assertThat(body(big)).isEqualTo("{\"status\":413,\"title\":\"too large\"}");
        assertThat(big.contentType()).isEqualTo("application/problem+json");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aTamperedEnvelopeIsRejectedWithoutSayingWhichCheckFailed() {
        EnvelopeReceiver r = counting();
        byte[] bytes = Pki.share().serialized();
        String json = new String(bytes, StandardCharsets.US_ASCII);
        // Flip one character of the signature.
        int sig = json.indexOf("\"signature\":\"") + 14;
        char c = json.charAt(sig);
        String tampered = json.substring(0, sig) + (c == 'A' ? 'B' : 'A') + json.substring(sig + 1);
        for (String bad : List.of(tampered, "{}", "not json", "{\"payload\":1}")) {
            ReceiverResponse resp = r.handle("POST", JOSE, bad.getBytes(StandardCharsets.US_ASCII));
            assertThat(resp.status()).as(bad).isEqualTo(400);
            assertThat(body(resp)).isEqualTo("{\"status\":400,\"title\":\"rejected\"}");
            assertThat(resp.failure()).get().isInstanceOf(EnvelopeException.class);
        }
        ReceiverResponse sigFailure = r.handle("POST", JOSE, tampered.getBytes(StandardCharsets.US_ASCII));
        assertThat(((EnvelopeException) sigFailure.failure().orElseThrow()).check())
                .isEqualTo(EnvelopeException.Check.SIGNATURE);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aRepeatedDeliveryGetsTheOriginalReceiptWithoutAnotherCallback() {
        EnvelopeReceiver r = counting();
        SignedEnvelope e = Pki.share();
        ReceiverResponse first = r.handle("POST", JOSE, e.serialized());
        ReceiverResponse again = r.handle("POST", JOSE, e.serialized());
        assertThat(first.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(calls).hasValue(1);
        VerifiedEnvelope receipt = Pki.receiptVerifier().verifyReceipt(first.body(), e);
        assertThat(receipt.response().orElseThrow().companyId()).isEqualTo(Pki.COMPANY);
    }

    @Test
    void theSameSignedContentWithAnotherSignatureStillGetsTheStoredReceipt() {
        // The dedupe key covers protected header and payload only; the JSON around them may differ.
        EnvelopeReceiver r = counting();
        SignedEnvelope e = Pki.share();
        ReceiverResponse first = r.handle("POST", JOSE, e.serialized());
        String json = new String(e.serialized(), StandardCharsets.US_ASCII);
        String reordered = json.replaceFirst("^\\{(\"payload\":\"[^\"]*\"),(\"protected\":\"[^\"]*\"),",
                "{$2,$1,");
        assertThat(reordered).isNotEqualTo(json);
        ReceiverResponse again = r.handle("POST", JOSE, reordered.getBytes(StandardCharsets.US_ASCII));
        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(calls).hasValue(1);
    }

    @Test
    void aFailingCallbackIsRetriedOnTheNextDeliveryAndThenAcknowledgedOnce() {
        AtomicInteger attempts = new AtomicInteger();
        EnvelopeReceiver r = receiver(v -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
        });
        SignedEnvelope e = Pki.share();
        ReceiverResponse failed = r.handle("POST", JOSE, e.serialized());
        assertThat(failed.status()).isEqualTo(500);
        assertThat(body(failed)).doesNotContain("database");
        assertThat(failed.failure()).get().isInstanceOf(HttpsTransportException.ReceiveFailed.class);
        // The retry is not refused as a replay: the verified envelope was kept.
        ReceiverResponse retried = r.handle("POST", JOSE, e.serialized());
        assertThat(retried.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(r.handle("POST", JOSE, e.serialized()).outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void anEnvelopeForAnotherCompanyIsRejected() {
        EnvelopeSigner otherCompany = EnvelopeSigner.builder(Pki.CA.issueReceiptSigner("smc-other", "other", KeyAlgorithm.EC_P256),
                "smc-other").build();
        EnvelopeReceiver r = EnvelopeReceiver.builder()
                .verifier(org.fmishare.core.envelope.EnvelopeVerifier.builder().trustAnchor(Pki.CA.certificate())
                        .anyRecipient().build())
                .signer(otherCompany).onEnvelope(v -> calls.incrementAndGet()).build();
        ReceiverResponse resp = r.handle("POST", JOSE, Pki.share().serialized());
        assertThat(resp.status()).isEqualTo(400);
        assertThat(resp.failure()).get().isInstanceOf(HttpsTransportException.EnvelopeRefused.class);
        assertThat(calls).hasValue(0);
    }

    @Test
    void anotherEnvelopeReusingAnAcceptedIdIsAConflict() {
        // Same id stream, fresh nonces: the second envelope carries the first one's id with other content.
        EnvelopeSigner a = EnvelopeSigner.builder(Pki.FITF_SIGNING, Pki.OFFICE).secureRandom(new FixedIds()).build();
        EnvelopeSigner b = EnvelopeSigner.builder(Pki.FITF_SIGNING, Pki.OFFICE).secureRandom(new FixedIds()).build();
        SignedEnvelope first = a.sign(new EnvelopeBody.Share(SampleData.passingShare()), Pki.PASS, Pki.DISCLOSURES);
        SignedEnvelope clash = b.sign(new EnvelopeBody.Share(SampleData.passingShare()), Pki.PASS, Pki.DISCLOSURES);
        assertThat(clash.envelopeId()).isEqualTo(first.envelopeId());
        assertThat(clash.digest()).isNotEqualTo(first.digest());
        EnvelopeReceiver r = counting();
        assertThat(r.handle("POST", JOSE, first.serialized()).outcome()).isEqualTo(Outcome.ACCEPTED);
        ReceiverResponse resp = r.handle("POST", JOSE, clash.serialized());
        assertThat(resp.status()).isEqualTo(409);
        assertThat(body(resp)).isEqualTo("{\"status\":409,\"title\":\"conflict\"}");
        assertThat(calls).hasValue(1);
    }

    @Test
    void concurrentDeliveriesOfOneEnvelopeReachTheCallbackOnceAndAllGetTheReceipt() throws Exception {
        CountDownLatch inCallback = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EnvelopeReceiver r = receiver(v -> {
            calls.incrementAndGet();
            inCallback.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        SignedEnvelope e = Pki.share();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<ReceiverResponse>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> r.handle("POST", JOSE, e.serialized())));
            inCallback.await();
            for (int i = 0; i < 5; i++) {
                answers.add(pool.submit(() -> r.handle("POST", JOSE, e.serialized())));
            }
            Thread.sleep(100);
            release.countDown();
            byte[] receipt = answers.get(0).get().body();
            for (Future<ReceiverResponse> f : answers) {
                assertThat(f.get().isReceipt()).isTrue();
                assertThat(f.get().body()).isEqualTo(receipt);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void theInMemoryStoreForgetsExpiredReceiptsAndEvictsTheEarliestWhenFull() {
        InMemoryReceiptStore store = InMemoryReceiptStore.withCapacity(2);
        java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
        StoredReceipt a = new StoredReceipt("ka", "ida", "da", t0.plusSeconds(10), new byte[] {1});
        StoredReceipt b = new StoredReceipt("kb", "idb", "db", t0.plusSeconds(20), new byte[] {2});
        StoredReceipt c = new StoredReceipt("kc", "idc", "dc", t0.plusSeconds(30), new byte[] {3});
        assertThat(store.put(a, t0)).isSameAs(a);
        assertThat(store.put(new StoredReceipt("other", "ida", "x", t0.plusSeconds(99), new byte[] {9}), t0))
                .isSameAs(a);
        store.put(b, t0);
        store.put(c, t0);
        assertThat(store.findByKey("ka", t0)).isEmpty();
        assertThat(store.findByEnvelopeId("idb", t0)).contains(b);
        assertThat(store.findByKey("kc", t0.plusSeconds(25))).contains(c);
        assertThat(store.findByKey("kb", t0.plusSeconds(25))).isEmpty();
        assertThat(store.size()).isEqualTo(1);
    }

    /** Random nonces, but the same sequence of envelope ids in every instance. */
    static final class FixedIds extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final java.util.Random ids = new java.util.Random(7);
        private final SecureRandom real = new SecureRandom();

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length == 16) {
                real.nextBytes(bytes);
            } else {
                ids.nextBytes(bytes);
            }
        }

        @Override
        public long nextLong() {
            return ids.nextLong();
        }
    }
}

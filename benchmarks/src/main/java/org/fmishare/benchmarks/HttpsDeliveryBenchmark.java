package org.fmishare.benchmarks;

import org.fmishare.core.model.TlpMarking;
import org.fmishare.delivery.CompanyRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.testkit.SampleData;
import org.fmishare.delivery.Dispatcher;
import org.fmishare.transport.https.EnvelopeReceiver;
import org.fmishare.transport.https.HttpsReceiverServer;
import org.fmishare.transport.https.HttpsTransport;
import org.fmishare.transport.https.TlsContexts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Delivery through the durable outbox to a loopback HTTPS receiver with mutual TLS: one operation is a batch of
 * {@value #BATCH} envelopes submitted and delivered (receiver verifies each and answers a signed receipt, which the
 * transport verifies). Both ends run in this JVM on the same two cores, so this is the whole system's rate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HttpsDeliveryBenchmark {
    static final int BATCH = 100;

    /** Outbox workers: 1 is one sender delivering one envelope at a time, 4 the dispatcher's usual pool. */
    @Param({"1", "4"})
    public int workers;

    private Fixture fixture;
    private HttpsReceiverServer server;
    private HttpsTransport.Builder transport;
    private List<SignedEnvelope> envelopes;
    private Path dir;

    /** Starts the receiver and signs the envelopes once. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        fixture = new Fixture(KeyAlgorithm.EC_P256);
        SigningCredential company = fixture.ca.issueReceiptSigner(SampleData.company().id(), "company receipts",
                KeyAlgorithm.EC_P256);
        SigningCredential serverTls = fixture.ca.issueTls("localhost", KeyAlgorithm.EC_P256, List.of("localhost"),
                List.of("127.0.0.1"));
        SigningCredential clientTls = fixture.ca.issueTls("client", KeyAlgorithm.EC_P256, List.of("client.test"),
                List.of());
        List<java.security.cert.X509Certificate> anchors = List.of(fixture.ca.certificate());
        EnvelopeReceiver receiver = EnvelopeReceiver.builder()
                .verifier(EnvelopeVerifier.builder().trustAnchor(fixture.ca.certificate())
                        .expectedRecipient(SampleData.company().id()).build())
                .signer(EnvelopeSigner.builder(company, SampleData.company().id()).build())
                .onEnvelope(v -> { }).build();
        server = Fixture.connections(HttpsReceiverServer.builder()).sslContext(TlsContexts.of(serverTls, anchors))
                .requireClientCertificate(true).handler(receiver).port(0).start();
        transport = HttpsTransport.builder().sslContext(TlsContexts.of(clientTls, anchors));
        envelopes = new ArrayList<>();
    }

    /** Signs a fresh batch (new ids) and opens a fresh outbox before each measured batch. */
    @Setup(Level.Iteration)
    public void freshBatch() throws IOException {
        envelopes.clear();
        for (int i = 0; i < BATCH; i++) {
            envelopes.add(fixture.prepare(SampleData.share(Fixture.TYPICAL_ACCOUNTS, Fixture.TYPICAL_FACTS)));
        }
        dir = Files.createTempDirectory("fmi-https-bench");
    }

    /** Stops the receiver. */
    @TearDown(Level.Trial)
    public void tearDown() {
        server.close();
    }

    /** Submits the batch and waits until every envelope is delivered with a receipt. */
    @Benchmark
    public int deliverBatch() throws InterruptedException {
        try (FileJournalStore store = FileJournalStore.open(dir.resolve("outbox.journal"));
                Dispatcher d = Dispatcher.builder().store(store).company(CompanyRecord.upTo(SampleData.company().id(), TlpMarking.AMBER)).transport(transport.build()).workers(workers)
                        .backoff(Duration.ofMillis(20), Duration.ofSeconds(1)).build().start()) {
            for (SignedEnvelope e : envelopes) {
                d.submit(e, server.uri());
            }
            if (!d.awaitIdle(Duration.ofMinutes(5))) {
                throw new IllegalStateException("batch not delivered in time");
            }
            int delivered = d.metrics().delivered();
            if (delivered != BATCH) {
                throw new IllegalStateException("delivered " + delivered + " of " + BATCH);
            }
            return delivered;
        }
    }
}

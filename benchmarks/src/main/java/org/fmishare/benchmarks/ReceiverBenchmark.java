package org.fmishare.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.transport.Delivery;
import org.fmishare.core.transport.DeliveryResult;
import org.fmishare.sop.SopRechecker;
import org.fmishare.testkit.SampleData;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The HTTPS receiver under {@value #SENDERS} concurrent senders: each benchmark thread is one sender with its own
 * {@link HttpsTransport} (mutual TLS), posting envelopes never seen before to one loopback receiver, which verifies
 * each and answers a signed receipt. Senders and receiver share this JVM and the machine's cores, so the score
 * (envelopes per second over all senders) is the whole system's rate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(ReceiverBenchmark.SENDERS)
public class ReceiverBenchmark {
    static final int SENDERS = 16;
    /**
     * Envelopes signed for each iteration of the trial, all before the first one (a repeated envelope would be
     * answered from the receipt store, so none is delivered twice).
     */
    static final int PER_ITERATION = 1500;

    /** The receiver's compliance re-check: {@code off}, or {@code sop} ({@code SopRechecker.standard()}). */
    @Param({"off", "sop"})
    public String recheck;

    private Fixture fixture;
    private HttpsReceiverServer server;
    private HttpsTransport.Builder transports;
    private List<SignedEnvelope.Stored> envelopes = List.of();
    private final AtomicInteger next = new AtomicInteger();

    /**
     * Starts the receiver and signs the envelopes of every iteration of the trial.
     *
     * @param params the trial's warm-up and measurement iteration counts, which size the pool
     * @throws IOException if the receiver cannot start
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws IOException {
        fixture = new Fixture(KeyAlgorithm.EC_P256);
        SigningCredential company = fixture.ca.issueReceiptSigner(SampleData.company().id(), "company receipts",
                KeyAlgorithm.EC_P256);
        SigningCredential serverTls = fixture.ca.issueTls("localhost", KeyAlgorithm.EC_P256, List.of("localhost"),
                List.of("127.0.0.1"));
        SigningCredential clientTls = fixture.ca.issueTls("client", KeyAlgorithm.EC_P256, List.of("client.test"),
                List.of());
        List<java.security.cert.X509Certificate> anchors = List.of(fixture.ca.certificate());
        EnvelopeVerifier.Builder verifier = EnvelopeVerifier.builder().trustAnchor(fixture.ca.certificate())
                .expectedRecipient(SampleData.company().id());
        if ("sop".equals(recheck)) {
            verifier.complianceRechecker(SopRechecker.standard());
        }
        EnvelopeReceiver receiver = EnvelopeReceiver.builder().verifier(verifier.build())
                .signer(EnvelopeSigner.builder(company, SampleData.company().id()).build())
                .onEnvelope(v -> { }).build();
        // All senders connect from 127.0.0.1: allow one connection per sender from that address.
        server = Fixture.connections(HttpsReceiverServer.builder()).sslContext(TlsContexts.of(serverTls, anchors))
                .requireClientCertificate(true).maxConnectionsPerAddress(2 * SENDERS).handler(receiver).port(0)
                .start();
        transports = HttpsTransport.builder().sslContext(TlsContexts.of(clientTls, anchors));
        envelopes = sign((params.getWarmup().getCount() + params.getMeasurement().getCount()) * PER_ITERATION);
    }

    /**
     * Signs {@code count} envelopes, each with its own id and nonce, once per trial before the first iteration. Signed
     * before every iteration instead, 1,500 envelopes were signed on one thread while the other 15 senders busy-waited
     * for it on a two-core machine, and their garbage was left to the iteration that followed; now nothing runs
     * between iterations. Only the stored form (the bytes a transport posts) is kept, so the pool stays small.
     */
    private List<SignedEnvelope.Stored> sign(int count) {
        // One prepared envelope gives the report and disclosures; the others are signed with them directly (the
        // same share, so the same report), which keeps the set-up short on a loaded machine.
        SignedEnvelope typical = fixture.prepare(Fixture.share(Fixture.TYPICAL_ACCOUNTS, Fixture.TYPICAL_FACTS));
        List<SignedEnvelope.Stored> pool = new ArrayList<>(count);
        pool.add(typical.stored());
        while (pool.size() < count) {
            pool.add(fixture.signer.sign(new EnvelopeBody.Share(Fixture.share(Fixture.TYPICAL_ACCOUNTS,
                    Fixture.TYPICAL_FACTS)), typical.content().compliance().orElseThrow(),
                    typical.content().disclosures()).stored());
        }
        return List.copyOf(pool);
    }

    /** Stops the receiver. */
    @TearDown(Level.Trial)
    public void tearDown() {
        server.close();
    }

    /** One sender: its own transport (HTTP client and TLS sessions). */
    @State(Scope.Thread)
    public static class Sender {
        HttpsTransport transport;

        /**
         * Builds this sender's transport.
         *
         * @param b the benchmark, for the TLS context
         */
        @Setup(Level.Trial)
        public void setUp(ReceiverBenchmark b) {
            transport = b.transports.build();
        }

        /** Closes the transport. */
        @TearDown(Level.Trial)
        public void tearDown() {
            transport.close();
        }
    }

    /**
     * Delivers one envelope and checks that it was accepted with a receipt.
     *
     * @param sender this thread's sender
     * @return the receipt
     */
    @Benchmark
    public byte[] deliver(Sender sender) {
        int i = next.getAndIncrement();
        if (i >= envelopes.size()) {
            throw new IllegalStateException("more than " + PER_ITERATION + " envelopes per iteration on average ("
                    + envelopes.size() + " signed for the trial); raise PER_ITERATION");
        }
        DeliveryResult r = sender.transport.deliver(new Delivery(envelopes.get(i), server.uri()));
        if (r instanceof DeliveryResult.Delivered delivered) {
            return delivered.receipt();
        }
        throw new IllegalStateException("not delivered: " + r);
    }
}

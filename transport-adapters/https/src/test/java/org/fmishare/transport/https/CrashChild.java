package org.fmishare.transport.https;

import org.fmishare.core.model.TlpMarking;
import org.fmishare.testkit.SampleData;
import org.fmishare.delivery.CompanyRecord;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.delivery.outbox.FileJournalStore;
import org.fmishare.delivery.outbox.RecoveryReport;
import org.fmishare.delivery.Dispatcher;

/**
 * The sending process of {@link CrashRecoveryTest}, run in its own JVM and killed at random points: opens the
 * journal, submits every pre-signed envelope not yet in it, and delivers over mutual TLS until idle.
 *
 * <p>Arguments: work directory (with {@code envelopes/}, {@code client.p12}, {@code ca.pem}), destination URI.
 * Prints {@code RECOVERED <intact> <damagedBytes>}, {@code STARTED}, then {@code DONE <delivered>}.
 */
public final class CrashChild {
    static final char[] PASSWORD = "crash-test".toCharArray();

    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        URI destination = URI.create(args[1]);
        SigningCredential tls = Credentials.fromPkcs12(Files.readAllBytes(work.resolve("client.p12")), PASSWORD);
        var anchors = Credentials.certificatesFromPem(Files.readString(work.resolve("ca.pem")));
        List<SignedEnvelope.Stored> envelopes = new ArrayList<>();
        try (Stream<Path> files = Files.list(work.resolve("envelopes"))) {
            for (Path f : files.sorted().toList()) {
                envelopes.add(read(f));
            }
        }
        try (FileJournalStore store = FileJournalStore.open(work.resolve("outbox.journal"))) {
            RecoveryReport rec = store.recovery();
            System.out.println("RECOVERED " + rec.intact() + " " + rec.damagedBytes() + " " + rec.recordsReplayed());
            System.out.flush();
            try (Dispatcher d = Dispatcher.builder().store(store).company(CompanyRecord.upTo(SampleData.company().id(), TlpMarking.AMBER))
                    .transport(HttpsTransport.builder().sslContext(TlsContexts.of(tls, anchors))
                            .requestTimeout(Duration.ofSeconds(5)).build())
                    .backoff(Duration.ofMillis(10), Duration.ofMillis(100)).workers(4).build().start()) {
                System.out.println("STARTED");
                System.out.flush();
                // In parallel, so the journal's group commit shares fsyncs between submits.
                envelopes.parallelStream().forEach(e -> d.submit(e, destination));
                if (!d.awaitIdle(Duration.ofMinutes(2))) {
                    System.out.println("NOT IDLE");
                    System.exit(2);
                }
                System.out.println("DONE " + d.metrics().delivered() + " dead " + d.metrics().dead());
            }
        }
        System.exit(0);
    }

    /** One envelope per file: id, recipient, expiry, digest, base64 bytes, one per line. */
    static void write(Path dir, SignedEnvelope e) throws java.io.IOException {
        Files.writeString(dir.resolve(e.envelopeId() + ".env"), String.join("\n", e.envelopeId(), e.recipientId(),
                e.expiresAt().toString(), e.digest(), Base64.getEncoder().encodeToString(e.serialized())),
                StandardCharsets.US_ASCII);
    }

    private static SignedEnvelope.Stored read(Path f) throws java.io.IOException {
        List<String> l = Files.readAllLines(f, StandardCharsets.US_ASCII);
        return new SignedEnvelope.Stored(l.get(0), l.get(1), Instant.parse(l.get(2)), l.get(3),
                Base64.getDecoder().decode(l.get(4)));
    }
}

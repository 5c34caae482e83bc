package org.fmishare.transport.https;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.FileReplayCache;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.SigningCredential;

/**
 * The receiving process of {@link ReceiverCrashTest}, run in its own JVM: an {@link EnvelopeReceiver} on a file
 * receipt store and a file replay cache, served over mutual TLS on a given port.
 *
 * <p>Arguments: work directory (with {@code server.p12}, {@code company.p12}, {@code ca.pem}), port, mode, the
 * company's id. In mode
 * {@code block} the callback prints {@code IN_CALLBACK <envelope id>} and waits for the file {@code release} to
 * appear, which the test never creates: it kills this process there, after the nonce was recorded and before the
 * receipt is stored. In mode {@code accept} the callback appends the envelope id to {@code accepted} (synced) and
 * returns. Prints {@code LISTENING} once the server is up.
 */
public final class ReceiverCrashChild {
    static final char[] PASSWORD = "receiver-crash-test".toCharArray();

    private ReceiverCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        boolean block = args[2].equals("block");
        String companyId = args[3];
        SigningCredential tls = Credentials.fromPkcs12(Files.readAllBytes(work.resolve("server.p12")), PASSWORD);
        SigningCredential company = Credentials.fromPkcs12(Files.readAllBytes(work.resolve("company.p12")),
                PASSWORD);
        var anchors = Credentials.certificatesFromPem(Files.readString(work.resolve("ca.pem")));
        FileReceiptStore receipts = FileReceiptStore.open(work.resolve("receipts"), Instant.now());
        FileReplayCache nonces = FileReplayCache.open(work.resolve("nonces"), Instant.now());
        EnvelopeVerifier verifier = EnvelopeVerifier.builder().trustAnchors(anchors)
                .expectedRecipient(companyId).replayCache(nonces).build();
        EnvelopeReceiver receiver = EnvelopeReceiver.builder().verifier(verifier)
                .signer(EnvelopeSigner.builder(company, companyId).build()).receiptStore(receipts)
                .inProgressWait(Duration.ofMinutes(2))
                .onEnvelope(v -> {
                    if (block) {
                        System.out.println("IN_CALLBACK " + v.envelopeId());
                        System.out.flush();
                        awaitRelease(work.resolve("release"));
                        throw new IllegalStateException("released: this run was meant to be killed");
                    }
                    try {
                        Files.writeString(work.resolve("accepted"), v.envelopeId() + "\n", StandardCharsets.US_ASCII,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).build();
        HttpsReceiverServer server = HttpsReceiverServer.builder().sslContext(TlsContexts.of(tls, anchors))
                .requireClientCertificate(true).handler(receiver).port(port)
                .handshakeTimeout(Duration.ofMinutes(1)).readTimeout(Duration.ofMinutes(2)).start();
        System.out.println("LISTENING " + server.uri());
        System.out.flush();
        // Serves until killed (the test's SIGKILL, or its clean-up).
        Thread.sleep(TimeUnit.HOURS.toMillis(1));
        System.exit(0);
    }

    private static void awaitRelease(Path release) {
        while (!Files.exists(release)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Writes what the child reads: the server's TLS key, the company's receipt-signing key, the trust anchors. */
    static void prepare(Path work, SigningCredential serverTls, SigningCredential companySigning,
            List<java.security.cert.X509Certificate> anchors) throws java.io.IOException {
        Files.write(work.resolve("server.p12"), Credentials.toPkcs12(serverTls, "tls", PASSWORD));
        Files.write(work.resolve("company.p12"), Credentials.toPkcs12(companySigning, "receipts", PASSWORD));
        StringBuilder pem = new StringBuilder();
        for (var c : anchors) {
            pem.append(Credentials.toPem(c));
        }
        Files.writeString(work.resolve("ca.pem"), pem.toString());
    }
}

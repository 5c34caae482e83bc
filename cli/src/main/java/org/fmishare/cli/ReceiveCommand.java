package org.fmishare.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeKind;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.FileReplayCache;
import org.fmishare.core.envelope.JdbcReplayCache;
import org.fmishare.core.envelope.ReplayCache;
import org.fmishare.core.envelope.ShareStates;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.sop.SopRechecker;
import org.fmishare.transport.https.EnvelopeHandler;
import org.fmishare.transport.https.EnvelopeReceiver;
import org.fmishare.transport.https.FileReceiptStore;
import org.fmishare.transport.https.HttpsReceiverServer;
import org.fmishare.transport.https.JdbcReceiptStore;
import org.fmishare.transport.https.ReceiptStore;
import org.fmishare.transport.https.ReceiverResponse;
import org.fmishare.transport.https.TlsContexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fmi-share receive --https PORT ...}: a company-side HTTPS receiver for test harnesses. Requires mutual TLS,
 * verifies every envelope for the given recipient, accepts each envelope id once, answers signed receipts and prints
 * one line per accepted envelope. The first line printed is {@code listening on URI}.
 */
@Command(name = "receive", mixinStandardHelpOptions = true,
        description = {"Receive envelopes over HTTPS with mutual TLS, verify each for --recipient, answer signed "
                + "receipts, print one line per accepted envelope and write its verified payload to --out DIR as "
                + "<envelope-id>.json. Runs until interrupted, or until --max-envelopes were accepted (exit 0).",
            "The first line printed is 'listening on URI' (with --https 0 the port is chosen by the system).",
            "The server's TLS certificate must name the host senders connect to: for harnesses use the "
                + "server-tls.p12 written by 'keys init --tls' (localhost and 127.0.0.1) as --tls-key, and give "
                + "senders its client-tls.p12."},
        footer = ExitCodes.HELP)
final class ReceiveCommand implements Callable<Integer> {
    /** Lets the sender read the receipt before the server stops after the last envelope. */
    private static final long STOP_GRACE_MILLIS = 1000;

    @Option(names = "--https", required = true, paramLabel = "PORT", description = "Port to listen on, 0 for any "
            + "free port.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "IP address to listen on (default the loopback "
            + "address); a literal address, never resolved.")
    Optional<String> bind = Optional.empty();

    @Option(names = "--key", required = true, paramLabel = "P12", description = "The recipient's credential: signs "
            + "receipts (and is the TLS server credential unless --tls-key is given).")
    Path key;

    @Option(names = "--tls-key", paramLabel = "P12", description = "TLS server credential (same --password).")
    Optional<Path> tlsKey = Optional.empty();

    @Option(names = "--password", paramLabel = "P",
            description = "Keystore password (else the environment variable " + Secrets.PASSWORD_ENV + ").")
    Optional<String> password = Optional.empty();

    @Option(names = "--signer-trust", required = true, paramLabel = "CA.pem", description = "Trusted CA "
            + "certificate(s) for envelope signers (only certificates with the envelope-signing purpose may sign).")
    Path signerTrust;

    @picocli.CommandLine.Mixin
    CrlOptions crls = new CrlOptions();

    @picocli.CommandLine.Mixin
    OcspOptions ocsp = new OcspOptions();

    @Option(names = "--client-trust", required = true, paramLabel = "CA.pem", description = "Trusted CA "
            + "certificate(s) for the TLS client certificates this receiver accepts. A TLS client certificate "
            + "never signs shares.")
    Path clientTrust;

    @Option(names = "--senders", paramLabel = "FILE", description = "Sender directory (JSON, as keys init writes "
            + "it): which certificate may speak as which sender id. Default: the signer's certificate carries "
            + "urn:fmishare:sender:<sender.id>.")
    Optional<Path> senders = Optional.empty();

    @picocli.CommandLine.Mixin
    ReviewerTrustOptions reviewerTrust = new ReviewerTrustOptions();

    @Option(names = "--recipient", required = true, paramLabel = "ID", description = "This company's recipient id; "
            + "envelopes addressed to anyone else are refused.")
    String recipient;

    @Option(names = "--out", paramLabel = "DIR", description = "Write each verified payload to DIR/<envelope-id>.json.")
    Optional<Path> out = Optional.empty();

    @Option(names = "--max-envelopes", paramLabel = "N", description = "Exit 0 after accepting N envelopes.")
    Optional<Integer> maxEnvelopes = Optional.empty();

    @Option(names = "--store", paramLabel = "DIR|JDBC-URL", description = "Where receipts and replay nonces are "
            + "remembered, so an envelope delivered again after a restart (or to another receiver sharing the "
            + "database) is answered with its original receipt and not accepted twice, and a different envelope "
            + "reusing an accepted nonce is refused as a replay: a directory (DIR/receipts and DIR/nonces, created "
            + "if needed) or a JDBC URL such as jdbc:postgresql://host/db (tables fmi_share_receipts and "
            + "fmi_share_nonces, created if needed). Default: memory, forgotten on exit.")
    Optional<String> store = Optional.empty();

    @Option(names = "--share-states", paramLabel = "FILE", description = "Keep the state of every share received "
            + "(ACTIVE, CORRECTED, RETRACTED) in FILE (created if missing; one JSON line per change, on disk before "
            + "the receipt is answered). A correction or retraction of a share not received here, received with "
            + "another digest, or already retracted is then refused (amendment-reference). List it with "
            + "'fmi-share shares FILE'.")
    Optional<Path> shareStates = Optional.empty();

    @Option(names = "--db-user", paramLabel = "USER",
            description = "Database user for a JDBC --store (default: $" + Outboxes.USER_ENV + ").")
    Optional<String> dbUser = Optional.empty();

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Database password for a JDBC --store "
            + "(default: $" + Outboxes.PASSWORD_ENV + ", which keeps it out of the process list).")
    Optional<String> dbPassword = Optional.empty();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (port < 0 || port > 65_535) {
            throw new CliException(ExitCodes.USAGE, "--https must be a port from 0 to 65535, was " + port);
        }
        if (maxEnvelopes.isPresent() && maxEnvelopes.get() < 1) {
            throw new CliException(ExitCodes.USAGE, "--max-envelopes must be at least 1, was " + maxEnvelopes.get());
        }
        InetAddress address = bind.map(ReceiveCommand::literalAddress).orElse(InetAddress.getLoopbackAddress());
        List<X509Certificate> signerAnchors = Secrets.certificates(signerTrust);
        List<X509Certificate> clientAnchors = Secrets.certificates(clientTrust);
        EnvelopeVerifier.Builder verifier = EnvelopeVerifier.builder().trustAnchors(signerAnchors)
                .crls(crls.crls()).complianceRechecker(SopRechecker.standard()).expectedRecipient(recipient);
        ocsp.settings().ifPresent(verifier::ocsp);
        senders.ifPresent(f -> verifier.senderDirectory(SenderDirectories.read(f)));
        reviewerTrust.read(crls.files).ifPresent(verifier::reviewerTrust);
        char[] pw = Secrets.password(password);
        SigningCredential credential = Secrets.credential(key, pw);
        SigningCredential tls = tlsKey.map(p -> Secrets.credential(p, pw)).orElse(credential);
        if (out.isPresent()) {
            try {
                Files.createDirectories(out.get());
            } catch (IOException e) {
                throw new CliException(ExitCodes.IO_FAILURE, out.get() + ": cannot create: " + Problems.reason(e), e);
            }
        }
        int limit = maxEnvelopes.orElse(Integer.MAX_VALUE);
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        EnvelopeSigner receiptSigner;
        try {
            receiptSigner = EnvelopeSigner.builder(credential, recipient).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        Optional<ShareStates> states = shareStates.map(ReceiveCommand::openStates);
        Optional<Stores> stores = store.map(this::openStores);
        stores.ifPresent(s -> verifier.replayCache(s.nonces()));
        try {
            return serve(o, verifier, receiptSigner, stores.map(Stores::receipts), states, address, tls,
                    clientAnchors, limit, accepted, done);
        } finally {
            stores.ifPresent(Stores::close);
        }
    }

    private static ShareStates openStates(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return ShareStates.file(file);
        } catch (IOException | EnvelopeException e) {
            String reason = e instanceof IOException io ? Problems.reason(io) : e.getMessage();
            throw new CliException(ExitCodes.IO_FAILURE, "--share-states " + file + ": " + reason, e);
        }
    }

    /** What --store names: receipts and replay nonces, both in files of one directory or both in one database. */
    private record Stores(ReceiptStore receipts, ReplayCache nonces) {
        void close() {
            if (receipts instanceof FileReceiptStore file) {
                file.close();
            }
            if (nonces instanceof FileReplayCache file) {
                file.close();
            }
        }
    }

    /** The stores --store names: files in a directory, or a JDBC database shared by receivers. */
    private Stores openStores(String where) {
        try {
            if (Outboxes.isJdbc(where)) {
                javax.sql.DataSource db = Outboxes.dataSource("--store", where, dbUser, dbPassword);
                return new Stores(JdbcReceiptStore.open(db), JdbcReplayCache.open(db));
            }
            Path dir = Path.of(where);
            Files.createDirectories(dir);
            Instant now = Instant.now();
            FileReceiptStore receipts = FileReceiptStore.open(dir.resolve("receipts"), now);
            try {
                return new Stores(receipts, FileReplayCache.open(dir.resolve("nonces"), now));
            } catch (RuntimeException e) {
                receipts.close();
                throw e;
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CliException(ExitCodes.IO_FAILURE, "--store " + Outboxes.redact(where) + ": "
                    + Problems.reason(e instanceof UncheckedIOException u ? u.getCause() : e), e);
        } catch (RuntimeException e) {
            if (e instanceof CliException) {
                throw e;
            }
            throw new CliException(ExitCodes.IO_FAILURE, "--store " + Outboxes.redact(where) + ": " + e.getMessage(),
                    e);
        }
    }

    private int serve(PrintWriter o, EnvelopeVerifier.Builder verifier, EnvelopeSigner receiptSigner,
            Optional<ReceiptStore> receipts, Optional<ShareStates> states, InetAddress address, SigningCredential tls,
            List<X509Certificate> clientAnchors, int limit, AtomicInteger accepted, CountDownLatch done) {
        EnvelopeReceiver.Builder builder = EnvelopeReceiver.builder()
                .verifier(verifier.build())
                .signer(receiptSigner)
                .onEnvelope(v -> accept(v, states, o));
        receipts.ifPresent(builder::receiptStore);
        states.ifPresent(builder::shareStates);
        EnvelopeReceiver receiver = builder.build();
        // Counts only after the receiver has acknowledged, so the last envelope's receipt is on its way first.
        EnvelopeHandler counting = (String method, Optional<String> contentType, InputStream body) -> {
            ReceiverResponse r = receiver.handle(method, contentType, body);
            if (r.outcome() == ReceiverResponse.Outcome.ACCEPTED && accepted.incrementAndGet() >= limit) {
                done.countDown();
            }
            return r;
        };
        try (HttpsReceiverServer server = HttpsReceiverServer.builder().sslContext(TlsContexts.of(tls, clientAnchors))
                .requireClientCertificate(true).handler(counting).port(port).bindAddress(address).start()) {
            o.println("listening on " + server.uri());
            o.flush();
            try {
                done.await();
                Thread.sleep(STOP_GRACE_MILLIS);
            } catch (InterruptedException e) {
                // An embedding harness stops the receiver by interrupting its thread: a normal end.
                Thread.currentThread().interrupt();
            }
            o.printf("received %d envelope(s); stopping%n", accepted.get());
        }
        return ExitCodes.OK;
    }

    private static InetAddress literalAddress(String a) {
        // Only literal IPv4/IPv6 addresses: a host name would be resolved through DNS here.
        if (!a.matches("[0-9.]+|\\[?[0-9A-Fa-f:.]+]?")) {
            throw new CliException(ExitCodes.USAGE, "--bind must be a literal IP address, was '" + a + "'");
        }
        try {
            return InetAddress.getByName(a);
        } catch (UnknownHostException e) {
            throw new CliException(ExitCodes.USAGE, "--bind: not an IP address: '" + a + "'", e);
        }
    }

    private synchronized void accept(VerifiedEnvelope v, Optional<ShareStates> states, PrintWriter o) {
        if (out.isPresent()) {
            Path target = out.get().resolve(v.envelopeId() + ".json");
            Path tmp = out.get().resolve(v.envelopeId() + ".json.tmp");
            try {
                // The id is a verified lower-case UUID, so it cannot climb out of the directory.
                Files.write(tmp, v.canonicalPayload());
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Thrown to the receiver: the sender gets a retryable 500 and tries again.
                throw new UncheckedIOException(e);
            }
        }
        // The summary's first lines name kind, id and body; never the payload itself.
        String summary = String.join("; ", v.summary().lines().limit(2).map(String::strip).toList())
                + v.reviewDecision().map(r -> "; NEEDS_REVIEW approved by " + r.reviewerId() + " at "
                        + r.decidedAt()).orElse("");
        // The receiver recorded the share or amendment before this callback, so the state is the one just reached.
        String state = states.filter(s -> v.kind() == EnvelopeKind.THREAT_SHARE
                        || v.kind() == EnvelopeKind.SHARE_AMENDMENT)
                .flatMap(s -> s.find(v.sender().id(), v.share().map(sh -> sh.id())
                        .orElseGet(() -> v.amendment().orElseThrow().shareId())))
                .map(st -> "; share " + st.shareId() + " is " + st.state()).orElse("");
        o.printf("accepted %s: %s%s%n", v.envelopeId(), summary, state);
        o.flush();
    }
}

package org.fmishare.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.fmishare.core.envelope.ReviewerTrust;
import org.fmishare.core.envelope.SenderDirectory;
import java.util.concurrent.Callable;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.testkit.TestPki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fmi-share keys init DIR}: a test CA plus sender and recipient keys and certificates. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Key and certificate tools for test setups.",
        subcommands = KeysCommand.Init.class, footer = ExitCodes.HELP)
final class KeysCommand extends GroupCommand {

    /**
     * Writes ca.pem, sender.p12, sender-cert.pem, audit-sealer.p12, recipient.p12, recipient-cert.pem, senders.json,
     * reviewer.p12, reviewers.json and with --tls the TLS keys.
     */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Generate a test CA and sender/recipient keys: ca.pem, sender.p12, sender-cert.pem, "
                    + "audit-sealer.p12 (audit-sealing purpose, the sender id), recipient.p12, recipient-cert.pem (PKCS#12 protected by the password), senders.json (the sender "
                    + "directory for verify --senders), reviewer.p12 (review-approval purpose, for 'review') and "
                    + "reviewers.json (the reviewer list for --reviewers). For tests and demos "
                    + "only: the CA key is not kept.", footer = ExitCodes.HELP)
    static final class Init implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "Directory to write (created if needed).")
        Path dir;

        @Option(names = "--password", paramLabel = "P",
                description = "PKCS#12 password (else the environment variable " + Secrets.PASSWORD_ENV + ").")
        Optional<String> password = Optional.empty();

        @Option(names = "--key-algorithm", defaultValue = "EC_P256",
                description = "EC_P256 (ES256, default), EC_P384 (ES384), ED25519 (EdDSA), RSA_2048 (PS256).")
        KeyAlgorithm algorithm;

        @Option(names = "--tls", description = "Also write server-tls.p12 (a TLS server certificate for localhost "
                + "and 127.0.0.1) and client-tls.p12 (a TLS client certificate), for 'receive' and 'send' over "
                + "mutual TLS.")
        boolean tls;

        @Option(names = "--force", description = "Overwrite existing files.")
        boolean force;

        @Option(names = "--sender-id", defaultValue = "fitf", paramLabel = "ID",
                description = "The office the envelope-signing certificate speaks for (default fitf).")
        String senderId;

        @Option(names = "--recipient-id", defaultValue = "smc-examplesocial", paramLabel = "ID",
                description = "The company the receipt-signing certificate speaks for (default smc-examplesocial).")
        String recipientId;

        @Option(names = "--reviewer-id", paramLabel = "ID", description = "The reviewer the review-approval "
                + "certificate speaks for (default <sender id>-reviewer); reviewers.json trusts it for the sender id.")
        Optional<String> reviewerId = Optional.empty();

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            char[] pw = Secrets.password(password);
            Files.createDirectories(dir);
            java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of("ca.pem", "sender.p12",
                    "sender-cert.pem", "audit-sealer.p12", "recipient.p12", "recipient-cert.pem", "senders.json",
                    "reviewer.p12", "reviewers.json"));
            if (tls) {
                names.addAll(java.util.List.of("server-tls.p12", "client-tls.p12"));
            }
            for (String name : names) {
                if (!force && Files.exists(dir.resolve(name))) {
                    throw new CliException(ExitCodes.USAGE, dir.resolve(name) + " exists; use --force to overwrite");
                }
            }
            TestPki.Authority ca = TestPki.authority("fmi-share test CA", algorithm == KeyAlgorithm.ED25519
                    ? KeyAlgorithm.EC_P256 : algorithm, java.time.Instant.now().minusSeconds(86_400),
                    java.time.Instant.now().plusSeconds(365L * 86_400));
            SigningCredential sender;
            SigningCredential sealer;
            SigningCredential recipient;
            SigningCredential reviewer;
            String reviewerName = reviewerId.orElse(senderId + "-reviewer");
            try {
                // Each certificate carries its purpose (EKU) and the id it speaks for (SAN URI): a verifier refuses
                // the TLS keys and the receipt key as envelope signers.
                sender = ca.issueEnvelopeSigner(senderId, "FITF envelope signer", algorithm);
                // The office's audit-log sealer, for audit verify --sealer <sender id>.
                sealer = ca.issueAuditSealer(senderId, "FITF audit sealer", algorithm);
                recipient = ca.issueReceiptSigner(recipientId, "ExampleSocial receipts", algorithm);
                // The office's reviewer, who approves NEEDS_REVIEW reports (review, then sign --approval).
                reviewer = ca.issueReviewer(reviewerName, "FITF reviewer", algorithm);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
            }
            // The directory a receiver loads with --senders: who may speak as whom.
            Files.write(dir.resolve("senders.json"), SenderDirectory.builder().bindSanUri(senderId)
                    .bindSanUri(recipientId).build().toJson());
            Files.writeString(dir.resolve("ca.pem"), Credentials.toPem(ca.certificate()));
            Files.write(dir.resolve("sender.p12"), Credentials.toPkcs12(sender, "sender", pw));
            Files.writeString(dir.resolve("sender-cert.pem"), Credentials.toPem(sender.chain().get(0)));
            Files.write(dir.resolve("audit-sealer.p12"), Credentials.toPkcs12(sealer, "audit-sealer", pw));
            Files.write(dir.resolve("recipient.p12"), Credentials.toPkcs12(recipient, "recipient", pw));
            Files.writeString(dir.resolve("recipient-cert.pem"), Credentials.toPem(recipient.chain().get(0)));
            Files.write(dir.resolve("reviewer.p12"), Credentials.toPkcs12(reviewer, "reviewer", pw));
            // The reviewer list receivers and signers load with --reviewers (and ca.pem as --reviewer-trust).
            Files.write(dir.resolve("reviewers.json"), ReviewerTrust.builder().trustAnchor(ca.certificate())
                    .reviewer(reviewerName, java.util.List.of(senderId)).build().toJson());
            if (tls) {
                // TLS stacks do not all offer Ed25519 certificates; TLS keys stay on P-256 then.
                KeyAlgorithm tlsAlgorithm = algorithm == KeyAlgorithm.ED25519 ? KeyAlgorithm.EC_P256 : algorithm;
                SigningCredential server = ca.issueTls("localhost", tlsAlgorithm, java.util.List.of("localhost"),
                        java.util.List.of("127.0.0.1"));
                SigningCredential client = ca.issueTls("fmi-share TLS client", tlsAlgorithm,
                        java.util.List.of("fmi-share-client.invalid"), java.util.List.of());
                Files.write(dir.resolve("server-tls.p12"), Credentials.toPkcs12(server, "server-tls", pw));
                Files.write(dir.resolve("client-tls.p12"), Credentials.toPkcs12(client, "client-tls", pw));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("wrote %s: %s (%s)%n", dir, String.join(", ", names), algorithm);
            return ExitCodes.OK;
        }
    }
}

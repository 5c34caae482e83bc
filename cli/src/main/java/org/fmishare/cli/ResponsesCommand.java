package org.fmishare.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fmishare.audit.AuditException;
import org.fmishare.audit.AuditLog;
import org.fmishare.audit.AuditVerification;
import org.fmishare.audit.FileAuditStore;
import org.fmishare.audit.RecordedResponse;
import org.fmishare.audit.ResponseException;
import org.fmishare.audit.ResponseRecorder;
import org.fmishare.audit.SentEnvelope;
import org.fmishare.audit.SentEnvelopes;
import org.fmishare.core.envelope.EnvelopeContent;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.json.FmiJson;
import org.fmishare.transport.email.EmailReceiver;
import org.fmishare.transport.email.EmailTransportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code fmi-share responses record}: the office's side of company responses. */
@Command(name = "responses", mixinStandardHelpOptions = true, description = "Company responses (office side).",
        subcommands = {ResponsesCommand.Record.class, ResponsesPullCommand.class}, footer = ExitCodes.HELP)
final class ResponsesCommand extends GroupCommand {

    /**
     * {@code fmi-share responses record RESPONSE... --sent ENVELOPE... --audit LOG}: verifies each response against
     * the companies' receipt certificates, checks it answers an envelope the office sent to that company, and
     * records it once in the audit log (without its note, and without consequence for the company).
     */
    @Command(name = "record", mixinStandardHelpOptions = true,
            description = "Verify company responses and record each once in the office's audit log. Exit 0 when "
                    + "every response was recorded (now or before), 1 when any was refused.",
            footer = ExitCodes.HELP)
    static final class Record implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "RESPONSE", description = "Signed response files (JWS JSON), or "
                + "with --smime-trust the email messages that carried them (RFC 5322, as the mailbox stores them).")
        List<Path> responses = new ArrayList<>();

        @Option(names = "--smime-trust", paramLabel = "CA.pem", description = "Trusted CA certificate(s) for the "
                + "S/MIME signature of responses that came by email: a RESPONSE that is not JSON is read as an "
                + "email message, its S/MIME signature verified (the signer must be the response's receipt "
                + "certificate, or bound to the company by --senders) and the attached response recorded.")
        Optional<Path> smimeTrust = Optional.empty();

        @Option(names = "--office", required = true, paramLabel = "ID",
                description = "The office's id: responses must be addressed to it, and it seals the audit log.")
        String office;

        @Option(names = "--signer-trust", required = true, paramLabel = "CA.pem",
                description = "Trusted CA certificate(s) of the companies' receipt signers and the audit sealer.")
        Path signerTrust;

        @Option(names = "--senders", paramLabel = "FILE", description = "Sender directory (JSON): which "
                + "certificate may speak for which company.")
        Optional<Path> senders = Optional.empty();

        @Option(names = "--sent", paramLabel = "ENVELOPE", description = "Envelope(s) the office sent, as signed "
                + "(repeatable); the audit log's signed events count too.")
        List<Path> sent = new ArrayList<>();

        @Option(names = "--audit", required = true, paramLabel = "LOG", description = "The office's audit log "
                + "file; created if missing, verified first if not empty.")
        Path audit;

        @Option(names = "--sealer-key", required = true, paramLabel = "P12",
                description = "The office's audit-sealing keystore (keys init writes audit-sealer.p12).")
        Path sealerKey;

        @Option(names = "--password", paramLabel = "P",
                description = "Keystore password (else the environment variable " + Secrets.PASSWORD_ENV + ").")
        Optional<String> password = Optional.empty();

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<SentEnvelope> sentRecords = new ArrayList<>();
            for (Path p : sent) {
                sentRecords.add(sentEnvelope(p));
            }
            Optional<AuditVerification> existing = Optional.empty();
            try {
                if (Files.exists(audit) && Files.size(audit) > 0) {
                    existing = Optional.of(AuditFiles.verify(audit, signerTrust, List.of(office),
                            senders.orElse(null), List.of()));
                }
            } catch (java.io.IOException e) {
                throw new CliException(ExitCodes.UNREADABLE_INPUT, audit + ": " + e.getMessage(), e);
            }
            SentEnvelopes fromFiles;
            try {
                fromFiles = SentEnvelopes.of(sentRecords);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.UNREADABLE_INPUT, "--sent: " + e.getMessage(), e);
            }
            SentEnvelopes fromLog = existing.map(SentEnvelopes::fromAuditLog).orElse(id -> Optional.empty());
            SentEnvelopes lookup = id -> fromFiles.find(id).or(() -> fromLog.find(id));
            EnvelopeVerifier.Builder vb = EnvelopeVerifier.builder().trustAnchors(Secrets.certificates(signerTrust))
                    .expectedRecipient(office);
            senders.ifPresent(f -> vb.senderDirectory(SenderDirectories.read(f)));
            Optional<EmailReceiver> mailbox = smimeTrust.map(t -> {
                EmailReceiver.Builder eb = EmailReceiver.builder().smimeTrustAnchors(Secrets.certificates(t))
                        .envelopeVerifier(vb.build());
                senders.ifPresent(f -> eb.senderDirectory(SenderDirectories.read(f)));
                return eb.build();
            });
            int refused = 0;
            try (FileAuditStore store = FileAuditStore.open(audit);
                    AuditLog log = AuditLog.builder(store, Secrets.credential(sealerKey,
                            Secrets.password(password))).build()) {
                ResponseRecorder.Builder rb = ResponseRecorder.builder(office, vb.build(), lookup, log);
                existing.ifPresent(rb::alreadyRecorded);
                ResponseRecorder recorder = rb.build();
                for (Path p : responses) {
                    byte[] bytes = Documents.readBytes(p.toString(), System.in);
                    try {
                        RecordedResponse r;
                        if (isJson(bytes)) {
                            r = recorder.record(bytes);
                        } else if (mailbox.isPresent()) {
                            r = recorder.record(mailbox.get().receive(bytes).envelope());
                        } else {
                            throw new CliException(ExitCodes.USAGE, p + ": not a signed response (JWS JSON); for a "
                                    + "response that came by email give --smime-trust CA.pem");
                        }
                        out.printf("%s %s (%s) from %s to envelope %s%n", r.firstTime() ? "recorded"
                                : "already recorded", r.response().id(), r.response().kind(),
                                r.response().companyId(), r.inReplyTo().envelopeId());
                    } catch (EnvelopeException | ResponseException | EmailTransportException e) {
                        refused++;
                        err.printf("%s: response refused: %s%n", p, e.getMessage());
                    }
                }
                log.seal();
            } catch (AuditException.StorageFailed e) {
                throw new CliException(ExitCodes.IO_FAILURE, audit + ": " + e.getMessage(), e);
            }
            return refused == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }

        /** JWS JSON starts with an object; an email message starts with a header line. */
        private static boolean isJson(byte[] bytes) {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return b == '{';
                }
            }
            return false;
        }

        /** An envelope from the office's own files: its content is bound to its bytes by the digest. */
        private static SentEnvelope sentEnvelope(Path p) {
            byte[] bytes = Documents.readBytes(p.toString(), System.in);
            try {
                JsonNode n = FmiJson.standard().mapper().readTree(bytes);
                if (n == null || !n.path("protected").isString() || !n.path("payload").isString()) {
                    throw new CliException(ExitCodes.UNREADABLE_INPUT, "--sent " + p + ": not a signed envelope "
                            + "(JWS JSON with protected and payload); an encrypted envelope cannot be read back");
                }
                String digest = Digests.sha256((n.get("protected").stringValue() + "." + n.get("payload")
                        .stringValue()).getBytes(StandardCharsets.US_ASCII));
                return SentEnvelope.of(EnvelopeContent.ofOwnEnvelope(bytes, digest));
            } catch (JacksonException | EnvelopeException | IllegalArgumentException e) {
                throw new CliException(ExitCodes.UNREADABLE_INPUT, "--sent " + p + ": " + e.getMessage(), e);
            }
        }
    }
}

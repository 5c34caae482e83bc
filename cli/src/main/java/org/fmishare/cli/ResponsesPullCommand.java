package org.fmishare.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
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
import org.fmishare.transport.https.TlsContexts;
import org.fmishare.transport.taxii.TaxiiClient;
import org.fmishare.transport.taxii.TaxiiCollection;
import org.fmishare.transport.taxii.TaxiiException;
import org.fmishare.transport.taxii.TaxiiResponses;
import org.fmishare.transport.taxii.stix.PulledResponse;
import org.fmishare.transport.taxii.stix.StixMappingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code fmi-share responses pull API-ROOT --collection ID ...}: the office reads companies' response notes from a
 * TAXII collection, verifies each against the companies' receipt certificates and records it once, exactly as
 * {@code responses record} does for response files.
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = "Read company responses (STIX notes on the shares' reports) from a TAXII collection, verify "
                + "each against the companies' receipt certificates, check that the note says what was signed, and "
                + "record each once in the office's audit log. Notes of other producers are passed over. Exit 0 "
                + "when every response was recorded (now or before), 1 when any was refused.",
        footer = ExitCodes.HELP)
final class ResponsesPullCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "API-ROOT", description = "The TAXII API root URL (https, or http on "
            + "loopback only).")
    URI apiRoot;

    @Option(names = "--collection", required = true, paramLabel = "ID", description = "Collection id.")
    String collection;

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

    @Option(names = "--user", paramLabel = "USER", description = "HTTP Basic user for the TAXII server.")
    Optional<String> user = Optional.empty();

    @Option(names = "--taxii-password", paramLabel = "P", description = "HTTP Basic password for the TAXII server "
            + "(else the environment variable " + RespondCommand.TAXII_PASSWORD_ENV + ").")
    Optional<String> taxiiPassword = Optional.empty();

    @Option(names = "--tls-trust", paramLabel = "CA.pem", description = "Trusted CA certificate(s) for the TAXII "
            + "server's TLS certificate (default: the Java runtime's CAs).")
    Optional<Path> tlsTrust = Optional.empty();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TaxiiClient.Builder cb = TaxiiClient.builder(apiRoot.resolve("/taxii2/"));
        if (user.isPresent()) {
            String tp = taxiiPassword.orElseGet(() -> System.getenv(RespondCommand.TAXII_PASSWORD_ENV));
            if (tp == null || tp.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, "--user needs a password: pass --taxii-password P or set "
                        + RespondCommand.TAXII_PASSWORD_ENV);
            }
            cb.basicAuth(user.get(), tp.toCharArray());
        }
        tlsTrust.ifPresent(t -> cb.sslContext(TlsContexts.trusting(Secrets.certificates(t))));
        List<SentEnvelope> sentRecords = new ArrayList<>();
        for (Path p : sent) {
            sentRecords.add(sentEnvelope(p));
        }
        Optional<AuditVerification> existing = Optional.empty();
        try {
            if (Files.exists(audit) && Files.size(audit) > 0) {
                existing = Optional.of(AuditFiles.verify(audit, signerTrust, List.of(office), senders.orElse(null),
                        List.of()));
            }
        } catch (IOException e) {
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
        int refused = 0;
        int recorded = 0;
        int before = 0;
        try (FileAuditStore store = FileAuditStore.open(audit);
                AuditLog log = AuditLog.builder(store, Secrets.credential(sealerKey,
                        Secrets.password(password))).build()) {
            ResponseRecorder.Builder rb = ResponseRecorder.builder(office, vb.build(), lookup, log);
            existing.ifPresent(rb::alreadyRecorded);
            ResponseRecorder recorder = rb.build();
            TaxiiClient client = cb.build();
            TaxiiCollection col = client.collection(apiRoot, collection);
            TaxiiResponses.Pulled pulled = TaxiiResponses.pull(client, col);
            for (StixMappingException e : pulled.malformed()) {
                refused++;
                err.printf("%s: response refused: %s%n", e.objectId(), e.getMessage());
            }
            for (PulledResponse p : pulled.responses()) {
                try {
                    // The recorder verifies the signed envelope (receipt-signing purpose, bound to the company) and
                    // checks it answers an envelope the office sent; the note's view is checked against it.
                    RecordedResponse r = recorder.record(p.envelopeBytes());
                    p.requireSameAs(r.response(), r.inReplyTo(), r.responseEnvelopeId(), r.responseDigest());
                    if (r.firstTime()) {
                        recorded++;
                    } else {
                        before++;
                    }
                    out.printf("%s %s (%s) from %s to envelope %s%n", r.firstTime() ? "recorded"
                            : "already recorded", r.response().id(), r.response().kind(), r.response().companyId(),
                            r.inReplyTo().envelopeId());
                } catch (EnvelopeException | ResponseException | StixMappingException e) {
                    refused++;
                    err.printf("%s: response refused: %s%n", p.noteId(), e.getMessage());
                }
            }
            log.seal();
        } catch (AuditException.StorageFailed e) {
            throw new CliException(ExitCodes.IO_FAILURE, audit + ": " + e.getMessage(), e);
        } catch (TaxiiException e) {
            throw new CliException(e.isInputRejection() ? ExitCodes.UNREADABLE_INPUT : ExitCodes.IO_FAILURE,
                    e.getMessage(), e);
        }
        out.printf("%d response(s) recorded, %d recorded before, %d refused%n", recorded, before, refused);
        return refused == 0 ? ExitCodes.OK : ExitCodes.FAILED;
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

package org.fmishare.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fmishare.audit.AuditException;
import org.fmishare.audit.AuditLog;
import org.fmishare.audit.AuditVerification;
import org.fmishare.audit.FileAuditStore;
import org.fmishare.audit.ResponseRecorder;
import org.fmishare.audit.SentEnvelope;
import org.fmishare.audit.SentEnvelopes;
import org.fmishare.core.envelope.EnvelopeContent;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.json.FmiJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sets up the office's response recorder from {@link ResponseRecorderOptions}, the same way for every channel the
 * responses come through: the envelopes the office sent ({@code --sent} files and the audit log's signed events),
 * the existing log verified before anything is appended, and a verifier for the companies' receipt signers.
 */
final class ResponseRecorders {
    private ResponseRecorders() {}

    /**
     * Reads the {@code --sent} envelopes and verifies the audit log if it is not empty; nothing is opened for
     * writing yet, so bad input fails before the log is touched.
     */
    static Prepared prepare(ResponseRecorderOptions o) {
        List<SentEnvelope> sentRecords = new ArrayList<>();
        for (Path p : o.sent) {
            sentRecords.add(sentEnvelope(p));
        }
        Optional<AuditVerification> existing = Optional.empty();
        try {
            if (Files.exists(o.audit) && Files.size(o.audit) > 0) {
                existing = Optional.of(AuditFiles.verify(o.audit, o.signerTrust, List.of(o.office),
                        o.senders, List.of()));
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, o.audit + ": " + e.getMessage(), e);
        }
        SentEnvelopes fromFiles;
        try {
            fromFiles = SentEnvelopes.of(sentRecords);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.UNREADABLE_INPUT, "--sent: " + e.getMessage(), e);
        }
        SentEnvelopes fromLog = existing.map(SentEnvelopes::fromAuditLog).orElse(id -> Optional.empty());
        SentEnvelopes lookup = id -> fromFiles.find(id).or(() -> fromLog.find(id));
        EnvelopeVerifier.Builder vb = EnvelopeVerifier.builder().trustAnchors(Secrets.certificates(o.signerTrust))
                .expectedRecipient(o.office);
        o.senders.ifPresent(f -> vb.senderDirectory(SenderDirectories.read(f)));
        return new Prepared(o, existing, lookup, vb);
    }

    /** What {@link #prepare} read; {@link #open} then opens the audit log and builds the recorder. */
    static final class Prepared {
        private final ResponseRecorderOptions options;
        private final Optional<AuditVerification> existing;
        private final SentEnvelopes lookup;
        private final EnvelopeVerifier.Builder verifier;

        private Prepared(ResponseRecorderOptions options, Optional<AuditVerification> existing,
                SentEnvelopes lookup, EnvelopeVerifier.Builder verifier) {
            this.options = options;
            this.existing = existing;
            this.lookup = lookup;
            this.verifier = verifier;
        }

        /**
         * A new verifier for the companies' receipt signers addressed to the office. New on every call because each
         * verifier remembers the nonces it has seen: a mail receiver that verified a response must not make the
         * recorder's own check of the same response look like a replay.
         */
        EnvelopeVerifier newVerifier() {
            return verifier.build();
        }

        /**
         * Opens the audit log for appending with the office's sealing key and builds the recorder.
         *
         * @throws AuditException.StorageFailed if the log cannot be opened; the caller names {@code --audit}
         */
        Session open() {
            FileAuditStore store = FileAuditStore.open(options.audit);
            try {
                AuditLog log = AuditLog.builder(store, Secrets.credential(options.sealerKey,
                        Secrets.password(options.password))).build();
                try {
                    ResponseRecorder.Builder rb = ResponseRecorder.builder(options.office, newVerifier(), lookup, log);
                    existing.ifPresent(rb::alreadyRecorded);
                    return new Session(store, log, rb.build());
                } catch (RuntimeException e) {
                    log.close();
                    throw e;
                }
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
    }

    /** The open audit log and the recorder writing to it; closing closes both. */
    static final class Session implements AutoCloseable {
        private final FileAuditStore store;
        private final AuditLog log;
        private final ResponseRecorder recorder;

        private Session(FileAuditStore store, AuditLog log, ResponseRecorder recorder) {
            this.store = store;
            this.log = log;
            this.recorder = recorder;
        }

        /** {@return the recorder, which verifies each response and records it once} */
        ResponseRecorder recorder() {
            return recorder;
        }

        /** Seals the log: a signed checkpoint over everything recorded in this session. */
        void seal() {
            log.seal();
        }

        @Override
        public void close() {
            try {
                log.close();
            } finally {
                store.close();
            }
        }
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

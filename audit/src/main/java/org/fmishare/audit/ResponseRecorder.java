package org.fmishare.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fmishare.core.envelope.EnvelopeKind;
import org.fmishare.core.envelope.EnvelopeReference;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.model.SmcResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The office's side of company responses: verifies a company's signed response (a receipt envelope, whichever channel
 * brought it), checks that it answers an envelope this office sent to that company, and records it once in the audit
 * log, without consequence.
 *
 * <p>Checks, in order: the verifier's (signature, chain to the trust anchors, the receipt-signing purpose and the
 * binding of the certificate to the company's id: a response signed with a key of another purpose fails there as an
 * {@link org.fmishare.core.envelope.EnvelopeException}); then a receipt addressed to this office ({@link
 * ResponseException.NotAResponse}); answering an envelope of {@link SentEnvelopes} with the same digest and subject
 * ({@link ResponseException.UnknownEnvelope}); signed by the company that envelope was sent to ({@link
 * ResponseException.WrongCompany}).
 *
 * <p>What is recorded: {@link AuditEvent.ReceiptVerified} (the envelope answered and the response envelope's digest)
 * and {@link AuditEvent.SmcResponded} (response id, subject, company and kind, at this recorder's clock). The note is
 * never logged, and nothing recorded grades or scores the company: every kind of response, and none, is voluntary.
 *
 * <p>De-duplication: a response whose id was recorded before (by this recorder, or in the log given to {@link
 * Builder#alreadyRecorded}) is not recorded again, and the answer says so ({@link RecordedResponse#firstTime()}
 * false). The same bytes received twice are recognised by their digest before verification, because the
 * verifier's replay cache refuses a nonce it has seen.
 *
 * <p>Thread-safe: recording is serialised, so concurrent deliveries of one response record it once.
 */
public final class ResponseRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseRecorder.class);

    private final EnvelopeVerifier verifier;
    private final AuditLog log;
    private final SentEnvelopes sent;
    private final String officeId;
    private final Clock clock;
    private final Set<String> recordedBefore;
    private final Map<String, RecordedResponse> byId = new HashMap<>();
    private final Map<String, RecordedResponse> byDigest = new HashMap<>();

    private ResponseRecorder(Builder b) {
        this.verifier = b.verifier;
        this.log = b.log;
        this.sent = b.sent;
        this.officeId = b.officeId;
        this.clock = b.clock;
        this.recordedBefore = Set.copyOf(b.recordedBefore);
    }

    /**
     * Starts a builder.
     *
     * @param officeId the office responses must be addressed to
     * @param verifier verifies responses: trust anchors of the companies' receipt certificates, this office as the
     *     expected recipient
     * @param sent the envelopes this office sent
     * @param log where responses are recorded
     * @return a builder
     */
    public static Builder builder(String officeId, EnvelopeVerifier verifier, SentEnvelopes sent, AuditLog log) {
        return new Builder(officeId, verifier, sent, log);
    }

    /**
     * Verifies and records a serialized response.
     *
     * @param serialized the response envelope as received (JWS, or JWE when the verifier can decrypt)
     * @return what was recorded, or was recorded before
     * @throws org.fmishare.core.envelope.EnvelopeException when verification fails
     * @throws ResponseException when the response does not answer an envelope this office sent to its signer
     * @throws AuditException.StorageFailed when the audit log cannot be written
     */
    public synchronized RecordedResponse record(byte[] serialized) {
        Objects.requireNonNull(serialized, "serialized");
        Optional<String> digest = signedDigest(serialized);
        if (digest.isPresent() && byDigest.containsKey(digest.get())) {
            return byDigest.get(digest.get()).again();
        }
        return record(verifier.verify(serialized));
    }

    /**
     * Records a response another component has verified (an email or HTTPS receiver, a TAXII pull) with a verifier
     * configured as this recorder's.
     *
     * @param verified the verified response
     * @return what was recorded, or was recorded before
     * @throws ResponseException when the response does not answer an envelope this office sent to its signer
     * @throws AuditException.StorageFailed when the audit log cannot be written
     */
    public synchronized RecordedResponse record(VerifiedEnvelope verified) {
        Objects.requireNonNull(verified, "verified");
        if (verified.kind() != EnvelopeKind.RECEIPT) {
            throw new ResponseException.NotAResponse("envelope " + verified.envelopeId() + " is a "
                    + verified.kind() + ", not a company's response (a RECEIPT)");
        }
        if (!verified.recipientId().equals(officeId)) {
            throw new ResponseException.NotAResponse("response " + verified.envelopeId() + " is addressed to '"
                    + verified.recipientId() + "', not to this office '" + officeId + "'");
        }
        SmcResponse response = verified.response().orElseThrow();
        EnvelopeReference ref = verified.inReplyTo().orElseThrow();
        String company = verified.sender().id();
        SentEnvelope original = sent.find(ref.envelopeId()).orElseThrow(() ->
                new ResponseException.UnknownEnvelope("response " + response.id() + " from '" + company
                        + "' answers envelope " + ref.envelopeId() + ", which this office has no record of sending"));
        if (!original.digest().equals(ref.digest())) {
            throw new ResponseException.UnknownEnvelope("response " + response.id() + " answers envelope "
                    + ref.envelopeId() + " with digest " + ref.digest() + ", but this office sent it with digest "
                    + original.digest());
        }
        if (!original.recipientId().equals(company)) {
            throw new ResponseException.WrongCompany("response " + response.id() + " is signed by '" + company
                    + "', but envelope " + ref.envelopeId() + " was sent to '" + original.recipientId() + "'");
        }
        if (!original.subjectId().equals(response.shareId())) {
            throw new ResponseException.UnknownEnvelope("response " + response.id() + " names subject '"
                    + response.shareId() + "', but envelope " + ref.envelopeId() + " carried '"
                    + original.subjectId() + "'");
        }
        RecordedResponse earlier = byId.get(response.id());
        if (earlier != null) {
            if (!earlier.response().equals(response) || !earlier.inReplyTo().equals(ref)) {
                throw new ResponseException.Conflict("response id " + response.id() + " was recorded before with "
                        + "other content");
            }
            byDigest.put(verified.digest(), earlier);
            return earlier.again();
        }
        RecordedResponse recorded = new RecordedResponse(response, ref, verified.envelopeId(), verified.digest(),
                true);
        if (recordedBefore.contains(response.id())) {
            remember(recorded, verified.digest());
            return recorded.again();
        }
        log.append(AuditEvent.ReceiptVerified.of(verified, clock.instant()));
        // The office's clock, not the company's claim, places the response in a reporting period.
        log.append(new AuditEvent.SmcResponded(clock.instant(), response.id(), response.shareId(), company,
                response.kind()));
        remember(recorded, verified.digest());
        LOG.info("recorded response {} ({}) from {} to envelope {}", response.id(), response.kind(), company,
                ref.envelopeId());
        return recorded;
    }

    private void remember(RecordedResponse recorded, String digest) {
        byId.put(recorded.response().id(), recorded);
        byDigest.put(digest, recorded);
    }

    /**
     * The digest of a flattened JWS, read without trusting it: a repeat of bytes already recorded is recognised
     * before the verifier refuses their nonce as a replay. Bytes that are not a JWS go to the verifier, which names
     * what is wrong.
     */
    private static Optional<String> signedDigest(byte[] serialized) {
        try {
            JsonNode n = FmiJson.standard().mapper().readTree(serialized);
            if (n == null || !n.path("protected").isString() || !n.path("payload").isString()) {
                return Optional.empty();
            }
            return Optional.of(Digests.sha256((n.get("protected").stringValue() + "."
                    + n.get("payload").stringValue()).getBytes(StandardCharsets.US_ASCII)));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** Configures a recorder. Not thread-safe; the recorder it builds is. */
    public static final class Builder {
        private final String officeId;
        private final EnvelopeVerifier verifier;
        private final SentEnvelopes sent;
        private final AuditLog log;
        private Clock clock = Clock.systemUTC();
        private final Set<String> recordedBefore = new HashSet<>();

        private Builder(String officeId, EnvelopeVerifier verifier, SentEnvelopes sent, AuditLog log) {
            this.officeId = Objects.requireNonNull(officeId, "officeId");
            if (officeId.isBlank()) {
                throw new IllegalArgumentException("officeId must not be blank");
            }
            this.verifier = Objects.requireNonNull(verifier, "verifier");
            this.sent = Objects.requireNonNull(sent, "sent");
            this.log = Objects.requireNonNull(log, "log");
        }

        /**
         * Sets the clock responses are recorded at; default the UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Treats the responses a verified log already records as recorded, so a repeat after a restart is not
         * recorded twice.
         *
         * @param verified the office's verified audit log (the one responses are appended to)
         * @return this builder
         */
        public Builder alreadyRecorded(AuditVerification verified) {
            Objects.requireNonNull(verified, "verified");
            for (AuditEvent e : verified.events()) {
                if (e instanceof AuditEvent.SmcResponded r) {
                    recordedBefore.add(r.responseId());
                }
            }
            return this;
        }

        /** {@return the recorder} */
        public ResponseRecorder build() {
            return new ResponseRecorder(this);
        }
    }
}

package org.fmishare.audit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link ResponseRecorder} looks up the envelope a company's response answers. Implement it over the
 * office's outbox or database; {@link #of} and {@link #fromAuditLog} cover the simple cases.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SentEnvelopes {
    /**
     * Finds an envelope this office sent.
     *
     * @param envelopeId the envelope's UUID, as the response's {@code inReplyTo} names it
     * @return the envelope's record, or empty when this office never sent it
     */
    Optional<SentEnvelope> find(String envelopeId);

    /**
     * A fixed set of sent envelopes.
     *
     * @param sent the records
     * @return a lookup over them
     * @throws IllegalArgumentException when two records share an envelope id with different content
     */
    static SentEnvelopes of(Collection<SentEnvelope> sent) {
        Objects.requireNonNull(sent, "sent");
        Map<String, SentEnvelope> byId = new LinkedHashMap<>();
        for (SentEnvelope s : sent) {
            SentEnvelope before = byId.putIfAbsent(s.envelopeId(), s);
            if (before != null && !before.equals(s)) {
                throw new IllegalArgumentException("envelope " + s.envelopeId() + " is listed twice with different "
                        + "content");
            }
        }
        Map<String, SentEnvelope> copy = Map.copyOf(byId);
        return id -> Optional.ofNullable(copy.get(id));
    }

    /**
     * The envelopes a verified audit log records as signed ({@link AuditEvent.Signed}).
     *
     * @param verified the office's verified log
     * @return a lookup over its signed envelopes
     */
    static SentEnvelopes fromAuditLog(AuditVerification verified) {
        Objects.requireNonNull(verified, "verified");
        return of(verified.events().stream().filter(e -> e instanceof AuditEvent.Signed)
                .map(e -> SentEnvelope.of((AuditEvent.Signed) e)).toList());
    }
}

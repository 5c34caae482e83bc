package org.fmishare.transport.taxii.stix;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.model.ThreatShare;

/**
 * A share read back from STIX objects. <strong>Not verified</strong>: the STIX objects are a readable view; the
 * authority is the signed envelope in {@link #envelopeJws()}, which the receiver verifies with the envelope
 * verifier before acting on the share (and compares with this view).
 *
 * @param share the share as the STIX objects state it
 * @param disclosures the disclosures from the statement markings, digests checked against their text
 * @param compliance the compliance summary
 * @param envelopeId the signed envelope's id
 * @param envelopeDigest the signed envelope's digest
 * @param envelopeJws the signed envelope, JWS JSON serialization
 * @param reportId the STIX id of the report the share was read from
 */
public record PulledShare(
        ThreatShare share,
        List<Disclosure> disclosures,
        ComplianceSummary compliance,
        String envelopeId,
        String envelopeDigest,
        String envelopeJws,
        String reportId) {

    /** Checks presence and copies. */
    public PulledShare {
        Objects.requireNonNull(share, "share");
        disclosures = List.copyOf(Objects.requireNonNull(disclosures, "disclosures"));
        Objects.requireNonNull(compliance, "compliance");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(envelopeDigest, "envelopeDigest");
        Objects.requireNonNull(envelopeJws, "envelopeJws");
        Objects.requireNonNull(reportId, "reportId");
    }

    /**
     * The mapping input this share was produced from, for comparing a round trip or re-publishing. The signing time
     * is not part of the STIX view (the report's {@code modified} is derived from it, not equal to it): pass the
     * envelope's issued-at, from the verified envelope.
     *
     * @param signedAt when the envelope was signed
     * @return the input
     */
    public StixShareInput toInput(Instant signedAt) {
        return new StixShareInput(share, disclosures, compliance, envelopeId, envelopeDigest, envelopeJws, signedAt);
    }
}

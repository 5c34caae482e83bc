package org.fmishare.transport.taxii.stix;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.model.ThreatShare;

/**
 * Everything a share's STIX bundle carries: the share, the mandatory disclosures, the compliance summary and the
 * signed envelope (opaque here: its id, digest and JWS JSON serialization).
 *
 * @param share the share
 * @param disclosures the mandatory disclosure clauses, at least one, ids unique
 * @param compliance the SOP compliance summary
 * @param envelopeId the signed envelope's id, a lower-case UUID string
 * @param envelopeDigest the envelope's digest, {@code sha-256:} and 64 lower-case hex digits
 * @param envelopeJws the signed envelope in JWS JSON serialization ({@code application/jose+json}): a JSON object
 *     with a {@code payload}
 * @param signedAt when the envelope was signed (its {@code issuedAt}); it sets the report's {@code modified}, so
 *     that re-signing a share, which puts a new envelope on the report, yields a new report version instead of new
 *     content under an old {@code modified} (which STIX versioning forbids)
 */
public record StixShareInput(
        ThreatShare share,
        List<Disclosure> disclosures,
        ComplianceSummary compliance,
        String envelopeId,
        String envelopeDigest,
        String envelopeJws,
        Instant signedAt) {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DIGEST = Pattern.compile("sha-256:[0-9a-f]{64}");
    private static final Pattern JWS_JSON = Pattern.compile("(?s)\\s*\\{.*\"payload\"\\s*:.*\\}\\s*");

    /** Validates every part; see the component descriptions. */
    public StixShareInput {
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(disclosures, "disclosures");
        Objects.requireNonNull(compliance, "compliance");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(envelopeDigest, "envelopeDigest");
        Objects.requireNonNull(envelopeJws, "envelopeJws");
        Objects.requireNonNull(signedAt, "signedAt");
        disclosures = List.copyOf(disclosures);
        if (disclosures.isEmpty()) {
            throw new IllegalArgumentException("disclosures: a share carries its mandatory disclosures, none given");
        }
        Set<String> ids = new HashSet<>();
        for (Disclosure d : disclosures) {
            if (!ids.add(d.id())) {
                throw new IllegalArgumentException("disclosures: clause " + d.id() + " appears more than once");
            }
        }
        if (!UUID.matcher(envelopeId).matches()) {
            throw new IllegalArgumentException("envelopeId must be a lower-case UUID, was '" + envelopeId + "'");
        }
        if (!DIGEST.matcher(envelopeDigest).matches()) {
            throw new IllegalArgumentException("envelopeDigest must be sha-256: and 64 lower-case hex digits");
        }
        if (!JWS_JSON.matcher(envelopeJws).matches()) {
            throw new IllegalArgumentException("envelopeJws must be a JWS in JSON serialization (a JSON object with "
                    + "a payload)");
        }
    }
}

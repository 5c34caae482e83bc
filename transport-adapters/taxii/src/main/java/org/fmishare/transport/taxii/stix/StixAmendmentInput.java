package org.fmishare.transport.taxii.stix;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeContent;
import org.fmishare.core.envelope.EnvelopeReference;
import org.fmishare.core.model.ShareAmendment;

/**
 * Everything the STIX versions of a correction or retraction carry: the amendment, the share envelope it names, the
 * mandatory disclosures and compliance summary it was signed with, and the signed amendment envelope (opaque here).
 *
 * @param amendment the correction or retraction
 * @param original the id and digest of the share envelope the amendment names
 * @param disclosures the mandatory disclosure clauses signed with the amendment, at least one
 * @param compliance the amendment's SOP compliance summary
 * @param envelopeId the amendment envelope's id, a lower-case UUID string
 * @param envelopeDigest the amendment envelope's digest, {@code sha-256:} and 64 lower-case hex digits
 * @param envelopeJws the amendment envelope in JWS JSON serialization
 * @param signedAt when the amendment envelope was signed (its {@code issuedAt}); it sets the new versions'
 *     {@code modified}
 */
public record StixAmendmentInput(
        ShareAmendment amendment,
        EnvelopeReference original,
        List<Disclosure> disclosures,
        ComplianceSummary compliance,
        String envelopeId,
        String envelopeDigest,
        String envelopeJws,
        Instant signedAt) {

    /** Validates every part as {@link StixShareInput} does; see the component descriptions. */
    public StixAmendmentInput {
        Objects.requireNonNull(amendment, "amendment");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(compliance, "compliance");
        disclosures = List.copyOf(Objects.requireNonNull(disclosures, "disclosures"));
        // The share input's checks are the amendment's: same envelope fields, same disclosure rules.
        if (amendment.correctedShare().isPresent()) {
            new StixShareInput(amendment.correctedShare().get(), disclosures, compliance, envelopeId, envelopeDigest,
                    envelopeJws, signedAt);
        } else {
            Objects.requireNonNull(envelopeId, "envelopeId");
            Objects.requireNonNull(envelopeDigest, "envelopeDigest");
            Objects.requireNonNull(envelopeJws, "envelopeJws");
            Objects.requireNonNull(signedAt, "signedAt");
            new EnvelopeReference(envelopeId, envelopeDigest);
            if (disclosures.isEmpty()) {
                throw new IllegalArgumentException("disclosures: an amendment carries its mandatory disclosures, "
                        + "none given");
            }
        }
    }

    /**
     * The input for an amendment envelope as its signer (or the outbox) hands it to a transport.
     *
     * @param content the envelope's signed content; its body must be an {@link EnvelopeBody.Amendment}
     * @param wire the signed envelope's JWS JSON serialization, as sent
     * @return the input
     * @throws IllegalArgumentException when the envelope does not carry an amendment
     */
    public static StixAmendmentInput of(EnvelopeContent content, byte[] wire) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(wire, "wire");
        if (!(content.body() instanceof EnvelopeBody.Amendment a)) {
            throw new IllegalArgumentException("envelope " + content.envelopeId() + " carries a " + content.kind()
                    + ", not a share amendment");
        }
        return new StixAmendmentInput(a.amendment(), a.original(), content.disclosures(),
                content.compliance().orElseThrow(), content.envelopeId(), content.digest(),
                new String(wire, StandardCharsets.UTF_8), content.issuedAt());
    }

    /** {@return the amended share's id} */
    public String shareId() {
        return amendment.shareId();
    }
}

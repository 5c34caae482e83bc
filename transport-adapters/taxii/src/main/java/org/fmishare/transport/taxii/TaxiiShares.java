package org.fmishare.transport.taxii;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.ReviewApproval;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.VerifiedEnvelope;
import java.util.Set;
import org.fmishare.transport.taxii.stix.FmiStixExtension;
import org.fmishare.transport.taxii.stix.PulledShare;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.transport.taxii.stix.StixAmendmentInput;
import org.fmishare.transport.taxii.stix.StixAmendments;
import org.fmishare.transport.taxii.stix.StixBundle;
import org.fmishare.transport.taxii.stix.StixIds;
import org.fmishare.transport.taxii.stix.StixMappingException;
import org.fmishare.transport.taxii.stix.StixObject;
import org.fmishare.transport.taxii.stix.StixShareInput;
import org.fmishare.transport.taxii.stix.StixShareMapper;
import tools.jackson.databind.JsonNode;

/**
 * Publishing a share to a TAXII collection and reading it back, in one call each.
 *
 * <p>{@link #publish} maps the share with {@link StixShareMapper} and delivers every object of the bundle with
 * {@link TaxiiClient#publish}. {@link #pull} fetches the share's report by its deterministic id ({@link
 * StixIds#reportId(String)}), then the objects and markings it references (by {@code match[id]}, in batches), and
 * maps them back. The result is <em>not verified</em>: verify {@link PulledShare#envelopeJws()} before acting.
 */
public final class TaxiiShares {
    private static final int IDS_PER_REQUEST = 100;

    private TaxiiShares() {}

    /**
     * Maps and publishes a share.
     *
     * @param client the client
     * @param collection the collection to add to
     * @param input the share, disclosures, compliance summary and envelope
     * @return the per-object outcome; {@link PublishResult#delivered()} is delivery
     * @throws TaxiiException on any failure
     */
    public static PublishResult publish(TaxiiClient client, TaxiiCollection collection, StixShareInput input) {
        Objects.requireNonNull(client, "client");
        StixBundle bundle = StixShareMapper.standard().toBundle(input);
        return client.publish(collection, bundle.objects());
    }

    /**
     * Publishes the fmi-share extension's definition and the identity that authored it ({@link
     * FmiStixExtension#definitionObjects()}), for embedders who choose to publish it: once, to a collection of
     * their choosing. Share bundles never carry it, because the OASIS reference server (medallion 3.0.0) answers a
     * plain {@code GET .../objects/} with 500 for any collection holding an object with a top-level {@code version}
     * property, which an extension-definition must have; a dedicated collection keeps share collections readable.
     * Publish it once: the objects are fixed, so publishing again adds nothing, but medallion reports the repeat as a
     * failure and cannot read the definition back to show it is stored, so a repeat reads as not delivered there.
     *
     * @param client the client
     * @param collection the collection for the definition
     * @return the per-object outcome
     * @throws TaxiiException on any failure
     */
    public static PublishResult publishExtensionDefinition(TaxiiClient client, TaxiiCollection collection) {
        Objects.requireNonNull(client, "client");
        return client.publish(collection, FmiStixExtension.definitionObjects());
    }

    /**
     * Reads a share back and verifies it: the JWS that travelled on the report is verified with {@code verifier},
     * and the STIX content must say exactly what the signed envelope says (share, disclosures, compliance, digest).
     *
     * @param client the client
     * @param collection the collection
     * @param shareId the share's id
     * @param verifier the receiver's envelope verifier
     * @return the verified envelope, whose share is the pulled share
     * @throws org.fmishare.core.envelope.EnvelopeException when the envelope fails verification
     * @throws StixMappingException when the STIX content differs from the signed envelope
     * @throws TaxiiException on any other failure
     */
    public static VerifiedEnvelope pullVerified(TaxiiClient client, TaxiiCollection collection, String shareId,
            EnvelopeVerifier verifier) {
        Objects.requireNonNull(verifier, "verifier");
        PulledShare pulled = pull(client, collection, shareId);
        VerifiedEnvelope verified = verifier.verify(pulled.envelopeJws().getBytes(StandardCharsets.UTF_8));
        if (verified.share().isEmpty()) {
            throw new StixMappingException(pulled.reportId(), "extensions", "the report's envelope carries a "
                    + verified.kind() + ", not a share");
        }
        requireSame(pulled, verified, verified.share().get());
        return verified;
    }

    /**
     * Reads a share back from a collection: the latest version of its report that carries a share envelope (not a
     * correction or retraction; {@link TaxiiPuller} follows those), with the objects as they stood at that version.
     *
     * @param client the client
     * @param collection the collection
     * @param shareId the share's id
     * @return the share, disclosures, compliance summary and envelope, not yet verified
     * @throws StixMappingException when the objects do not form a share (naming the object and property)
     * @throws TaxiiException on any other failure ({@link TaxiiException.HttpError} 404 when the report is absent)
     */
    public static PulledShare pull(TaxiiClient client, TaxiiCollection collection, String shareId) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(shareId, "shareId");
        String reportId = StixIds.reportId(shareId);
        List<StixObject> stored = stored(client, collection, shareId);
        StixObject report = null;
        for (StixObject o : stored) {
            if (o.id().equals(reportId) && StixAmendments.claim(o).isEmpty() && (report == null
                    || o.modified().orElse("").compareTo(report.modified().orElse("")) > 0)) {
                report = o;
            }
        }
        if (report == null) {
            throw new StixMappingException(reportId, "id", "the collection returned no version of the report that "
                    + "carries a share");
        }
        return StixShareMapper.standard().fromObjects(StixAmendments.asOf(stored, report), shareId);
    }

    /**
     * Publishes a correction or retraction of a share as new versions of the share's objects ({@link
     * StixAmendments}): reads every stored version of the share's report and of the objects it references, maps the
     * amendment onto them and adds the new versions. Publishing the same amendment again adds the same versions.
     *
     * @param client the client
     * @param collection the collection the share was published to
     * @param input the amendment and its signed envelope
     * @return the per-object outcome; {@link PublishResult#delivered()} is delivery
     * @throws TaxiiException.HttpError with status 404 when the collection holds no version of the share's report
     * @throws StixMappingException when the collection does not hold the share envelope the amendment names, or the
     *     share was already retracted there
     * @throws TaxiiException on any other failure
     */
    public static PublishResult publishAmendment(TaxiiClient client, TaxiiCollection collection,
            StixAmendmentInput input) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(input, "input");
        List<StixObject> stored = stored(client, collection, input.shareId());
        return client.publish(collection, StixAmendments.newVersions(input, stored));
    }

    /**
     * Every stored version of a share's report and of every object any of its versions references (markings
     * included).
     *
     * @param client the client
     * @param collection the collection
     * @param shareId the share's id
     * @return the versions, in server order
     * @throws TaxiiException on any failure ({@link TaxiiException.HttpError} 404 when the report is absent)
     * @throws StixMappingException when the collection returns no version of the report
     */
    static List<StixObject> stored(TaxiiClient client, TaxiiCollection collection, String shareId) {
        String reportId = StixIds.reportId(shareId);
        List<StixObject> reports = client.getObject(collection, reportId, ObjectQuery.builder().matchVersion("all")
                .build());
        if (reports.isEmpty()) {
            throw new StixMappingException(reportId, "id", "the collection returned no version of the report");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (StixObject report : reports) {
            JsonNode tree = report.tree();
            tree.path("object_refs").forEach(n -> ids.add(n.asString("")));
            tree.path("object_marking_refs").forEach(n -> ids.add(n.asString("")));
        }
        ids.remove(reportId);
        ids.remove("");
        List<StixObject> objects = new ArrayList<>(reports);
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += IDS_PER_REQUEST) {
            ObjectQuery q = ObjectQuery.builder().matchIds(all.subList(i, Math.min(all.size(), i + IDS_PER_REQUEST)))
                    .matchVersion("all").build();
            client.forEachObject(collection, q, objects::add);
        }
        return objects;
    }

    /**
     * Checks that a pulled share (as of one report version) says what its verified envelope says.
     *
     * @param pulled the STIX view
     * @param verified the verified envelope the report version carries
     * @param signedShare the share the envelope signs (a share's, or a correction's corrected share)
     * @throws StixMappingException naming the report and the property that differs
     */
    static void requireSame(PulledShare pulled, VerifiedEnvelope verified, ThreatShare signedShare) {
        String reportId = pulled.reportId();
        if (!pulled.share().equals(signedShare)) {
            throw new StixMappingException(reportId, "extensions", "the STIX share differs from the signed share");
        }
        if (!verified.disclosures().equals(pulled.disclosures())) {
            throw new StixMappingException(reportId, "object_marking_refs",
                    "the STIX disclosure markings differ from the signed disclosures");
        }
        // The whole summary, the reviewer's approval included: a STIX-only reader trusts the approval it sees in
        // the collection, so one that differs from the signed envelope's must not pass as the same share.
        Optional<ComplianceSummary> signed = verified.compliance();
        if (signed.isEmpty() || !signed.get().equals(pulled.compliance())) {
            String compliance = "extensions." + FmiStixExtension.ID + ".compliance";
            if (signed.isPresent() && signed.get().withoutReview().equals(pulled.compliance().withoutReview())) {
                throw new StixMappingException(reportId, compliance + "." + reviewProperty(signed.get().review(),
                        pulled.compliance().review()), "the reviewer's approval in the STIX view differs from the "
                        + "one the signed envelope carries");
            }
            throw new StixMappingException(reportId, compliance, "the STIX compliance summary differs from the "
                    + "signed one");
        }
        if (!verified.digest().equals(pulled.envelopeDigest())
                || !verified.envelopeId().equals(pulled.envelopeId())) {
            throw new StixMappingException(reportId, "extensions", "the envelope id or digest on the report does not "
                    + "match the signed envelope");
        }
    }

    /** The extension property (under {@code compliance}) of the first part of two approvals that differs. */
    private static String reviewProperty(Optional<ReviewApproval> signed, Optional<ReviewApproval> stix) {
        if (signed.isEmpty() || stix.isEmpty()) {
            return "review";
        }
        ReviewApproval a = signed.get();
        ReviewApproval b = stix.get();
        if (!a.reviewerId().equals(b.reviewerId())) {
            return "review.reviewer_id";
        }
        if (!a.decidedAt().equals(b.decidedAt())) {
            return "review.decided_at";
        }
        return a.reasonsDigest().equals(b.reasonsDigest()) ? "review.decision" : "review.reasons_digest";
    }
}

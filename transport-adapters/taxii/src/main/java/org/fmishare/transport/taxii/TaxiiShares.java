package org.fmishare.transport.taxii;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.fmishare.transport.taxii.stix.PulledShare;
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
     * Reads a share back from a collection.
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
        List<StixObject> reports = client.getObject(collection, reportId, ObjectQuery.all());
        if (reports.isEmpty()) {
            throw new StixMappingException(reportId, "id", "the collection returned no version of the report");
        }
        StixObject report = reports.get(reports.size() - 1);
        JsonNode tree = report.tree();
        Set<String> ids = new LinkedHashSet<>();
        tree.path("object_refs").forEach(n -> ids.add(n.asString("")));
        tree.path("object_marking_refs").forEach(n -> ids.add(n.asString("")));
        ids.remove(reportId);
        ids.remove("");
        List<StixObject> objects = new ArrayList<>();
        objects.add(report);
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += IDS_PER_REQUEST) {
            ObjectQuery q = ObjectQuery.builder().matchIds(all.subList(i, Math.min(all.size(), i + IDS_PER_REQUEST)))
                    .build();
            client.forEachObject(collection, q, objects::add);
        }
        return StixShareMapper.standard().fromObjects(objects, shareId);
    }
}

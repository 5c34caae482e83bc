package org.fmishare.transport.taxii.stix;

import static org.fmishare.transport.taxii.stix.StixNames.EXT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fmishare.core.envelope.EnvelopeReference;
import org.fmishare.core.model.AmendmentKind;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.transport.taxii.internal.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Corrections and retractions as STIX 2.1 versioning (section 3.6): new versions of a share's objects, same ids and
 * a later {@code modified}.
 *
 * <ul>
 * <li>A <b>correction</b> publishes the corrected share's objects as new versions (every object at one new {@code
 * modified}, each keeping the {@code created} of its first version), and a revoked version of every object the
 * share's current report references that the corrected share no longer has (an account removed takes its {@code
 * related-to} relationship with it; a fact removed, its {@code note}).</li>
 * <li>A <b>retraction</b> publishes a version with {@code revoked: true} of the report and of every object it
 * references except identities: the sender and recipient identities say who the parties are, which a retraction
 * does not withdraw (the revoked versions' {@code created_by_ref} still points at the sender). Marking definitions
 * and cyber-observables ({@code user-account}) are shared by every share that uses them and have no {@code
 * revoked}; they are never touched.</li>
 * <li>In both, the report's new version carries the signed amendment envelope where a share's report carries the
 * share's ({@code envelope_jws}, {@code envelope_id}, {@code envelope_digest}), and the extension's {@code
 * amendment} names the amendment, its kind, reason and the share envelope it amends.</li>
 * </ul>
 *
 * <p>The new {@code modified} is the amendment's signing time (whole seconds, milliseconds from the envelope id, as
 * for a share's report), moved to one millisecond after the latest version of the report that another envelope
 * wrote when that is later, so the amendment is always the newest version. The versions are computed from the
 * versions stored before that time, so a retried publication maps to the same objects and is idempotent.
 *
 * <p>Stateless and thread-safe.
 */
public final class StixAmendments {
    private static final Set<String> NEVER_REVOKED = Set.of("identity", "marking-definition");

    private StixAmendments() {}

    /**
     * What the extension of a report version says about the amendment it carries.
     *
     * @param amendmentId the amendment's id
     * @param kind correction or retraction
     * @param reason the reason, as the company reads it
     * @param amends the share envelope the amendment names
     */
    public record Claim(String amendmentId, AmendmentKind kind, String reason, EnvelopeReference amends) {
        /** Rejects nulls. */
        public Claim {
            Objects.requireNonNull(amendmentId, "amendmentId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(amends, "amends");
        }
    }

    /**
     * The objects to publish for an amendment, given what the collection holds for the share.
     *
     * @param input the amendment and its signed envelope
     * @param stored every stored version of the share's report and of the objects its versions reference
     * @return the new versions, the report's last (so that a reader that sees the new report also finds the objects)
     * @throws StixMappingException when the stored objects hold no report version carrying the share envelope the
     *     amendment names, when the share was already retracted there, or when an object the report references is
     *     missing
     */
    public static List<StixObject> newVersions(StixAmendmentInput input, Collection<StixObject> stored) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(stored, "stored");
        ShareAmendment amendment = input.amendment();
        String reportId = StixIds.reportId(amendment.shareId());
        List<StixObject> reports = stored.stream().filter(o -> o.id().equals(reportId)).toList();
        if (reports.isEmpty()) {
            throw new StixMappingException(reportId, "id", "no version of share '" + amendment.shareId()
                    + "''s report is stored; amendment " + amendment.id() + " amends a share the collection holds");
        }
        if (reports.stream().noneMatch(r -> envelopeOf(r).filter(input.original()::equals).isPresent())) {
            throw new StixMappingException(reportId, ext("envelope_id"), "no version of the report carries envelope "
                    + input.original().envelopeId() + " (" + input.original().digest() + "), which amendment "
                    + amendment.id() + " amends");
        }
        Instant latestOther = Instant.EPOCH;
        for (StixObject r : reports) {
            boolean own = envelopeOf(r).map(e -> e.envelopeId().equals(input.envelopeId())).orElse(false);
            if (!own) {
                Instant m = modified(r);
                latestOther = m.isAfter(latestOther) ? m : latestOther;
            }
        }
        Instant signed = StixShareWriter.signingVersion(input.signedAt(), input.envelopeId(), Instant.EPOCH);
        Instant version = signed.isAfter(latestOther) ? signed : latestOther.plusMillis(1);
        Map<String, StixObject> base = latestBefore(stored, version);
        StixObject baseReport = base.get(reportId);
        if (baseReport == null) {
            throw new StixMappingException(reportId, "modified", "no version of the report is older than the "
                    + "amendment's version " + StixJson.timestamp(version));
        }
        ObjectNode baseTree = baseReport.tree();
        if (baseTree.path("revoked").asBoolean(false)) {
            throw new StixMappingException(reportId, "revoked", "share '" + amendment.shareId() + "' was already "
                    + "retracted in this collection (version " + baseReport.modified().orElse("?") + "); a retracted "
                    + "share is not amended again");
        }
        String created = baseTree.path("created").asString("");
        List<String> refs = new ArrayList<>();
        baseTree.path("object_refs").forEach(n -> refs.add(n.asString("")));
        ObjectNode claim = claimNode(input);
        List<StixObject> out = new ArrayList<>();
        if (amendment.kind() == AmendmentKind.CORRECTION) {
            StixShareInput share = new StixShareInput(amendment.correctedShare().orElseThrow(), input.disclosures(),
                    input.compliance(), input.envelopeId(), input.envelopeDigest(), input.envelopeJws(),
                    input.signedAt());
            StixBundle bundle = new StixShareWriter(share, created, version, claim).write();
            Set<String> kept = new LinkedHashSet<>();
            StixObject report = null;
            for (StixObject o : bundle.objects()) {
                kept.add(o.id());
                if (o.id().equals(reportId)) {
                    report = o;
                } else {
                    out.add(o);
                }
            }
            for (String ref : refs) {
                if (!kept.contains(ref)) {
                    revoked(base, stored, ref, reportId, version).ifPresent(out::add);
                }
            }
            out.add(Objects.requireNonNull(report, "the writer always writes the report"));
        } else {
            for (String ref : refs) {
                revoked(base, stored, ref, reportId, version).ifPresent(out::add);
            }
            ObjectNode report = baseTree.deepCopy();
            report.put("modified", StixJson.timestamp(version));
            report.put("revoked", true);
            JsonNode ext = report.path("extensions").path(EXT);
            if (!ext.isObject()) {
                throw new StixMappingException(reportId, "extensions", "has no fmi-share extension (" + EXT + ")");
            }
            ObjectNode x = (ObjectNode) ext;
            x.put("envelope_id", input.envelopeId());
            x.put("envelope_digest", input.envelopeDigest());
            x.put("envelope_media_type", "application/jose+json");
            x.put("envelope_jws", input.envelopeJws());
            x.set("amendment", claim);
            out.add(StixObject.of(report));
        }
        return out;
    }

    /**
     * The amendment a report version carries, from its extension.
     *
     * @param reportVersion one version of a share's report
     * @return the claim, or empty when the version carries a share envelope
     * @throws StixMappingException when the extension's {@code amendment} is malformed
     */
    public static Optional<Claim> claim(StixObject reportVersion) {
        Objects.requireNonNull(reportVersion, "reportVersion");
        JsonNode a = reportVersion.tree().path("extensions").path(EXT).path("amendment");
        if (a.isMissingNode()) {
            return Optional.empty();
        }
        String id = reportVersion.id();
        AmendmentKind kind;
        try {
            kind = AmendmentKind.valueOf(a.path("kind").asString("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new StixMappingException(id, ext("amendment.kind"), "must be correction or retraction", e);
        }
        try {
            return Optional.of(new Claim(text(id, a, "id"), kind, text(id, a, "reason"), new EnvelopeReference(
                    text(id, a, "amends_envelope_id"), text(id, a, "amends_envelope_digest"))));
        } catch (IllegalArgumentException e) {
            throw new StixMappingException(id, ext("amendment"), e.getMessage(), e);
        }
    }

    /**
     * The signed envelope a report version carries, as its extension names it (not verified).
     *
     * @param reportVersion one version of a share's report
     * @return the envelope's id and digest, or empty when the extension does not name a well-formed envelope
     */
    public static Optional<EnvelopeReference> envelopeOf(StixObject reportVersion) {
        JsonNode x = Objects.requireNonNull(reportVersion, "reportVersion").tree().path("extensions").path(EXT);
        try {
            return Optional.of(new EnvelopeReference(x.path("envelope_id").asString(""),
                    x.path("envelope_digest").asString("")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The objects as they stood at a version of the report: that report version, and of every other object the
     * versions whose {@code modified} is not later than the report's (cyber-observables, which have no {@code
     * modified}, as stored). {@link StixShareMapper#fromObjects} then reads the share as of that version.
     *
     * @param objects stored versions of the report and the objects it references
     * @param reportVersion the report version
     * @return the objects as of that version
     * @throws StixMappingException when the report version has no {@code modified}
     */
    public static List<StixObject> asOf(Collection<StixObject> objects, StixObject reportVersion) {
        Objects.requireNonNull(objects, "objects");
        Instant at = modified(reportVersion);
        List<StixObject> out = new ArrayList<>();
        out.add(reportVersion);
        for (StixObject o : objects) {
            if (o.id().equals(reportVersion.id())) {
                continue;
            }
            if (o.modified().isEmpty() || !modified(o).isAfter(at)) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * Checks that a retraction's report version is revoked and that so is every object it references that a
     * retraction revokes (all but identities, marking definitions and cyber-observables), as of that version.
     *
     * @param objects stored versions of the report and the objects it references
     * @param reportVersion the retraction's report version
     * @throws StixMappingException naming the first object that is not revoked
     */
    public static void requireRetracted(Collection<StixObject> objects, StixObject reportVersion) {
        ObjectNode report = reportVersion.tree();
        if (!report.path("revoked").asBoolean(false)) {
            throw new StixMappingException(reportVersion.id(), "revoked", "a retraction's report version must be "
                    + "revoked");
        }
        Map<String, StixObject> latest = latestBefore(asOf(objects, reportVersion), modified(reportVersion)
                .plusNanos(1));
        JsonNode refs = report.path("object_refs");
        for (int i = 0; i < refs.size(); i++) {
            StixObject o = latest.get(refs.get(i).asString(""));
            if (o != null && revocable(o) && !o.tree().path("revoked").asBoolean(false)) {
                throw new StixMappingException(o.id(), "revoked", "is referenced by retracted report "
                        + reportVersion.id() + " but not revoked");
            }
        }
    }

    private static Optional<StixObject> revoked(Map<String, StixObject> base, Collection<StixObject> stored,
            String ref, String reportId, Instant version) {
        StixObject o = base.get(ref);
        if (o == null) {
            if (stored.stream().anyMatch(s -> s.id().equals(ref) && s.modified().isEmpty())) {
                return Optional.empty(); // a cyber-observable: shared, never revoked
            }
            throw new StixMappingException(reportId, "object_refs", "references " + ref + ", which is not among "
                    + "the stored objects");
        }
        if (!revocable(o)) {
            return Optional.empty();
        }
        ObjectNode t = o.tree();
        if (t.path("revoked").asBoolean(false)) {
            return Optional.empty();
        }
        t.put("modified", StixJson.timestamp(version));
        t.put("revoked", true);
        return Optional.of(StixObject.of(t));
    }

    private static boolean revocable(StixObject o) {
        return o.created().isPresent() && o.modified().isPresent() && !NEVER_REVOKED.contains(o.type());
    }

    /** Per id, the latest version strictly before {@code version}; objects without {@code modified} left out. */
    private static Map<String, StixObject> latestBefore(Collection<StixObject> stored, Instant version) {
        Map<String, StixObject> base = new HashMap<>();
        for (StixObject o : stored) {
            if (o.modified().isEmpty()) {
                continue;
            }
            Instant m = modified(o);
            if (!m.isBefore(version)) {
                continue;
            }
            base.merge(o.id(), o, (a, b) -> modified(b).isAfter(modified(a)) ? b : a);
        }
        return base;
    }

    private static ObjectNode claimNode(StixAmendmentInput input) {
        ShareAmendment a = input.amendment();
        ObjectNode n = StixJson.MAPPER.createObjectNode();
        n.put("id", a.id());
        n.put("kind", a.kind().name().toLowerCase(Locale.ROOT));
        n.put("reason", a.reason());
        n.put("created_at", StixJson.timestamp(a.createdAt()));
        n.put("amends_envelope_id", input.original().envelopeId());
        n.put("amends_envelope_digest", input.original().digest());
        return n;
    }

    private static Instant modified(StixObject o) {
        String m = o.modified().orElseThrow(() -> new StixMappingException(o.id(), "modified", "is missing"));
        try {
            return StixJson.parseTimestamp(m);
        } catch (IllegalArgumentException e) {
            throw new StixMappingException(o.id(), "modified", e.getMessage(), e);
        }
    }

    private static String text(String id, JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || !v.isString() || v.stringValue().isEmpty()) {
            throw new StixMappingException(id, ext("amendment." + name), "must be a non-empty string");
        }
        return v.stringValue();
    }

    private static String ext(String property) {
        return "extensions." + EXT + "." + property;
    }
}

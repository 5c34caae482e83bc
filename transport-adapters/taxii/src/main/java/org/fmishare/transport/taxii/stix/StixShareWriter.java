package org.fmishare.transport.taxii.stix;

import static org.fmishare.transport.taxii.stix.StixNames.EXT;
import static org.fmishare.transport.taxii.stix.StixNames.rename;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.model.ActorKind;
import org.fmishare.core.model.ConfidenceAssessment;
import org.fmishare.core.model.Fact;
import org.fmishare.core.model.FmiOperation;
import org.fmishare.core.model.ForeignActor;
import org.fmishare.core.model.PlatformAccount;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.transport.taxii.internal.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The share-to-STIX half of {@link StixShareMapper}: writes one bundle for one share, in the layout the mapper's
 * documentation describes. One instance per bundle; not thread-safe.
 */
final class StixShareWriter {
    private final StixShareInput in;
    private final ThreatShare share;
    private final String created;
    private final String published;
    private final Instant versionOverride;
    private final ObjectNode amendment;
    private final String senderId;
    private final List<String> markingRefs = new ArrayList<>();
    private final List<StixObject> fixed = new ArrayList<>();
    private final List<StixObject> shareObjects = new ArrayList<>();

    StixShareWriter(StixShareInput in) {
        this(in, null, null, null);
    }

    /**
     * A writer for a new version of a share's objects (a correction): every object keeps the {@code created} of its
     * first version and takes {@code version} as {@code modified}, and the report's extension names the amendment.
     *
     * @param in the corrected share and the amendment's envelope
     * @param created the {@code created} of the share's first version, or {@code null} for the share's creation time
     * @param version the {@code modified} of every object, or {@code null} for a share's own versioning
     * @param amendment the extension's {@code amendment} value for the report, or {@code null}
     */
    StixShareWriter(StixShareInput in, String created, Instant version, ObjectNode amendment) {
        this.in = in;
        this.share = in.share();
        this.published = StixJson.timestamp(share.createdAt());
        this.created = created != null ? created : published;
        this.versionOverride = version;
        this.amendment = amendment;
        this.senderId = id("identity", "sender");
    }

    private String id(String type, String role) {
        return StixIds.shareObjectId(type, share.id(), role);
    }

    StixBundle write() {
        // The extension-definition is not in the bundle (see FmiStixExtension): the embedder publishes it once.
        fixed.add(StixMarkings.tlpDefinition(share.handling()));
        markingRefs.add(StixMarkings.tlpMarkingId(share.handling()));
        for (Disclosure d : in.disclosures()) {
            StixObject m = disclosureMarking(d);
            fixed.add(m);
            markingRefs.add(m.id());
        }

        ObjectNode sender = sdo("identity", senderId);
        sender.put("name", share.sendingOffice().name());
        sender.put("identity_class", "organization");
        sender.putArray("sectors").add("government-national");
        sender.putArray("roles").add("fmi-share sender");
        ext(sender).set("office", toExtension(share.sendingOffice()));
        add(sender);

        ObjectNode recipient = sdo("identity", id("identity", "recipient"));
        recipient.put("name", share.recipient().name());
        recipient.put("identity_class", "organization");
        recipient.putArray("sectors").add("technology");
        recipient.putArray("roles").add("fmi-share recipient");
        ext(recipient).set("company", toExtension(share.recipient()));
        add(recipient);

        ForeignActor actor = share.actor();
        String actorId = id("threat-actor", "actor");
        ObjectNode ta = sdo("threat-actor", actorId);
        ta.put("name", actor.name());
        if (!actor.aliases().isEmpty()) {
            ArrayNode aliases = ta.putArray("aliases");
            actor.aliases().forEach(aliases::add);
        }
        ta.putArray("threat_actor_types").add(actor.kind() == ActorKind.FOREIGN_GOVERNMENT ? "nation-state"
                : "unknown");
        if (actor.kind() == ActorKind.FOREIGN_GOVERNMENT) {
            ta.put("resource_level", "government");
        }
        actor.proxyLink().ifPresent(p -> ta.put("description", "Proxy of " + p.principalName() + " ("
                + p.principalCountry() + "): " + p.statement()));
        ext(ta).set("actor", toExtension(actor));
        add(ta);

        FmiOperation op = share.operation();
        String campaignId = id("campaign", "operation");
        ObjectNode campaign = sdo("campaign", campaignId);
        campaign.put("name", op.name());
        campaign.put("objective", String.join("; ", op.objectives()));
        ext(campaign).set("operation", toExtension(op));
        add(campaign);

        ObjectNode attributed = relationship(id("relationship", "attributed-to"), "attributed-to", campaignId,
                actorId);
        add(attributed);
        for (String technique : op.disarmTechniques()) {
            String apId = id("attack-pattern", "disarm:" + technique);
            ObjectNode ap = sdo("attack-pattern", apId);
            ap.put("name", technique);
            ObjectNode ref = ap.putArray("external_references").addObject();
            ref.put("source_name", "DISARM");
            ref.put("external_id", technique);
            add(ap);
            add(relationship(id("relationship", "uses:" + technique), "uses", campaignId, apId));
        }

        Map<String, String> refToStixId = new HashMap<>();
        refToStixId.put(actor.id(), actorId);
        Map<String, String> accountIds = new HashMap<>();
        for (int i = 0; i < share.accounts().size(); i++) {
            PlatformAccount a = share.accounts().get(i);
            String uaId = StixIds.userAccountId(accountType(a.platform()), a.accountId());
            String previous = accountIds.putIfAbsent(uaId, a.ref());
            if (previous != null) {
                throw new StixMappingException(uaId, "accounts[" + i + "]", "account " + a.ref()
                        + " maps to the same user-account as " + previous + " (platform names differ only in "
                        + "case or punctuation)");
            }
            refToStixId.put(a.ref(), uaId);
            ObjectNode ua = StixJson.MAPPER.createObjectNode();
            ua.put("type", "user-account");
            ua.put("spec_version", "2.1");
            ua.put("id", uaId);
            ua.put("account_type", accountType(a.platform()));
            ua.put("user_id", a.accountId());
            a.handle().ifPresent(h -> ua.put("display_name", h));
            marks(ua);
            add(ua);
            ObjectNode rel = relationship(id("relationship", "account:" + a.ref()), "related-to", uaId,
                    actorId);
            rel.put("start_time", StixJson.timestamp(a.firstObserved()));
            // STIX requires stop_time to be later than start_time; an instant window has no stop_time.
            if (a.lastObserved().isAfter(a.firstObserved())) {
                rel.put("stop_time", StixJson.timestamp(a.lastObserved()));
            }
            a.actorLinkBasis().ifPresent(b -> rel.put("description", b));
            ext(rel).set("account", toExtension(a));
            add(rel);
        }

        for (Fact f : share.facts()) {
            ObjectNode note = sdo("note", id("note", "fact:" + f.id()));
            note.put("abstract", "Fact " + f.id() + " (" + f.reliability() + f.credibility().ordinal()
                    + ", " + f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
            note.put("content", f.statement());
            note.putArray("authors").add(share.sendingOffice().name());
            ArrayNode refs = note.putArray("object_refs");
            f.about().stream().map(refToStixId::get).filter(Objects::nonNull).distinct().forEach(refs::add);
            if (refs.isEmpty()) {
                // A fact about nothing resolvable still belongs to the operation; STIX needs one reference.
                refs.add(campaignId);
            }
            ext(note).set("fact", toExtension(f));
            add(note);
        }

        String reportId = StixIds.reportId(share.id());
        ObjectNode report = sdo("report", reportId);
        report.put("modified", StixJson.timestamp(versionOverride != null ? versionOverride : reportModified()));
        report.put("name", "FMI threat share " + share.id());
        if (!share.narrative().isBlank()) {
            report.put("description", share.narrative());
        }
        report.put("published", published);
        report.putArray("report_types").add("threat-actor").add("campaign");
        report.put("confidence", confidence(share.assessment()));
        ArrayNode refs = report.putArray("object_refs");
        shareObjects.forEach(o -> refs.add(o.id()));
        ObjectNode x = ext(report);
        x.put("share_id", share.id());
        x.put("rule_set_id", share.ruleSetId());
        x.set("assessment", toExtension(share.assessment()));
        x.set("covert_basis", toExtension(share.covertBasis()));
        share.fitfCoordination().ifPresent(c -> x.set("fitf_coordination", toExtension(c)));
        share.electionNexus().ifPresent(e -> x.set("election_nexus", toExtension(e)));
        // The whole summary as the envelope carries it (verdict, rule set, report digest and, for a reviewed
        // share, the reviewer's approval), so a STIX-only reader sees what the signer saw; StixShareReader reads
        // it back with the same codec, so a member added to ComplianceSummary needs no mapping code here.
        x.set("compliance", toExtension(in.compliance()));
        x.put("envelope_id", in.envelopeId());
        x.put("envelope_digest", in.envelopeDigest());
        x.put("envelope_media_type", "application/jose+json");
        x.put("envelope_jws", in.envelopeJws());
        if (amendment != null) {
            x.set("amendment", amendment);
        }
        add(report);

        List<StixObject> all = new ArrayList<>(fixed.size() + shareObjects.size());
        all.addAll(fixed);
        all.addAll(shareObjects);
        String bundleId = "bundle--" + StixIds.uuid5(StixIds.FMI_NAMESPACE, "bundle|" + share.id() + "|"
                + in.envelopeId());
        return new StixBundle(bundleId, all);
    }

    /**
     * The report's {@code modified}: the report carries the envelope, which changes whenever the share is signed
     * again, so each signing must be a new version. Envelopes are issued at whole seconds, so the milliseconds are
     * taken from the envelope id: two signings within one second still differ (999 times in 1000; their order within
     * that second is arbitrary), and a retried delivery of one envelope maps to the same version. Never earlier
     * than {@code created}.
     */
    private Instant reportModified() {
        return signingVersion(in.signedAt(), in.envelopeId(), share.createdAt());
    }

    /** The version an envelope signed at {@code signedAt} gives the report it travels on; see reportModified. */
    static Instant signingVersion(Instant signedAt, String envelopeId, Instant notBefore) {
        Instant signed = signedAt.truncatedTo(ChronoUnit.SECONDS).plusMillis(Math.floorMod(envelopeId.hashCode(),
                1000));
        return signed.isBefore(notBefore) ? notBefore : signed;
    }

    private void add(ObjectNode o) {
        shareObjects.add(StixObject.of(o));
    }

    private ObjectNode sdo(String type, String id) {
        ObjectNode o = StixJson.MAPPER.createObjectNode();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        o.put("created_by_ref", senderId);
        o.put("created", created);
        o.put("modified", versionOverride != null ? StixJson.timestamp(versionOverride) : created);
        marks(o);
        return o;
    }

    private ObjectNode relationship(String id, String type, String source, String target) {
        ObjectNode r = sdo("relationship", id);
        r.put("relationship_type", type);
        r.put("source_ref", source);
        r.put("target_ref", target);
        return r;
    }

    private void marks(ObjectNode o) {
        ArrayNode refs = o.putArray("object_marking_refs");
        markingRefs.forEach(refs::add);
    }

    private static StixObject disclosureMarking(Disclosure d) {
        ObjectNode m = StixJson.MAPPER.createObjectNode();
        m.put("type", "marking-definition");
        m.put("spec_version", "2.1");
        m.put("id", "marking-definition--" + StixIds.uuid5(StixIds.FMI_NAMESPACE, "disclosure|" + d.id() + "|"
                + d.version() + "|" + d.digest()));
        m.put("created", FmiStixExtension.CREATED);
        m.put("name", "fmi-share disclosure " + d.id() + " v" + d.version());
        m.put("definition_type", "statement");
        m.putObject("definition").put("statement", d.text());
        ObjectNode x = m.putObject("extensions").putObject(EXT);
        x.put("extension_type", "property-extension");
        ObjectNode ref = x.putObject("disclosure");
        ref.put("id", d.id());
        ref.put("version", d.version());
        ref.put("digest", d.digest());
        return StixObject.of(m);
    }

    private static ObjectNode ext(ObjectNode o) {
        ObjectNode x = o.putObject("extensions").putObject(EXT);
        x.put("extension_type", "property-extension");
        return x;
    }

    /**
     * The {@code account_type} for a platform: lower case, runs of other characters as one hyphen (so
     * {@code ExampleSocial} becomes {@code examplesocial}, matching the style of the account-type vocabulary).
     */
    private static String accountType(String platform) {
        String t = platform.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return t.isEmpty() ? "unknown" : t;
    }

    private static int confidence(ConfidenceAssessment a) {
        return switch (a.level()) {
            case LOW -> 15;
            case MODERATE -> 50;
            case HIGH -> 85;
        };
    }

    /** A model value as an extension value: the model's JSON with snake_case property names. */
    private static JsonNode toExtension(Object value) {
        JsonNode tree = StixJson.MAPPER.readTree(FmiJson.standard().write(value));
        return rename(tree, StixNames::snake);
    }
}

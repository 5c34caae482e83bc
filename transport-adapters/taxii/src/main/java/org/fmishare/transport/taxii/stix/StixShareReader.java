package org.fmishare.transport.taxii.stix;

import static org.fmishare.transport.taxii.stix.StixNames.EXT;
import static org.fmishare.transport.taxii.stix.StixNames.rename;
import static org.fmishare.transport.taxii.stix.StixNames.snake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.json.JsonCodecException;
import org.fmishare.core.model.ConfidenceAssessment;
import org.fmishare.core.model.CovertBasis;
import org.fmishare.core.model.ElectionRef;
import org.fmishare.core.model.Fact;
import org.fmishare.core.model.FitfCoordination;
import org.fmishare.core.model.FmiOperation;
import org.fmishare.core.model.ForeignActor;
import org.fmishare.core.model.InvalidModelException;
import org.fmishare.core.model.Office;
import org.fmishare.core.model.PlatformAccount;
import org.fmishare.core.model.SocialMediaCompany;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.core.model.TlpMarking;
import org.fmishare.transport.taxii.internal.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The STIX-to-share half of {@link StixShareMapper}: reads a share back from its report and the objects the report
 * references, the extension being authoritative. One instance per read; not thread-safe.
 */
final class StixShareReader {
    /**
     * Reads one share, keeping the latest {@code modified} version of each object.
     *
     * @param objects the objects
     * @param reportId the share's report
     * @param expectedShareId the share id the report must name, or {@code null} to accept any
     * @return the share, not yet verified
     */
    static PulledShare read(Iterable<StixObject> objects, String reportId, String expectedShareId) {
        Map<String, StixObject> byId = new LinkedHashMap<>();
        for (StixObject o : objects) {
            byId.merge(o.id(), o, (a, b) -> b.modified().orElse("").compareTo(a.modified().orElse("")) > 0 ? b : a);
        }
        return new StixShareReader(byId).read(reportId, expectedShareId);
    }

    private final Map<String, StixObject> byId;

    private StixShareReader(Map<String, StixObject> byId) {
        this.byId = byId;
    }

    PulledShare read(String reportId, String expectedShareId) {
        ObjectNode report = require(reportId, "report", "report", "the share's report");
        checkVersion(report);
        ObjectNode x = extension(report);
        String shareId = text(report, x, "share_id");
        if (expectedShareId != null && !expectedShareId.equals(shareId)) {
            throw new StixMappingException(reportId, ext("share_id"), "names share " + shareId + ", expected "
                    + expectedShareId);
        }
        Instant createdAt = timestamp(report, "published");

        TlpMarking tlp = null;
        List<Disclosure> disclosures = new ArrayList<>();
        JsonNode marks = report.path("object_marking_refs");
        for (int i = 0; i < marks.size(); i++) {
            String markId = marks.get(i).asString("");
            Optional<TlpMarking> level = StixMarkings.tlpFor(markId);
            if (level.isPresent()) {
                if (tlp != null) {
                    throw new StixMappingException(reportId, "object_marking_refs[" + i + "]",
                            "carries a second TLP marking (" + level.get().label() + " after " + tlp.label()
                                    + ")");
                }
                tlp = level.get();
                continue;
            }
            Optional<String> tlp1 = StixMarkings.tlp1Name(markId);
            if (tlp1.isPresent()) {
                throw new StixMappingException(reportId, "object_marking_refs[" + i + "]", tlp1.get()
                        + " is not a TLP 2.0 marking; the share model needs TLP 2.0");
            }
            disclosures.add(disclosure(markId, reportId, "object_marking_refs[" + i + "]"));
        }
        if (tlp == null) {
            throw new StixMappingException(reportId, "object_marking_refs", "has no TLP 2.0 marking");
        }

        Office office = null;
        SocialMediaCompany company = null;
        ForeignActor actor = null;
        FmiOperation operation = null;
        List<PlatformAccount> accounts = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        JsonNode refs = report.path("object_refs");
        if (!refs.isArray() || refs.isEmpty()) {
            throw new StixMappingException(reportId, "object_refs", "must list the share's objects");
        }
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i).asString("");
            StixObject so = byId.get(ref);
            if (so == null) {
                throw new StixMappingException(reportId, "object_refs[" + i + "]", "references " + ref
                        + ", which is not among the pulled objects");
            }
            ObjectNode o = so.tree();
            checkVersion(o);
            JsonNode ox = o.path("extensions").path(EXT);
            if (!ox.isObject()) {
                continue; // user-accounts, attack-patterns and plain relationships are views, not sources
            }
            switch (so.type()) {
                case "identity" -> {
                    if (ox.has("office")) {
                        office = unique(office, model(ref, ox, "office", Office.class), ref, "office");
                    } else if (ox.has("company")) {
                        company = unique(company, model(ref, ox, "company", SocialMediaCompany.class), ref,
                                "company");
                    }
                }
                case "threat-actor" -> actor = unique(actor, model(ref, ox, "actor", ForeignActor.class), ref,
                        "actor");
                case "campaign" -> operation = unique(operation, model(ref, ox, "operation",
                        FmiOperation.class), ref, "operation");
                case "relationship" -> {
                    if (ox.has("account")) {
                        accounts.add(account(ref, o, ox));
                    }
                }
                case "note" -> {
                    if (ox.has("fact")) {
                        facts.add(model(ref, ox, "fact", Fact.class));
                    }
                }
                default -> { }
            }
        }
        if (office == null) {
            throw missing(reportId, "the sender identity (an identity with the extension's office)");
        }
        if (company == null) {
            throw missing(reportId, "the recipient identity (an identity with the extension's company)");
        }
        if (actor == null) {
            throw missing(reportId, "the threat-actor with the extension's actor");
        }
        if (operation == null) {
            throw missing(reportId, "the campaign with the extension's operation");
        }

        ThreatShare.Builder b = ThreatShare.builder().id(shareId).createdAt(createdAt).sendingOffice(office)
                .recipient(company).actor(actor).operation(operation).accounts(accounts).facts(facts)
                .assessment(model(reportId, x, "assessment", ConfidenceAssessment.class))
                .covertBasis(model(reportId, x, "covert_basis", CovertBasis.class))
                .handling(tlp)
                .narrative(report.has("description") ? text(report, report, "description") : "")
                .ruleSetId(text(report, x, "rule_set_id"));
        if (x.has("fitf_coordination")) {
            b.fitfCoordination(model(reportId, x, "fitf_coordination", FitfCoordination.class));
        }
        if (x.has("election_nexus")) {
            b.electionNexus(model(reportId, x, "election_nexus", ElectionRef.class));
        }
        ThreatShare share;
        try {
            share = b.build();
        } catch (InvalidModelException e) {
            InvalidModelException.Violation v = e.first();
            throw new StixMappingException(reportId, "(share)." + v.field(), v.message() + " [" + v.rule()
                    + "]", e);
        }
        if (!x.path("envelope_media_type").asString("").equals("application/jose+json")) {
            throw new StixMappingException(reportId, ext("envelope_media_type"),
                    "must be application/jose+json");
        }
        // Read with the codec the envelope uses, so the reviewer's approval (and any later member) comes back too.
        ComplianceSummary compliance = model(reportId, x, "compliance", ComplianceSummary.class);
        return new PulledShare(share, disclosures, compliance, text(report, x, "envelope_id"),
                text(report, x, "envelope_digest"), text(report, x, "envelope_jws"), reportId);
    }

    private PlatformAccount account(String relId, ObjectNode rel, JsonNode ox) {
        PlatformAccount a = model(relId, ox, "account", PlatformAccount.class);
        if (!"related-to".equals(rel.path("relationship_type").asString(""))) {
            throw new StixMappingException(relId, "relationship_type", "an account relationship must be "
                    + "related-to");
        }
        String source = rel.path("source_ref").asString("");
        ObjectNode ua = require(source, "user-account", rel.path("id").asString(), "source_ref");
        if (!a.accountId().equals(ua.path("user_id").asString(null))) {
            throw new StixMappingException(source, "user_id", "does not match the account id "
                    + a.accountId() + " stated on " + relId);
        }
        return a;
    }

    private Disclosure disclosure(String markId, String fromId, String fromProperty) {
        ObjectNode m = require(markId, "marking-definition", fromId, fromProperty);
        JsonNode ref = m.path("extensions").path(EXT).path("disclosure");
        if (!ref.isObject()) {
            throw new StixMappingException(markId, ext("disclosure"), "a marking other than TLP 2.0 must be an "
                    + "fmi-share disclosure statement");
        }
        if (!"statement".equals(m.path("definition_type").asString(""))
                || !m.path("definition").path("statement").isString()) {
            throw new StixMappingException(markId, "definition.statement", "must be a statement marking");
        }
        JsonNode version = ref.path("version");
        if (!version.isIntegralNumber() || !ref.path("id").isString() || !ref.path("digest").isString()) {
            throw new StixMappingException(markId, ext("disclosure"), "needs string id, integer version and "
                    + "string digest");
        }
        try {
            return new Disclosure(ref.get("id").stringValue(), version.intValue(),
                    m.path("definition").path("statement").stringValue(), ref.get("digest").stringValue());
        } catch (IllegalArgumentException e) {
            throw new StixMappingException(markId, "definition.statement", e.getMessage(), e);
        }
    }

    private ObjectNode require(String id, String type, String fromId, String fromProperty) {
        StixObject o = byId.get(id);
        if (o == null) {
            throw new StixMappingException(fromId, fromProperty, "references " + id
                    + ", which is not among the pulled objects");
        }
        if (!o.type().equals(type)) {
            throw new StixMappingException(id, "type", "expected a " + type + ", found " + o.type());
        }
        return o.tree();
    }

    private static ObjectNode extension(ObjectNode o) {
        JsonNode x = o.path("extensions").path(EXT);
        if (!x.isObject()) {
            throw new StixMappingException(o.path("id").asString(), "extensions", "has no fmi-share extension ("
                    + EXT + ")");
        }
        if (!"property-extension".equals(x.path("extension_type").asString(""))) {
            throw new StixMappingException(o.path("id").asString(), ext("extension_type"),
                    "must be property-extension");
        }
        return (ObjectNode) x;
    }

    private static void checkVersion(ObjectNode o) {
        if (o.has("created") && o.has("modified")) {
            String id = o.path("id").asString();
            Instant created = timestamp(o, "created");
            if (timestamp(o, "modified").isBefore(created)) {
                throw new StixMappingException(id, "modified", "is earlier than created");
            }
        }
    }

    private static <T> T unique(T current, T next, String id, String what) {
        if (current != null) {
            throw new StixMappingException(id, ext(what), "the report references more than one " + what);
        }
        return next;
    }

    private static StixMappingException missing(String reportId, String what) {
        return new StixMappingException(reportId, "object_refs", "does not reference " + what);
    }

    private static <T> T model(String objectId, JsonNode x, String property, Class<T> type) {
        JsonNode v = x.get(property);
        if (v == null || !v.isObject()) {
            throw new StixMappingException(objectId, ext(property), "must be an object");
        }
        JsonNode camel = rename(v, StixNames::camel);
        try {
            return FmiJson.standard().read(StixJson.MAPPER.writeValueAsBytes(camel), type);
        } catch (JsonCodecException e) {
            throw new StixMappingException(objectId, ext(property) + snakePath(e.path().substring(1)),
                    e.getMessage(), e);
        }
    }

    private static String text(ObjectNode owner, JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isString() || v.stringValue().isEmpty()) {
            throw new StixMappingException(owner.path("id").asString(),
                    node == owner ? name : ext(name), "must be a non-empty string");
        }
        return v.stringValue();
    }

    private static Instant timestamp(ObjectNode o, String name) {
        try {
            return StixJson.parseTimestamp(o.path(name).asString(null));
        } catch (IllegalArgumentException e) {
            throw new StixMappingException(o.path("id").asString(), name, e.getMessage(), e);
        }
    }

    private static String ext(String property) {
        return "extensions." + EXT + "." + property;
    }

    private static String snakePath(String camelPath) {
        StringBuilder sb = new StringBuilder();
        for (String part : camelPath.split("\\.", -1)) {
            if (!part.isEmpty()) {
                sb.append('.').append(snake(part));
            }
        }
        return sb.toString();
    }
}

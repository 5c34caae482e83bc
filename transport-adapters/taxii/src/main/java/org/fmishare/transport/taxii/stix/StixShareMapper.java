package org.fmishare.transport.taxii.stix;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.json.JsonCodecException;
import org.fmishare.core.model.ActorKind;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a share to a STIX 2.1 bundle and STIX objects back to a share.
 *
 * <h2>Bundle layout</h2>
 * <ul>
 * <li>Fixed objects, identical in every bundle: the fmi-share {@code identity} and the {@code
 * extension-definition} it created ({@link FmiStixExtension}), the OASIS TLP 2.0 {@code marking-definition} of the
 * share's handling, and one {@code marking-definition} of type {@code statement} per mandatory disclosure (its id
 * is derived from the clause id, version and digest; the extension names the clause).</li>
 * <li>Per share: {@code identity} of the sending office and of the recipient company; {@code threat-actor}
 * ({@code threat_actor_types} {@code nation-state} for a foreign government, {@code unknown} otherwise); {@code
 * campaign} for the operation; an {@code attack-pattern} per DISARM technique (external id under source {@code
 * DISARM}) used by the campaign; {@code relationship}s campaign {@code attributed-to} threat-actor and campaign
 * {@code uses} attack-pattern; a {@code user-account} per account (deterministic id over {@code account_type} =
 * the platform name in lower case with non-alphanumerics as hyphens, and {@code user_id} = the platform's account
 * id; the handle is the {@code display_name}, kept out of the id because handles change) and a {@code
 * related-to} relationship from it to the threat-actor ({@code start_time}/{@code stop_time} the observation
 * window, {@code description} the link basis); a {@code note} per fact, referring to the objects the fact is
 * about; and the {@code report} (name, narrative as {@code description}, {@code published} = the share's creation
 * time, {@code confidence} 15/50/85 for low/moderate/high per the STIX 2.1 appendix A scale, {@code object_refs}
 * listing every per-share object).</li>
 * <li>Every per-share object carries the TLP marking and every disclosure marking in {@code object_marking_refs}.
 * The fixed objects do not: they are shared by all bundles and must keep one content per id.</li>
 * <li>FMI-specific values travel in the fmi-share property extension ({@link FmiStixExtension}); the standard
 * properties repeat what STIX can say natively, for consumers that ignore the extension. The extension is
 * authoritative when mapping back.</li>
 * </ul>
 *
 * <h2>The signed envelope</h2>
 * The report's extension carries {@code envelope_jws} (the envelope in JWS JSON serialization, media type in
 * {@code envelope_media_type}), {@code envelope_id} and {@code envelope_digest}. A receiver pulls the report,
 * extracts the JWS and verifies it with the envelope verifier; the STIX view is only trusted once it matches the
 * verified content.
 *
 * <h2>Identifiers</h2>
 * Per-share objects have UUIDv5 ids derived from the share id ({@link StixIds}), so re-publishing a share re-adds
 * the same ids and versions, which TAXII servers treat as idempotent. All per-share objects use the share's
 * creation time as {@code created} and {@code modified}.
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class StixShareMapper {
    private static final StixShareMapper STANDARD = new StixShareMapper();
    private static final String EXT = FmiStixExtension.ID;

    private StixShareMapper() {}

    /** {@return the mapper} */
    public static StixShareMapper standard() {
        return STANDARD;
    }

    // ---------------------------------------------------------------------------------------------------------
    // share -> bundle

    /**
     * Maps a share to a bundle.
     *
     * @param input the share, disclosures, compliance summary and envelope
     * @return the bundle; its id is derived from the share id and the envelope id
     * @throws StixMappingException when two accounts map to the same STIX user-account (platform names that
     *     differ only in case or punctuation, with the same account id)
     */
    public StixBundle toBundle(StixShareInput input) {
        Objects.requireNonNull(input, "input");
        return new Writer(input).write();
    }

    private static final class Writer {
        private final StixShareInput in;
        private final ThreatShare share;
        private final String created;
        private final String senderId;
        private final List<String> markingRefs = new ArrayList<>();
        private final List<StixObject> fixed = new ArrayList<>();
        private final List<StixObject> shareObjects = new ArrayList<>();

        Writer(StixShareInput in) {
            this.in = in;
            this.share = in.share();
            this.created = StixJson.timestamp(share.createdAt());
            this.senderId = id("identity", "sender");
        }

        private String id(String type, String role) {
            return StixIds.shareObjectId(type, share.id(), role);
        }

        StixBundle write() {
            fixed.add(FmiStixExtension.authorIdentity());
            fixed.add(FmiStixExtension.definition());
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
            report.put("name", "FMI threat share " + share.id());
            if (!share.narrative().isBlank()) {
                report.put("description", share.narrative());
            }
            report.put("published", created);
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
            ObjectNode compliance = x.putObject("compliance");
            compliance.put("verdict", in.compliance().verdict().name());
            compliance.put("rule_set_id", in.compliance().ruleSetId());
            compliance.put("rule_set_version", in.compliance().ruleSetVersion());
            compliance.put("report_digest", in.compliance().reportDigest());
            x.put("envelope_id", in.envelopeId());
            x.put("envelope_digest", in.envelopeDigest());
            x.put("envelope_media_type", "application/jose+json");
            x.put("envelope_jws", in.envelopeJws());
            add(report);

            List<StixObject> all = new ArrayList<>(fixed.size() + shareObjects.size());
            all.addAll(fixed);
            all.addAll(shareObjects);
            String bundleId = "bundle--" + StixIds.uuid5(StixIds.FMI_NAMESPACE, "bundle|" + share.id() + "|"
                    + in.envelopeId());
            return new StixBundle(bundleId, all);
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
            o.put("modified", created);
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
    static String accountType(String platform) {
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
        return rename(tree, StixShareMapper::snake);
    }

    private static JsonNode rename(JsonNode node, java.util.function.UnaryOperator<String> f) {
        if (node.isObject()) {
            ObjectNode out = StixJson.MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.set(f.apply(e.getKey()), rename(e.getValue(), f));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = StixJson.MAPPER.createArrayNode();
            node.forEach(n -> out.add(rename(n, f)));
            return out;
        }
        return node;
    }

    static String snake(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String camel(String snake) {
        StringBuilder sb = new StringBuilder(snake.length());
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // objects -> share

    /**
     * Reads the one fmi-share share in a bundle.
     *
     * @param bundle a bundle holding exactly one report with the fmi-share extension and every object it needs
     * @return the share, its disclosures, compliance summary and envelope, not yet verified
     * @throws StixMappingException naming the object and property that does not map
     */
    public PulledShare fromBundle(StixBundle bundle) {
        Objects.requireNonNull(bundle, "bundle");
        List<StixObject> reports = bundle.objects().stream().filter(o -> o.type().equals("report"))
                .filter(o -> o.tree().path("extensions").has(EXT)).toList();
        if (reports.size() != 1) {
            throw new StixMappingException(bundle.id(), "objects", "expected exactly one report with the fmi-share "
                    + "extension, found " + reports.size());
        }
        return read(bundle.objects(), reports.get(0).id(), null);
    }

    /**
     * Reads one share from a set of pulled objects (for example everything a TAXII collection returned for the
     * share's report and the objects it references). When several versions of an object are present the latest
     * {@code modified} wins.
     *
     * @param objects the objects
     * @param shareId the share to read; its report id is {@link StixIds#reportId(String)}
     * @return the share, not yet verified
     * @throws StixMappingException naming the object and property that does not map
     */
    public PulledShare fromObjects(Iterable<StixObject> objects, String shareId) {
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(shareId, "shareId");
        return read(objects, StixIds.reportId(shareId), shareId);
    }

    private static PulledShare read(Iterable<StixObject> objects, String reportId, String expectedShareId) {
        Map<String, StixObject> byId = new LinkedHashMap<>();
        for (StixObject o : objects) {
            byId.merge(o.id(), o, (a, b) -> b.modified().orElse("").compareTo(a.modified().orElse("")) > 0 ? b : a);
        }
        return new Reader(byId).read(reportId, expectedShareId);
    }

    private static final class Reader {
        private final Map<String, StixObject> byId;

        Reader(Map<String, StixObject> byId) {
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
            return new PulledShare(share, disclosures, compliance(reportId, x), text(report, x, "envelope_id"),
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
            JsonNode camel = rename(v, StixShareMapper::camel);
            try {
                return FmiJson.standard().read(StixJson.MAPPER.writeValueAsBytes(camel), type);
            } catch (JsonCodecException e) {
                throw new StixMappingException(objectId, ext(property) + snakePath(e.path().substring(1)),
                        e.getMessage(), e);
            }
        }

        private static ComplianceSummary compliance(String reportId, ObjectNode x) {
            JsonNode c = x.path("compliance");
            if (!c.isObject()) {
                throw new StixMappingException(reportId, ext("compliance"), "must be an object");
            }
            String verdict = c.path("verdict").asString("");
            Verdict v;
            try {
                v = Verdict.valueOf(verdict);
            } catch (IllegalArgumentException e) {
                throw new StixMappingException(reportId, ext("compliance.verdict"), "'" + verdict
                        + "' is not one of " + List.of(Verdict.values()), e);
            }
            try {
                return new ComplianceSummary(v, c.path("rule_set_id").asString(""),
                        c.path("rule_set_version").asString(""), c.path("report_digest").asString(""));
            } catch (IllegalArgumentException e) {
                throw new StixMappingException(reportId, ext("compliance"), e.getMessage(), e);
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
}

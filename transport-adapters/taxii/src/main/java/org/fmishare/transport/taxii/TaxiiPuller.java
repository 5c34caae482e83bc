package org.fmishare.transport.taxii;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.envelope.EnvelopeVerifier;
import org.fmishare.core.envelope.ShareState;
import org.fmishare.core.envelope.ShareStates;
import org.fmishare.core.envelope.ShareStatus;
import org.fmishare.core.envelope.VerifiedEnvelope;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.model.AmendmentKind;
import org.fmishare.core.model.ShareAmendment;
import org.fmishare.transport.taxii.internal.StixJson;
import org.fmishare.transport.taxii.stix.FmiStixExtension;
import org.fmishare.transport.taxii.stix.PulledShare;
import org.fmishare.transport.taxii.stix.StixAmendments;
import org.fmishare.transport.taxii.stix.StixIds;
import org.fmishare.transport.taxii.stix.StixMappingException;
import org.fmishare.transport.taxii.stix.StixObject;
import org.fmishare.transport.taxii.stix.StixShareMapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The company's side of a TAXII collection: reads every version of each share's report, verifies the envelope each
 * carries (a share, or a correction or retraction of it), checks that the STIX objects as they stood at that version
 * say what the envelope signs, and applies it to {@link ShareStates} (active, corrected, retracted), as the HTTPS
 * and email receivers do.
 *
 * <p>Checks per report version:
 * <ul>
 * <li>share: the envelope verifies and carries this share; the objects as of the version are the signed share
 * (content, disclosures, compliance, envelope id and digest);</li>
 * <li>correction: the envelope verifies and carries a correction of this share naming the envelope the report's
 * extension names; the objects as of the version are the corrected share;</li>
 * <li>retraction: the envelope verifies and carries a retraction of this share; the report version and every object
 * it references that a retraction revokes are {@code revoked}.</li>
 * </ul>
 * A verified amendment that names a share envelope the share states do not hold is reported as {@link
 * TaxiiPull.Outcome#ORPHANED} and changes nothing.
 *
 * <p>Pulling again changes nothing: an envelope this puller verified before is not verified again (it would pass:
 * the verifier's replay cache answers the same envelope as a repeat, {@link VerifiedEnvelope#repeated()}, and
 * refuses only another envelope reusing its nonce; remembering it saves the signature and path checks), the share
 * states ignore an envelope they already applied, and an amendment
 * overtaken by a later one applied before (a correction followed by a retraction) is {@link
 * TaxiiPull.Outcome#UNCHANGED}. With a file-backed {@link ShareStates} the same holds across processes.
 *
 * <p>Thread-safe: pulls are serialised.
 */
public final class TaxiiPuller {
    private static final int MAX_REMEMBERED = 100_000;

    private final TaxiiClient client;
    private final TaxiiCollection collection;
    private final EnvelopeVerifier verifier;
    private final ShareStates states;
    private final Map<String, VerifiedEnvelope> verified = new LinkedHashMap<>();

    private TaxiiPuller(Builder b) {
        this.client = b.client;
        this.collection = b.collection;
        this.verifier = b.verifier;
        this.states = b.states != null ? b.states : ShareStates.inMemory();
    }

    /**
     * Starts a builder.
     *
     * @param client the TAXII client
     * @param collection the collection to read
     * @param verifier the company's envelope verifier (trust in the offices' signers, the company as recipient)
     * @return a builder
     */
    public static Builder builder(TaxiiClient client, TaxiiCollection collection, EnvelopeVerifier verifier) {
        return new Builder(client, collection, verifier);
    }

    /** {@return the share states this puller applies what it pulls to} */
    public ShareStates shareStates() {
        return states;
    }

    /**
     * Pulls every fmi-share share of the collection. Reports of other producers, and reports that claim a share but
     * are not at that share's report id, are skipped and listed.
     *
     * @return what was pulled
     * @throws TaxiiException when the collection cannot be read
     */
    public synchronized TaxiiPull pull() {
        Map<String, Boolean> shares = new LinkedHashMap<>();
        Map<String, TaxiiPull.Skipped> skipped = new LinkedHashMap<>();
        client.forEachObject(collection, ObjectQuery.builder().matchType("report").build(), o -> {
            String id = o.tree().path("extensions").path(FmiStixExtension.ID).path("share_id").asString("");
            if (id.isEmpty()) {
                skipped.putIfAbsent(o.id(), new TaxiiPull.Skipped(o.id(), "not an fmi-share report"));
            } else if (!o.id().equals(StixIds.reportId(id))) {
                // A share is always read from the report id its share id derives; a report claiming the share
                // elsewhere is foreign, and must not stop the others from being checked.
                skipped.putIfAbsent(o.id(), new TaxiiPull.Skipped(o.id(), "claims share " + id + " but is not its "
                        + "report (" + StixIds.reportId(id) + ")"));
            } else {
                shares.put(id, true);
            }
        });
        List<TaxiiPull.Entry> entries = new ArrayList<>();
        for (String id : shares.keySet()) {
            entries.addAll(pullShare(id));
        }
        return new TaxiiPull(entries, List.copyOf(skipped.values()));
    }

    /**
     * Pulls one share: every version of its report.
     *
     * @param shareId the share's id
     * @return what was pulled
     * @throws TaxiiException when the collection cannot be read
     */
    public synchronized TaxiiPull pull(String shareId) {
        Objects.requireNonNull(shareId, "shareId");
        return new TaxiiPull(pullShare(shareId), List.of());
    }

    private List<TaxiiPull.Entry> pullShare(String shareId) {
        String reportId = StixIds.reportId(shareId);
        List<StixObject> stored;
        try {
            stored = TaxiiShares.stored(client, collection, shareId);
        } catch (StixMappingException e) {
            return List.of(rejected(shareId, reportId, "-", TaxiiPull.Step.SHARE, e.getMessage()));
        } catch (TaxiiException.HttpError e) {
            if (e.status() != 404) {
                throw e;
            }
            return List.of(rejected(shareId, reportId, "-", TaxiiPull.Step.SHARE, "the collection holds no "
                    + "report for share " + shareId + ": " + e.getMessage()));
        }
        List<StixObject> versions = new ArrayList<>(stored.stream().filter(o -> o.id().equals(reportId)).toList());
        versions.sort(Comparator.comparing(o -> o.modified().orElse("")));
        List<TaxiiPull.Entry> out = new ArrayList<>();
        for (StixObject version : versions) {
            out.add(pullVersion(shareId, version, stored));
        }
        return out;
    }

    private TaxiiPull.Entry pullVersion(String shareId, StixObject report, List<StixObject> stored) {
        String version = report.modified().orElse("-");
        TaxiiPull.Step step = TaxiiPull.Step.SHARE;
        VerifiedEnvelope v;
        try {
            Optional<StixAmendments.Claim> claim = StixAmendments.claim(report);
            if (claim.isPresent()) {
                step = claim.get().kind() == AmendmentKind.CORRECTION ? TaxiiPull.Step.CORRECTION
                        : TaxiiPull.Step.RETRACTION;
            }
            v = verify(report);
            check(shareId, report, stored, claim, v);
        } catch (EnvelopeException | StixMappingException e) {
            return rejected(shareId, report.id(), version, step, e.getMessage());
        }
        String sender = v.sender().id();
        Optional<ShareStatus> before = states.find(sender, shareId);
        ShareStatus after;
        try {
            after = states.record(v);
        } catch (EnvelopeException.Rejected e) {
            if (e.check() != EnvelopeException.Check.AMENDMENT_REFERENCE) {
                return rejected(shareId, report.id(), version, step, e.getMessage());
            }
            if (before.isPresent() && before.get().state() != ShareState.ACTIVE
                    && !before.get().updatedAt().isBefore(v.issuedAt())) {
                // Overtaken: a later amendment of this share was applied before (a correction, then a retraction).
                return new TaxiiPull.Entry(shareId, report.id(), version, step, TaxiiPull.Outcome.UNCHANGED,
                        Optional.of(v), before, Optional.empty());
            }
            return new TaxiiPull.Entry(shareId, report.id(), version, step, TaxiiPull.Outcome.ORPHANED,
                    Optional.of(v), before, Optional.of(e.getMessage()));
        }
        TaxiiPull.Outcome outcome = before.filter(after::equals).isPresent() ? TaxiiPull.Outcome.UNCHANGED
                : TaxiiPull.Outcome.APPLIED;
        return new TaxiiPull.Entry(shareId, report.id(), version, step, outcome, Optional.of(v), Optional.of(after),
                Optional.empty());
    }

    /** The report version's envelope, verified once per puller (a repeat would verify too, at the full cost). */
    private VerifiedEnvelope verify(StixObject report) {
        String jws = report.tree().path("extensions").path(FmiStixExtension.ID).path("envelope_jws").asString("");
        if (jws.isEmpty()) {
            throw new StixMappingException(report.id(), "extensions." + FmiStixExtension.ID + ".envelope_jws",
                    "must be a non-empty string");
        }
        byte[] bytes = jws.getBytes(StandardCharsets.UTF_8);
        Optional<String> key = signedDigest(bytes);
        if (key.isPresent() && verified.containsKey(key.get())) {
            return verified.get(key.get());
        }
        VerifiedEnvelope v = verifier.verify(bytes);
        if (verified.size() >= MAX_REMEMBERED) {
            verified.remove(verified.keySet().iterator().next());
        }
        verified.put(v.digest(), v);
        return v;
    }

    private static void check(String shareId, StixObject report, List<StixObject> stored,
            Optional<StixAmendments.Claim> claim, VerifiedEnvelope v) {
        String id = report.id();
        EnvelopeBody body = v.body();
        if (claim.isEmpty()) {
            if (!(body instanceof EnvelopeBody.Share s) || !s.share().id().equals(shareId)) {
                throw new StixMappingException(id, "extensions", "the report's envelope carries a " + v.kind()
                        + (body instanceof EnvelopeBody.Share s2 ? " of share " + s2.share().id() : "")
                        + ", not share " + shareId);
            }
            PulledShare pulled = StixShareMapper.standard().fromObjects(StixAmendments.asOf(stored, report), shareId);
            TaxiiShares.requireSame(pulled, v, s.share());
            return;
        }
        StixAmendments.Claim c = claim.get();
        if (!(body instanceof EnvelopeBody.Amendment a) || !a.amendment().shareId().equals(shareId)
                || a.amendment().kind() != c.kind()) {
            throw new StixMappingException(id, "extensions." + FmiStixExtension.ID + ".amendment", "claims a "
                    + c.kind() + " of share " + shareId + ", but the envelope carries a " + v.kind());
        }
        ShareAmendment amendment = a.amendment();
        if (!amendment.id().equals(c.amendmentId()) || !a.original().equals(c.amends())
                || !amendment.reason().equals(c.reason())) {
            throw new StixMappingException(id, "extensions." + FmiStixExtension.ID + ".amendment", "differs from "
                    + "the signed amendment " + amendment.id());
        }
        if (amendment.kind() == AmendmentKind.CORRECTION) {
            PulledShare pulled = StixShareMapper.standard().fromObjects(StixAmendments.asOf(stored, report), shareId);
            TaxiiShares.requireSame(pulled, v, amendment.correctedShare().orElseThrow());
        } else {
            if (!StixAmendments.envelopeOf(report).filter(v.reference()::equals).isPresent()) {
                throw new StixMappingException(id, "extensions." + FmiStixExtension.ID + ".envelope_id", "the "
                        + "envelope id or digest on the report does not match the signed envelope");
            }
            StixAmendments.requireRetracted(stored, report);
        }
    }

    private static TaxiiPull.Entry rejected(String shareId, String reportId, String version, TaxiiPull.Step step,
            String problem) {
        return new TaxiiPull.Entry(shareId, reportId, version, step, TaxiiPull.Outcome.REJECTED, Optional.empty(),
                Optional.empty(), Optional.of(problem));
    }

    /** The digest of a flattened JWS, read without trusting it, to recognise an envelope verified before. */
    private static Optional<String> signedDigest(byte[] serialized) {
        try {
            JsonNode n = StixJson.MAPPER.readTree(serialized);
            if (n == null || !n.path("protected").isString() || !n.path("payload").isString()) {
                return Optional.empty();
            }
            return Optional.of(Digests.sha256((n.get("protected").stringValue() + "."
                    + n.get("payload").stringValue()).getBytes(StandardCharsets.US_ASCII)));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** Configures a {@link TaxiiPuller}. Not thread-safe; the puller it builds is. */
    public static final class Builder {
        private final TaxiiClient client;
        private final TaxiiCollection collection;
        private final EnvelopeVerifier verifier;
        private ShareStates states;

        private Builder(TaxiiClient client, TaxiiCollection collection, EnvelopeVerifier verifier) {
            this.client = Objects.requireNonNull(client, "client");
            this.collection = Objects.requireNonNull(collection, "collection");
            this.verifier = Objects.requireNonNull(verifier, "verifier");
        }

        /**
         * The share states to apply pulled shares and amendments to; default a new in-memory store. A file-backed
         * store ({@link ShareStates#file}) keeps them across pulls in several processes.
         *
         * @param states the store
         * @return this builder
         */
        public Builder shareStates(ShareStates states) {
            this.states = Objects.requireNonNull(states, "states");
            return this;
        }

        /** {@return the puller} */
        public TaxiiPuller build() {
            return new TaxiiPuller(this);
        }
    }
}

package org.fmishare.core.envelope;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.ReviewApproval;
import org.fmishare.core.compliance.ReviewDecision;
import org.fmishare.core.jose.Jcs;
import org.fmishare.core.jose.JwsKeys;
import org.fmishare.core.jose.KeyPurposes;
import org.fmishare.core.jose.internal.KeyTypes;
import org.fmishare.core.jose.internal.StrictBase64;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.json.JsonCodecException;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.KeyMaterialException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which reviewers a signer or verifier trusts, and for which offices: the trust anchors of reviewer certificates
 * (kept apart from the envelope signers' anchors: one purpose, one trust decision), the reviewers by id with the
 * offices each may approve for, and how a reviewer id is bound to a certificate (by default the subjectAltName URI
 * {@code urn:fmishare:sender:<reviewer id>}, or a {@link SenderDirectory}). No reviewer is trusted by default: a
 * signer or verifier without a {@code ReviewerTrust} refuses every NEEDS_REVIEW envelope.
 *
 * <p>{@link #verify} checks one approval completely: the compact JWS under the SDK's JOSE profile (header
 * allow-list, no {@code crit}, {@code typ} {@value ReviewSigner#JOSE_TYPE}, the algorithm bound to the key), the
 * signature, the reviewer certificate's review-approval purpose, binding and chain (at the caller's clock), the
 * reviewer's authority for the sending office, the clear fields against the signed decision, the content and report
 * digests against what is being signed, and that no finding was rejected. Whether the decision covers every REVIEW
 * finding of the report is the SOP validator's check, which holds the report ({@code org.fmishare.sop.Reviews}).
 *
 * <p>The JSON form ({@link #fromJson}, {@link #toJson}) lists the reviewers:
 * {@code {"reviewers": [{"id": "fitf-reviewer", "offices": ["fitf"]}]}}; the anchors are given separately.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReviewerTrust {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Set<String> HEADER = Set.of("alg", "typ", "x5c", "kid");
    private static final int MAX_JSON_BYTES = 1024 * 1024;
    private static final Duration SKEW = EnvelopeVerifier.DEFAULT_CLOCK_SKEW;

    private final List<X509Certificate> anchors;
    private final Map<String, Set<String>> reviewers;
    private final SenderDirectory bindings;
    private final CertificatePathValidator paths;

    private ReviewerTrust(Builder b) {
        this.anchors = List.copyOf(b.anchors);
        Map<String, Set<String>> r = new LinkedHashMap<>();
        b.reviewers.forEach((k, v) -> r.put(k, Set.copyOf(v)));
        this.reviewers = Map.copyOf(r);
        this.bindings = b.bindings;
        this.paths = new CertificatePathValidator(anchors, b.revocation);
    }

    /** {@return a builder; at least one anchor and one reviewer are required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the reviewer list written by {@link #toJson()}.
     *
     * @param json the UTF-8 JSON
     * @param anchors the trust anchors of reviewer certificates
     * @return the trust
     * @throws IllegalArgumentException naming the JSON path and rule that is broken
     */
    public static ReviewerTrust fromJson(byte[] json, Collection<X509Certificate> anchors) {
        return fromJson(json, anchors, List.of());
    }

    /**
     * Reads the reviewer list written by {@link #toJson()}, checking reviewer certificates against revocation lists
     * (see {@link Builder#crls}).
     *
     * @param json the UTF-8 JSON
     * @param anchors the trust anchors of reviewer certificates
     * @param crls the revocation lists of the reviewer CAs; empty to skip revocation checking
     * @return the trust
     * @throws IllegalArgumentException naming the JSON path and rule that is broken
     */
    public static ReviewerTrust fromJson(byte[] json, Collection<X509Certificate> anchors,
            Collection<java.security.cert.X509CRL> crls) {
        Objects.requireNonNull(json, "json");
        if (json.length > MAX_JSON_BYTES) {
            throw new IllegalArgumentException("reviewer list exceeds " + MAX_JSON_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = FmiJson.standard().mapper().readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("reviewer list is not strict JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || root.size() != 1 || !root.has("reviewers")
                || !root.get("reviewers").isArray() || root.get("reviewers").isEmpty()) {
            throw new IllegalArgumentException("reviewer list must be {\"reviewers\": [{\"id\": ..., \"offices\": "
                    + "[...]}, ...]} with at least one reviewer");
        }
        Builder b = builder().trustAnchors(anchors).crls(crls);
        int i = 0;
        for (JsonNode n : root.get("reviewers")) {
            String at = "$.reviewers[" + i++ + "]";
            if (!n.isObject() || n.size() != 2 || !n.has("id") || !n.get("id").isString() || !n.has("offices")
                    || !n.get("offices").isArray() || n.get("offices").isEmpty()) {
                throw new IllegalArgumentException(at + " must have exactly a string 'id' and a non-empty array "
                        + "'offices'");
            }
            List<String> offices = new ArrayList<>();
            int j = 0;
            for (JsonNode o : n.get("offices")) {
                if (!o.isString()) {
                    throw new IllegalArgumentException(at + ".offices[" + j + "] must be a string");
                }
                offices.add(o.stringValue());
                j++;
            }
            try {
                b.reviewer(n.get("id").stringValue(), offices);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /** {@return the JSON form of the reviewer list (not the anchors), as {@link #fromJson} reads it} */
    public byte[] toJson() {
        ObjectNode root = FmiJson.standard().mapper().createObjectNode();
        ArrayNode list = root.putArray("reviewers");
        new TreeSet<>(reviewers.keySet()).forEach(id -> {
            ObjectNode r = list.addObject();
            r.put("id", id);
            ArrayNode offices = r.putArray("offices");
            new TreeSet<>(reviewers.get(id)).forEach(offices::add);
        });
        return (FmiJson.standard().mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@return each trusted reviewer's id with the offices it may approve for} */
    public Map<String, Set<String>> reviewers() {
        return reviewers;
    }

    /**
     * Verifies a reviewer's approval of a NEEDS_REVIEW subject before it is signed or after it was received.
     *
     * @param approval the approval the compliance summary carries
     * @param officeId the sending office, for which the reviewer must be trusted
     * @param subject the share, meeting notice or briefing summary to be signed or received
     * @param compliance the compliance summary (its report digest must be the one reviewed)
     * @param now the caller's clock, at which the reviewer's chain is validated
     * @return the verified decision
     * @throws EnvelopeException.Rejected with check {@code REVIEW} naming what is wrong
     */
    public ReviewDecision verify(ReviewApproval approval, String officeId, EnvelopeBody.Subject subject,
            ComplianceSummary compliance, Instant now) {
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(officeId, "officeId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(compliance, "compliance");
        Objects.requireNonNull(now, "now");
        String[] parts = approval.decision().split("\\.", -1);
        ObjectNode header = object(bytes(parts[0], "protected header"), "protected header");
        if (header.has("crit")) {
            throw reject("the signed decision's header lists critical parameters; none are defined");
        }
        for (String name : header.propertyNames()) {
            if (!HEADER.contains(name)) {
                throw reject("the signed decision's header parameter '" + name + "' is not allowed (allowed: "
                        + new TreeSet<>(HEADER) + ")");
            }
        }
        JsonNode typ = header.get("typ");
        if (typ == null || !typ.isString() || !ReviewSigner.JOSE_TYPE.equals(typ.stringValue())) {
            throw reject("the signed decision's typ must be '" + ReviewSigner.JOSE_TYPE + "'");
        }
        JsonNode algNode = header.get("alg");
        EnvelopeAlgorithm alg = algNode == null || !algNode.isString() ? null
                : EnvelopeAlgorithm.fromJwsName(algNode.stringValue()).orElse(null);
        if (alg == null) {
            throw reject("the signed decision's alg must be ES256, ES384, EdDSA or PS256");
        }
        List<X509Certificate> chain = chain(header.get("x5c"));
        X509Certificate leaf = chain.get(0);
        PublicKey key = leaf.getPublicKey();
        Optional<KeyAlgorithm> keyType = KeyTypes.of(key);
        if (keyType.isEmpty() || !alg.accepts(keyType.get())) {
            throw reject("the signed decision's alg " + alg.jwsName() + " does not fit the reviewer's key");
        }
        byte[] signature = bytes(parts[2], "signature");
        try {
            if (!JwsKeys.verifier(key, keyType.get()).verify(new JWSHeader(alg.nimbus()),
                    Wire.signingInput(parts[0], parts[1]), Base64URL.encode(signature))) {
                throw reject("the signed decision does not verify with the key of "
                        + leaf.getSubjectX500Principal().getName());
            }
        } catch (JOSEException e) {
            throw reject("the signed decision's signature cannot be verified: " + e.getMessage());
        }
        ReviewDecision decision = decisionOf(approval);
        if (!decision.reviewerId().equals(approval.reviewerId()) || !decision.decidedAt().equals(
                approval.decidedAt()) || !decision.reasonsDigest().equals(approval.reasonsDigest())) {
            throw reject("$.compliance.review names reviewer '" + approval.reviewerId() + "' at "
                    + approval.decidedAt() + " with reasons " + approval.reasonsDigest() + ", but the signed "
                    + "decision says '" + decision.reviewerId() + "' at " + decision.decidedAt() + " with reasons "
                    + decision.reasonsDigest());
        }
        if (!KeyPurposes.hasPurpose(leaf, KeyPurposes.REVIEW_APPROVAL)) {
            throw reject("the certificate " + leaf.getSubjectX500Principal().getName() + " may not approve "
                    + "reviews: its extended key usage lacks review approval (" + KeyPurposes.REVIEW_APPROVAL + ")");
        }
        Set<String> offices = reviewers.get(decision.reviewerId());
        if (offices == null) {
            throw reject("reviewer '" + decision.reviewerId() + "' is not a trusted reviewer (trusted: "
                    + new TreeSet<>(reviewers.keySet()) + ")");
        }
        if (!offices.contains(officeId)) {
            throw reject("reviewer '" + decision.reviewerId() + "' is not trusted to approve for office '"
                    + officeId + "' (only for " + new TreeSet<>(offices) + ")");
        }
        if (!bindings.isBound(decision.reviewerId(), leaf)) {
            throw reject("the certificate " + leaf.getSubjectX500Principal().getName() + " is not bound to "
                    + "reviewer '" + decision.reviewerId() + "'");
        }
        try {
            paths.validateChain(chain, now);
        } catch (EnvelopeException.Rejected e) {
            throw reject("the reviewer's certificate is not trusted: " + e.getMessage());
        }
        if (decision.decidedAt().isAfter(now.plus(SKEW))) {
            throw reject("the decision is dated " + decision.decidedAt() + ", after now " + now);
        }
        String content = ReviewSigner.contentDigest(subject);
        if (!decision.contentDigest().equals(content)) {
            throw reject("content digest: the reviewer approved content " + decision.contentDigest() + ", but the "
                    + "content signed is " + content + " (edited after the review, or another subject)");
        }
        if (!decision.reportDigest().equals(compliance.reportDigest())) {
            throw reject("report digest: the reviewer approved report " + decision.reportDigest() + ", but the "
                    + "compliance summary names report " + compliance.reportDigest() + " (the content, rules or "
                    + "report changed after the review)");
        }
        if (!decision.approvesAll()) {
            throw reject("the reviewer rejected " + decision.rejected().stream()
                    .map(ReviewDecision.FindingDecision::findingId).toList() + ": a rejected finding cannot be "
                    + "signed");
        }
        return decision;
    }

    /**
     * The approval for a signed decision (as {@link ReviewSigner#sign} returns it, and as a decision file holds it):
     * its clear fields are read from the decision, <em>without verifying</em> the signature, which {@link #verify}
     * does.
     *
     * @param signedDecision the compact JWS
     * @return the approval to attach to the compliance summary
     * @throws EnvelopeException.Rejected with check {@code REVIEW} when it is not a compact JWS over a canonical,
     *     valid decision
     */
    public static ReviewApproval approvalOf(String signedDecision) {
        Objects.requireNonNull(signedDecision, "signedDecision");
        // A placeholder approval carries the JWS to decisionOf; its clear fields are replaced by the decision's.
        ReviewApproval carrier;
        try {
            carrier = new ReviewApproval("unread", Instant.EPOCH, "sha-256:" + "0".repeat(64), signedDecision);
        } catch (IllegalArgumentException e) {
            throw reject("not a signed review decision: " + e.getMessage());
        }
        ReviewDecision d = decisionOf(carrier);
        return new ReviewApproval(d.reviewerId(), d.decidedAt(), d.reasonsDigest(), signedDecision);
    }

    /**
     * Reads the decision out of an approval <em>without verifying</em> its signature: for displaying an approval,
     * and for the SOP re-check of a decision the envelope verifier has already verified.
     *
     * @param approval the approval
     * @return the decision it carries
     * @throws EnvelopeException.Rejected with check {@code REVIEW} when the payload is not a canonical, valid
     *     decision
     */
    public static ReviewDecision decisionOf(ReviewApproval approval) {
        Objects.requireNonNull(approval, "approval");
        String[] parts = approval.decision().split("\\.", -1);
        byte[] payload = bytes(parts[1], "payload");
        JsonNode tree;
        try {
            tree = FmiJson.standard().mapper().readTree(payload);
            if (tree == null || !tree.isObject()) {
                throw reject("the signed decision's payload must be a JSON object");
            }
            if (!java.util.Arrays.equals(Jcs.canonicalize(tree), payload)) {
                throw reject("the signed decision's payload is not in RFC 8785 canonical form");
            }
            return FmiJson.standard().read(tree, ReviewDecision.class);
        } catch (JacksonException | Jcs.NotIJsonException e) {
            throw reject("the signed decision's payload is not strict I-JSON: " + e.getMessage());
        } catch (JsonCodecException e) {
            throw reject("the signed decision's payload: " + e.getMessage());
        }
    }

    private static List<X509Certificate> chain(JsonNode x5c) {
        if (x5c == null || !x5c.isArray() || x5c.isEmpty() || x5c.size() > EnvelopeVerifier.MAX_CHAIN) {
            throw reject("the signed decision's x5c must be an array of 1 to " + EnvelopeVerifier.MAX_CHAIN
                    + " certificates");
        }
        List<X509Certificate> out = new ArrayList<>();
        for (int i = 0; i < x5c.size(); i++) {
            JsonNode n = x5c.get(i);
            byte[] der = n.isString() ? StrictBase64.standard(n.stringValue()).orElse(null) : null;
            if (der == null) {
                throw reject("the signed decision's x5c[" + i + "] is not canonical base64");
            }
            try {
                X509Certificate c = Credentials.certificateFromDer(der);
                if (c.getPublicKey() == null) {
                    throw reject("the signed decision's x5c[" + i + "] has no usable public key");
                }
                out.add(c);
            } catch (KeyMaterialException | IllegalArgumentException | IllegalStateException e) {
                throw reject("the signed decision's x5c[" + i + "] is not an X.509 certificate");
            }
        }
        return out;
    }

    private static byte[] bytes(String b64, String what) {
        return StrictBase64.url(b64).orElseThrow(() -> reject("the signed decision's " + what
                + " is not canonical unpadded base64url"));
    }

    private static ObjectNode object(byte[] json, String what) {
        try {
            JsonNode n = FmiJson.standard().mapper().readTree(json);
            if (n == null || !n.isObject()) {
                throw reject("the signed decision's " + what + " must be a JSON object");
            }
            return (ObjectNode) n;
        } catch (JacksonException e) {
            throw reject("the signed decision's " + what + " is not strict JSON: " + e.getOriginalMessage());
        }
    }

    private static EnvelopeException.Rejected reject(String message) {
        return new EnvelopeException.Rejected(EnvelopeException.Check.REVIEW, message);
    }

    /** Configures a {@link ReviewerTrust}. Not thread-safe; the trust it builds is. */
    public static final class Builder {
        private final Set<X509Certificate> anchors = new HashSet<>();
        private final Map<String, Set<String>> reviewers = new LinkedHashMap<>();
        private SenderDirectory bindings = SenderDirectory.sanUriDefault();
        private RevocationSettings revocation = RevocationSettings.none();

        private Builder() {}

        /**
         * Checks every certificate of a reviewer's path against revocation lists, as
         * {@link EnvelopeVerifier.Builder#crls} does for signers: a revoked reviewer's approval is refused, and so is
         * one whose status is unknown (no current list from its issuer among these). A reviewer is a person whose
         * role can end; an approval signed after the certificate was revoked must not open the way to the company.
         *
         * @param lists the revocation lists of the reviewer CAs
         * @return this builder
         */
        public Builder crls(Collection<java.security.cert.X509CRL> lists) {
            revocation = revocation.withCrls(lists);
            return this;
        }

        /**
         * Also asks an OCSP responder for the status of each reviewer certificate, as
         * {@link EnvelopeVerifier.Builder#ocsp} does for signers.
         *
         * @param settings where and how to ask
         * @return this builder
         */
        public Builder ocsp(org.fmishare.core.jose.OcspSettings settings) {
            revocation = revocation.withOcsp(settings);
            return this;
        }

        /**
         * Adds revocation settings for reviewer certificates: their CRLs to those configured, and their OCSP
         * settings, if any, in place of earlier ones; the same as {@link #crls} and {@link #ocsp}, and the value
         * {@link EnvelopeVerifier.Builder#revocation} takes for signers.
         *
         * @param settings the CRLs and OCSP settings
         * @return this builder
         */
        public Builder revocation(RevocationSettings settings) {
            revocation = revocation.and(settings);
            return this;
        }

        /**
         * Adds trust anchors for reviewer certificates.
         *
         * @param roots the roots
         * @return this builder
         */
        public Builder trustAnchors(Collection<X509Certificate> roots) {
            for (X509Certificate r : Objects.requireNonNull(roots, "roots")) {
                anchors.add(Objects.requireNonNull(r, "root"));
            }
            return this;
        }

        /**
         * Adds one trust anchor for reviewer certificates.
         *
         * @param root the root
         * @return this builder
         */
        public Builder trustAnchor(X509Certificate root) {
            anchors.add(Objects.requireNonNull(root, "root"));
            return this;
        }

        /**
         * Trusts a reviewer to approve for some offices.
         *
         * @param reviewerId the reviewer's id, bound to its certificate
         * @param officeIds the offices whose shares it may approve; at least one
         * @return this builder
         */
        public Builder reviewer(String reviewerId, Collection<String> officeIds) {
            Objects.requireNonNull(reviewerId, "reviewerId");
            if (!ID.matcher(reviewerId).matches()) {
                throw new IllegalArgumentException("reviewer id must match " + ID + ", was '" + reviewerId + "'");
            }
            Set<String> offices = new TreeSet<>();
            for (String o : Objects.requireNonNull(officeIds, "officeIds")) {
                if (o == null || !ID.matcher(o).matches()) {
                    throw new IllegalArgumentException("office id of reviewer '" + reviewerId + "' must match " + ID
                            + ", was '" + o + "'");
                }
                offices.add(o);
            }
            if (offices.isEmpty()) {
                throw new IllegalArgumentException("reviewer '" + reviewerId + "' must be trusted for at least one "
                        + "office");
            }
            reviewers.computeIfAbsent(reviewerId, k -> new TreeSet<>()).addAll(offices);
            return this;
        }

        /**
         * Sets how reviewer ids are bound to certificates; default {@link SenderDirectory#sanUriDefault()} (the
         * reviewer's certificate carries {@code urn:fmishare:sender:<reviewer id>}).
         *
         * @param directory the bindings
         * @return this builder
         */
        public Builder bindings(SenderDirectory directory) {
            this.bindings = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Builds the trust.
         *
         * @return the immutable trust
         * @throws IllegalStateException without an anchor or a reviewer
         */
        public ReviewerTrust build() {
            if (anchors.isEmpty()) {
                throw new IllegalStateException("reviewer trust needs at least one trust anchor");
            }
            if (reviewers.isEmpty()) {
                throw new IllegalStateException("reviewer trust needs at least one reviewer");
            }
            return new ReviewerTrust(this);
        }
    }
}

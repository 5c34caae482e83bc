package org.fmishare.core.envelope;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.keys.CryptoProviders;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.jose.internal.Ed25519Jws;
import org.fmishare.core.jose.Jcs;
import org.fmishare.core.envelope.internal.PayloadDocument;
import org.fmishare.core.jose.internal.StrictBase64;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.json.JsonCodecException;
import org.fmishare.core.keys.KeyAlgorithm;
import org.fmishare.core.keys.KeyMaterialException;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.jose.internal.KeyTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verifies envelopes and hands out their payload as a {@link VerifiedEnvelope}, or throws an {@link
 * EnvelopeException} whose {@link EnvelopeException#check() check} names the first check that failed. Nothing is
 * returned on failure.
 *
 * <p>Checks, in order (the {@link EnvelopeException.Check} each failure carries in brackets):
 * <ol>
 * <li>size, before any parsing ({@code SIZE});</li>
 * <li>strict JSON with exactly {@code payload}, {@code protected}, {@code signature} (or, when a decryption key is
 *     configured, the five JWE members), canonical base64url, no duplicate keys anywhere ({@code SYNTAX});</li>
 * <li>protected header: only {@code alg}, {@code typ}, {@code x5c} and an ignored string {@code kid}; {@code typ}
 *     is {@value EnvelopeSigner#JOSE_TYPE} or the same with {@code application/} ({@code HEADER}); no {@code crit}
 *     ({@code CRITICAL_HEADER}); {@code alg} on this verifier's allow-list ({@code ALGORITHM}); the reasons for
 *     each rule are in {@link JoseProfile};</li>
 * <li>{@code x5c} present (1 to {@value #MAX_CHAIN} certificates) and the leaf key of the type bound to {@code alg}
 *     ({@code CERTIFICATE_CHAIN}, {@code ALGORITHM});</li>
 * <li>the signature, with the leaf certificate's key, by Nimbus over the Bouncy Castle provider
 *     ({@code SIGNATURE});</li>
 * <li>the payload: RFC 8785 canonical, strict, a valid model ({@code SYNTAX}); its sender record names the leaf
 *     certificate; the leaf's extended key usage names envelope signing (receipt signing for receipts) and the
 *     leaf is bound to {@code sender.id} by the {@link SenderDirectory} ({@code SIGNER_BINDING});</li>
 * <li>PKIX path validation to a configured trust anchor at the verifier's clock (never the signer's claimed time);
 *     the leaf is not a CA and its key usage allows digitalSignature or nonRepudiation ({@code CERTIFICATE_CHAIN});
 *     issued-at no older than the configured bound ({@code EXPIRED});</li>
 * <li>issued-at not in the future and expires-at not past, each within the clock skew; lifetime at most the
 *     configured maximum ({@code NOT_YET_VALID}, {@code EXPIRED}, {@code SYNTAX});</li>
 * <li>addressed to this verifier's recipient ({@code RECIPIENT});</li>
 * <li>body, disclosures and compliance consistent, as the signer requires them ({@code CONTENT},
 *     {@code DISCLOSURES}, {@code COMPLIANCE}): a PASS summary, or a NEEDS_REVIEW one with a reviewer's approval;</li>
 * <li>for a NEEDS_REVIEW summary, the reviewer's approval verified by the configured {@link ReviewerTrust} (none by
 *     default, so every such envelope is refused): signature, reviewer purpose, binding and chain, authority for the
 *     sending office, content and report digests, no rejected finding ({@code REVIEW});</li>
 * <li>when a {@link ComplianceRechecker} is configured, this party's own SOP check of the subject under the rule
 *     set the envelope names gives the claimed verdict and report digest ({@code COMPLIANCE_RECHECK});</li>
 * <li>first use of the nonce ({@code REPLAY}), recorded last so unauthenticated input never enters the replay
 *     cache.</li>
 * </ol>
 * An encrypted envelope that cannot be opened fails {@code DECRYPTION}; a fault of the SDK or its environment (a
 * provider error, an unavailable replay cache) is {@link EnvelopeException.ProcessingFailed}.
 *
 * <p>Revocation: with {@link Builder#crls CRLs} configured, every certificate of the signer's path must be covered
 * by a current CRL from its issuer and not be listed ({@code REVOKED}); the check runs at the verifier's clock, so an
 * envelope signed before the revocation is refused too. Without CRLs revocation is not checked (keep lifetimes
 * short). With {@link Builder#ocsp OCSP} configured, each certificate's status is also asked of a responder.
 *
 * <p>Immutable and thread-safe (as thread-safe as its replay cache); build one and reuse it.
 */
public final class EnvelopeVerifier {
    /** Default largest accepted envelope: 24 MiB (a 16 MiB payload after base64url, plus headers). */
    public static final int DEFAULT_MAX_ENVELOPE_BYTES = 24 * 1024 * 1024;
    /** Default clock skew tolerated on issued-at and expires-at. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(2);
    /** Default longest accepted lifetime (expires-at minus issued-at). */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofDays(30);
    /** Longest accepted certificate chain in {@code x5c}. */
    public static final int MAX_CHAIN = 5;

    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeVerifier.class);
    private static final Set<String> JWS_MEMBERS = Set.of("payload", "protected", "signature");
    /** {@code kid} is accepted and ignored: the key is always the x5c leaf's (see {@link JoseProfile}). */
    private static final Set<String> JWS_HEADER = Set.of("alg", "typ", "x5c", "kid");

    private final Set<EnvelopeAlgorithm> allowed;
    private final Optional<String> expectedRecipient;
    private final Clock clock;
    private final Duration skew;
    private final Duration maxLifetime;
    private final int maxBytes;
    private final ReplayCache replayCache;
    private final Map<EnvelopeKind, Set<String>> required;
    private final CertificatePathValidator paths;
    private final ParsedCertificates parsedCertificates = new ParsedCertificates();
    private final JweDecryptor decryptor;
    private final SignerTrust signerTrust;
    private final Duration maxIssuedAtAge;
    private final Optional<ComplianceRechecker> rechecker;
    private final Optional<ReviewerTrust> reviewerTrust;

    private EnvelopeVerifier(Builder b) {
        this.paths = new CertificatePathValidator(b.anchors, b.revocation);
        this.allowed = Set.copyOf(b.allowed);
        this.expectedRecipient = b.expectedRecipient;
        this.clock = b.clock;
        this.skew = b.skew;
        this.maxLifetime = b.maxLifetime;
        this.maxBytes = b.maxBytes;
        this.replayCache = b.replayCache != null ? b.replayCache : InMemoryReplayCache.create();
        this.required = Map.copyOf(b.required);
        this.decryptor = new JweDecryptor(b.decryptionKey, this::checkSize);
        this.signerTrust = new SignerTrust(b.senderDirectory);
        this.maxIssuedAtAge = b.maxIssuedAtAge != null ? b.maxIssuedAtAge : b.maxLifetime;
        this.rechecker = b.rechecker;
        this.reviewerTrust = b.reviewerTrust;
    }

    /** {@return a builder; trust anchors and a recipient policy are required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a serialized envelope: a JWS in flattened JSON serialization, or, when this verifier has a
     * decryption key, also a JWE wrapping one.
     *
     * @param serialized the received bytes
     * @return the verified envelope
     * @throws EnvelopeException the subtype naming the first failed check
     */
    public VerifiedEnvelope verify(byte[] serialized) {
        return verify(serialized, true);
    }

    /**
     * Verifies an envelope this receiver has already accepted once, to answer a repeated delivery of it: every check
     * of {@link #verify(byte[])} except the replay check, whose nonce the first acceptance recorded. A receiver calls
     * it only for bytes its own durable record of accepted envelopes holds (matched by envelope digest), so that a
     * repeat after a restart is recognised as a duplicate instead of refused as a replay; anything else goes through
     * {@link #verify(byte[])}. It neither reads nor records the replay cache.
     *
     * @param serialized the received bytes
     * @return the verified envelope
     * @throws EnvelopeException the subtype naming the first failed check (an expired envelope is refused)
     */
    public VerifiedEnvelope verifyRepeat(byte[] serialized) {
        return verify(serialized, false);
    }

    private VerifiedEnvelope verify(byte[] serialized, boolean recordNonce) {
        Objects.requireNonNull(serialized, "serialized");
        checkSize(serialized);
        try {
            ObjectNode outer = Wire.object(serialized, "envelope");
            if (outer.has("ciphertext")) {
                return verifySigned(Wire.object(decryptor.decrypt(outer), "decrypted envelope"), recordNonce);
            }
            return verifySigned(outer, recordNonce);
        } catch (EnvelopeException e) {
            throw e;
        } catch (RuntimeException e) {
            // A library failing on crafted input must not escape untyped; fail closed and say so.
            LOG.warn("envelope verification failed unexpectedly", e);
            throw new EnvelopeException.ProcessingFailed("unexpected " + e.getClass().getName() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Verifies a receipt and that it answers a given envelope (same id and digest).
     *
     * @param serializedReceipt the received receipt
     * @param original the envelope this party sent (its signed, encrypted or stored form)
     * @return the verified receipt
     * @throws EnvelopeException.Rejected with check {@code RECEIPT_REFERENCE} when it answers another envelope or
     *     is signed by a company other than the envelope's recipient, {@code CONTENT} when it is not a receipt; any other failure as for {@link #verify(byte[])}
     */
    public VerifiedEnvelope verifyReceipt(byte[] serializedReceipt, OutboundEnvelope original) {
        Objects.requireNonNull(original, "original");
        return answering(verify(serializedReceipt, true), original);
    }

    /**
     * Verifies a receipt this party has already accepted once, as {@link #verifyReceipt} does but without the replay
     * check: the receipt counterpart of {@link #verifyRepeat(byte[])}, under the same condition (the caller's durable
     * record holds these exact bytes as accepted).
     *
     * @param serializedReceipt the received receipt
     * @param original the envelope the receipt should answer
     * @return the verified receipt
     * @throws EnvelopeException as for {@link #verifyReceipt}
     */
    public VerifiedEnvelope verifyRepeatedReceipt(byte[] serializedReceipt, OutboundEnvelope original) {
        Objects.requireNonNull(original, "original");
        return answering(verify(serializedReceipt, false), original);
    }

    private static VerifiedEnvelope answering(VerifiedEnvelope v, OutboundEnvelope original) {
        if (v.kind() != EnvelopeKind.RECEIPT) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.CONTENT,
                    "expected a RECEIPT, got " + v.kind());
        }
        EnvelopeReference ref = v.inReplyTo().orElseThrow();
        if (!ref.envelopeId().equals(original.envelopeId()) || !ref.digest().equals(original.digest())) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.RECEIPT_REFERENCE,
                    "receipt answers " + ref.envelopeId() + " " + ref.digest()
                    + ", not " + original.envelopeId() + " " + original.digest());
        }
        // Only the company the envelope was addressed to can acknowledge it: its receipt certificate is bound to
        // the receipt's sender id (checked above), and that id must be the original's recipient.
        if (!v.sender().id().equals(original.recipientId())) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.RECEIPT_REFERENCE,
                    "receipt is signed by '" + v.sender().id() + "', but the envelope was addressed to '"
                    + original.recipientId() + "'");
        }
        return v;
    }

    private void checkSize(byte[] bytes) {
        if (bytes.length > maxBytes) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SIZE,
                    bytes.length + " bytes exceed the limit of " + maxBytes);
        }
    }

    private VerifiedEnvelope verifySigned(ObjectNode outer, boolean recordNonce) {
        Map<String, String> m = Wire.exactStringMembers(outer, JWS_MEMBERS, "JWS JSON serialization");
        String protectedB64 = m.get("protected");
        String payloadB64 = m.get("payload");
        byte[] headerBytes = Wire.base64url(protectedB64, "protected header");
        byte[] payload = Wire.base64url(payloadB64, "payload");
        byte[] signature = Wire.base64url(m.get("signature"), "signature");
        ObjectNode header = Wire.object(headerBytes, "protected header");

        // Header checks come before any cryptography: what the header may say is fixed by this verifier.
        if (header.has("crit")) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.CRITICAL_HEADER,
                    "the header lists critical parameters "
                    + header.get("crit") + "; this format defines none");
        }
        for (String name : header.propertyNames()) {
            if (!JWS_HEADER.contains(name)) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.HEADER,
                        "header parameter '" + name + "' is not allowed (allowed: "
                        + JWS_HEADER + ")");
            }
        }
        JsonNode algNode = header.get("alg");
        if (algNode == null || !algNode.isString()) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.ALGORITHM, "header has no string 'alg'");
        }
        EnvelopeAlgorithm alg = EnvelopeAlgorithm.fromJwsName(algNode.stringValue())
                .filter(allowed::contains)
                .orElseThrow(() -> new EnvelopeException.Rejected(EnvelopeException.Check.ALGORITHM,
                        "alg '" + algNode.stringValue()
                        + "' is not on this verifier's allow-list " + allowedNames()));
        JsonNode typ = header.get("typ");
        if (typ == null || !typ.isString() || !JoseProfile.isEnvelopeType(typ.stringValue())) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.HEADER,
                    "typ must be '" + EnvelopeSigner.JOSE_TYPE + "' or 'application/" + EnvelopeSigner.JOSE_TYPE
                    + "'");
        }
        JoseProfile.checkKid(header.get("kid"));
        List<X509Certificate> chain = chain(header.get("x5c"));
        X509Certificate leaf = chain.get(0);
        PublicKey key = leaf.getPublicKey();
        Optional<KeyAlgorithm> keyType = KeyTypes.of(key);
        if (keyType.isEmpty() || !alg.accepts(keyType.get())) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.ALGORITHM,
                    "alg " + alg.jwsName() + " does not fit the leaf "
                    + "certificate's key (" + keyType.map(Enum::name).orElse(key.getAlgorithm()) + ")");
        }

        // The signing input is built once, from the received base64url text, for the signature and the digest.
        byte[] signingInput = Wire.signingInput(protectedB64, payloadB64);
        try {
            // The header was parsed and checked above (members, no crit, alg on the allow-list), so Nimbus's
            // verifier gets just the algorithm rather than re-decoding and re-parsing the header through JWSObject.
            if (!nimbusVerifier(alg, key).verify(new JWSHeader(alg.nimbus()), signingInput,
                    Base64URL.encode(signature))) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.SIGNATURE,
                        "does not verify with the key of "
                        + leaf.getSubjectX500Principal().getName());
            }
        } catch (JOSEException e) {
            // Nimbus reports malformed signatures (wrong length, bad encoding) this way too: still a bad signature.
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SIGNATURE,
                    "cannot be verified: " + e.getMessage(), e);
        }

        PayloadDocument doc = readPayload(payload);
        String digest = Digests.sha256(signingInput);
        return accept(doc, alg, chain, digest, payload, recordNonce);
    }

    private VerifiedEnvelope accept(PayloadDocument doc, EnvelopeAlgorithm alg, List<X509Certificate> chain,
            String digest, byte[] payload, boolean recordNonce) {
        X509Certificate leaf = chain.get(0);
        checkSignerBinding(doc, leaf);
        signerTrust.check(doc.kind(), doc.sender().id(), leaf);
        Instant now = clock.instant();
        // At the verifier's clock, never the signer's claimed time: a backdated issuedAt must not revive an
        // expired certificate.
        paths.validateChain(chain, now);
        if (doc.issuedAt().isBefore(now.minus(maxIssuedAtAge).minus(skew))) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.EXPIRED,
                    "issued at " + doc.issuedAt() + ", more than " + maxIssuedAtAge + " (plus skew " + skew
                    + ") before now " + now);
        }
        if (doc.issuedAt().isAfter(now.plus(skew))) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.NOT_YET_VALID,
                    "issued at " + doc.issuedAt() + ", after now " + now
                    + " plus skew " + skew);
        }
        if (!doc.expiresAt().plus(skew).isAfter(now)) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.EXPIRED,
                    "expired at " + doc.expiresAt() + " (now " + now + ", skew " + skew
                    + ")");
        }
        if (Duration.between(doc.issuedAt(), doc.expiresAt()).compareTo(maxLifetime) > 0) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX,
                    "lifetime from $.issuedAt to $.expiresAt exceeds the maximum "
                    + maxLifetime);
        }
        if (expectedRecipient.isPresent() && !expectedRecipient.get().equals(doc.recipient())) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.RECIPIENT,
                    "addressed to '" + doc.recipient() + "', this verifier "
                    + "accepts '" + expectedRecipient.get() + "'");
        }
        ContentRules.check(doc, required);
        Optional<org.fmishare.core.compliance.ReviewDecision> review = review(doc, now);
        boolean rechecked = recheck(doc);
        ReplayCache.Use use = ReplayCache.Use.SAME_ENVELOPE;
        try {
            if (recordNonce) {
                use = Objects.requireNonNull(replayCache.recordUse(doc.nonce(), digest, now,
                        doc.expiresAt().plus(skew)), "the replay cache's answer");
            }
        } catch (RuntimeException e) {
            throw new EnvelopeException.ProcessingFailed("replay cache could not record the nonce: "
                    + e.getMessage(), e);
        }
        if (use == ReplayCache.Use.REUSED) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.REPLAY,
                    "nonce of envelope " + doc.envelopeId() + " was seen before in another envelope");
        }
        boolean repeated = use == ReplayCache.Use.SAME_ENVELOPE;
        LOG.debug("verified envelope {} ({}) from {}{}", doc.envelopeId(), doc.kind(), doc.sender().id(),
                repeated ? " (seen before)" : "");
        return new VerifiedEnvelope(doc, alg, chain, digest, payload, rechecked, review, repeated);
    }

    /**
     * Verifies the reviewer's approval a NEEDS_REVIEW summary carries (ContentRules has required one); before the
     * re-check, so the SOP re-check reads only a decision whose signature and trust were verified.
     */
    private Optional<org.fmishare.core.compliance.ReviewDecision> review(PayloadDocument doc, Instant now) {
        Optional<ComplianceSummary> c = doc.compliance();
        if (c.isEmpty() || c.get().review().isEmpty()
                || !(EnvelopeContent.bodyOf(doc) instanceof EnvelopeBody.Subject subject)) {
            return Optional.empty();
        }
        ReviewerTrust trust = reviewerTrust.orElseThrow(() -> new EnvelopeException.Rejected(
                EnvelopeException.Check.REVIEW, "the envelope carries a reviewer's approval of a NEEDS_REVIEW "
                + "report, but this verifier trusts no reviewer (EnvelopeVerifier.Builder.reviewerTrust)"));
        return Optional.of(trust.verify(c.get().review().get(), doc.sender().id(), subject, c.get(), now));
    }

    /**
     * Re-runs the SOP check of a subject with the configured rechecker; before the replay check, so an envelope
     * refused here can be corrected and sent again under a new nonce without being taken for a replay.
     *
     * @return whether a re-check was made (false for receipts, and without a rechecker)
     */
    private boolean recheck(PayloadDocument doc) {
        if (rechecker.isEmpty() || !(EnvelopeContent.bodyOf(doc) instanceof EnvelopeBody.Subject subject)) {
            return false;
        }
        ComplianceSummary claimed = doc.compliance().orElseThrow();
        ComplianceRechecker.Result result;
        try {
            result = rechecker.get().recheck(subject, claimed);
        } catch (RuntimeException e) {
            throw new EnvelopeException.ProcessingFailed("compliance re-check failed: " + e.getMessage(), e);
        }
        if (result == null) {
            throw new EnvelopeException.ProcessingFailed("compliance re-check returned no result");
        }
        if (result instanceof ComplianceRechecker.Refused refused) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.COMPLIANCE_RECHECK,
                    "cannot re-check under the envelope's rule set: " + refused.reason());
        }
        ComplianceRechecker.Recomputed recomputed = (ComplianceRechecker.Recomputed) result;
        ComplianceSummary mine = recomputed.summary();
        if (mine.verdict() != claimed.verdict() || !mine.ruleSetId().equals(claimed.ruleSetId())
                || !mine.ruleSetVersion().equals(claimed.ruleSetVersion())) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.COMPLIANCE_RECHECK,
                    "$.compliance claims " + claimed.verdict() + " under " + claimed.ruleSetId() + " "
                    + claimed.ruleSetVersion() + ", but this receiver's SOP check gives " + mine.verdict()
                    + " under " + mine.ruleSetId() + " " + mine.ruleSetVersion() + " (report " + mine.reportDigest()
                    + (recomputed.objections().isEmpty() ? "" : "; " + String.join(", ", recomputed.objections()))
                    + ")");
        }
        if (!mine.reportDigest().equals(claimed.reportDigest())) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.COMPLIANCE_RECHECK,
                    "$.compliance.reportDigest " + claimed.reportDigest() + " differs from this receiver's report "
                    + mine.reportDigest() + " (same verdict " + mine.verdict() + "; the sender's findings, rule-set "
                    + "copy or added rules differ)");
        }
        return true;
    }

    /**
     * One strict parse into a tree; the tree's RFC 8785 serialisation must equal the received bytes (so the payload
     * was canonical, and I-JSON), and the same tree is then bound to the model.
     */
    private PayloadDocument readPayload(byte[] payload) {
        JsonNode tree;
        byte[] canonical;
        try {
            tree = FmiJson.standard().mapper().readTree(payload);
            if (tree == null || tree.isMissingNode()) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX,
                        "payload is not I-JSON: empty document");
            }
            canonical = Jcs.canonicalize(tree);
        } catch (JacksonException e) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX,
                    "payload is not I-JSON: not strict JSON: " + e.getOriginalMessage(), e);
        } catch (Jcs.NotIJsonException e) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX,
                    "payload is not I-JSON: " + e.getMessage(), e);
        }
        if (!java.util.Arrays.equals(canonical, payload)) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX,
                    "payload is not in RFC 8785 canonical form");
        }
        try {
            return FmiJson.standard().read(tree, PayloadDocument.class);
        } catch (JsonCodecException e) {
            if (e.path().startsWith("$.disclosures")) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.DISCLOSURES, e.getMessage(), e);
            }
            if (e.path().startsWith("$.compliance")) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.COMPLIANCE, e.getMessage(), e);
            }
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX, "payload " + e.getMessage(), e);
        }
    }

    private static void checkSignerBinding(PayloadDocument doc, X509Certificate leaf) {
        try {
            String certDigest = Digests.sha256(leaf.getEncoded());
            if (!certDigest.equals(doc.sender().certificateDigest())
                    || !leaf.getSubjectX500Principal().getName().equals(doc.sender().subject())) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.SIGNER_BINDING,
                        "$.sender names " + doc.sender().subject() + " "
                        + doc.sender().certificateDigest() + ", but the envelope is signed by "
                        + leaf.getSubjectX500Principal().getName() + " " + certDigest);
            }
        } catch (CertificateEncodingException e) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.CERTIFICATE_CHAIN,
                    "leaf certificate cannot be encoded", e);
        }
    }

    private List<X509Certificate> chain(JsonNode x5c) {
        if (x5c == null) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.CERTIFICATE_CHAIN,
                    "header has no x5c certificate chain");
        }
        if (!x5c.isArray() || x5c.size() < 1 || x5c.size() > MAX_CHAIN) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.CERTIFICATE_CHAIN,
                    "x5c must be an array of 1 to " + MAX_CHAIN
                    + " certificates");
        }
        List<byte[]> ders = new ArrayList<>();
        java.security.MessageDigest chainDigest = sha256();
        for (int i = 0; i < x5c.size(); i++) {
            JsonNode n = x5c.get(i);
            byte[] der = n.isString() ? StrictBase64.standard(n.stringValue()).orElse(null) : null;
            if (der == null) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.CERTIFICATE_CHAIN,
                        "x5c[" + i + "] is not canonical base64");
            }
            ders.add(der);
            chainDigest.update(der);
        }
        // A known sender's chain is parsed once per verifier, not per envelope.
        return parsedCertificates.get(java.util.HexFormat.of().formatHex(chainDigest.digest()), () -> parse(ders));
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static List<X509Certificate> parse(List<byte[]> ders) {
        List<X509Certificate> out = new ArrayList<>();
        for (int i = 0; i < ders.size(); i++) {
            byte[] der = ders.get(i);
            X509Certificate cert;
            try {
                cert = Credentials.certificateFromDer(der);
                // Bouncy Castle parses the key lazily and returns null for an unparseable one.
                if (cert.getPublicKey() == null) {
                    throw new EnvelopeException.Rejected(EnvelopeException.Check.CERTIFICATE_CHAIN,
                            "x5c[" + i + "] has no usable public key");
                }
            } catch (KeyMaterialException | IllegalArgumentException | IllegalStateException e) {
                throw new EnvelopeException.Rejected(EnvelopeException.Check.CERTIFICATE_CHAIN,
                        "x5c[" + i + "] is not an X.509 certificate",
                        e);
            }
            out.add(cert);
        }
        return List.copyOf(out);
    }

    private static JWSVerifier nimbusVerifier(EnvelopeAlgorithm alg, PublicKey key) throws JOSEException {
        JWSVerifier v = switch (alg) {
            case ES256, ES384 -> new ECDSAVerifier((ECPublicKey) key);
            case PS256 -> new RSASSAVerifier((RSAPublicKey) key);
            case EDDSA -> new Ed25519Jws.Verifier(key, CryptoProviders.provider());
        };
        v.getJCAContext().setProvider(CryptoProviders.provider());
        return v;
    }

    private List<String> allowedNames() {
        return allowed.stream().map(EnvelopeAlgorithm::jwsName).sorted().toList();
    }

    /** Configures a verifier. Not thread-safe; the verifier it builds is. */
    public static final class Builder {
        private final Set<X509Certificate> anchors = new HashSet<>();
        private RevocationSettings revocation = RevocationSettings.none();
        private final Set<EnvelopeAlgorithm> allowed = EnumSet.allOf(EnvelopeAlgorithm.class);
        private Optional<String> expectedRecipient;
        private Clock clock = Clock.systemUTC();
        private Duration skew = DEFAULT_CLOCK_SKEW;
        private Duration maxLifetime = DEFAULT_MAX_LIFETIME;
        private int maxBytes = DEFAULT_MAX_ENVELOPE_BYTES;
        private ReplayCache replayCache;
        private final Map<EnvelopeKind, Set<String>> required = new EnumMap<>(EnvelopeKind.class);
        private Optional<PrivateKey> decryptionKey = Optional.empty();
        private SenderDirectory senderDirectory = SenderDirectory.sanUriDefault();
        private Duration maxIssuedAtAge;
        private Optional<ComplianceRechecker> rechecker = Optional.empty();
        private Optional<ReviewerTrust> reviewerTrust = Optional.empty();

        private Builder() {
            for (EnvelopeKind k : EnvelopeKind.values()) {
                required.put(k, k.defaultRequiredDisclosures());
            }
        }

        /**
         * Adds trust anchors (root certificates); at least one is required.
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
         * Adds one trust anchor.
         *
         * @param root a root certificate
         * @return this builder
         */
        public Builder trustAnchor(X509Certificate root) {
            anchors.add(Objects.requireNonNull(root, "root"));
            return this;
        }

        /**
         * Adds certificate revocation lists (from the signer CAs); with any configured, every certificate of a
         * signer's path (envelopes and receipts alike) is checked against them and must be covered by a current
         * CRL from its issuer, else check {@code REVOKED}. The embedder fetches and refreshes CRLs; build a new
         * verifier with the new lists.
         *
         * @param lists the CRLs
         * @return this builder
         */
        public Builder crls(Collection<java.security.cert.X509CRL> lists) {
            revocation = revocation.withCrls(lists);
            return this;
        }

        /**
         * Checks the revocation status of a signer's certificates (envelopes and receipts) with OCSP as well: a
         * certificate the responder reports revoked, or whose status is unknown, is refused (check {@code REVOKED});
         * so is one whose responder cannot be reached, unless the settings allow a soft fail. The check runs at the
         * verifier's clock; a path so checked is trusted for at most {@link org.fmishare.core.jose.OcspSettings#cacheFor()}
         * before the responder is asked again.
         *
         * @param settings the responder and failure mode
         * @return this builder
         */
        public Builder ocsp(org.fmishare.core.jose.OcspSettings settings) {
            revocation = revocation.withOcsp(settings);
            return this;
        }

        /**
         * Adds revocation settings: their CRLs to those configured, and their OCSP settings, if any, in place of
         * earlier ones; the same as {@link #crls} and {@link #ocsp} (the value {@link ReviewerTrust.Builder#revocation}
         * takes too, so signers and reviewers can be checked from one configuration).
         *
         * @param settings the CRLs and OCSP settings
         * @return this builder
         */
        public Builder revocation(RevocationSettings settings) {
            revocation = revocation.and(settings);
            return this;
        }

        /**
         * Restricts the accepted algorithms (default: all of {@link EnvelopeAlgorithm}).
         *
         * @param first an accepted algorithm
         * @param more further accepted algorithms
         * @return this builder
         */
        public Builder allowedAlgorithms(EnvelopeAlgorithm first, EnvelopeAlgorithm... more) {
            allowed.clear();
            allowed.add(Objects.requireNonNull(first, "first"));
            for (EnvelopeAlgorithm a : more) {
                allowed.add(Objects.requireNonNull(a, "algorithm"));
            }
            return this;
        }

        /**
         * Accepts only envelopes addressed to this recipient. Either this or {@link #anyRecipient()} is required.
         *
         * @param recipientId the receiving company's or office's id
         * @return this builder
         */
        public Builder expectedRecipient(String recipientId) {
            requireUnsetRecipient();
            this.expectedRecipient = Optional.of(Objects.requireNonNull(recipientId, "recipientId"));
            return this;
        }

        /**
         * Accepts envelopes addressed to anyone (for archives and auditors, not for a receiving party).
         *
         * @return this builder
         */
        public Builder anyRecipient() {
            requireUnsetRecipient();
            this.expectedRecipient = Optional.empty();
            return this;
        }

        private void requireUnsetRecipient() {
            if (expectedRecipient != null) {
                throw new IllegalStateException("recipient policy was already set to "
                        + expectedRecipient.orElse("any recipient"));
            }
        }

        /**
         * Sets the clock; default the UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the tolerated clock skew; default {@link #DEFAULT_CLOCK_SKEW}.
         *
         * @param skew between zero and one hour
         * @return this builder
         */
        public Builder clockSkew(Duration skew) {
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative() || skew.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("clock skew must be between 0 and 1 hour, was " + skew);
            }
            this.skew = skew;
            return this;
        }

        /**
         * Sets the longest accepted envelope lifetime; default {@link #DEFAULT_MAX_LIFETIME}.
         *
         * @param maxLifetime positive
         * @return this builder
         */
        public Builder maxLifetime(Duration maxLifetime) {
            Objects.requireNonNull(maxLifetime, "maxLifetime");
            if (maxLifetime.isNegative() || maxLifetime.isZero()) {
                throw new IllegalArgumentException("maxLifetime must be positive, was " + maxLifetime);
            }
            this.maxLifetime = maxLifetime;
            return this;
        }

        /**
         * Sets who may speak as whom; default {@link SenderDirectory#sanUriDefault()} (the leaf must carry the
         * subjectAltName URI {@code urn:fmishare:sender:<sender.id>}). Receipts are bound the same way: the
         * company's id to its receipt certificate.
         *
         * @param directory the directory
         * @return this builder
         */
        public Builder senderDirectory(SenderDirectory directory) {
            this.senderDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Sets how far issued-at may lag the verifier's clock (plus the clock skew); default the configured
         * {@link #maxLifetime(Duration) maximum lifetime}. The chain is always validated at the verifier's clock;
         * this bound stops a signer from claiming an arbitrarily old signing time.
         *
         * @param age positive
         * @return this builder
         */
        public Builder maxIssuedAtAge(Duration age) {
            Objects.requireNonNull(age, "age");
            if (age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("maxIssuedAtAge must be positive, was " + age);
            }
            this.maxIssuedAtAge = age;
            return this;
        }

        /**
         * Makes this verifier re-run the SOP check of every share, meeting notice and briefing summary with the
         * rule set its envelope names, and reject ({@link EnvelopeException.Check#COMPLIANCE_RECHECK}) an envelope
         * whose claimed verdict or report digest differs from the recomputed one, or whose rule set the rechecker
         * cannot apply. Without it (the default) the verifier checks that the summary says PASS but trusts the
         * sender's report. The SOP validator module provides the implementation ({@code SopRechecker.standard()}).
         *
         * @param rechecker the rechecker
         * @return this builder
         */
        public Builder complianceRechecker(ComplianceRechecker rechecker) {
            this.rechecker = Optional.of(Objects.requireNonNull(rechecker, "rechecker"));
            return this;
        }

        /**
         * Sets the reviewers whose approvals this verifier accepts on NEEDS_REVIEW envelopes, and for which offices.
         * Without it (the default) no reviewer is trusted and every NEEDS_REVIEW envelope is refused
         * ({@link EnvelopeException.Check#REVIEW}); PASS envelopes need no reviewer.
         *
         * @param trust the trusted reviewers
         * @return this builder
         */
        public Builder reviewerTrust(ReviewerTrust trust) {
            this.reviewerTrust = Optional.of(Objects.requireNonNull(trust, "trust"));
            return this;
        }

        /**
         * Sets the largest accepted envelope, checked before parsing; default {@link #DEFAULT_MAX_ENVELOPE_BYTES}.
         *
         * @param bytes at least 1024
         * @return this builder
         */
        public Builder maxEnvelopeBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxEnvelopeBytes must be at least 1024, was " + bytes);
            }
            this.maxBytes = bytes;
            return this;
        }

        /**
         * Sets the replay cache; default a new {@link InMemoryReplayCache} for this verifier.
         *
         * @param cache the cache (shared between verifiers that must reject each other's replays)
         * @return this builder
         */
        public Builder replayCache(ReplayCache cache) {
            this.replayCache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * Replaces the disclosure clause ids required for one kind (defaults: {@link
         * EnvelopeKind#defaultRequiredDisclosures()}).
         *
         * @param kind the kind
         * @param clauseIds the required ids
         * @return this builder
         */
        public Builder requiredDisclosures(EnvelopeKind kind, Set<String> clauseIds) {
            required.put(Objects.requireNonNull(kind, "kind"), Set.copyOf(clauseIds));
            return this;
        }

        /**
         * Sets the private key that decrypts envelopes encrypted to this party ({@link EncryptedEnvelope}).
         *
         * @param key an EC P-256/P-384 or RSA private key
         * @return this builder
         */
        public Builder decryptionKey(PrivateKey key) {
            Objects.requireNonNull(key, "key");
            KeyAlgorithm t = KeyTypes.of(key).orElseThrow(() -> new IllegalArgumentException(
                    "decryption key must be EC P-256/P-384 or RSA"));
            if (t == KeyAlgorithm.ED25519) {
                throw new IllegalArgumentException("Ed25519 keys cannot decrypt; use EC P-256/P-384 or RSA");
            }
            this.decryptionKey = Optional.of(key);
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the immutable verifier
         * @throws IllegalStateException without trust anchors or a recipient policy
         */
        public EnvelopeVerifier build() {
            if (anchors.isEmpty()) {
                throw new IllegalStateException("at least one trust anchor is required");
            }
            if (expectedRecipient == null) {
                throw new IllegalStateException("set expectedRecipient(id), or anyRecipient() explicitly");
            }
            return new EnvelopeVerifier(this);
        }
    }
}

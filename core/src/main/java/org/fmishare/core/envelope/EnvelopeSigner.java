package org.fmishare.core.envelope;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.util.Base64;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.fmishare.core.keys.CryptoProviders;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.jose.Digests;
import org.fmishare.core.jose.Jcs;
import org.fmishare.core.jose.JwsKeys;
import org.fmishare.core.envelope.internal.PayloadDocument;
import org.fmishare.core.jose.internal.StrictBase64;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.model.ResponseKind;
import org.fmishare.core.model.SmcResponse;

/**
 * Signs envelopes: builds the payload (body, disclosures, compliance summary, envelope id, sender, recipient,
 * issued-at, expires-at, nonce), canonicalises it with RFC 8785, and signs it as a JWS (Nimbus JOSE+JWT over the
 * Bouncy Castle provider) with the certificate chain in the protected {@code x5c} header.
 *
 * <p>What is signed is an {@link EnvelopeBody}: {@link #sign} takes a share, meeting notice or briefing summary
 * ({@link EnvelopeBody.Subject}), {@link #signReceipt} builds the receipt body itself.
 *
 * <p>Refusals (before anything is signed): a share, meeting notice or briefing summary without a PASS compliance
 * summary, or a NEEDS_REVIEW one without a reviewer's approval ({@link EnvelopeException.Rejected} with check
 * {@code COMPLIANCE}), with an approval that this signer's {@link Builder#reviewerTrust reviewer trust} does not
 * verify ({@code REVIEW}), without every required disclosure
 * ({@code DISCLOSURES}), or whose sending office or recipient contradicts the body ({@code CONTENT}). Receipts need no
 * compliance summary. The signer does not check its own certificate's validity; the verifier does, at the signing time.
 *
 * <p>Immutable and thread-safe; build one per credential and reuse it.
 */
public final class EnvelopeSigner {
    /** The {@code typ} header of every envelope. */
    public static final String JOSE_TYPE = "fmi-share-envelope+jws";
    /** Default lifetime of an envelope: 72 hours. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(72);

    private final SigningCredential credential;
    private final String senderId;
    private final EnvelopeAlgorithm algorithm;
    private final Clock clock;
    private final Duration lifetime;
    private final Map<EnvelopeKind, Set<String>> required;
    private final SecureRandom random;
    private final EnvelopeSender sender;
    /**
     * The protected header (alg, typ, x5c) is the same for every envelope of this signer, so Nimbus serialises and
     * encodes it once here; per envelope only the payload is encoded.
     */
    private final JWSHeader header;
    private final String protectedB64;
    /** Chosen once: finding the provider that accepts the key may take a round trip to a token. */
    private final JWSSigner jwsSigner;
    private final Optional<ReviewerTrust> reviewerTrust;

    private EnvelopeSigner(Builder b) {
        this.credential = b.credential;
        this.senderId = b.senderId;
        this.algorithm = b.algorithm != null ? b.algorithm : EnvelopeAlgorithm.defaultFor(b.credential.keyAlgorithm());
        if (!algorithm.accepts(credential.keyAlgorithm())) {
            throw new IllegalStateException("algorithm " + algorithm.jwsName() + " cannot be used with a "
                    + credential.keyAlgorithm() + " key");
        }
        this.clock = b.clock;
        this.lifetime = b.lifetime;
        this.required = Map.copyOf(b.required);
        this.random = b.random;
        this.reviewerTrust = b.reviewerTrust;
        X509Certificate leaf = credential.certificate();
        try {
            this.sender = new EnvelopeSender(senderId, leaf.getSubjectX500Principal().getName(),
                    Digests.sha256(leaf.getEncoded()));
            List<Base64> chain = new ArrayList<>();
            for (X509Certificate c : credential.chain()) {
                chain.add(Base64.encode(c.getEncoded()));
            }
            this.header = new JWSHeader.Builder(algorithm.nimbus())
                    .type(new JOSEObjectType(JOSE_TYPE))
                    .x509CertChain(List.copyOf(chain))
                    .build();
            this.protectedB64 = header.toBase64URL().toString();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate chain cannot be encoded", e);
        }
        try {
            // The key may be opaque (a token's): JwsKeys picks the provider that accepts it.
            this.jwsSigner = JwsKeys.signer(credential.privateKey(), credential.keyAlgorithm());
        } catch (JOSEException e) {
            throw new EnvelopeException.ProcessingFailed("no signer for the " + credential.keyAlgorithm()
                    + " key: " + e.getMessage(), e);
        }
    }

    /**
     * Starts a builder.
     *
     * @param credential the signing key and its certificate chain
     * @param senderId the id of the office (or, for receipts, the company) this signer speaks for; a share must be
     *     sent by this office
     * @return a builder
     */
    public static Builder builder(SigningCredential credential, String senderId) {
        return new Builder(credential, senderId);
    }

    /**
     * Signs a share, meeting notice, briefing summary or share amendment, addressed to the recipient the subject
     * names.
     *
     * @param subject what to sign; a share's sending office, or a meeting's leading office, must be this signer's
     *     sender, and a meeting notice must go to one of the meeting's companies
     * @param compliance the validator's summary; its verdict must be PASS, or NEEDS_REVIEW with a reviewer's
     *     approval ({@link ComplianceSummary#withReview}) that this signer's {@link Builder#reviewerTrust} verifies
     *     for this signer's office, this subject and this report; for a share, its rule set must be the share's
     * @param disclosures the mandatory disclosures, including every required clause
     * @return the signed envelope, which also carries the signed {@link SignedEnvelope#content() content}
     * @throws EnvelopeException.Rejected with check {@code COMPLIANCE} when the verdict is not PASS (nor NEEDS_REVIEW
     *     with an approval) or the rule set differs, {@code REVIEW} when the approval is not valid, {@code DISCLOSURES} when a required clause is missing or a clause repeats, {@code CONTENT} when the
     *     subject contradicts this signer's sender or its recipient
     */
    public SignedEnvelope sign(EnvelopeBody.Subject subject, ComplianceSummary compliance,
            List<Disclosure> disclosures) {
        Objects.requireNonNull(subject, "subject");
        return sign(subject, subject.recipientId(), disclosures,
                Optional.of(Objects.requireNonNull(compliance, "compliance")));
    }

    /**
     * Signs a receipt for an envelope this party received and verified: the company's voluntary response,
     * referencing the original's id and digest, addressed to the original's sender.
     *
     * @param original the verified envelope being answered; it must be addressed to this signer's sender
     * @param response the response; its company must be this signer's sender and, for a share, its share id the
     *     share's
     * @return the signed receipt
     * @throws EnvelopeException.Rejected with check {@code CONTENT} when the response does not answer
     *     {@code original}
     */
    public SignedEnvelope signReceipt(VerifiedEnvelope original, SmcResponse response) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(response, "response");
        if (!original.recipientId().equals(senderId)) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.CONTENT,
                    "the original envelope is addressed to '"
                    + original.recipientId() + "', not to this signer's sender '" + senderId + "'");
        }
        if (original.body() instanceof EnvelopeBody.Share s && !s.share().id().equals(response.shareId())) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.CONTENT,
                    "response.shareId '" + response.shareId()
                    + "' does not answer share '" + s.share().id() + "'");
        }
        return sign(new EnvelopeBody.Receipt(response, original.reference()), original.sender().id(), List.of(),
                Optional.empty());
    }

    /**
     * Signs a company's later response to an envelope it received and verified: a receipt carrying the kind of
     * response the company chose, sent back to the office whenever the company decides (or never). The response id
     * is new ({@code response-<uuid>}), its subject is the share, meeting or briefing the original carries (for a
     * correction or retraction, the share it amends), its
     * company is this signer's sender and it is recorded at this signer's clock. Sign with the company's
     * receipt-signing credential: the office verifies it as a receipt.
     *
     * @param original the verified envelope being answered; it must be addressed to this signer's sender and carry a
     *     share, meeting notice or briefing summary
     * @param kind what the company chose to say; every kind is voluntary and has no consequence
     * @param note the company's own words, if any (at most 4,000 characters)
     * @return the signed response, a {@link EnvelopeKind#RECEIPT} envelope
     * @throws EnvelopeException.Rejected with check {@code CONTENT} when the original is itself a receipt or is
     *     addressed to another party
     * @throws org.fmishare.core.model.InvalidModelException when the note is too long
     */
    public SignedEnvelope signResponse(VerifiedEnvelope original, ResponseKind kind, Optional<String> note) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(note, "note");
        // instanceof rather than EnvelopeBody.match: a response answers any subject, whatever cases the body gains.
        if (!(original.body() instanceof EnvelopeBody.Subject subject)) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.CONTENT, "envelope "
                    + original.envelopeId() + " is a " + original.kind() + "; only a share, meeting notice or "
                    + "briefing summary can be responded to");
        }
        String subjectId;
        if (subject instanceof EnvelopeBody.Share s) {
            subjectId = s.share().id();
        } else if (subject instanceof EnvelopeBody.MeetingNotice m) {
            subjectId = m.meeting().id();
        } else if (subject instanceof EnvelopeBody.Amendment a) {
            // A response to a correction or retraction is about the share it amends.
            subjectId = a.amendment().shareId();
        } else {
            subjectId = ((EnvelopeBody.BriefingSummary) subject).briefing().id();
        }
        UUID id = new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
        SmcResponse response = new SmcResponse("response-" + id, subjectId, senderId, kind,
                clock.instant().truncatedTo(ChronoUnit.SECONDS), note);
        return signReceipt(original, response);
    }

    /**
     * A detached CMS SignedData (RFC 5652) over the envelope's canonical payload ({@link
     * SignedEnvelope#canonicalPayload()}), for the S/MIME channel. Carries the certificate chain and the signed
     * attributes content-type, message-digest and signing-time. Signature algorithm: ecdsa-with-SHA256/384,
     * Ed25519, or RSASSA-PSS (SHA-256, MGF1-SHA-256, 32-byte salt), matching the JWS.
     *
     * @param envelope an envelope signed by this signer
     * @return the DER-encoded CMS ContentInfo
     * @throws IllegalArgumentException when the envelope was signed with another certificate
     */
    public byte[] detachedCms(SignedEnvelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        if (!envelope.certificateChain().get(0).equals(credential.certificate())) {
            throw new IllegalArgumentException("envelope " + envelope.envelopeId()
                    + " was signed with another certificate");
        }
        try {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                    .setProvider(CryptoProviders.provider()).build())
                    .build(new JcaContentSignerBuilder(cmsAlgorithm(algorithm)).setProvider(credential.signingProvider(
                            JwsKeys.jcaSignature(credential.keyAlgorithm())))
                            .build(credential.privateKey()), credential.certificate()));
            gen.addCertificates(new JcaCertStore(credential.chain()));
            return gen.generate(new CMSProcessableByteArray(envelope.canonicalPayload()), false).getEncoded();
        } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException e) {
            throw new EnvelopeException.ProcessingFailed("CMS signing of envelope " + envelope.envelopeId()
                    + " failed: " + e.getMessage(), e);
        }
    }

    static String cmsAlgorithm(EnvelopeAlgorithm algorithm) {
        return switch (algorithm) {
            case ES256 -> "SHA256withECDSA";
            case ES384 -> "SHA384withECDSA";
            case EDDSA -> "Ed25519";
            case PS256 -> "SHA256withRSAandMGF1";
        };
    }

    /** {@return the algorithm this signer uses} */
    public EnvelopeAlgorithm algorithm() {
        return algorithm;
    }

    /** {@return the sender record this signer writes into every payload} */
    public EnvelopeSender sender() {
        return sender;
    }

    private SignedEnvelope sign(EnvelopeBody body, String recipient, List<Disclosure> disclosures,
            Optional<ComplianceSummary> compliance) {
        Objects.requireNonNull(disclosures, "disclosures");
        EnvelopeKind kind = body.kind();
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(lifetime);
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        UUID id = new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
        PayloadDocument doc = new PayloadDocument(PayloadDocument.FORMAT, id.toString(), kind, sender, recipient,
                issuedAt, expiresAt, StrictBase64.url(nonce),
                body instanceof EnvelopeBody.Share b ? Optional.of(b.share()) : Optional.empty(),
                body instanceof EnvelopeBody.MeetingNotice b ? Optional.of(b.meeting()) : Optional.empty(),
                body instanceof EnvelopeBody.BriefingSummary b ? Optional.of(b.briefing()) : Optional.empty(),
                body instanceof EnvelopeBody.Receipt b ? Optional.of(b.response()) : Optional.empty(),
                body instanceof EnvelopeBody.Receipt b ? Optional.of(b.inReplyTo()) : Optional.empty(),
                body instanceof EnvelopeBody.Amendment b ? Optional.of(b.amendment()) : Optional.empty(),
                body instanceof EnvelopeBody.Amendment b ? Optional.of(b.original()) : Optional.empty(),
                disclosures, compliance);
        ContentRules.check(doc, required);
        if (compliance.isPresent() && compliance.get().review().isPresent()
                && body instanceof EnvelopeBody.Subject subject) {
            // Verified before signing, as a receiver will: the office never signs an approval it cannot stand by.
            reviewerTrust.orElseThrow(() -> new EnvelopeException.Rejected(EnvelopeException.Check.REVIEW,
                    "no reviewer is trusted by this signer (EnvelopeSigner.Builder.reviewerTrust), so a "
                    + "NEEDS_REVIEW subject cannot be signed")).verify(compliance.get().review().get(), senderId,
                    subject, compliance.get(), clock.instant());
        }
        byte[] canonical;
        try {
            // RFC 8785 bytes straight from the Jackson tree of the document: one serialisation, no re-parse.
            canonical = Jcs.canonicalize(FmiJson.standard().mapper().valueToTree(doc));
        } catch (Jcs.NotIJsonException e) {
            throw new EnvelopeException.Rejected(EnvelopeException.Check.SYNTAX,
                    "payload is not I-JSON: " + e.getMessage(), e);
        }
        // The payload is not secret, so the JDK's base64 serves (Nimbus's codec is constant-time, for secrets, and
        // costs an order of magnitude more); it is encoded once for the signing input and the serialization.
        String payloadB64 = StrictBase64.url(canonical);
        byte[] signingInput = Wire.signingInput(protectedB64, payloadB64);
        String signature;
        try {
            // The same Nimbus signer as JWSObject.sign would use, over the same signing input.
            signature = jwsSigner.sign(header, signingInput).toString();
        } catch (JOSEException e) {
            throw new EnvelopeException.ProcessingFailed("signing envelope " + id + " failed: " + e.getMessage(), e);
        }
        // Members in lexicographic order, so the serialization is itself RFC 8785 canonical.
        String json = "{\"payload\":\"" + payloadB64 + "\",\"protected\":\"" + protectedB64 + "\",\"signature\":\""
                + signature + "\"}";
        String digest = Digests.sha256(signingInput);
        return new SignedEnvelope(id.toString(), kind, sender, recipient, issuedAt, expiresAt, algorithm,
                json.getBytes(StandardCharsets.US_ASCII), canonical, digest, credential.chain(),
                // The content is taken from the document that was just signed, so it cannot differ from the payload.
                EnvelopeContent.of(doc, digest));
    }

    /** Configures a signer; every option has a safe default. Not thread-safe; the signer it builds is. */
    public static final class Builder {
        private final SigningCredential credential;
        private final String senderId;
        private EnvelopeAlgorithm algorithm;
        private Clock clock = Clock.systemUTC();
        private Duration lifetime = DEFAULT_LIFETIME;
        private final Map<EnvelopeKind, Set<String>> required = new EnumMap<>(EnvelopeKind.class);
        private SecureRandom random = new SecureRandom();
        private Optional<ReviewerTrust> reviewerTrust = Optional.empty();

        private Builder(SigningCredential credential, String senderId) {
            this.credential = Objects.requireNonNull(credential, "credential");
            this.senderId = Objects.requireNonNull(senderId, "senderId");
            if (senderId.isBlank()) {
                throw new IllegalArgumentException("senderId must not be blank");
            }
            for (EnvelopeKind k : EnvelopeKind.values()) {
                required.put(k, k.defaultRequiredDisclosures());
            }
        }

        /**
         * Sets the JWS algorithm; by default ES256 for P-256 keys, ES384 for P-384, EdDSA for Ed25519, PS256 for
         * RSA.
         *
         * @param algorithm the algorithm; must fit the credential's key type (checked by {@link #build()})
         * @return this builder
         */
        public Builder algorithm(EnvelopeAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /**
         * Sets the clock issued-at is read from; default the UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how long envelopes stay valid after signing; default {@link #DEFAULT_LIFETIME}.
         *
         * @param lifetime positive, at most 30 days
         * @return this builder
         */
        public Builder lifetime(Duration lifetime) {
            Objects.requireNonNull(lifetime, "lifetime");
            if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofDays(30)) > 0) {
                throw new IllegalArgumentException("lifetime must be positive and at most 30 days, was " + lifetime);
            }
            this.lifetime = lifetime;
            return this;
        }

        /**
         * Replaces the disclosure clause ids required for one kind of envelope (defaults: {@link
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
         * Sets the reviewers whose approvals this signer accepts for NEEDS_REVIEW subjects; without it (the default)
         * no reviewer is trusted and only PASS subjects can be signed.
         *
         * @param trust the trusted reviewers
         * @return this builder
         */
        public Builder reviewerTrust(ReviewerTrust trust) {
            this.reviewerTrust = Optional.of(Objects.requireNonNull(trust, "trust"));
            return this;
        }

        /**
         * Sets the source of nonces and envelope ids; default a new {@link SecureRandom}.
         *
         * @param random a cryptographically strong generator
         * @return this builder
         */
        public Builder secureRandom(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Builds the signer.
         *
         * @return the immutable signer
         * @throws IllegalStateException when the algorithm does not fit the key
         */
        public EnvelopeSigner build() {
            return new EnvelopeSigner(this);
        }
    }
}

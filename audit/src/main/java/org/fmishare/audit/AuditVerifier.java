package org.fmishare.audit;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fmishare.core.envelope.SenderDirectory;
import org.fmishare.core.jose.KeyPurposes;

/**
 * Walks an audit log from its first entry and checks, in order, that each entry parses and is canonical, carries
 * the sequence number of its position, matches its own hash, links to the previous entry's hash, and, for a
 * checkpoint, that its JWS verifies with a certificate chaining to a trust anchor (PKIX at the verifier's clock,
 * never the seal's claimed time, which may not lie in the future either), that the signing certificate carries the
 * audit-sealing purpose ({@link KeyPurposes#AUDIT_SEALING}) and is bound to one of the configured sealer ids (by the
 * {@link SenderDirectory}, by default the subjectAltName URI {@code urn:fmishare:sender:<id>}), that it seals exactly
 * the entries before it, and that seals do not go back in time. Finally no more records may follow the last
 * checkpoint than allowed (none by default), and an empty log is refused ({@link AuditException.LogEmpty}).
 *
 * <p>Verification returns the verified log or throws the first failure as an {@link AuditException.Integrity}
 * subtype carrying the entry's position: {@link AuditException.RecordMalformed}, {@link AuditException.SequenceBroken}
 * (an entry deleted, inserted or moved), {@link AuditException.RecordAltered}, {@link AuditException.ChainBroken},
 * {@link AuditException.SealInvalid}, {@link AuditException.SealerNotAuthorized}, {@link AuditException.SealMissing},
 * {@link AuditException.LogEmpty}.
 *
 * <p>What it cannot detect: removal of records after the last checkpoint (hence the default of allowing no unsealed
 * tail), or the removal of the whole tail back to a checkpoint when that checkpoint then ends the log; comparing
 * {@link AuditVerification#entries()} with a count published earlier (e.g. in the last transparency report) closes
 * that gap. Thread-safe and reusable.
 */
public final class AuditVerifier {
    private static final int PAGE = 512;
    private final Set<TrustAnchor> anchors;
    private final Set<X509Certificate> anchorCerts;
    private final long allowUnsealed;
    private final Set<String> sealers;
    private final SenderDirectory directory;
    private final Clock clock;
    private final Duration skew;
    private final List<java.security.cert.X509CRL> crls;
    private final java.util.Optional<org.fmishare.core.jose.OcspSettings> ocsp;

    private AuditVerifier(Builder b) {
        this.crls = List.copyOf(b.crls);
        this.ocsp = b.ocsp;
        this.sealers = Set.copyOf(b.sealers);
        this.directory = b.directory;
        this.clock = b.clock;
        this.skew = b.skew;
        this.anchorCerts = Set.copyOf(b.anchors);
        Set<TrustAnchor> a = new HashSet<>();
        for (X509Certificate c : anchorCerts) {
            a.add(new TrustAnchor(c, null));
        }
        this.anchors = Set.copyOf(a);
        this.allowUnsealed = b.allowUnsealed;
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a fully sealed log against one trust anchor and one sealer.
     *
     * @param store the log
     * @param trustAnchor the root the checkpoint signer's chain must lead to
     * @param sealerId the office whose audit-sealing certificate (SAN URI {@code urn:fmishare:sender:<id>}) may seal
     * @return the verified log
     * @throws AuditException.Integrity the first failure, with its position
     * @throws AuditException.StorageFailed if the store cannot be read
     */
    public static AuditVerification verify(AuditStore store, X509Certificate trustAnchor, String sealerId) {
        return builder().trustAnchor(trustAnchor).sealer(sealerId).build().verify(store);
    }

    /**
     * Verifies a log.
     *
     * @param store the log
     * @return the verified log
     * @throws AuditException.Integrity the first failure, with its position
     * @throws AuditException.StorageFailed if the store cannot be read
     */
    public AuditVerification verify(AuditStore store) {
        Objects.requireNonNull(store, "store");
        List<AuditRecord> records = new ArrayList<>();
        String prev = AuditEntry.GENESIS;
        long index = 0;
        int checkpoints = 0;
        long unsealed = 0;
        long firstUnsealed = -1;
        Optional<Checkpoint> last = Optional.empty();
        Instant lastSealedAt = Instant.MIN;
        Instant now = clock.instant();
        while (true) {
            List<byte[]> page = store.read(index, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (int i = 0; i < page.size(); i++) {
                byte[] bytes = page.get(i);
                EntryCodec.Decoded d;
                try {
                    d = EntryCodec.decode(bytes);
                } catch (EntryCodec.Bad e) {
                    throw new AuditException.RecordMalformed(index, e.getMessage(), e);
                }
                if (d.sequence() != index) {
                    // A larger number means a deletion or a swap; only a swap leaves the expected entry further on.
                    throw new AuditException.SequenceBroken(index, index, d.sequence(), d.sequence() > index
                            ? laterPosition(page, i + 1, index, index - i) : -1);
                }
                if (!d.storedHash().equals(d.computedHash())) {
                    throw new AuditException.RecordAltered(index, "content does not match its hash "
                            + d.storedHash() + " (recomputed " + d.computedHash() + ")");
                }
                if (!d.previousHash().equals(prev)) {
                    throw new AuditException.ChainBroken(index, "prev is " + d.previousHash()
                            + " but the entry before it hashes to " + prev);
                }
                if (d.jws().isPresent()) {
                    Seals.Sealed s;
                    try {
                        s = Seals.verify(d.jws().get(), anchors, anchorCerts, now, skew, crls, ocsp);
                    } catch (Seals.Bad e) {
                        throw new AuditException.SealInvalid(index, e.getMessage(), e);
                    }
                    checkSealer(index, s.signer());
                    if (s.count() != index || !s.head().equals(prev)) {
                        throw new AuditException.SealInvalid(index, "the seal covers " + s.count() + " entries up to "
                                + s.head() + ", but it stands after " + index + " entries up to " + prev);
                    }
                    if (s.sealedAt().isBefore(lastSealedAt)) {
                        throw new AuditException.SealInvalid(index, "sealed at " + s.sealedAt()
                                + ", before the previous seal at " + lastSealedAt);
                    }
                    lastSealedAt = s.sealedAt();
                    last = Optional.of(new Checkpoint(index, prev, d.storedHash(), s.sealedAt(),
                            s.signer().getSubjectX500Principal().getName(), d.jws().get()));
                    checkpoints++;
                    unsealed = 0;
                    firstUnsealed = -1;
                } else {
                    records.add(new AuditRecord(index, prev, d.storedHash(), d.event().orElseThrow()));
                    if (unsealed++ == 0) {
                        firstUnsealed = index;
                    }
                }
                prev = d.storedHash();
                index++;
            }
        }
        if (index == 0) {
            throw new AuditException.LogEmpty();
        }
        if (unsealed > allowUnsealed) {
            throw new AuditException.SealMissing(firstUnsealed, unsealed + " record(s) from here on are not sealed "
                    + "by any checkpoint (allowed: " + allowUnsealed + ")");
        }
        return new AuditVerification(index, checkpoints, prev, last, unsealed, records);
    }

    /**
     * A valid signature under a trusted CA is not enough to seal: another holder of a certificate under the same CA
     * (a company's receipt key, a TLS key) could rewrite, re-hash and re-seal the whole log.
     */
    private void checkSealer(long index, X509Certificate leaf) {
        String subject = leaf.getSubjectX500Principal().getName();
        if (!KeyPurposes.hasPurpose(leaf, KeyPurposes.AUDIT_SEALING)) {
            throw new AuditException.SealerNotAuthorized(index, "the seal's certificate " + subject + " may not seal "
                    + "audit logs: its extended key usage lacks audit sealing (" + KeyPurposes.AUDIT_SEALING + ")");
        }
        for (String id : sealers) {
            if (directory.isBound(id, leaf)) {
                return;
            }
        }
        throw new AuditException.SealerNotAuthorized(index, "the seal's certificate " + subject + " is not bound to "
                + "any configured sealer " + new java.util.TreeSet<>(sealers) + " (" + directory + ")");
    }

    /** Configures an {@link AuditVerifier}. Not thread-safe; the verifier it builds is. */
    public static final class Builder {
        private final Set<X509Certificate> anchors = new HashSet<>();
        private final Set<String> sealers = new HashSet<>();
        private final List<java.security.cert.X509CRL> crls = new ArrayList<>();
        private java.util.Optional<org.fmishare.core.jose.OcspSettings> ocsp = java.util.Optional.empty();
        private SenderDirectory directory = SenderDirectory.sanUriDefault();
        private Clock clock = Clock.systemUTC();
        private Duration skew = Duration.ofMinutes(2);
        private long allowUnsealed;

        private Builder() {}

        /**
         * Adds a trust anchor for checkpoint signers.
         *
         * @param root a root certificate
         * @return this builder
         */
        public Builder trustAnchor(X509Certificate root) {
            anchors.add(Objects.requireNonNull(root, "root"));
            return this;
        }

        /**
         * Adds trust anchors, e.g. old and new roots while keys rotate.
         *
         * @param roots root certificates
         * @return this builder
         */
        public Builder trustAnchors(Collection<X509Certificate> roots) {
            Objects.requireNonNull(roots, "roots");
            roots.forEach(this::trustAnchor);
            return this;
        }

        /**
         * Names an office whose audit-sealing certificate may seal the log (may be called again while sealing keys
         * rotate between offices). At least one is required: the verifier is always told who may seal.
         *
         * @param sealerId the office's id, bound to a certificate by the {@link #senderDirectory sender directory}
         * @return this builder
         */
        public Builder sealer(String sealerId) {
            KeyPurposes.senderUri(Objects.requireNonNull(sealerId, "sealerId")); // validates the id's form
            sealers.add(sealerId);
            return this;
        }

        /**
         * Sets how sealer ids are bound to certificates; default {@link SenderDirectory#sanUriDefault()} (the seal's
         * certificate carries {@code urn:fmishare:sender:<sealerId>}). A directory can instead pin a subject or a key.
         *
         * @param directory the directory
         * @return this builder
         */
        public Builder senderDirectory(SenderDirectory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Adds certificate revocation lists of the sealer's CA; with any configured, each seal's certificate path
         * must be covered by a current CRL from its issuer and not be revoked (at the verifier's clock).
         *
         * @param lists the CRLs
         * @return this builder
         */
        public Builder crls(Collection<java.security.cert.X509CRL> lists) {
            for (java.security.cert.X509CRL c : Objects.requireNonNull(lists, "lists")) {
                crls.add(Objects.requireNonNull(c, "crl"));
            }
            return this;
        }

        /**
         * Checks each seal's certificate path with OCSP as well (at the verifier's clock, no caching): a revoked or
         * unknown status, or under hard fail an unreachable responder, breaks the seal ("revocation check").
         *
         * @param settings the responder and failure mode
         * @return this builder
         */
        public Builder ocsp(org.fmishare.core.jose.OcspSettings settings) {
            this.ocsp = java.util.Optional.of(Objects.requireNonNull(settings, "settings"));
            return this;
        }

        /**
         * Sets the clock seals are checked against (certificate validity, no seal from the future); default UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how far a seal's {@code sealedAt} may lie ahead of the clock; default 2 minutes.
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
         * Accepts up to this many records after the last checkpoint, for checking a log that is still being
         * written. The default, 0, requires a fully sealed log.
         *
         * @param records 0 or more
         * @return this builder
         */
        public Builder allowUnsealedTail(long records) {
            if (records < 0) {
                throw new IllegalArgumentException("allowUnsealedTail must not be negative, was " + records);
            }
            this.allowUnsealed = records;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws IllegalStateException if no trust anchor or no sealer was given
         */
        public AuditVerifier build() {
            if (anchors.isEmpty()) {
                throw new IllegalStateException("at least one trust anchor is required to verify checkpoints");
            }
            if (sealers.isEmpty()) {
                throw new IllegalStateException("at least one sealer id is required: say who may seal this log");
            }
            return new AuditVerifier(this);
        }
    }

    /**
     * Where the entry with sequence {@code wanted} stands in the rest of the page, or -1: a swap and a deletion both
     * show a larger number than expected, and only looking ahead tells them apart.
     */
    private static long laterPosition(List<byte[]> page, int from, long wanted, long pageStart) {
        for (int j = from; j < page.size(); j++) {
            try {
                if (EntryCodec.decode(page.get(j)).sequence() == wanted) {
                    return pageStart + j;
                }
            } catch (EntryCodec.Bad e) {
                // A malformed later entry is reported when the verifier reaches it; it tells nothing here.
            }
        }
        return -1;
    }
}

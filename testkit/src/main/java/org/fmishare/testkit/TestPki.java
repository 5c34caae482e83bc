package org.fmishare.testkit;

import org.fmishare.core.keys.KeyMaterialException;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.keys.KeyAlgorithm;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.fmishare.core.jose.JwsKeys;
import org.fmishare.core.jose.KeyPurposes;

/**
 * A small certificate authority for test harnesses and demos: creates a self-signed root and issues leaf
 * certificates for senders (offices) and recipients (companies).
 *
 * <p><strong>Not for production.</strong> Keys live only in memory and no revocation information is published.
 *
 * <p>Roots carry basicConstraints CA:true (critical) and keyUsage keyCertSign|cRLSign; leaves carry basicConstraints
 * CA:false and keyUsage digitalSignature|nonRepudiation plus keyAgreement (EC) or keyEncipherment (RSA) so one
 * leaf can both sign and receive encrypted envelopes. Both carry subject and authority key identifiers. TLS leaves
 * ({@link Authority#issueTls}) instead carry keyUsage digitalSignature (plus keyEncipherment for RSA), extendedKeyUsage
 * serverAuth and clientAuth, and a subjectAltName with the given DNS names and IP addresses, so that a TLS client with
 * hostname verification accepts them for exactly those names.
 *
 * <p>Purpose-specific leaves carry what verifiers require of them (see {@link KeyPurposes}): envelope signers
 * ({@link Authority#issueEnvelopeSigner}) the envelope-signing EKU and the subjectAltName URI
 * {@code urn:fmishare:sender:<id>}; receipt signers ({@link Authority#issueReceiptSigner}) the receipt-signing EKU
 * and the company's sender URI (both also emailProtection, to sign the S/MIME mail carrying their envelopes); audit
 * sealers ({@link Authority#issueAuditSealer}) the audit-sealing EKU and the
 * office's URI; S/MIME signers ({@link Authority#issueSmime}) emailProtection and an rfc822Name. Plain
 * {@link Authority#issue} leaves carry no EKU and no subjectAltName, so verifiers refuse them as signers: use them for
 * encryption keys and to test that refusal.
 * Instances are immutable and thread-safe.
 */
public final class TestPki {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A host name of LDH labels (RFC 1123), optionally with a leading wildcard label. */
    private static final java.util.regex.Pattern DNS_NAME = java.util.regex.Pattern.compile(
            "(?=.{1,253}$)(\\*\\.)?" + "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private TestPki() {}

    /**
     * Creates a self-signed EC P-256 root authority valid from one day ago for one year, for demos.
     *
     * @param commonName the root's CN
     * @return the authority
     */
    public static Authority authority(String commonName) {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return authority(commonName, KeyAlgorithm.EC_P256, now.minus(java.time.Duration.ofDays(1)),
                now.plus(java.time.Duration.ofDays(365)));
    }

    /**
     * Creates a self-signed root authority.
     *
     * @param commonName the root's CN, for example {@code fmi-share Test Root}
     * @param algorithm the root's key type
     * @param notBefore start of validity
     * @param notAfter end of validity, after {@code notBefore}
     * @return the authority
     */
    public static Authority authority(String commonName, KeyAlgorithm algorithm, Instant notBefore,
            Instant notAfter) {
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(algorithm, "algorithm");
        checkWindow(notBefore, notAfter);
        KeyPair pair = generate(algorithm);
        X500Name name = new X500Name("CN=" + commonName);
        X509Certificate cert = certificate(name, pair.getPublic(), name, pair, algorithm, null, notBefore, notAfter,
                true, null);
        return new Authority(new SigningCredential(pair.getPrivate(), List.of(cert)), notBefore, notAfter);
    }

    /**
     * Generates a key pair with Bouncy Castle.
     *
     * @param algorithm the key type
     * @return a new key pair
     */
    public static KeyPair generate(KeyAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        try {
            KeyPairGenerator g;
            switch (algorithm) {
                case EC_P256 -> {
                    g = KeyPairGenerator.getInstance("EC", JwsKeys.provider());
                    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                }
                case EC_P384 -> {
                    g = KeyPairGenerator.getInstance("EC", JwsKeys.provider());
                    g.initialize(new ECGenParameterSpec("secp384r1"), RANDOM);
                }
                case ED25519 -> g = KeyPairGenerator.getInstance("Ed25519", JwsKeys.provider());
                case RSA_2048 -> {
                    g = KeyPairGenerator.getInstance("RSA", JwsKeys.provider());
                    g.initialize(2048, RANDOM);
                }
                case RSA_3072 -> {
                    g = KeyPairGenerator.getInstance("RSA", JwsKeys.provider());
                    g.initialize(3072, RANDOM);
                }
                default -> throw new IllegalArgumentException("unsupported key algorithm " + algorithm);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Bouncy Castle provider cannot generate " + algorithm, e);
        }
    }

    private static void checkWindow(Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " must be after notBefore " + notBefore);
        }
    }

    private static X509Certificate certificate(X500Name subject, PublicKey subjectKey, X500Name issuer,
            KeyPair issuerPair, KeyAlgorithm issuerAlgorithm, X509Certificate issuerCert, Instant notBefore,
            Instant notAfter, boolean ca, Extras extras) {
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(
                    BigInteger.ONE), Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            if (issuerCert != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerCert));
            } else {
                b.addExtension(Extension.authorityKeyIdentifier, false,
                        ext.createAuthorityKeyIdentifier(issuerPair.getPublic()));
            }
            int usage;
            if (ca) {
                usage = KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature;
            } else if (extras != null && extras.tls()) {
                usage = KeyUsage.digitalSignature;
                KeyAlgorithm subjectAlg = JwsKeys.keyAlgorithm(subjectKey).orElseThrow();
                if (subjectAlg == KeyAlgorithm.RSA_2048 || subjectAlg == KeyAlgorithm.RSA_3072) {
                    usage |= KeyUsage.keyEncipherment;
                }
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                    KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
                // RFC 5280 4.2.1.6: with an empty subject the SAN would be critical; ours always has a CN.
                b.addExtension(Extension.subjectAlternativeName, false, extras.names());
            } else {
                usage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
                KeyAlgorithm subjectAlg = JwsKeys.keyAlgorithm(subjectKey).orElseThrow();
                if (subjectAlg == KeyAlgorithm.EC_P256 || subjectAlg == KeyAlgorithm.EC_P384) {
                    usage |= KeyUsage.keyAgreement;
                } else if (subjectAlg == KeyAlgorithm.RSA_2048 || subjectAlg == KeyAlgorithm.RSA_3072) {
                    usage |= KeyUsage.keyEncipherment;
                }
                if (extras != null) {
                    // Non-critical, as RFC 5280 section 4.2.1.12 allows: relying parties that know the purpose
                    // check it; others still see a signing certificate.
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(extras.purposes()));
                    b.addExtension(Extension.subjectAlternativeName, false, extras.names());
                }
            }
            b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            return new JcaX509CertificateConverter().setProvider(JwsKeys.provider()).getCertificate(b.build(
                    new JcaContentSignerBuilder(JwsKeys.jcaSignature(issuerAlgorithm)).setProvider(JwsKeys.provider())
                            .build(issuerPair.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot issue a test certificate for " + subject, e);
        }
    }

    /** Extensions a leaf carries beyond the defaults: TLS names, or purposes with the names they speak for. */
    private record Extras(boolean tls, GeneralNames names, KeyPurposeId[] purposes) {
        static Extras purpose(String senderId, String oid) {
            // An envelope signer may also sign the S/MIME mail that carries its envelopes, and a company's receipt
            // signer the mail that carries its responses (the email receiver binds the mail's signer to the
            // envelope's), so both get emailProtection beside their own purpose.
            KeyPurposeId own = KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid));
            boolean mails = KeyPurposes.ENVELOPE_SIGNING.equals(oid) || KeyPurposes.RECEIPT_SIGNING.equals(oid);
            KeyPurposeId[] purposes = mails
                    ? new KeyPurposeId[] {own, KeyPurposeId.id_kp_emailProtection} : new KeyPurposeId[] {own};
            return new Extras(false, new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier,
                    KeyPurposes.senderUri(senderId))), purposes);
        }
    }

    /** A root (or intermediate) that issues certificates. Immutable and thread-safe. */
    public static final class Authority {
        private final SigningCredential credential;
        private final Instant notBefore;
        private final Instant notAfter;

        private Authority(SigningCredential credential, Instant notBefore, Instant notAfter) {
            this.credential = credential;
            this.notBefore = notBefore;
            this.notAfter = notAfter;
        }

        /** {@return the authority's own certificate: the trust anchor for a root} */
        public X509Certificate certificate() {
            return credential.certificate();
        }

        /** {@return the authority's key and chain (root last)} */
        public SigningCredential credential() {
            return credential;
        }

        /**
         * Issues a certificate revocation list (RFC 5280 section 5) signed by this authority.
         *
         * @param thisUpdate when the list is issued
         * @param nextUpdate when the next list is due (relying parties treat the list as stale after it)
         * @param revoked each revoked certificate (issued by this authority) with its revocation time; may be empty
         * @return the CRL
         */
        public X509CRL crl(Instant thisUpdate, Instant nextUpdate, Map<X509Certificate, Instant> revoked) {
            Objects.requireNonNull(revoked, "revoked");
            checkWindow(thisUpdate, nextUpdate);
            try {
                X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(
                        certificate().getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
                b.setNextUpdate(Date.from(nextUpdate));
                for (Map.Entry<X509Certificate, Instant> e : revoked.entrySet()) {
                    b.addCRLEntry(e.getKey().getSerialNumber(), Date.from(e.getValue()), CRLReason.keyCompromise);
                }
                b.addExtension(Extension.authorityKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate()));
                b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(
                        thisUpdate.getEpochSecond())));
                KeyAlgorithm alg = JwsKeys.keyAlgorithm(credential.privateKey()).orElseThrow();
                return new JcaX509CRLConverter().setProvider(JwsKeys.provider()).getCRL(b.build(
                        new JcaContentSignerBuilder(JwsKeys.jcaSignature(alg)).setProvider(JwsKeys.provider())
                                .build(credential.privateKey())));
            } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
                throw new IllegalStateException("cannot issue a test CRL for " + certificate()
                        .getSubjectX500Principal(), e);
            }
        }

        /**
         * Issues a leaf certificate valid for the authority's own validity window.
         *
         * @param commonName the leaf's CN, for example {@code FITF envelope signer}
         * @param algorithm the leaf's key type
         * @return the leaf's key and its chain (leaf, then this authority's chain)
         */
        public SigningCredential issue(String commonName, KeyAlgorithm algorithm) {
            return issue(commonName, algorithm, notBefore, notAfter);
        }

        /**
         * Issues a leaf certificate with its own validity window (which may lie outside the authority's, to test
         * expired and not-yet-valid certificates).
         *
         * @param commonName the leaf's CN
         * @param algorithm the leaf's key type
         * @param notBefore start of validity
         * @param notAfter end of validity
         * @return the leaf's key and its chain (leaf, then this authority's chain)
         */
        public SigningCredential issue(String commonName, KeyAlgorithm algorithm, Instant notBefore,
                Instant notAfter) {
            return issue(commonName, algorithm, notBefore, notAfter, false, null).credential;
        }

        /**
         * Issues a TLS leaf certificate (server and client authentication) for the given host names and IP
         * addresses, valid for the authority's own validity window. A TLS client that verifies host names accepts it
         * only for a name or address listed here (the CN is not used for that).
         *
         * @param commonName the leaf's CN
         * @param algorithm the leaf's key type
         * @param dnsNames DNS names for the subjectAltName, for example {@code localhost}; may be empty
         * @param ipAddresses IP address literals for the subjectAltName, for example {@code 127.0.0.1} or {@code ::1};
         *     may be empty
         * @return the leaf's key and its chain (leaf, then this authority's chain)
         * @throws IllegalArgumentException when both lists are empty, a DNS name is blank or not a host name, or an
         *     address is not an IPv4 or IPv6 literal
         */
        public SigningCredential issueTls(String commonName, KeyAlgorithm algorithm, List<String> dnsNames,
                List<String> ipAddresses) {
            Objects.requireNonNull(dnsNames, "dnsNames");
            Objects.requireNonNull(ipAddresses, "ipAddresses");
            List<GeneralName> names = new ArrayList<>();
            for (String dns : List.copyOf(dnsNames)) {
                if (!DNS_NAME.matcher(dns).matches()) {
                    throw new IllegalArgumentException("dnsNames: '" + dns + "' is not a DNS host name");
                }
                names.add(new GeneralName(GeneralName.dNSName, dns));
            }
            for (String ip : List.copyOf(ipAddresses)) {
                // Bouncy Castle encodes any string it can parse; check first that it is an address literal.
                if (!org.bouncycastle.util.IPAddress.isValid(ip)) {
                    throw new IllegalArgumentException("ipAddresses: '" + ip + "' is not an IPv4 or IPv6 literal");
                }
                names.add(new GeneralName(GeneralName.iPAddress, ip));
            }
            if (names.isEmpty()) {
                throw new IllegalArgumentException("a TLS certificate needs at least one DNS name or IP address");
            }
            return issue(commonName, algorithm, notBefore, notAfter, false,
                    new Extras(true, new GeneralNames(names.toArray(GeneralName[]::new)), null)).credential;
        }

        /**
         * Issues an envelope-signing certificate for a sender (an office): extended key usage
         * {@link KeyPurposes#ENVELOPE_SIGNING} and the subjectAltName URI {@code urn:fmishare:sender:<senderId>},
         * valid for the authority's own validity window.
         *
         * @param senderId the sender id the certificate speaks for, for example {@code fitf}
         * @param commonName the leaf's CN
         * @param algorithm the leaf's key type
         * @return the leaf's key and its chain (leaf, then this authority's chain)
         */
        public SigningCredential issueEnvelopeSigner(String senderId, String commonName, KeyAlgorithm algorithm) {
            return issueEnvelopeSigner(senderId, commonName, algorithm, notBefore, notAfter);
        }

        /**
         * Issues an envelope-signing certificate with its own validity window (to test expired and not-yet-valid
         * signers).
         *
         * @param senderId the sender id the certificate speaks for
         * @param commonName the leaf's CN
         * @param algorithm the leaf's key type
         * @param from start of validity
         * @param to end of validity
         * @return the leaf's key and its chain
         */
        public SigningCredential issueEnvelopeSigner(String senderId, String commonName, KeyAlgorithm algorithm,
                Instant from, Instant to) {
            return issue(commonName, algorithm, from, to, false,
                    Extras.purpose(senderId, KeyPurposes.ENVELOPE_SIGNING)).credential;
        }

        /**
         * Certifies, as an envelope signer for a sender, a public key whose private key this authority never sees:
         * one generated inside a hardware token, as an agency's HSM would hold it. Same extensions and validity as
         * {@link #issueEnvelopeSigner(String, String, KeyAlgorithm)}.
         *
         * @param senderId the sender id the certificate speaks for
         * @param commonName the leaf's CN
         * @param publicKey the key to certify, of a supported type
         * @return the chain, leaf first, to pair with the token's private key in a {@link SigningCredential}
         */
        public List<X509Certificate> certifyEnvelopeSigner(String senderId, String commonName, PublicKey publicKey) {
            Objects.requireNonNull(senderId, "senderId");
            Objects.requireNonNull(commonName, "commonName");
            Objects.requireNonNull(publicKey, "publicKey");
            if (JwsKeys.keyAlgorithm(publicKey).isEmpty()) {
                throw new IllegalArgumentException("unsupported public key type " + publicKey.getAlgorithm());
            }
            X509Certificate issuerCert = credential.certificate();
            X509Certificate cert = TestPki.certificate(new X500Name("CN=" + commonName), publicKey,
                    X500Name.getInstance(issuerCert.getSubjectX500Principal().getEncoded()),
                    new KeyPair(issuerCert.getPublicKey(), credential.privateKey()), credential.keyAlgorithm(),
                    issuerCert, notBefore, notAfter, false, Extras.purpose(senderId, KeyPurposes.ENVELOPE_SIGNING));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(cert);
            chain.addAll(credential.chain());
            return List.copyOf(chain);
        }

        /**
         * Issues a receipt-signing certificate for a company: extended key usage {@link KeyPurposes#RECEIPT_SIGNING}
         * and the subjectAltName URI {@code urn:fmishare:sender:<companyId>} (the company is the sender of its
         * receipts).
         *
         * @param companyId the company id, for example {@code smc-examplesocial}
         * @param commonName the leaf's CN
         * @param algorithm the leaf's key type
         * @return the leaf's key and its chain
         */
        public SigningCredential issueReceiptSigner(String companyId, String commonName, KeyAlgorithm algorithm) {
            return issue(commonName, algorithm, notBefore, notAfter, false,
                    Extras.purpose(companyId, KeyPurposes.RECEIPT_SIGNING)).credential;
        }

        /**
         * Issues an audit-sealing certificate for an office: extended key usage {@link KeyPurposes#AUDIT_SEALING}
         * and the subjectAltName URI {@code urn:fmishare:sender:<officeId>}.
         *
         * @param officeId the office that seals its log, for example {@code fitf}
         * @param commonName the leaf's CN
         * @param algorithm the leaf's key type
         * @return the leaf's key and its chain
         */
        public SigningCredential issueAuditSealer(String officeId, String commonName, KeyAlgorithm algorithm) {
            return issue(commonName, algorithm, notBefore, notAfter, false,
                    Extras.purpose(officeId, KeyPurposes.AUDIT_SEALING)).credential;
        }

        /**
         * Issues a reviewer's certificate: extended key usage {@link KeyPurposes#REVIEW_APPROVAL} and the
         * subjectAltName URI {@code urn:fmishare:sender:<reviewerId>}, for signing review decisions that approve the
         * REVIEW findings of a NEEDS_REVIEW report.
         *
         * @param reviewerId the reviewer's id, for example {@code fitf-reviewer}
         * @param commonName the leaf's CN
         * @param algorithm the leaf's key type
         * @return the leaf's key and its chain
         */
        public SigningCredential issueReviewer(String reviewerId, String commonName, KeyAlgorithm algorithm) {
            return issue(commonName, algorithm, notBefore, notAfter, false,
                    Extras.purpose(reviewerId, KeyPurposes.REVIEW_APPROVAL)).credential;
        }

        /**
         * Issues an S/MIME signing certificate: extended key usage emailProtection and the subjectAltName
         * rfc822Name {@code address}, so mail clients accept it for that address (RFC 8550 section 3).
         *
         * @param address the mailbox, for example {@code fitf@fitf.example}
         * @param commonName the leaf's CN
         * @param algorithm the leaf's key type
         * @return the leaf's key and its chain
         */
        public SigningCredential issueSmime(String address, String commonName, KeyAlgorithm algorithm) {
            Objects.requireNonNull(address, "address");
            if (!address.matches("[^@\\s]+@[^@\\s]+")) {
                throw new IllegalArgumentException("address: '" + address + "' is not a mailbox");
            }
            return issue(commonName, algorithm, notBefore, notAfter, false, new Extras(false,
                    new GeneralNames(new GeneralName(GeneralName.rfc822Name, address)),
                    new KeyPurposeId[] {KeyPurposeId.id_kp_emailProtection})).credential;
        }

        /**
         * Issues an intermediate authority.
         *
         * @param commonName the intermediate's CN
         * @param algorithm its key type
         * @return the intermediate, whose chain continues with this authority's
         */
        public Authority intermediate(String commonName, KeyAlgorithm algorithm) {
            return issue(commonName, algorithm, notBefore, notAfter, true, null);
        }

        private Authority issue(String commonName, KeyAlgorithm algorithm, Instant from, Instant to, boolean ca,
                Extras extras) {
            Objects.requireNonNull(commonName, "commonName");
            Objects.requireNonNull(algorithm, "algorithm");
            checkWindow(from, to);
            KeyPair pair = generate(algorithm);
            X509Certificate issuerCert = credential.certificate();
            X509Certificate cert = TestPki.certificate(new X500Name("CN=" + commonName), pair.getPublic(),
                    X500Name.getInstance(issuerCert.getSubjectX500Principal().getEncoded()),
                    new KeyPair(issuerCert.getPublicKey(), credential.privateKey()), credential.keyAlgorithm(),
                    issuerCert, from, to, ca, extras);
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(cert);
            chain.addAll(credential.chain());
            return new Authority(new SigningCredential(pair.getPrivate(), chain), from, to);
        }
    }
}

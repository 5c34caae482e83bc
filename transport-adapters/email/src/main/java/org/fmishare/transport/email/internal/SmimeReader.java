package org.fmishare.transport.email.internal;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientId;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.mail.smime.SMIMEEnveloped;
import org.bouncycastle.mail.smime.SMIMEException;
import org.bouncycastle.mail.smime.SMIMESigned;
import org.bouncycastle.mail.smime.SMIMEUtil;
import org.bouncycastle.operator.OperatorCreationException;
import org.fmishare.transport.email.EmailTransportException.DecryptionFailed;
import org.fmishare.transport.email.EmailTransportException.MessageMalformed;
import org.fmishare.transport.email.EmailTransportException.SmimeVerificationFailed;

/**
 * Opens a received message: decrypts (when encrypted), verifies the one S/MIME signature and its signer's chain,
 * and checks the fixed structure {@link SmimeComposer} produces. Design note: the structure is an allow-list, not a
 * search: exactly one readable alternative pair and exactly one envelope attachment, so a message cannot smuggle a
 * second envelope or a body that the signature does not cover.
 */
public final class SmimeReader {
    private static final Set<String> DIGESTS = Set.of(NISTObjectIdentifiers.id_sha256.getId(),
            NISTObjectIdentifiers.id_sha384.getId(), NISTObjectIdentifiers.id_sha512.getId());
    private static final Set<String> CONTENT_CIPHERS = Set.of(NISTObjectIdentifiers.id_aes128_CBC.getId(),
            NISTObjectIdentifiers.id_aes192_CBC.getId(), NISTObjectIdentifiers.id_aes256_CBC.getId(),
            NISTObjectIdentifiers.id_aes128_GCM.getId(), NISTObjectIdentifiers.id_aes256_GCM.getId());

    private final Set<TrustAnchor> anchors;
    private final Optional<PrivateKey> decryptionKey;
    private final Optional<X509Certificate> decryptionCertificate;
    private final boolean requireEncryption;

    /**
     * Creates a reader.
     *
     * @param anchors S/MIME trust anchors
     * @param decryptionKey the key for encrypted messages, if any
     * @param decryptionCertificate its certificate
     * @param requireEncryption whether signed-only messages are refused
     */
    public SmimeReader(Collection<X509Certificate> anchors, Optional<PrivateKey> decryptionKey,
            Optional<X509Certificate> decryptionCertificate, boolean requireEncryption) {
        List<TrustAnchor> ta = new ArrayList<>();
        anchors.forEach(c -> ta.add(new TrustAnchor(c, null)));
        this.anchors = Set.copyOf(ta);
        this.decryptionKey = decryptionKey;
        this.decryptionCertificate = decryptionCertificate;
        this.requireEncryption = requireEncryption;
    }

    /**
     * What a verified message contains.
     *
     * @param messageId the Message-ID header (unauthenticated), or empty
     * @param signer the S/MIME signer's certificate, chain-validated
     * @param encrypted whether the message was S/MIME-encrypted
     * @param text the plain-text body
     * @param html the HTML body, if present
     * @param envelope the attached envelope's bytes
     */
    public record Opened(Optional<String> messageId, X509Certificate signer, boolean encrypted, String text,
            Optional<String> html, byte[] envelope) {}

    /**
     * Opens and verifies a message.
     *
     * @param raw the RFC 5322 bytes
     * @param now the time for certificate validation
     * @return the contents
     */
    public Opened open(byte[] raw, Instant now) {
        MimeMessage message;
        try {
            message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new MessageMalformed("not an RFC 5322 message: " + e.getMessage(), e);
        }
        try {
            Part signedPart = message;
            boolean encrypted = false;
            if (message.isMimeType("application/pkcs7-mime") || message.isMimeType("application/x-pkcs7-mime")) {
                signedPart = decrypt(message);
                encrypted = true;
            } else if (requireEncryption) {
                throw new DecryptionFailed("message is not S/MIME-encrypted and this receiver requires encryption");
            }
            if (!signedPart.isMimeType("multipart/signed")) {
                throw new SmimeVerificationFailed("message is not S/MIME-signed (multipart/signed expected, got "
                        + safe(signedPart.getContentType()) + ")");
            }
            MimeMultipart parts = (MimeMultipart) signedPart.getContent();
            // RFC 8551 3.5.3: the content and the signature. Bouncy Castle indexes the second part without checking.
            if (parts.getCount() != 2) {
                throw new MessageMalformed("multipart/signed must have exactly two parts (content and signature), "
                        + "has " + parts.getCount());
            }
            SMIMESigned signed = new SMIMESigned(parts);
            X509Certificate signer = verifySignature(signed, now);
            MimeBodyPart content = signed.getContent();
            return contents(Optional.ofNullable(message.getMessageID()), signer, encrypted, content);
        } catch (MessagingException | IOException | CMSException | ClassCastException e) {
            throw new MessageMalformed("cannot read the S/MIME structure: " + e.getMessage(), e);
        } catch (org.fmishare.core.FmiShareException e) {
            throw e;
        } catch (RuntimeException e) {
            // The S/MIME library decodes ASN.1 (certificates, signer infos, recipient infos) lazily and reports
            // structure errors as assorted unchecked exceptions from deep inside (argument, state, index and
            // no-such-element errors so far, each found by fuzzing). Their text names library classes, so it stays
            // in the cause. Only those are hostile input; an unchecked exception raised by this reader's own code is
            // a bug and must surface as one, not as a malformed message.
            if (!thrownByLibrary(e)) {
                throw e;
            }
            throw new MessageMalformed("the S/MIME structure is malformed: a certificate, signature or encryption "
                    + "field does not decode", e);
        }
    }

    /**
     * Whether an unchecked exception was raised inside the S/MIME or mail libraries: the first frame outside the JDK
     * (which the libraries call into, e.g. for index checks) belongs to Bouncy Castle or Jakarta Mail.
     */
    static boolean thrownByLibrary(RuntimeException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String c = frame.getClassName();
            if (c.startsWith("java.") || c.startsWith("javax.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
                continue;
            }
            return c.startsWith("org.bouncycastle.") || c.startsWith("jakarta.mail.")
                    || c.startsWith("org.eclipse.angus.") || c.startsWith("com.sun.mail.");
        }
        return false;
    }

    private Part decrypt(MimeMessage message) throws MessagingException {
        if (decryptionKey.isEmpty() || decryptionCertificate.isEmpty()) {
            throw new DecryptionFailed("message is S/MIME-encrypted but this receiver has no decryption key");
        }
        try {
            SMIMEEnveloped env = new SMIMEEnveloped(message);
            if (!CONTENT_CIPHERS.contains(env.getEncryptionAlgOID())) {
                throw new DecryptionFailed("content encryption algorithm " + env.getEncryptionAlgOID()
                        + " is not accepted (AES-CBC or AES-GCM)");
            }
            PrivateKey key = decryptionKey.get();
            X509Certificate cert = decryptionCertificate.get();
            RecipientId rid;
            Recipient recipient;
            if (key instanceof RSAPrivateKey || "RSA".equals(key.getAlgorithm())) {
                rid = new JceKeyTransRecipientId(cert);
                recipient = new JceKeyTransEnvelopedRecipient(key).setProvider(Bc.provider());
            } else {
                rid = new JceKeyAgreeRecipientId(cert);
                recipient = new JceKeyAgreeEnvelopedRecipient(key).setProvider(Bc.provider());
            }
            RecipientInformation info = env.getRecipientInfos().get(rid);
            if (info == null) {
                throw new DecryptionFailed("message is not encrypted to this receiver's certificate "
                        + cert.getSubjectX500Principal().getName());
            }
            return SMIMEUtil.toMimeBodyPart(info.getContent(recipient));
        } catch (CMSException | SMIMEException e) {
            throw new DecryptionFailed("cannot decrypt: " + e.getMessage(), e);
        }
    }

    private X509Certificate verifySignature(SMIMESigned signed, Instant now) throws CMSException {
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new SmimeVerificationFailed("exactly one signer expected, found " + signers.size());
        }
        SignerInformation si = signers.iterator().next();
        if (!DIGESTS.contains(si.getDigestAlgOID())) {
            throw new SmimeVerificationFailed("digest algorithm " + si.getDigestAlgOID()
                    + " is not accepted (SHA-256, SHA-384, SHA-512)");
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(si.getSID());
        if (matches.size() != 1) {
            throw new SmimeVerificationFailed("the signer's certificate is not in the message");
        }
        JcaX509CertificateConverter conv = new JcaX509CertificateConverter().setProvider(Bc.provider());
        X509Certificate leaf;
        List<X509Certificate> all = new ArrayList<>();
        try {
            leaf = conv.getCertificate(matches.iterator().next());
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> holders = signed.getCertificates().getMatches(null);
            for (X509CertificateHolder h : holders) {
                all.add(conv.getCertificate(h));
            }
        } catch (java.security.cert.CertificateException e) {
            throw new SmimeVerificationFailed("a certificate in the message does not parse", e);
        }
        for (X509Certificate c : all) {
            try {
                c.getPublicKey();
            } catch (RuntimeException e) {
                // Bouncy Castle decodes the key lazily and reports an invalid curve point as an unchecked
                // IllegalStateException from inside signature or path checks; found by fuzzing.
                throw new SmimeVerificationFailed("the certificate of " + c.getSubjectX500Principal().getName()
                        + " in the message carries a malformed public key", e);
            }
        }
        boolean valid;
        try {
            valid = si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.provider()).build(leaf));
        } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException e) {
            throw new SmimeVerificationFailed("signature does not verify: the signed content was altered "
                    + "(message-digest mismatch)", e);
        } catch (OperatorCreationException | CMSException e) {
            throw new SmimeVerificationFailed("signature cannot be verified: " + e.getMessage(), e);
        }
        if (!valid) {
            throw new SmimeVerificationFailed("signature does not verify with the key of "
                    + leaf.getSubjectX500Principal().getName());
        }
        validateChain(leaf, all, now);
        return leaf;
    }

    private void validateChain(X509Certificate leaf, List<X509Certificate> all, Instant now) {
        if (leaf.getBasicConstraints() != -1) {
            throw new SmimeVerificationFailed("the S/MIME signer certificate is a CA certificate");
        }
        boolean[] ku = leaf.getKeyUsage();
        if (ku != null && !(ku[0] || ku[1])) {
            throw new SmimeVerificationFailed("the signer certificate's key usage allows neither digitalSignature "
                    + "nor nonRepudiation");
        }
        try {
            List<String> eku = leaf.getExtendedKeyUsage();
            if (eku != null && !eku.contains(KeyPurposeId.id_kp_emailProtection.getId())
                    && !eku.contains(KeyPurposeId.anyExtendedKeyUsage.getId())) {
                throw new SmimeVerificationFailed("the signer certificate's extended key usage excludes "
                        + "emailProtection");
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(now));
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(all),
                    Bc.provider()));
            CertPathBuilder.getInstance("PKIX", Bc.provider()).build(params);
        } catch (CertPathBuilderException e) {
            throw new SmimeVerificationFailed("the signer certificate " + leaf.getSubjectX500Principal().getName()
                    + " does not chain to a trusted S/MIME anchor at " + now + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SmimeVerificationFailed("certificate path validation could not run: " + e.getMessage(), e);
        }
    }

    private static Opened contents(Optional<String> messageId, X509Certificate signer, boolean encrypted,
            MimeBodyPart content) throws MessagingException, IOException {
        if (!content.isMimeType("multipart/mixed")) {
            throw new MessageMalformed("signed content must be multipart/mixed, was "
                    + safe(content.getContentType()));
        }
        MimeMultipart mixed = (MimeMultipart) content.getContent();
        if (mixed.getCount() != 2) {
            throw new MessageMalformed("signed content must have exactly 2 parts (body, envelope), has "
                    + mixed.getCount());
        }
        BodyPart alternative = mixed.getBodyPart(0);
        BodyPart attachment = mixed.getBodyPart(1);
        if (!alternative.isMimeType("multipart/alternative")) {
            throw new MessageMalformed("first part must be multipart/alternative, was "
                    + safe(alternative.getContentType()));
        }
        if (!attachment.isMimeType(SmimeComposer.ENVELOPE_TYPE)) {
            throw new MessageMalformed("second part must be " + SmimeComposer.ENVELOPE_TYPE + ", was "
                    + safe(attachment.getContentType()));
        }
        MimeMultipart alt = (MimeMultipart) alternative.getContent();
        String text = null;
        String html = null;
        for (int i = 0; i < alt.getCount(); i++) {
            BodyPart p = alt.getBodyPart(i);
            if (p.isMimeType("text/plain") && text == null) {
                text = (String) p.getContent();
            } else if (p.isMimeType("text/html") && html == null) {
                html = (String) p.getContent();
            } else {
                throw new MessageMalformed("multipart/alternative may hold one text/plain and one text/html part; "
                        + "part " + i + " is " + safe(p.getContentType()));
            }
        }
        if (text == null) {
            throw new MessageMalformed("no text/plain body");
        }
        byte[] envelope = attachment.getInputStream().readAllBytes();
        return new Opened(messageId, signer, encrypted, text, Optional.ofNullable(html), envelope);
    }

    private static String safe(String s) {
        if (s == null) {
            return "none";
        }
        String one = s.replaceAll("[\\p{Cntrl}]+", " ").trim();
        return one.length() > 100 ? one.substring(0, 100) + "..." : one;
    }
}

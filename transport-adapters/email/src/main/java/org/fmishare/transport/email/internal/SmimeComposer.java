package org.fmishare.transport.email.internal;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.mail.smime.SMIMEEnvelopedGenerator;
import org.bouncycastle.mail.smime.SMIMEException;
import org.bouncycastle.mail.smime.SMIMESignedGenerator;
import org.bouncycastle.operator.OperatorCreationException;
import org.fmishare.core.envelope.OutboundEnvelope;
import org.fmishare.core.jose.JwsKeys;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.transport.email.EmailAddress;
import org.fmishare.transport.email.EmailBody;
import org.fmishare.transport.email.EmailTransportException.SmimeFailed;

/**
 * Builds the outbound message.
 *
 * <pre>
 * [application/pkcs7-mime; smime-type=enveloped-data]      only when encrypting (sign, then encrypt)
 *   multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256
 *     multipart/mixed
 *       multipart/alternative
 *         text/plain; charset=UTF-8        quoted-printable
 *         text/html; charset=UTF-8         quoted-printable
 *       application/jose+json              base64, attachment envelope-&lt;id&gt;.json
 *     application/pkcs7-signature          detached CMS SignedData with the signer's chain
 * </pre>
 *
 * Design note: every signed part is 7-bit safe (quoted-printable or base64) so relays cannot re-encode what the
 * signature covers (RFC 8551 section 3.1.2). Content encryption is AES-256-CBC (RFC 8551's mandatory-to-implement
 * algorithm that OpenSSL and every mail client read); integrity comes from the signature inside.
 */
public final class SmimeComposer {
    /** Media type of the attached envelope. */
    public static final String ENVELOPE_TYPE = OutboundEnvelope.MEDIA_TYPE;

    private final SigningCredential signer;
    private final String signatureAlgorithm;

    /**
     * Creates a composer for one signing credential.
     *
     * @param signer an EC P-256/P-384 or RSA credential
     */
    public SmimeComposer(SigningCredential signer) {
        this.signer = signer;
        this.signatureAlgorithm = switch (signer.keyAlgorithm()) {
            case EC_P256 -> "SHA256withECDSA";
            case EC_P384 -> "SHA384withECDSA";
            case RSA_2048, RSA_3072 -> "SHA256withRSA";
            case ED25519 -> throw new IllegalArgumentException("S/MIME signing needs an EC P-256/P-384 or RSA key: "
                    + "Ed25519 in CMS (RFC 8419) is not read by common mail clients or OpenSSL 3.0");
        };
    }

    /**
     * Builds, signs and optionally encrypts the message.
     *
     * @param session the mail session
     * @param envelope the envelope to attach
     * @param body the rendered body
     * @param from the sender
     * @param to the recipient
     * @param encryptTo the recipient's certificate, or null for a signed-only message
     * @param now the Date header's time
     * @return the message, headers final
     */
    public MimeMessage compose(Session session, OutboundEnvelope envelope, EmailBody body, EmailAddress from,
            EmailAddress to, X509Certificate encryptTo, Instant now) {
        try {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body.text(), "UTF-8", "plain");
            text.setHeader("Content-Transfer-Encoding", "quoted-printable");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(body.html(), "UTF-8", "html");
            html.setHeader("Content-Transfer-Encoding", "quoted-printable");
            MimeBodyPart alternative = new MimeBodyPart();
            alternative.setContent(new MimeMultipart("alternative", text, html));

            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(envelope.serialized(),
                    ENVELOPE_TYPE)));
            attachment.setDisposition(Part.ATTACHMENT);
            attachment.setFileName("envelope-" + envelope.envelopeId() + ".json");
            attachment.setHeader("Content-Transfer-Encoding", "base64");

            MimeBodyPart content = new MimeBodyPart();
            content.setContent(new MimeMultipart("mixed", alternative, attachment));
            // Fix the part headers (boundaries, encodings) before the signature covers them.
            MimeMessage scratch = new MimeMessage(session);
            scratch.setContent(content.getContent(), content.getContentType());
            scratch.saveChanges();
            content = new MimeBodyPart();
            content.setContent((MimeMultipart) scratch.getContent());

            SMIMESignedGenerator gen = new SMIMESignedGenerator();
            // The S/MIME key may be a token's: sign through the provider that accepts it.
            gen.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().setProvider(signer.signingProvider(
                    JwsKeys.jcaSignature(signer.keyAlgorithm()))).build(signatureAlgorithm, signer.privateKey(), signer.certificate()));
            gen.addCertificates(new JcaCertStore(signer.chain()));
            MimeMultipart signed = gen.generate(content);

            EnvelopeMessage message = new EnvelopeMessage(session, MessageIds.of(envelope.envelopeId(), from));
            message.setFrom(new InternetAddress(from.address(), true));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to.address(), true));
            message.setSubject(body.subject(), "UTF-8");
            message.setSentDate(Date.from(now));
            message.setHeader("Auto-Submitted", "auto-generated");
            if (encryptTo == null) {
                message.setContent(signed, signed.getContentType());
            } else {
                MimeBodyPart signedPart = new MimeBodyPart();
                signedPart.setContent(signed, signed.getContentType());
                MimeBodyPart encrypted = encrypt(signedPart, encryptTo);
                message.setContent(encrypted.getContent(), encrypted.getContentType());
                message.setDisposition(Part.ATTACHMENT);
                message.setFileName("smime.p7m");
                message.setHeader("Content-Transfer-Encoding", "base64");
            }
            message.saveChanges();
            return message;
        } catch (MessagingException | java.io.IOException | OperatorCreationException
                 | CertificateEncodingException | SMIMEException e) {
            throw new SmimeFailed("building the S/MIME message for envelope " + envelope.envelopeId()
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static MimeBodyPart encrypt(MimeBodyPart part, X509Certificate recipient) {
        try {
            SMIMEEnvelopedGenerator gen = new SMIMEEnvelopedGenerator();
            if (recipient.getPublicKey() instanceof RSAPublicKey) {
                gen.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(recipient)
                        .setProvider(Bc.provider()));
            } else if (recipient.getPublicKey() instanceof ECPublicKey ec) {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC", Bc.provider());
                kpg.initialize(ec.getParams());
                KeyPair ephemeral = kpg.generateKeyPair();
                gen.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF,
                        ephemeral.getPrivate(), ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP)
                        .addRecipient(recipient).setProvider(Bc.provider()));
            } else {
                throw new IllegalArgumentException("recipient certificate key " + recipient.getPublicKey()
                        .getAlgorithm() + " cannot receive S/MIME encryption (use RSA or EC)");
            }
            return gen.generate(part, new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC)
                    .setProvider(Bc.provider()).build());
        } catch (GeneralSecurityException | CMSException | SMIMEException e) {
            throw new SmimeFailed("S/MIME encryption failed: " + e.getMessage(), e);
        }
    }


    /** A message whose Message-ID is fixed by the envelope id, so every retry carries the same one. */
    private static final class EnvelopeMessage extends MimeMessage {
        private final String messageId;

        EnvelopeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}

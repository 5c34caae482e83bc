package org.fmishare.core.keys;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.fmishare.core.jose.internal.KeyTypes;

/**
 * Writes PKCS#12 files with modern algorithms, the way OpenSSL 3 does by default: the key and the certificates are
 * encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) and the file is authenticated with an HMAC-SHA256 MAC. The
 * provider's default PKCS#12 keystore writes 40-bit RC2 and SHA-1, which OpenSSL 3 reads only with
 * {@code -legacy} and which protects the key poorly.
 */
final class Pkcs12Writer {
    /**
     * PBKDF2 and MAC iterations. The MAC key is derived from the same password, so a weaker MAC count would let an
     * attacker test passwords against the MAC instead of the key: both use the same count.
     */
    static final int ITERATIONS = 100_000;

    private Pkcs12Writer() {}

    static byte[] write(SigningCredential credential, String alias, char[] password) {
        try {
            List<X509Certificate> chain = credential.chain();
            X509Certificate leaf = chain.get(0);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            SubjectKeyIdentifier localKeyId = ext.createSubjectKeyIdentifier(leaf.getPublicKey());
            PKCS12SafeBag[] certs = new PKCS12SafeBag[chain.size()];
            for (int i = 0; i < chain.size(); i++) {
                JcaPKCS12SafeBagBuilder cb = new JcaPKCS12SafeBagBuilder(chain.get(i));
                if (i == 0) {
                    // friendlyName and localKeyId pair the leaf with its key, as keystores and OpenSSL expect.
                    cb.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(alias));
                    cb.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
                }
                certs[i] = cb.build();
            }
            JcaPKCS12SafeBagBuilder kb = new JcaPKCS12SafeBagBuilder(credential.privateKey(), encryptor(password));
            kb.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(alias));
            kb.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(encryptor(password), certs);
            pfx.addData(kb.build());
            PKCS12PfxPdu pdu = pfx.build(new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256)
                    .setIterationCount(ITERATIONS).setProvider(CryptoProviders.provider()), password);
            return pdu.getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | OperatorCreationException | PKCSException | IOException e) {
            throw new KeyMaterialException("PKCS#12: cannot write", e);
        }
    }

    /** A fresh salt per encrypted item, as OpenSSL does. */
    private static OutputEncryptor encryptor(char[] password) throws OperatorCreationException {
        return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                .setIterationCount(ITERATIONS).setProvider(CryptoProviders.provider()).build(password);
    }
}

package org.fmishare.core.keys;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.fmishare.core.jose.internal.KeyTypes;

/**
 * Loads and writes {@link SigningCredential}s and certificates: PKCS#12 (RFC 7292), PEM (RFC 7468: {@code PRIVATE KEY}
 * PKCS#8, and the OpenSSL {@code EC PRIVATE KEY} / {@code RSA PRIVATE KEY} forms; {@code CERTIFICATE} blocks) and JCA
 * {@link KeyStore}s. Parsing uses Bouncy Castle as an injected provider.
 *
 * <p>Every failure is a {@link KeyMaterialException} naming the source and problem; passwords and keys never appear
 * in messages.
 */
public final class Credentials {
    private Credentials() {}

    /**
     * Loads the only private-key entry of a PKCS#12 file.
     *
     * @param pkcs12 the file's bytes
     * @param password the store and key password
     * @return the credential
     * @throws KeyMaterialException when the file cannot be read, the password is wrong, or it holds no or several
     *     key entries
     */
    public static SigningCredential fromPkcs12(byte[] pkcs12, char[] password) {
        KeyStore ks = loadPkcs12(pkcs12, password);
        List<String> keyAliases = new ArrayList<>();
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException("PKCS#12: cannot list entries", e);
        }
        if (keyAliases.size() != 1) {
            throw new KeyMaterialException("PKCS#12: expected exactly one private-key entry, found "
                    + keyAliases.size() + " " + keyAliases + "; name the alias", null);
        }
        return fromKeyStore(ks, keyAliases.get(0), password);
    }

    /**
     * Loads a named private-key entry of a PKCS#12 file.
     *
     * @param pkcs12 the file's bytes
     * @param password the store and key password
     * @param alias the entry's alias
     * @return the credential
     * @throws KeyMaterialException when the file or entry cannot be read
     */
    public static SigningCredential fromPkcs12(byte[] pkcs12, char[] password, String alias) {
        return fromKeyStore(loadPkcs12(pkcs12, password), alias, password);
    }

    /**
     * Loads a private-key entry with its certificate chain from any loaded JCA key store (PKCS#12, JKS, a PKCS#11
     * token's store).
     *
     * @param keyStore a loaded key store
     * @param alias the entry's alias
     * @param keyPassword the entry's password
     * @return the credential
     * @throws KeyMaterialException when the entry is missing, is not a private key, or has no X.509 chain
     */
    public static SigningCredential fromKeyStore(KeyStore keyStore, String alias, char[] keyPassword) {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(keyPassword, "keyPassword");
        try {
            Key key = keyStore.getKey(alias, keyPassword);
            if (!(key instanceof PrivateKey pk)) {
                throw new KeyMaterialException("key store entry '" + alias + "' is not a private key", null);
            }
            Certificate[] chain = keyStore.getCertificateChain(alias);
            if (chain == null || chain.length == 0) {
                throw new KeyMaterialException("key store entry '" + alias + "' has no certificate chain", null);
            }
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : chain) {
                if (!(c instanceof X509Certificate x)) {
                    throw new KeyMaterialException("key store entry '" + alias + "' holds a non-X.509 certificate",
                            null);
                }
                certs.add(x);
            }
            return new SigningCredential(pk, certs);
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException("key store entry '" + alias + "' cannot be read (wrong password?)", e);
        }
    }

    /**
     * Loads a credential from PEM text: an unencrypted private key and the certificate chain, leaf first.
     *
     * @param privateKeyPem one {@code PRIVATE KEY}, {@code EC PRIVATE KEY} or {@code RSA PRIVATE KEY} block
     * @param certificateChainPem one or more {@code CERTIFICATE} blocks, leaf first
     * @return the credential
     * @throws KeyMaterialException when a block is missing, of the wrong kind, or does not parse
     */
    public static SigningCredential fromPem(String privateKeyPem, String certificateChainPem) {
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        return new SigningCredential(privateKeyFromPem(privateKeyPem), certificatesFromPem(certificateChainPem));
    }

    /**
     * Parses an unencrypted private key from PEM.
     *
     * @param pem one private-key block
     * @return the key
     * @throws KeyMaterialException when the text holds no supported private-key block
     */
    public static PrivateKey privateKeyFromPem(String pem) {
        Objects.requireNonNull(pem, "pem");
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(CryptoProviders.provider());
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o = parser.readObject();
            if (o instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (o instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            throw new KeyMaterialException("PEM: expected an unencrypted PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY"
                    + " block, found " + (o == null ? "nothing" : o.getClass().getSimpleName()), null);
        } catch (IOException e) {
            throw new KeyMaterialException("PEM: private key does not parse", e);
        }
    }

    /**
     * Parses every {@code CERTIFICATE} block of a PEM text, in order.
     *
     * @param pem PEM text
     * @return the certificates, at least one
     * @throws KeyMaterialException when there is none, or a block is not a certificate or does not parse
     */
    public static List<X509Certificate> certificatesFromPem(String pem) {
        Objects.requireNonNull(pem, "pem");
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(CryptoProviders.provider());
        List<X509Certificate> out = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (!(o instanceof X509CertificateHolder holder)) {
                    throw new KeyMaterialException("PEM: block " + (out.size() + 1) + " is "
                            + o.getClass().getSimpleName() + ", not a CERTIFICATE", null);
                }
                out.add(converter.getCertificate(holder));
            }
        } catch (IOException | CertificateException e) {
            throw new KeyMaterialException("PEM: certificate block " + (out.size() + 1) + " does not parse", e);
        }
        if (out.isEmpty()) {
            throw new KeyMaterialException("PEM: no CERTIFICATE block found", null);
        }
        return List.copyOf(out);
    }

    /**
     * Parses one DER-encoded certificate.
     *
     * @param der the certificate's DER bytes
     * @return the certificate
     * @throws KeyMaterialException when it does not parse
     */
    public static X509Certificate certificateFromDer(byte[] der) {
        Objects.requireNonNull(der, "der");
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509", CryptoProviders.provider())
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new KeyMaterialException("DER: certificate does not parse", e);
        }
    }

    /**
     * Writes certificates and keys as PEM blocks.
     *
     * @param objects certificates or private keys, written in order
     * @return the PEM text
     */
    public static String toPem(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                w.writeObject(Objects.requireNonNull(o, "object"));
            }
        } catch (IOException e) {
            throw new KeyMaterialException("PEM: cannot write " + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * Writes a credential as a PKCS#12 file with one key entry.
     *
     * @param credential the credential
     * @param alias the entry's alias
     * @param password the store and key password
     * @return the PKCS#12 bytes
     */
    public static byte[] toPkcs12(SigningCredential credential, String alias, char[] password) {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(password, "password");
        return Pkcs12Writer.write(credential, alias, password);
    }

    private static KeyStore loadPkcs12(byte[] pkcs12, char[] password) {
        Objects.requireNonNull(pkcs12, "pkcs12");
        Objects.requireNonNull(password, "password");
        Pkcs12Limits.check(pkcs12);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12", CryptoProviders.provider());
            ks.load(new ByteArrayInputStream(pkcs12), password);
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyMaterialException("PKCS#12: cannot be read (corrupt file or wrong password)", e);
        }
    }

}

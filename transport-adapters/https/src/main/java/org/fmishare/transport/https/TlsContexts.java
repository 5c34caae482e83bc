package org.fmishare.transport.https;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.fmishare.core.keys.SigningCredential;

/**
 * Builds {@link SSLContext}s for {@link HttpsTransport} and {@link HttpsReceiverServer} from SDK credentials (for
 * example from {@code org.fmishare.testkit.TestPki}) or from key stores.
 *
 * <p>Every context trusts exactly the given anchors (never the JDK's default CA list) through the JDK's PKIX trust
 * manager, and presents the given credential, if any. Keys and certificates made by another provider (the SDK's
 * Bouncy Castle) are re-encoded into the JDK's own types so the JDK's TLS stack can use them. There is no way to
 * build a context that trusts everything.
 */
public final class TlsContexts {
    private static final char[] TRANSIENT_PASSWORD = "in-memory".toCharArray();

    private TlsContexts() {}

    /**
     * A context that presents a credential and trusts the given anchors: a mutual-TLS client, or a server that
     * checks client certificates.
     *
     * @param credential the key and certificate chain to present (leaf first); for a server its leaf needs the
     *     server's host names or addresses in its subjectAltName ({@code TestPki.Authority.issueTls})
     * @param trustAnchors the root certificates the peer's chain must lead to; at least one
     * @return a new context
     * @throws HttpsTransportException.InvalidConfiguration when the material cannot be used for TLS
     */
    public static SSLContext of(SigningCredential credential, Collection<X509Certificate> trustAnchors) {
        Objects.requireNonNull(credential, "credential");
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            List<X509Certificate> chain = jdkCertificates(credential.chain());
            keys.setKeyEntry("credential", jdkKey(credential), TRANSIENT_PASSWORD, chain.toArray(Certificate[]::new));
            return build(keyManagers(keys, TRANSIENT_PASSWORD), trustStore(trustAnchors));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new HttpsTransportException.InvalidConfiguration("cannot use " + credential + " for TLS: "
                    + e.getMessage(), e);
        }
    }

    /**
     * A context that presents no certificate and trusts the given anchors: a TLS client for servers that do not ask
     * for client certificates.
     *
     * @param trustAnchors the root certificates the server's chain must lead to; at least one
     * @return a new context
     * @throws HttpsTransportException.InvalidConfiguration when the anchors cannot be used
     */
    public static SSLContext trusting(Collection<X509Certificate> trustAnchors) {
        try {
            return build(null, trustStore(trustAnchors));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new HttpsTransportException.InvalidConfiguration("cannot use the trust anchors for TLS: "
                    + e.getMessage(), e);
        }
    }

    /**
     * A context from key stores, as production deployments keep them (for example PKCS#12 files).
     *
     * @param keyStore holds the private key entry to present (one entry; the key manager picks a fitting one)
     * @param keyPassword the key entry's password
     * @param trustStore holds the trusted root certificates; at least one
     * @return a new context
     * @throws HttpsTransportException.InvalidConfiguration when the stores cannot be used
     */
    public static SSLContext fromKeyStores(KeyStore keyStore, char[] keyPassword, KeyStore trustStore) {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyPassword, "keyPassword");
        Objects.requireNonNull(trustStore, "trustStore");
        try {
            if (trustStore.size() == 0) {
                throw new HttpsTransportException.InvalidConfiguration("trustStore holds no certificates", null);
            }
            return build(keyManagers(keyStore, keyPassword), trustStore);
        } catch (GeneralSecurityException e) {
            throw new HttpsTransportException.InvalidConfiguration("cannot use the key stores for TLS: "
                    + e.getMessage(), e);
        }
    }

    private static KeyManager[] keyManagers(KeyStore keys, char[] password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(keys, password);
        return kmf.getKeyManagers();
    }

    private static KeyStore trustStore(Collection<X509Certificate> anchors)
            throws GeneralSecurityException, java.io.IOException {
        Objects.requireNonNull(anchors, "trustAnchors");
        List<X509Certificate> certs = jdkCertificates(List.copyOf(anchors));
        if (certs.isEmpty()) {
            throw new HttpsTransportException.InvalidConfiguration("at least one trust anchor is required", null);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (int i = 0; i < certs.size(); i++) {
            trust.setCertificateEntry("anchor-" + i, certs.get(i));
        }
        return trust;
    }

    private static SSLContext build(KeyManager[] keyManagers, KeyStore trust) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keyManagers, tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }

    private static List<X509Certificate> jdkCertificates(List<X509Certificate> certs)
            throws GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        return certs.stream().map(c -> {
            try {
                return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(c.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new HttpsTransportException.InvalidConfiguration("certificate "
                        + c.getSubjectX500Principal().getName() + " cannot be re-encoded: " + e.getMessage(), e);
            }
        }).toList();
    }

    private static PrivateKey jdkKey(SigningCredential credential) throws GeneralSecurityException {
        String algorithm = switch (credential.keyAlgorithm()) {
            case EC_P256, EC_P384 -> "EC";
            case ED25519 -> "Ed25519";
            case RSA_2048, RSA_3072 -> "RSA";
        };
        return KeyFactory.getInstance(algorithm).generatePrivate(
                new PKCS8EncodedKeySpec(credential.privateKey().getEncoded()));
    }
}

package org.fmishare.transport.https.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The one TLS policy both ends use: TLS 1.3 and 1.2 only, and for TLS 1.2 only ECDHE key exchange with AEAD
 * ciphers (forward secrecy, no CBC, no RSA key transport). TLS 1.3 suites are all AEAD. The JDK negotiates the
 * highest common version, so TLS 1.3 is used whenever the peer offers it.
 */
public final class TlsPolicy {
    /** Protocol versions, preferred first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private static final Set<String> SUITES = Set.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsPolicy() {}

    /**
     * Parameters for one end, keeping the context's preference order.
     *
     * @param context the SSL context
     * @return parameters restricted to the policy
     * @throws IllegalStateException when the context supports none of the policy's protocols or suites
     */
    public static SSLParameters parameters(SSLContext context) {
        SSLParameters supported = context.getSupportedSSLParameters();
        SSLParameters p = context.getDefaultSSLParameters();
        String[] protocols = PROTOCOLS.stream().filter(Arrays.asList(supported.getProtocols())::contains)
                .toArray(String[]::new);
        String[] suites = Arrays.stream(p.getCipherSuites()).filter(SUITES::contains).toArray(String[]::new);
        if (protocols.length == 0 || suites.length == 0) {
            throw new IllegalStateException("the SSL context (" + context.getProtocol() + ", provider "
                    + context.getProvider().getName() + ") supports none of " + PROTOCOLS + " with AEAD suites");
        }
        p.setProtocols(protocols);
        p.setCipherSuites(suites);
        return p;
    }
}

package org.fmishare.core.envelope;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Certificate chains this verifier has already parsed from {@code x5c}, keyed by the SHA-256 of their DER bytes, so
 * a known sender's chain is not parsed (ASN.1, public key) again for every envelope; alongside the validated paths
 * that {@link CertificatePathValidator} remembers. X.509 certificate objects are immutable, and a DER digest names
 * exactly one encoding, so a hit returns what parsing the same bytes would. Only chains that parsed completely are
 * stored. A bounded LRU map; thread-safe.
 */
final class ParsedCertificates {
    private static final int MAX = 256;
    private final Map<String, List<X509Certificate>> map = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<X509Certificate>> eldest) {
            return size() > MAX;
        }
    };

    /**
     * Returns the cached chain for these DER bytes, or parses it with {@code parse} and remembers the result.
     *
     * @param derDigest the SHA-256 of the chain's DER encodings, concatenated in order (DER is self-delimiting)
     * @param parse parses the chain, throwing when it does not parse; called outside the lock
     * @return the parsed chain, unmodifiable
     */
    List<X509Certificate> get(String derDigest, Supplier<List<X509Certificate>> parse) {
        synchronized (this) {
            List<X509Certificate> hit = map.get(derDigest);
            if (hit != null) {
                return hit;
            }
        }
        List<X509Certificate> parsed = List.copyOf(parse.get());
        synchronized (this) {
            map.put(derDigest, parsed);
        }
        return parsed;
    }
}

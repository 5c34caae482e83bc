package org.fmishare.core.keys;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one place that chooses the JCA providers the SDK uses.
 *
 * <p>Two roles:
 * <ul>
 *   <li>The <em>general provider</em> does everything that needs no foreign key: verification, certificate parsing
 *       and path validation, key stores, digests, encryption. Bouncy Castle by default (an instance the SDK holds
 *       itself and never registers with {@link Security}); {@link #use(Provider)} replaces it, for example with a
 *       FIPS-certified provider.</li>
 *   <li>A <em>signing provider</em> is chosen per private key: the first of the general provider, the {@linkplain
 *       #addKeyProvider key providers} (in the order they were added) and then the providers registered with
 *       {@link Security} that accepts the key for signing. A key held in a hardware security module (for example a
 *       PKCS#11 key from the JDK's SunPKCS11 provider, which has no encoding and is not an {@code ECPrivateKey}) is
 *       only usable through the provider that returned it; adding that provider with {@link #addKeyProvider} makes it
 *       usable without registering it for the whole JVM.</li>
 * </ul>
 *
 * <p>Objects that sign choose their provider when they are built (an envelope signer, an audit sealer), so change
 * providers at start-up, before building them. Thread-safe.
 */
public final class CryptoProviders {
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static volatile Provider general = BOUNCY_CASTLE;
    private static final List<Provider> KEY_PROVIDERS = new CopyOnWriteArrayList<>();

    private CryptoProviders() {}

    /** {@return the general provider: Bouncy Castle unless {@link #use(Provider)} replaced it} */
    public static Provider provider() {
        return general;
    }

    /** {@return the SDK's own Bouncy Castle instance, the default general provider} */
    public static Provider bouncyCastle() {
        return BOUNCY_CASTLE;
    }

    /**
     * Replaces the general provider for every JCA call the SDK makes from now on.
     *
     * @param provider the provider; it must offer X.509 certificates, PKIX, PKCS12 key stores and the signature,
     *     key-agreement and cipher algorithms of {@link KeyAlgorithm}
     */
    public static void use(Provider provider) {
        general = Objects.requireNonNull(provider, "provider");
    }

    /**
     * Adds a provider whose private keys only it can use (an HSM or KMS provider), consulted for signing after the
     * general provider and before the providers registered with {@link Security}. Adding the same instance twice has
     * no effect.
     *
     * @param provider the provider
     */
    public static void addKeyProvider(Provider provider) {
        Objects.requireNonNull(provider, "provider");
        if (!KEY_PROVIDERS.contains(provider)) {
            KEY_PROVIDERS.add(provider);
        }
    }

    /**
     * Removes a provider added with {@link #addKeyProvider}.
     *
     * @param provider the provider
     * @return whether it had been added
     */
    public static boolean removeKeyProvider(Provider provider) {
        return KEY_PROVIDERS.remove(Objects.requireNonNull(provider, "provider"));
    }

    /**
     * The provider that signs with a private key: the first candidate (general provider, key providers, then the
     * registered providers) whose {@code Signature} for the algorithm accepts the key.
     *
     * @param jcaAlgorithm a JCA signature name the key's type supports, such as {@code SHA256withECDSA}
     * @param key the private key, of any implementation
     * @return the provider
     * @throws KeyMaterialException when no provider accepts the key
     */
    public static Provider signingProvider(String jcaAlgorithm, PrivateKey key) {
        Objects.requireNonNull(jcaAlgorithm, "jcaAlgorithm");
        Objects.requireNonNull(key, "key");
        List<Provider> candidates = new ArrayList<>();
        candidates.add(general);
        candidates.addAll(KEY_PROVIDERS);
        candidates.addAll(List.of(Security.getProviders()));
        for (Provider p : candidates) {
            try {
                Signature s = Signature.getInstance(jcaAlgorithm, p);
                s.initSign(key);
                return p;
            } catch (GeneralSecurityException | RuntimeException e) {
                // This provider does not offer the algorithm or cannot use this key: try the next one.
            }
        }
        throw new KeyMaterialException("no JCA provider accepts the " + key.getAlgorithm() + " private key of class "
                + key.getClass().getName() + " for " + jcaAlgorithm + " (add the provider that returned the key with "
                + "CryptoProviders.addKeyProvider)", null);
    }
}

package org.fmishare.transport.email.internal;

import java.security.Provider;
import org.fmishare.core.keys.CryptoProviders;

/**
 * The JCA provider this module passes to every JCA call: the SDK's general provider, chosen in {@link
 * CryptoProviders} (Bouncy Castle unless the embedder replaced it).
 */
public final class Bc {
    private Bc() {}

    /** {@return the general provider} */
    public static Provider provider() {
        return CryptoProviders.provider();
    }
}

package org.fmishare.transport.email.internal;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The Bouncy Castle provider instance this module passes to every JCA call; never registered globally. */
public final class Bc {
    /** The provider. */
    public static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {}
}

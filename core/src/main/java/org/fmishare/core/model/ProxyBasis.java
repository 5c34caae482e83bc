package org.fmishare.core.model;

/** How a proxy is linked to its principal, in the words of 50 U.S.C. 3059(f)(2). */
public enum ProxyBasis {
    /** The proxy acts on behalf of the principal. */
    ON_BEHALF_OF,
    /** The proxy acts at the direction of the principal. */
    AT_THE_DIRECTION_OF,
    /** The proxy acts with the substantial support of the principal. */
    WITH_SUBSTANTIAL_SUPPORT_OF
}

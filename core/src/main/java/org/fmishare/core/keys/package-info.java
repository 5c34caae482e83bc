/**
 * Keys and X.509 certificates for signing and encrypting envelopes: a {@link org.fmishare.core.keys.SigningCredential}
 * (private key plus certificate chain, checked to belong together), loading from PKCS#12 (RFC 7292), PEM (RFC 7468,
 * PKCS#8 and the OpenSSL legacy forms) and JCA {@link java.security.KeyStore}s in {@link
 * org.fmishare.core.keys.Credentials}, and {@code org.fmishare.testkit.TestPki} (testkit module), a small certificate authority for
 * test harnesses and demos.
 *
 * <p>Bouncy Castle is used as an injected provider instance; nothing here registers a global JCA provider.
 */
package org.fmishare.core.keys;

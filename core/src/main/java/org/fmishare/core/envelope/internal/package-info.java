/**
 * Not API: the envelope's wire document, RFC 8785 canonicalisation, strict base64url, and the Ed25519 adapter that
 * lets Nimbus JOSE+JWT sign and verify EdDSA with a JCA provider. May change without notice.
 */
package org.fmishare.core.envelope.internal;

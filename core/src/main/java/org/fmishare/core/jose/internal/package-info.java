/**
 * Not API: key classification, strict base64, and the Ed25519 adapter that lets Nimbus JOSE+JWT sign and verify
 * EdDSA with a JCA provider. May change without notice.
 */
package org.fmishare.core.jose.internal;
